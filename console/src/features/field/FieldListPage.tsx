import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFieldList, type FieldListQueryState } from './cache.ts';
import type { FieldWorkData } from './documents.ts';
import { algiersDateTime, algiersDay, algiersToday, appointmentWhen, dayInWords } from './format.ts';
import { FirmDeadline } from './FirmDeadline.tsx';
import { useField, type SentEntry } from './FieldRoutes.tsx';
import { telLink, wayThere } from './geo.ts';
import { useLive } from './live.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { userEntries } from './outbox.ts';
import { Skeleton } from '../../components/Skeleton.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/** A day's heading: overdue, today, tomorrow, or the day in words ("Jeudi 3 décembre"), Algiers time. */
function dayHeading(day: string, today: string, t: TFunction): string {
  if (day < today) return t('En retard');
  if (day === today) return t('Aujourd’hui');
  const tomorrow = algiersToday(new Date(new Date(`${today}T12:00:00Z`).getTime() + 86_400_000));
  if (day === tomorrow) return t('Demain');
  return dayInWords(day);
}

/** The work with an appointment, soonest first (the overdue at the top), grouped by Algiers day. */
function byDay(
  works: readonly FieldWorkData[],
  today: string,
  t: TFunction,
): { heading: string; works: FieldWorkData[] }[] {
  const groups: { heading: string; works: FieldWorkData[] }[] = [];
  const sorted = [...works].sort((a, b) => Date.parse(a.appointmentAt!) - Date.parse(b.appointmentAt!));
  for (const work of sorted) {
    const heading = dayHeading(algiersDay(work.appointmentAt!), today, t);
    const last = groups.at(-1);
    if (last?.heading === heading) last.works.push(work);
    else groups.push({ heading, works: [work] });
  }
  return groups;
}

/** What the outbox has sent, confirmed: each report or failure by its customer and order. */
function SentConfirmation({ sent, onHide }: { sent: readonly SentEntry[]; onHide: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="field-saved" data-testid="field-sent">
      <ul className="field-sent">
        {sent.map((entry) => (
          <li key={entry.id}>
            {entry.kind === 'report'
              ? t('Rapport envoyé : {{name}} ({{reference}}).', {
                  name: entry.customerName,
                  reference: entry.orderReference,
                })
              : t('Déclaration d’échec envoyée : {{name}} ({{reference}}).', {
                  name: entry.customerName,
                  reference: entry.orderReference,
                })}
          </li>
        ))}
      </ul>
      <p>{t('Le bureau et la DOT le voient.')}</p>
      <button type="button" className="field-button secondary" onClick={onHide}>
        {t('Masquer')}
      </button>
    </div>
  );
}

/** One piece of work in the list: when, who, where, what is due by when, and the big buttons to call, go there and open it. */
function WorkCard({ work, pending, today }: { work: FieldWorkData; pending: boolean; today: string }) {
  const { t } = useTranslation();
  const way = work.position ? wayThere(work.position.latitude, work.position.longitude) : null;
  return (
    <li className="field-card" data-testid="field-work">
      <div className="field-card-top">
        {work.appointmentAt ? (
          <span className="field-time">{appointmentWhen(work.appointmentAt, today)}</span>
        ) : (
          <span className="field-time muted">{t('Sans rendez-vous')}</span>
        )}
        <StatusBadge family="work" status={work.status} className="field-status" />
      </div>
      <h3>
        <Link to={`/terrain/${work.id}`} className="field-card-link">
          {work.customerName ?? work.orderReference}
        </Link>
      </h3>
      <p className="field-address">
        {work.customerAddress}, {work.commune.name} ({work.commune.wilaya.code})
      </p>
      <p className="muted">{t('Commande {{reference}}', { reference: work.orderReference })}</p>
      <FirmDeadline work={work} />
      {pending && <p className="field-badge">{t('Rapport en attente d’envoi')}</p>}
      <div className="field-actions">
        {work.customerPhone && (
          <a className="field-button" href={telLink(work.customerPhone)}>
            {t('Appeler')}
          </a>
        )}
        {way && (
          <a className="field-button secondary" href={way.geo}>
            {t('Itinéraire')}
          </a>
        )}
      </div>
    </li>
  );
}

/**
 * The field view's home: the reports waiting to go out, then the appointments by day in Algiers
 * time (overdue first) and the open work without one; as last loaded when there is no network.
 * `query`: the list's query, which the field view started as it opened.
 */
export function FieldListPage({ query }: { query: FieldListQueryState }) {
  const { t } = useTranslation();
  const { db, user, sender, reached, reachable, sent, hideSent } = useField();
  const { list, kept, fetching, reload } = useFieldList(db, user.id, query, { sender, reached });
  const entries = useLive(() => userEntries(db, user.id), [user.id]);
  const pending = new Set(entries?.map((entry) => entry.customerSubscriptionId));
  const today = algiersToday();
  // The entry the form just saved: said to wait on this phone for as long as it does.
  const saved = (useLocation().state as { saved?: number } | null)?.saved;
  const waiting = entries?.some((entry) => entry.id === saved && entry.state === 'waiting') ?? false;
  return (
    <>
      <div className="field-heading">
        <h1>{t('Mon travail')}</h1>
        <button type="button" className="field-button secondary" onClick={reload} disabled={fetching}>
          {fetching ? t('Chargement…') : t('Actualiser')}
        </button>
      </div>
      {waiting && (
        <p role="status" className="field-saved">
          {t('Enregistré sur ce téléphone : il partira tout seul au retour du réseau.')}
        </p>
      )}
      {sent.length > 0 && <SentConfirmation sent={sent} onHide={hideSent} />}
      <OutboxPanel />
      {!reachable && list && (
        <p role="status" className="field-offline" data-testid="field-offline">
          {t('Hors connexion : travail tel que chargé le {{instant}}.', { instant: algiersDateTime(list.loadedAt) })}
        </p>
      )}
      {!reachable && kept && !list && (
        <p role="alert" className="field-alert">
          {t('Hors connexion, et aucun travail chargé sur ce téléphone : ouvrez cette page une fois avec du réseau.')}
        </p>
      )}
      {list && (
        <>
          <section aria-labelledby="field-appointments">
            <h2 id="field-appointments">{t('Mes rendez-vous')}</h2>
            {list.appointments.length === 0 ? (
              <p className="muted">{t('Aucun rendez-vous.')}</p>
            ) : (
              byDay(list.appointments, today, t).map((group) => (
                <div key={group.heading}>
                  <h3 className="field-day">{group.heading}</h3>
                  <ul className="field-cards">
                    {group.works.map((work) => (
                      <WorkCard key={work.id} work={work} pending={pending.has(work.id)} today={today} />
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
          <section aria-labelledby="field-unscheduled">
            <h2 id="field-unscheduled">{t('Sans rendez-vous')}</h2>
            {list.unscheduled.length === 0 ? (
              <p className="muted">{t('Aucun travail en attente de rendez-vous.')}</p>
            ) : (
              <ul className="field-cards">
                {list.unscheduled.map((work) => (
                  <WorkCard key={work.id} work={work} pending={pending.has(work.id)} today={today} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {!list && reachable && <Skeleton />}
    </>
  );
}
