import { useTranslation } from 'react-i18next';
import { reasonInLanguage } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCount } from '../../lib/format.ts';
import { InstallationReportDetails } from '../work/InstallationReportDetails.tsx';
import { formatElapsed } from './duration.ts';
import type { QueueItemData } from './flags.ts';
import { photoKindLabels, positionSourceLabels } from './labels.ts';
import { PhotoGallery } from './PhotoGallery.tsx';

type Report = NonNullable<QueueItemData['latestInstallationReport']>;

/** A warning of the report, marked by a sign and said in words, not by colour alone. */
function Flag({ children, testId }: { children: string; testId: string }) {
  return (
    <li className="flag" data-testid={testId}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </li>
  );
}

/** The position check in words: how far from the work, against which tolerance, from what reference. */
function PositionCheck({ report }: { report: Report }) {
  const { t } = useTranslation();
  const check = report.positionCheck;
  const reference = check.reference ? t(positionSourceLabels[check.reference.source] ?? check.reference.source) : '';
  switch (check.verdict) {
    case 'NEAR':
      return (
        <>
          {t('À {{distance}} m du chantier au plus, dans la tolérance de {{tolerance}} m ({{reference}}).', {
            distance: formatCount(check.distanceMetres ?? 0),
            tolerance: formatCount(check.toleranceMetres),
            reference,
          })}
        </>
      );
    case 'FAR':
      return (
        <span className="flag">
          {t('Jusqu’à {{distance}} m du chantier : au-delà de la tolérance de {{tolerance}} m ({{reference}}).', {
            distance: formatCount(check.distanceMetres ?? 0),
            tolerance: formatCount(check.toleranceMetres),
            reference,
          })}
        </span>
      );
    case 'NO_POSITION':
      return (
        <span className="flag">{t('Le téléphone n’a enregistré aucune position avec le rapport ni ses photos.')}</span>
      );
    default:
      return <>{t('La position du chantier est inconnue : rien à comparer.')}</>;
  }
}

/**
 * What a DOT manager checks before accepting a report: its warnings first (position, thresholds,
 * missing photos, signature), the photos, the facts of the installation and the measurements
 * against their thresholds.
 */
export function ReportReview({ item }: { item: QueueItemData }) {
  const { t } = useTranslation();
  const report = item.latestInstallationReport;
  if (!report) return <p className="state">{t('Pas encore de rapport.')}</p>;
  const check = report.positionCheck;

  return (
    <>
      {(check.verdict === 'FAR' ||
        check.verdict === 'NO_POSITION' ||
        report.qualityIssues.length > 0 ||
        report.missingPhotoKinds.length > 0 ||
        !report.customerSigned) && (
        <ul className="report-flags" aria-label={t('Points à vérifier')}>
          {check.verdict === 'FAR' && (
            <Flag testId="flag-position">
              {t('Photos prises à {{distance}} m du chantier (tolérance {{tolerance}} m).', {
                distance: formatCount(check.distanceMetres ?? 0),
                tolerance: formatCount(check.toleranceMetres),
              })}
            </Flag>
          )}
          {check.verdict === 'NO_POSITION' && (
            <Flag testId="flag-position">
              {t('Aucune position enregistrée : impossible de vérifier le lieu des photos.')}
            </Flag>
          )}
          {report.qualityIssues.length > 0 && (
            <Flag testId="flag-quality">
              {t('Hors seuils : {{issues}}', { issues: report.qualityIssues.map(reasonInLanguage).join(' ; ') })}
            </Flag>
          )}
          {report.missingPhotoKinds.length > 0 && (
            <Flag testId="flag-photos">
              {t('Photos manquantes : {{kinds}}', {
                kinds: report.missingPhotoKinds.map((kind) => t(photoKindLabels[kind] ?? kind)).join(', '),
              })}
            </Flag>
          )}
          {!report.customerSigned && <Flag testId="flag-signature">{t('Le client n’a pas signé.')}</Flag>}
        </ul>
      )}
      <h3>{t('Photos')}</h3>
      <PhotoGallery photos={report.photoFiles} toleranceMetres={check.toleranceMetres} />
      <h3>{t('Installation')}</h3>
      <dl className="details">
        <dt>{t('Client')}</dt>
        <dd>
          <bdi>
            {[item.customerName ?? t('non visible pour votre rôle'), item.customerAddress].filter(Boolean).join(', ')}
          </bdi>
        </dd>
        <dt>{t('Contractant')}</dt>
        <dd>
          <bdi>{item.contractor?.legalName ?? t('non visible pour votre rôle')}</bdi>
        </dd>
        <dt>{t('Numéro de série de l’ONT')}</dt>
        <dd data-testid="ont-serial">
          <bdi>{report.ontSerialNumber ?? <span className="flag">{t('Non indiqué')}</span>}</bdi>
        </dd>
        <dt>{t('Signature du client')}</dt>
        <dd>
          <bdi>
            {report.customerSigned
              ? t('Signée')
              : report.signatureMissingReason
                ? t('Absente : {{reason}}', { reason: report.signatureMissingReason })
                : t('Absente, sans raison donnée')}
          </bdi>
        </dd>
        <dt>{t('Position des photos')}</dt>
        <dd data-testid="position-check">
          <PositionCheck report={report} />
        </dd>
        <dt>{t('Rendez-vous')}</dt>
        <dd>
          <bdi>{item.appointmentAt ? formatAlgiersDateTime(item.appointmentAt) : t('Aucun')}</bdi>
        </dd>
        <dt>{t('Du rendez-vous au rapport')}</dt>
        <dd data-testid="appointment-to-report">
          <bdi>{item.appointmentAt ? formatElapsed(item.appointmentAt, report.installedAt) : '—'}</bdi>
        </dd>
        <dt>{t('En attente de réception depuis')}</dt>
        <dd>
          <bdi>{formatAlgiersDateTime(item.statusChangedAt)}</bdi>
        </dd>
      </dl>
      <InstallationReportDetails report={report} />
    </>
  );
}
