import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatCount, formatMonth, formatOneDecimal } from '../../lib/format.ts';
import type { FragmentOf, ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { RolloutFigures } from './documents.ts';

type Projection = ResultOf<typeof RolloutFigures>;

/** Where a wilaya or the country stands against the deadline: the API's RolloutStatus. */
export type RolloutStatus = Projection['status'];

/** Each status in a few words (French key; English in en.ts). */
export const rolloutStatusLabels: Record<RolloutStatus, string> = {
  ON_TRACK: msg('Dans les temps'),
  AT_RISK: msg('À risque'),
  BEHIND: msg('Hors délai'),
  REACHED: msg('Objectif atteint'),
  NO_PACE: msg('Aucune réception récente'),
  NO_TARGET: msg('Sans objectif'),
};

/** What each status means, in a sentence. */
const rolloutStatusExplanations: Record<RolloutStatus, string> = {
  ON_TRACK: msg('Même au rythme le plus lent des dernières semaines, l’objectif est atteint avant l’échéance.'),
  AT_RISK: msg(
    'Au rythme le plus rapide des dernières semaines l’objectif est atteint avant l’échéance, pas au plus lent.',
  ),
  BEHIND: msg('Même au rythme le plus rapide des dernières semaines, l’objectif n’est pas atteint avant l’échéance.'),
  REACHED: msg('Toutes les prises de l’objectif sont réceptionnées.'),
  NO_PACE: msg('Rien n’a été réceptionné pendant les semaines mesurées : aucune date ne peut être projetée.'),
  NO_TARGET: msg('Les sites n’ont pas d’objectif de raccordements.'),
};

/**
 * How a status reads at a glance, for a badge or a map: good (on track or reached), warning (at
 * risk), bad (behind, or no pace at all), none (no target).
 */
export function rolloutStatusTone(status: RolloutStatus): 'good' | 'warning' | 'bad' | 'none' {
  switch (status) {
    case 'ON_TRACK':
    case 'REACHED':
      return 'good';
    case 'AT_RISK':
      return 'warning';
    case 'BEHIND':
    case 'NO_PACE':
      return 'bad';
    case 'NO_TARGET':
      return 'none';
  }
}

/** A status as a coloured badge, in words. */
export function RolloutStatusBadge({ status }: { status: RolloutStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status rollout-${rolloutStatusTone(status)}`} data-testid="rollout-status">
      {t(rolloutStatusLabels[status])}
    </span>
  );
}

/** When the target would be reached, as a range of months ("entre mars et juillet 2027"). */
function CompletionRange({ projection }: { projection: Projection }) {
  const { t } = useTranslation();
  const { earliestCompletion: earliest, latestCompletion: latest } = projection;
  if (earliest === null) return <>{t('Pas d’ici un siècle, à ce rythme.')}</>;
  if (latest === null)
    return <>{t('Au plus tôt en {{month}} ; jamais au rythme le plus lent.', { month: formatMonth(earliest) })}</>;
  if (earliest.slice(0, 7) === latest.slice(0, 7)) return <>{t('En {{month}}.', { month: formatMonth(earliest) })}</>;
  return (
    <>
      {t('Entre {{from}} et {{to}}.', {
        from: formatMonth(earliest, earliest.slice(0, 4) !== latest.slice(0, 4)),
        to: formatMonth(latest),
      })}
    </>
  );
}

/**
 * The "Objectif 2027" panel: where the wilaya or the country stands against the deadline, when it
 * would reach its target at the pace of the last weeks (a range, not one date), and its pace against
 * the pace the deadline needs. Every figure and the status are the API's (`Dashboard.projection`).
 */
export function RolloutPanel({ projection: data }: { projection: FragmentOf<typeof RolloutFigures> }) {
  const { t } = useTranslation();
  const projection = readFragment(RolloutFigures, data);
  const { status } = projection;
  const projected = status === 'ON_TRACK' || status === 'AT_RISK' || status === 'BEHIND';
  return (
    <section className="rollout" aria-labelledby="rollout-heading" data-testid="rollout-panel">
      <h2 id="rollout-heading">{t('Objectif {{year}}', { year: projection.deadline.slice(0, 4) })}</h2>
      <p>
        <RolloutStatusBadge status={status} /> {t(rolloutStatusExplanations[status])}
      </p>
      {status !== 'NO_TARGET' && (
        <dl className="details">
          <dt>{t('Reste à réceptionner')}</dt>
          <dd>
            <bdi>
              {t('{{remaining}} sur {{target}}', {
                remaining: formatCount(projection.remaining),
                target: formatCount(projection.targetConnections),
              })}
            </bdi>
          </dd>
          {projected && (
            <>
              <dt>{t('Date projetée')}</dt>
              <dd data-testid="rollout-range">
                <CompletionRange projection={projection} />
              </dd>
            </>
          )}
          <dt>{t('Rythme actuel')}</dt>
          <dd data-testid="rollout-pace">
            <bdi>
              {t('{{pace}} par semaine (de {{low}} à {{high}}), du {{from}} au {{to}}', {
                pace: formatOneDecimal(projection.weeklyPace),
                low: formatOneDecimal(projection.weeklyPaceLow),
                high: formatOneDecimal(projection.weeklyPaceHigh),
                from: formatCalendarDate(projection.paceFrom),
                to: formatCalendarDate(projection.paceTo),
              })}
            </bdi>
          </dd>
          {status !== 'REACHED' && (
            <>
              <dt>{t('Rythme nécessaire')}</dt>
              <dd data-testid="rollout-needed">
                <bdi>
                  {projection.neededWeeklyPace === null
                    ? t('L’échéance du {{deadline}} est passée.', { deadline: formatCalendarDate(projection.deadline) })
                    : t('{{pace}} par semaine pour finir le {{deadline}}', {
                        pace: formatOneDecimal(projection.neededWeeklyPace),
                        deadline: formatCalendarDate(projection.deadline),
                      })}
                </bdi>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

/** The heading of the wilaya table's column: "Objectif 2027", the year of the deadline. */
export function RolloutHeading({ projection }: { projection: FragmentOf<typeof RolloutFigures> }) {
  const { t } = useTranslation();
  return <>{t('Objectif {{year}}', { year: readFragment(RolloutFigures, projection).deadline.slice(0, 4) })}</>;
}

/** A wilaya's status against the deadline, for the wilaya table. */
export function RolloutStatusCell({ projection }: { projection: FragmentOf<typeof RolloutFigures> }) {
  return <RolloutStatusBadge status={readFragment(RolloutFigures, projection).status} />;
}
