import { lazy, Suspense, useEffect, useState } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFieldWork } from './cache.ts';
import { readDraft, type RestoredDraft } from './draft.ts';
import { useField } from './FieldRoutes.tsx';
import { algiersDateTime } from './format.ts';
import { FirmDeadline } from './FirmDeadline.tsx';
import { telLink, wayThere } from './geo.ts';
import { useLive } from './live.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { userEntries } from './outbox.ts';
import { ScheduleForm } from './ScheduleForm.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

// The report and failure forms (the signature pad, the quality gate's decimals, the photos) load
// when one is first opened, not with the list; the service worker keeps them for use offline.
const ReportForm = lazy(() => import('./ReportForm.tsx').then((module) => ({ default: module.ReportForm })));
const FailureForm = lazy(() => import('./FailureForm.tsx').then((module) => ({ default: module.FailureForm })));

type Action = 'schedule' | 'report' | 'fail';

/** The report's and the failure's drafts the user left on this work, as the page opened. */
interface Drafts {
  readonly report: RestoredDraft | null;
  readonly fail: RestoredDraft | null;
}

/**
 * One piece of work in the field: the customer, the place and the way there, the appointment, and
 * what the viewer may do with it (as the API says: `viewerCan`) — book or move the appointment,
 * report the installation, declare a failure. Works from what was last loaded when there is no network.
 * A form left as a draft (a reload, the app killed) opens again as it was left.
 */
