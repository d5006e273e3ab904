import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { formatAlgiersDateTime, formatDb, formatDbm, formatDecimal, networkClassLabel } from '../../lib/format.ts';
import type { FragmentOf } from '../../lib/graphql.ts';
import { InstallationReportDetailsFields } from './documents.ts';
import { atMost, withinWindow } from './measurements.ts';

/** "Dans le seuil" or "Hors seuil", said in words and marked by a sign, not by colour alone; "—" when it cannot be told. */
function Verdict({ within }: { within: boolean | null }) {
  const { t } = useTranslation();
  if (within === null) return <>—</>;
  return within ? (
    <span className="measure-within">
      <span aria-hidden="true">✓ </span>
      {t('Dans le seuil')}
    </span>
  ) : (
    <span className="measure-outside">
      <span aria-hidden="true">✗ </span>
      {t('Hors seuil')}
    </span>
  );
}

/**
 * The latest installation report: when and by whom, each optical measurement beside the threshold
 * window of its network class with a within/outside mark, the quality gate's verdict as recorded,
 * and the work measured.
 */
export function InstallationReportDetails({
  report: fields,
}: {
  report: FragmentOf<typeof InstallationReportDetailsFields>;
}) {
  const { t } = useTranslation();
  const report = readFragment(InstallationReportDetailsFields, fields);
  const thresholds = report.thresholds;
  const className = networkClassLabel(report.networkClass);
  const powerWithin = thresholds
    ? withinWindow(report.receivedPowerDbm, thresholds.minReceivedPowerDbm, thresholds.maxReceivedPowerDbm)
    : null;
  const spliceWithin =
    thresholds && report.spliceLossDb !== null ? atMost(report.spliceLossDb, thresholds.maxSpliceLossDb) : null;
  const noThreshold = t('Aucun seuil configuré pour cette classe');

  return (
    <>
      <dl className="details">
        <dt>{t('Installé le')}</dt>
        <dd>
          <bdi>
            {t('{{instant}} par {{technician}}', {
              instant: formatAlgiersDateTime(report.installedAt),
              technician: report.technicianName,
            })}
          </bdi>
        </dd>
        <dt>{t('Classe du réseau')}</dt>
        <dd>
          <bdi>{className}</bdi>
        </dd>
        <dt>{t('Contrôle qualité')}</dt>
        <dd data-testid="quality-verdict">
          <bdi>
            {report.qualityIssues.length === 0 ? (
              t('Dans les seuils')
            ) : (
              <span className="field-problem">{t('Hors seuils')}</span>
            )}
          </bdi>
        </dd>
        <dt>{t('Travaux mesurés')}</dt>
        <dd>
          <bdi>{report.lines.map((line) => `${line.code} × ${formatDecimal(line.quantity)}`).join(' · ')}</bdi>
        </dd>
        {report.remarks && (
          <>
            <dt>{t('Remarques')}</dt>
            <dd>
              <bdi>{report.remarks}</bdi>
            </dd>
          </>
        )}
      </dl>
      <table className="measurements">
        <caption>{t('Mesures optiques et seuils de la classe {{networkClass}}', { networkClass: className })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Mesure')}</th>
            <th scope="col" className="number">
              {t('Valeur')}
            </th>
            <th scope="col">{t('Seuil')}</th>
            <th scope="col">{t('Verdict')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="measurement-received-power">
            <th scope="row">{t('Puissance reçue à l’ONT (1490 nm)')}</th>
            <td className="number">
              <bdi>{formatDbm(report.receivedPowerDbm)}</bdi>
            </td>
            <td>
              <bdi>
                {thresholds
                  ? t('de {{min}} à {{max}}', {
                      min: formatDecimal(thresholds.minReceivedPowerDbm),
                      max: formatDbm(thresholds.maxReceivedPowerDbm),
                    })
                  : noThreshold}
              </bdi>
            </td>
            <td>
              <Verdict within={powerWithin} />
            </td>
          </tr>
          <tr data-testid="measurement-splice-loss">
            <th scope="row">{t('Perte d’épissure')}</th>
            <td className="number">
              <bdi>{report.spliceLossDb === null ? t('Non mesurée') : formatDb(report.spliceLossDb)}</bdi>
            </td>
            <td>
              <bdi>
                {thresholds ? t('au plus {{max}}', { max: formatDb(thresholds.maxSpliceLossDb) }) : noThreshold}
              </bdi>
            </td>
            <td>
              <Verdict within={spliceWithin} />
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {t(
          'Les seuils sont ceux configurés aujourd’hui pour la classe ; le contrôle qualité est le verdict rendu à l’enregistrement du rapport.',
        )}
      </p>
    </>
  );
}
