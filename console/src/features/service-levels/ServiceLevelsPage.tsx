import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DatedVersionsPage } from '../../components/DatedVersions.tsx';
import type { ResultOf } from '../../lib/graphql.ts';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { WilayasQuery } from '../reference-data/documents.ts';
import { ServiceLevelSchedulesQuery } from './documents.ts';
import { targetInWords } from './durations.ts';
import {
  serviceLevelOwnerLabels as ownerLabels,
  serviceLevelStepLabels as stepLabels,
} from '../../components/ServiceLevelClocks.tsx';
import { timeBasisLabels } from './labels.ts';
import { NewVersionForm } from './NewVersionForm.tsx';
import { PublicHolidays } from './PublicHolidays.tsx';

/** A target of a version, as the page reads it. */
type Target = ResultOf<typeof ServiceLevelSchedulesQuery>['serviceLevelSchedules'][number]['targets'][number];

/**
 * The service levels: their versions with their dates, newest first, and the targets of the one
 * chosen (the version in force by default, kept in the address), the national ones and the wilayas'
 * own, each step with whose it is; an administrator records a new version from a date, prefilled
 * from the version in force. Below, the public holidays that working days skip.
 */
export function ServiceLevelsPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: ServiceLevelSchedulesQuery });
  const [wilayas] = useQuery({ query: WilayasQuery });
  const wilayaList = wilayas.data?.wilayas ?? [];
  const wilayaName = (code: string) => {
    const wilaya = wilayaList.find((candidate) => candidate.code === code);
    return wilaya ? `${code} — ${wilaya.name}` : code;
  };
  /** A target's step, whose step it is, the target in words and how it counts: a header and a cell each. */
  const targetHeaders = (
    <>
      <th scope="col">{t('Étape')}</th>
      <th scope="col">{t('À la charge de')}</th>
      <th scope="col">{t('Objectif')}</th>
      <th scope="col">{t('Décompte')}</th>
    </>
  );
  const targetCells = (target: Target) => (
    <>
      <td>
        <bdi>{t(stepLabels[target.step] ?? target.step)}</bdi>
      </td>
      <td>
        <bdi>{t(ownerLabels[target.owner] ?? target.owner)}</bdi>
      </td>
      <td>
        <bdi>{targetInWords(target.targetMinutes, target.timeBasis)}</bdi>
      </td>
      <td>
        <bdi>{t(timeBasisLabels[target.timeBasis] ?? target.timeBasis)}</bdi>
      </td>
    </>
  );

  return (
    <section>
      <DatedVersionsPage
        title={t('Niveaux de service')}
        intro={
          <p>
            {t(
              'Le délai visé pour chaque étape d’un raccordement et d’une facture : chaque étape est mesurée selon la version en vigueur le jour où elle a commencé, et l’objectif de sa wilaya quand celle-ci en a un.',
            )}
          </p>
        }
        empty={t('Aucune version des niveaux de service n’est enregistrée.')}
        versions={result.data?.serviceLevelSchedules ?? []}
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        mayCreate={mayRun(me.data, 'Mutation.createServiceLevelScheduleVersion')}
        rowTestId="service-level-version"
        form={({ base, ...props }) => <NewVersionForm {...props} base={base?.targets ?? []} wilayas={wilayaList} />}
        details={(chosen) => {
          const national = chosen.targets.filter((target) => !target.wilayaCode);
          const local = chosen.targets.filter((target) => target.wilayaCode);
          return (
            <>
              <h2 data-testid="service-level-targets-heading">
                {t('Objectifs de la version « {{name}} »', { name: chosen.name })}
              </h2>
              <h3>{t('Objectifs nationaux')}</h3>
              <table>
                <thead>
                  <tr>{targetHeaders}</tr>
                </thead>
                <tbody>
                  {national.map((target) => (
                    <tr key={target.id} data-testid="service-level-national-target">
                      {targetCells(target)}
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{t('Objectifs propres aux wilayas')}</h3>
              {local.length === 0 ? (
                <p className="state">{t('Aucune wilaya n’a d’objectif propre dans cette version.')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('Wilaya')}</th>
                      {targetHeaders}
                    </tr>
                  </thead>
                  <tbody>
                    {local.map((target) => (
                      <tr key={target.id} data-testid="service-level-wilaya-target">
                        <td>
                          <bdi>{wilayaName(target.wilayaCode ?? '')}</bdi>
                        </td>
                        {targetCells(target)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      />
      <PublicHolidays mayWrite={mayRun(me.data, 'Mutation.addPublicHoliday')} />
    </section>
  );
}
