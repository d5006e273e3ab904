import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { OwnerName, StepName } from '../../components/ServiceLevelClocks.tsx';
import { Table, type Column } from '../../components/Table.tsx';
import {
  formatCalendarDate,
  formatCount,
  formatDbOneDecimal,
  formatDuration,
  formatMonth,
  formatShare,
} from '../../lib/format.ts';
import type { ResultOf, VariablesOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { algiersToday } from '../invoices/dates.ts';
import { failureReasonLabels } from '../work/labels.ts';
import { ScorecardFigures, ScorecardQuery, ScorecardSubscription } from './documents.ts';
import { rankSentence } from './ranks.ts';
import { ScorecardTrend } from './ScorecardTrend.tsx';

type Figures = ResultOf<typeof ScorecardFigures>;
type Step = Figures['steps'][number] & { id: string };
type Reserve = Figures['topReserves'][number] & { id: string };
type Failure = Figures['failuresByReason'][number] & { id: string };

/** What each ranked figure is called (the API's ScorecardRankFigure). */
const rankFigureLabels: Record<string, string> = {
  FIRST_TIME_RIGHT: msg('Bons du premier coup'),
  ON_TIME: msg('Étapes à la charge du contractant dans les délais'),
};

/** A time in minutes, or "—" when no step ended. */
const minutes = (value: number | null) => (value === null ? '—' : formatDuration(value));

const stepColumns: readonly Column<Step>[] = [
  { header: msg('Étape'), cell: (step) => <StepName step={step.step} /> },
  { header: msg('À la charge de'), cell: (step) => <OwnerName owner={step.owner} /> },
  { header: msg('Terminées'), cell: (step) => formatCount(step.ended), numeric: true },
  { header: msg('Dans les délais'), cell: (step) => formatShare(step.onTimeShare), numeric: true, testId: 'on-time' },
  { header: msg('Médiane'), cell: (step) => minutes(step.medianMinutes), numeric: true },
  { header: msg('90e centile'), cell: (step) => minutes(step.p90Minutes), numeric: true },
];

const reserveColumns: readonly Column<Reserve>[] = [
  { header: msg('Réserve'), cell: (reserve) => reserve.reserve },
  { header: msg('Rejets'), cell: (reserve) => formatCount(reserve.count), numeric: true },
];

const failureColumns: readonly Column<Failure>[] = [
  { header: msg('Motif'), cell: (failure) => <FailureReason reason={failure.reason} /> },
  { header: msg('Échecs'), cell: (failure) => formatCount(failure.count), numeric: true },
];

function FailureReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return <>{t(failureReasonLabels[reason] ?? reason)}</>;
}

/**
 * The scorecard of `variables` (whose, where, which days): read once, then followed live
 * (`scorecardChanged`, the same arguments), with the trend of the same firm, wilaya or country below.
 * The page gives it a new key for each scope, so that no figure of another scope ever shows.
 */
