import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { customerSubscriptionStatusLabels } from '../work/labels.ts';
import { algiersToday, useFieldList, type FieldListQueryState } from './cache.ts';
import type { FieldWorkData } from './documents.ts';
import { useField } from './FieldRoutes.tsx';
import { telLink, wayThere } from './geo.ts';
import { useLive } from './live.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { userEntries } from './outbox.ts';

/** The Algiers day of an instant, "YYYY-MM-DD". */
function algiersDay(instant: string): string {
  return algiersToday(new Date(instant));
}

/** "14:30", Algiers time. */
function algiersClock(instant: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Africa/Algiers', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** A day's heading: today, tomorrow, or the date in words ("jeudi 3 décembre"), Algiers time. */
function dayHeading(day: string, today: string, t: (key: string) => string): string {
  if (day < today) return t('En retard');
  if (day === today) return t('Aujourd’hui');
  const tomorrow = algiersToday(new Date(new Date(`${today}T12:00:00Z`).getTime() + 86_400_000));
  if (day === tomorrow) return t('Demain');
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${day}T12:00:00Z`));
}

/** The work with an appointment, grouped by Algiers day in their order (overdue first). */
function byDay(works: readonly FieldWorkData[], today: string, t: (key: string) => string): { heading: string; works: FieldWorkData[] }[] {
  const groups: { heading: string; works: FieldWorkData[] }[] = [];
  for (const work of works) {
    const heading = dayHeading(algiersDay(work.appointmentAt!), today, t);
    const last = groups.at(-1);
    if (last?.heading === heading) last.works.push(work);
    else groups.push({ heading, works: [work] });
  }
  return groups;
}

/** One piece of work in the list: when, who, where, and the big buttons to call, go there and open it. */
function WorkCard({ work, pending }: { work: FieldWorkData; pending: boolean }) {
  const { t } = useTranslation();
  const way = work.position ? wayThere(work.position.latitude, work.position.longitude) : null;
  return (
    <li className="field-card" data-testid="field-work">
      <div className="field-card-top">
        {work.appointmentAt ? <span className="field-time">{algiersClock(work.appointmentAt)}</span> : <span className="field-time muted">{t('Sans rendez-vous')}</span>}
        <span className={`field-status status-${work.status.toLowerCase()}`}>{t(customerSubscriptionStatusLabels[work.status] ?? work.status)}</span>
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
  const { db, user } = useField();
  const { list, kept, fetching, error, reload } = useFieldList(db, user.id, query);
  const pending = useLive(async () => new Set((await userEntries(db, user.id)).map((entry) => entry.customerSubscriptionId)), [user.id]);
  const today = algiersToday();
  const saved = (useLocation().state as { saved?: 'waiting' | 'sent' } | null)?.saved;
  return (
    <>
      <div className="field-heading">
        <h1>{t('Mon travail')}</h1>
        <button type="button" className="field-button secondary" onClick={reload} disabled={fetching}>
          {fetching ? t('Chargement…') : t('Actualiser')}
        </button>
      </div>
      {saved && (
        <p role="status" className="field-saved">
          {saved === 'sent' ? t('Envoyé : le bureau et la DOT le voient.') : t('Enregistré sur ce téléphone : il partira tout seul au retour du réseau.')}
        </p>
      )}
      <OutboxPanel />
      {error && list && (
        <p role="status" className="field-offline" data-testid="field-offline">
          {t('Hors connexion : travail tel que chargé le {{instant}}.', { instant: formatAlgiersDateTime(list.loadedAt) })}
        </p>
      )}
      {error && kept && !list && (
        <p role="alert" className="field-alert">
          {t('Hors connexion, et aucun travail chargé sur ce téléphone : ouvrez cette page une fois avec du réseau.')}
        </p>
      )}
      {list && (
        <>
          <section aria-labelledby="field-appointments">
            <h2 id="field-appointments">{t('Rendez-vous')}</h2>
            {list.appointments.length === 0 ? (
              <p className="muted">{t('Aucun rendez-vous.')}</p>
            ) : (
              byDay(list.appointments, today, t).map((group) => (
                <div key={group.heading}>
                  <h3 className="field-day">{group.heading}</h3>
                  <ul className="field-cards">
                    {group.works.map((work) => (
                      <WorkCard key={work.id} work={work} pending={pending?.has(work.id) ?? false} />
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
                  <WorkCard key={work.id} work={work} pending={pending?.has(work.id) ?? false} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {!list && !error && (
        <p role="status" className="state">
          {t('Chargement…')}
        </p>
      )}
    </>
  );
}