export function FieldWorkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { db, user, settings, sender, reached, reachable } = useField();
  const { work, loadedAt, fetching, missing, error, reload } = useFieldWork(db, user.id, id, { sender, reached });
  const [action, setAction] = useState<Action | null>(null);
  // The forms opened since the page was: kept (hidden when another is shown) so that switching loses nothing.
  const [opened, setOpened] = useState<readonly Action[]>([]);
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const pending = useLive(
    async () => (await userEntries(db, user.id)).filter((entry) => entry.customerSubscriptionId === id).length,
    [user.id, id],
  );
  useEffect(() => {
    let current = true;
    void (async () => {
      const found = {
        report: await readDraft(db, { userId: user.id, customerSubscriptionId: id, kind: 'report' }),
        fail: await readDraft(db, { userId: user.id, customerSubscriptionId: id, kind: 'failure' }),
      };
      if (!current) return;
      setDrafts(found);
      const first = found.report ? 'report' : found.fail ? 'fail' : null;
      setAction(first);
      setOpened(first ? [first] : []);
    })();
    return () => {
      current = false;
    };
  }, [db, user.id, id]);

  if (!work || !drafts) {
    if (!work && (missing || (error && !fetching))) {
      return (
        <>
          <p role="alert" className="field-alert">
            {missing
              ? t('Ce travail n’est plus dans votre périmètre : il a pu être annulé ou confié à une autre équipe.')
              : t('Hors connexion, et ce travail n’a pas été chargé sur ce téléphone.')}
          </p>
          <OutboxPanel customerSubscriptionId={id} />
          <Link to="/terrain" className="field-button secondary">
            {t('Retour à mon travail')}
          </Link>
        </>
      );
    }
    return <Skeleton shape="details" />;
  }

  const way = work.position ? wayThere(work.position.latitude, work.position.longitude) : null;
  const waiting = (pending ?? 0) > 0;
  // A form with a draft stays at hand whatever the work's state: what was typed is never out of reach.
  const actions: { action: Action; label: string; allowed: boolean }[] = [
    {
      action: 'report',
      label: t('Rapport d’installation'),
      allowed: (work.viewerCan.report && !waiting) || drafts.report !== null,
    },
    {
      action: 'schedule',
      label: work.appointmentAt ? t('Déplacer le rendez-vous') : t('Planifier le rendez-vous'),
      allowed: work.viewerCan.schedule && !waiting,
    },
    {
      action: 'fail',
      label: t('Déclarer un échec'),
      allowed: (work.viewerCan.fail && !waiting) || drafts.fail !== null,
    },
  ];
  const discarded = (kind: keyof Drafts) => () => {
    setDrafts({ ...drafts, [kind]: null });
    setOpened(opened.filter((candidate) => candidate !== kind));
    setAction(null);
  };
  const choose = (next: Action) => {
    setAction(action === next ? null : next);
    if (!opened.includes(next)) setOpened([...opened, next]);
  };

  return (
    <>
      <BackLink to="/terrain" className="field-back">
        {t('Mon travail')}
      </BackLink>
      <h1>{work.customerName ?? work.orderReference}</h1>
      <p>
        <StatusBadge family="work" status={work.status} className="field-status" testId="field-work-status" />{' '}
        <span className="muted">{t('Commande {{reference}}', { reference: work.orderReference })}</span>
      </p>
      <FirmDeadline work={work} />
      {work.reserves.length > 0 && (
        <section className="field-reserves" aria-labelledby="field-reserves-title" data-testid="field-work-reserves">
          <h2 id="field-reserves-title">{t('Réserves à lever')}</h2>
          <ul>
            {work.reserves.map((reserve, index) => (
              <li key={index}>{reserve}</li>
            ))}
          </ul>
        </section>
      )}
      {!reachable && loadedAt && (
        <p role="status" className="field-offline">
          {t('Hors connexion : travail tel que chargé le {{instant}}.', { instant: algiersDateTime(loadedAt) })}
        </p>
      )}
      <dl className="field-facts">
        <dt>{t('Rendez-vous (heure d’Alger)')}</dt>
        <dd data-testid="field-work-appointment">
          <bdi>{work.appointmentAt ? algiersDateTime(work.appointmentAt) : t('Sans rendez-vous')}</bdi>
        </dd>
        <dt>{t('Adresse')}</dt>
        <dd>
          <bdi>
            {work.customerAddress}, {work.commune.name}, {work.commune.wilaya.name}
          </bdi>
        </dd>
        {work.site && (
          <>
            <dt>{t('Site')}</dt>
            <dd>
              <bdi>
                {work.site.code} — {work.site.name}
              </bdi>
            </dd>
          </>
        )}
        {work.technician && (
          <>
            <dt>{t('Technicien')}</dt>
            <dd>
              <bdi>{work.technician.displayName}</bdi>
            </dd>
          </>
        )}
      </dl>
      <div className="field-actions">
        {work.customerPhone && (
          <a className="field-button" href={telLink(work.customerPhone)}>
            {t('Appeler {{phone}}', { phone: work.customerPhone })}
          </a>
        )}
        {way && (
          <>
            <a className="field-button secondary" href={way.geo}>
              {t('Itinéraire (application de cartes)')}
            </a>
            <a className="field-button secondary" href={way.web} target="_blank" rel="noreferrer">
              {t('Itinéraire sur OpenStreetMap')}
            </a>
          </>
        )}
      </div>
      {way && work.position?.source === 'COMMUNE' && (
        <p className="muted">{t('Position approximative : le centre de la commune.')}</p>
      )}
      <OutboxPanel customerSubscriptionId={work.id} />
      {waiting && (
        <p className="field-badge">{t('Un rapport de ce travail attend l’envoi : il part dès que possible.')}</p>
      )}
      <div className="field-actions">
        {actions
          .filter((candidate) => candidate.allowed)
          .map((candidate) => (
            <button
              key={candidate.action}
              type="button"
              className="field-button"
              aria-pressed={action === candidate.action}
              onClick={() => choose(candidate.action)}
            >
              {candidate.label}
            </button>
          ))}
      </div>
      {action === 'schedule' && (
        <ScheduleForm
          work={work}
          onDone={() => {
            setAction(null);
            reload();
          }}
        />
      )}
      {(action === 'report' || action === 'fail') && !settings && (
        <p role="alert" className="field-alert">
          {t(
            'Les réglages du rapport (seuils, travaux, photos) n’ont pas encore été chargés : ouvrez cette page une fois avec du réseau.',
          )}
        </p>
      )}
      <Suspense fallback={<Skeleton />}>
        {settings && opened.includes('report') && (
          <div hidden={action !== 'report'}>
            <ReportForm work={work} settings={settings} draft={drafts.report} onDiscarded={discarded('report')} />
          </div>
        )}
        {settings && opened.includes('fail') && (
          <div hidden={action !== 'fail'}>
            <FailureForm work={work} settings={settings} draft={drafts.fail} onDiscarded={discarded('fail')} />
          </div>
        )}
      </Suspense>
    </>
  );
}