export function ScorecardView({
  variables,
  wilayaName,
}: {
  variables: VariablesOf<typeof ScorecardQuery>;
  wilayaName: (code: string) => string;
}) {
  const [result, reexecute] = useQuery({ query: ScorecardQuery, variables });
  const [live] = useSubscription({ query: ScorecardSubscription, variables });
  const liveFigures = live.data ? readFragment(ScorecardFigures, live.data.scorecardChanged) : undefined;
  const figures = liveFigures ?? (result.data ? readFragment(ScorecardFigures, result.data.scorecard) : undefined);

  return (
    <>
      <p className="muted" role="status" aria-live="polite">
        {figures && <PeriodLine from={figures.from} to={figures.to} live={liveFigures !== undefined} />}
      </p>
      <QueryState
        shape="details"
        fetching={result.fetching && !figures}
        error={figures ? undefined : result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {figures && <ScorecardFiguresView figures={figures} wilayaName={wilayaName} />}
      <ScorecardTrend
        contractorId={variables.contractorId ?? null}
        wilayaCode={variables.wilayaCode ?? null}
        changed={live.data}
      />
    </>
  );
}

/**
 * The days counted: "Du 01/12/2026 au 31/12/2026"; a window that runs past today (the current month,
 * whose `to` is its last day) is said up to today, and only a window holding today is said live —
 * no work of a past window changes its figures.
 */
function PeriodLine({ from, to, live }: { from: string; to: string; live: boolean }) {
  const { t } = useTranslation();
  const today = algiersToday();
  const dates = { from: formatCalendarDate(from), to: formatCalendarDate(to) };
  if (to < today) return <>{t('Du {{from}} au {{to}}', dates)}</>;
  if (to > today) {
    return <>{live ? t('Du {{from}} à aujourd’hui, en direct', dates) : t('Du {{from}} à aujourd’hui', dates)}</>;
  }
  return <>{live ? t('Du {{from}} au {{to}}, en direct', dates) : t('Du {{from}} au {{to}}', dates)}</>;
}

function ScorecardFiguresView({ figures, wilayaName }: { figures: Figures; wilayaName: (code: string) => string }) {
  const { t } = useTranslation();
  const nothing = figures.accepted === 0 && figures.decided === 0 && figures.failed === 0 && figures.steps.length === 0;
  const margin = figures.qualityMargin;
  return (
    <>
      <div className="cards">
        <Card label={t('Réceptionnés')} value={formatCount(figures.accepted)} testId="scorecard-accepted" />
        <Card
          label={t('Bons du premier coup')}
          value={formatShare(figures.firstTimeRightRate)}
          detail={t('{{count}} sur {{total}} réceptionnés', {
            count: formatCount(figures.firstTimeRight),
            total: formatCount(figures.accepted),
          })}
          testId="scorecard-first-time-right"
        />
        <Card
          label={t('Taux de rejet')}
          value={formatShare(figures.rejectionRate)}
          detail={t('Rapports rejetés : {{count}} sur {{total}} décidés', {
            count: formatCount(figures.rejected),
            total: formatCount(figures.decided),
          })}
          testId="scorecard-rejection-rate"
        />
        <Card
          label={t('Taux d’échec')}
          value={formatShare(figures.failureRate)}
          detail={t('Échecs : {{count}} sur {{total}} clos', {
            count: formatCount(figures.failed),
            total: formatCount(figures.accepted + figures.failed),
          })}
          testId="scorecard-failure-rate"
        />
        <Card
          label={t('Marge qualité moyenne')}
          value={margin.averageDb === null ? '—' : formatDbOneDecimal(margin.averageDb)}
          detail={
            margin.worstDb === null
              ? t('Aucune mesure')
              : t('La plus faible {{worst}} · mesures : {{count}}', {
                  worst: formatDbOneDecimal(margin.worstDb),
                  count: formatCount(margin.measured),
                })
          }
          testId="scorecard-quality-margin"
        />
      </div>

      {figures.rankMonth !== null && figures.ranks.length > 0 && (
        <section aria-labelledby="scorecard-ranks">
          <h2 id="scorecard-ranks">
            {t('Classement en {{month}}', { month: formatMonth(`${figures.rankMonth}-01`) })}
          </h2>
          <p className="muted">
            {t(
              'Parmi les contractants qui ont travaillé ce mois-là dans le pays ou dans la même wilaya ; aucun n’est nommé.',
            )}
          </p>
          {Object.entries(rankFigureLabels).map(([figure, label]) => (
            <div key={figure}>
              <h3>{t(label)}</h3>
              <ul>
                {figures.ranks
                  .filter((rank) => rank.figure === figure)
                  .map((rank) => (
                    <li key={rank.wilayaCode ?? ''} data-testid="scorecard-rank">
                      {rankSentence(rank, rank.wilayaCode === null ? '' : wilayaName(rank.wilayaCode))}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {nothing ? (
        <EmptyState
          title={t('Rien à compter sur cette période.')}
          next={t(
            'Les chiffres se remplissent à mesure que le travail est réceptionné, rejeté ou déclaré échoué, et que les étapes se terminent.',
          )}
        />
      ) : (
        <>
          <h2>{t('Délais par étape')}</h2>
          {figures.steps.length === 0 ? (
            <p className="state">{t('Aucune étape terminée sur cette période.')}</p>
          ) : (
            <>
              <Table
                rows={figures.steps.map((step) => ({ ...step, id: step.step }))}
                columns={stepColumns}
                rowTestId="scorecard-step"
                stacked
              />
              <p className="muted">
                {t('Les durées se comptent comme l’objectif de chaque étape : en jours ouvrés ou calendaires.')}
              </p>
            </>
          )}
          <div className="scorecard-lists">
            <section aria-labelledby="scorecard-reserves">
              <h2 id="scorecard-reserves">{t('Réserves les plus fréquentes')}</h2>
              {figures.topReserves.length === 0 ? (
                <p className="state">{t('Aucune réserve sur cette période.')}</p>
              ) : (
                <Table
                  rows={figures.topReserves.map((reserve) => ({ ...reserve, id: reserve.reserve }))}
                  columns={reserveColumns}
                  rowTestId="scorecard-reserve"
                />
              )}
            </section>
            <section aria-labelledby="scorecard-failures">
              <h2 id="scorecard-failures">{t('Échecs par motif')}</h2>
              {figures.failuresByReason.length === 0 ? (
                <p className="state">{t('Aucun échec sur cette période.')}</p>
              ) : (
                <Table
                  rows={figures.failuresByReason.map((failure) => ({ ...failure, id: failure.reason }))}
                  columns={failureColumns}
                  rowTestId="scorecard-failure"
                />
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}
