import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { reasonInLanguage } from '../../lib/errors.ts';
import { useReadAgainOnChange } from '../../lib/live.ts';
import { AuditActor } from '../../components/AuditActor.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ServiceLevelClocks } from '../../components/ServiceLevelClocks.tsx';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import { CustomerSubscriptionChangedSubscription, CustomerSubscriptionQuery } from './documents.ts';
import { InstallationReportDetails } from './InstallationReportDetails.tsx';
import { auditActionLabels, customerSubscriptionStatusLabels, failureReasonLabels } from './labels.ts';
import { WorkActions } from './WorkActions.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/**
 * One customer subscription: the customer, the place, the firm and its technician who does the work
 * (where the viewer may read it, or name one), the appointment, the latest
 * installation report with each measurement against its thresholds, the timeline of its audit
 * trail, and what the viewer's role may do to it now (`WorkActions`). Live through `customerSubscriptionChanged`:
 * a change made elsewhere shows at once, and a subscription the viewer may no longer see turns into "not found".
 */
export function CustomerSubscriptionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: CustomerSubscriptionQuery, variables: { id } });
  useReadAgainOnChange(
    { query: CustomerSubscriptionChangedSubscription, variables: { customerSubscriptionId: id } },
    reexecute,
  );
  const subscription = result.data?.customerSubscription;
  const report = subscription?.latestInstallationReport;
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  if (result.data && !subscription) {
    return (
      <section>
        <h1>{t('Raccordement introuvable')}</h1>
        <p>
          {t('Aucun raccordement n’a l’identifiant « {{id}} », ou il est hors de votre périmètre.', { id })}{' '}
          <Link to="/raccordements">{t('Retour aux raccordements')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section>
      <p>
        <BackLink to="/raccordements">{t('Raccordements')}</BackLink>
      </p>
      <QueryState shape="details" fetching={result.fetching && !subscription} error={result.error} retry={reload} />
      {subscription && (
        <>
          <h1>{t('Commande {{reference}}', { reference: subscription.orderReference })}</h1>
          <p>
            <StatusBadge family="work" status={subscription.status} testId="customer-subscription-status" />{' '}
            <span className="muted">
              {t('depuis le {{instant}}', { instant: formatAlgiersDateTime(subscription.statusChangedAt) })}
              {subscription.statusReason ? ` — ${reasonInLanguage(subscription.statusReason)}` : ''}
            </span>
          </p>
          <dl className="details">
            <dt>{t('Client')}</dt>
            <dd>
              <bdi>{subscription.customerName ?? t('non visible pour votre rôle')}</bdi>
            </dd>
            <dt>{t('Téléphone')}</dt>
            <dd>
              <bdi>{subscription.customerPhone ?? t('non visible pour votre rôle')}</bdi>
            </dd>
            <dt>{t('Adresse')}</dt>
            <dd>
              <bdi>
                {subscription.customerAddress ?? '—'}, {subscription.commune.name}{' '}
                <span lang="ar">{subscription.commune.nameAr}</span>, {subscription.wilaya.code}{' '}
                {subscription.wilaya.name}
              </bdi>
            </dd>
            <dt>{t('Offre')}</dt>
            <dd>
              <bdi>{subscription.offer}</bdi>
            </dd>
            <dt>{t('Commandé le')}</dt>
            <dd>
              <bdi>{formatAlgiersDateTime(subscription.orderedAt)}</bdi>
            </dd>
            <dt>{t('Site')}</dt>
            <dd>
              <bdi>
                {subscription.site ? (
                  <Link
                    to={`/sites/${subscription.site.id}`}
                  >{`${subscription.site.code} — ${subscription.site.name}`}</Link>
                ) : (
                  '—'
                )}
              </bdi>
            </dd>
            <dt>{t('Contractant')}</dt>
            <dd data-testid="customer-subscription-contractor">
              <bdi>
                {subscription.contractor ? (
                  <Link to={`/contractants/${subscription.contractor.id}`}>{subscription.contractor.legalName}</Link>
                ) : (
                  '—'
                )}
              </bdi>
            </dd>
            {(subscription.technician || subscription.viewerCan.assignTechnician) && (
              <>
                <dt>{t('Technicien')}</dt>
                <dd data-testid="customer-subscription-technician">
                  <bdi>{subscription.technician?.displayName ?? t('Toute la firme (aucun technicien désigné)')}</bdi>
                </dd>
              </>
            )}
            <dt>{t('Rendez-vous (heure d’Alger)')}</dt>
            <dd data-testid="customer-subscription-appointment">
              <bdi>{subscription.appointmentAt ? formatAlgiersDateTime(subscription.appointmentAt) : '—'}</bdi>
            </dd>
            {subscription.failureReason && (
              <>
                <dt>{t('Motif de l’échec')}</dt>
                <dd>
                  <bdi>{t(failureReasonLabels[subscription.failureReason] ?? subscription.failureReason)}</bdi>
                </dd>
              </>
            )}
          </dl>

          <WorkActions key={`${subscription.id}-${subscription.version}`} subscription={subscription} onDone={reload} />

          <h2>{t('Rapport d’installation')}</h2>
          {report ? (
            <InstallationReportDetails report={report} />
          ) : (
            <p className="state">{t('Pas encore de rapport.')}</p>
          )}

          <ServiceLevelClocks clocks={subscription.serviceLevelClocks} />

          <h2>{t('Historique')}</h2>
          {(result.data?.auditTrail ?? []).length === 0 ? (
            <p className="state">{t('Aucun événement.')}</p>
          ) : (
            <ol className="timeline">
              {(result.data?.auditTrail ?? []).map((event) => (
                <li key={event.id} data-testid="timeline-event">
                  <span className="muted">{formatAlgiersDateTime(event.occurredAt)}</span> —{' '}
                  {event.toStatus
                    ? t('{{label}} : {{value}}', {
                        label: t(auditActionLabels[event.action] ?? event.action),
                        value: t(customerSubscriptionStatusLabels[event.toStatus] ?? event.toStatus),
                      })
                    : t(auditActionLabels[event.action] ?? event.action)}
                  {event.reason && ` (${reasonInLanguage(event.reason)})`} <AuditActor actor={event.actor} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
