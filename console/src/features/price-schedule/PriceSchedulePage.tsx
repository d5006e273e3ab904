import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DatedVersionsPage } from '../../components/DatedVersions.tsx';
import { formatDzd } from '../../lib/format.ts';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { unitLabels } from '../invoices/labels.ts';
import { PriceSchedulesQuery } from './documents.ts';
import { NewVersionForm } from './NewVersionForm.tsx';

/**
 * The price schedule (BPU): its versions with their dates, newest first, and the items of the one
 * chosen (the version in force by default, kept in the address) with their unit prices; an
 * administrator records a new version from a date, its items prefilled from the version in force.
 */
export function PriceSchedulePage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: PriceSchedulesQuery });
  const versions = result.data?.priceSchedules ?? [];

  return (
    <section>
      <DatedVersionsPage
        title={t('Bordereau des prix unitaires')}
        empty={t('Aucune version du bordereau n’est enregistrée.')}
        versions={versions}
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        mayCreate={mayRun(me.data, 'Mutation.createPriceScheduleVersion')}
        rowTestId="price-schedule-version"
        form={(props) => (
          <NewVersionForm
            {...props}
            taxCodes={[...new Set(versions.flatMap((version) => version.items.map((item) => item.taxCode)))].sort()}
          />
        )}
        details={(chosen) => (
          <>
            <h2 data-testid="price-schedule-items-heading">
              {t('Articles de la version « {{name}} »', { name: chosen.name })}
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Code')}</th>
                  <th scope="col">{t('Désignation')}</th>
                  <th scope="col">{t('Unité')}</th>
                  <th scope="col" className="number">
                    {t('Prix unitaire HT')}
                  </th>
                  <th scope="col">{t('Taxe')}</th>
                </tr>
              </thead>
              <tbody>
                {chosen.items.map((item) => (
                  <tr key={item.id} data-testid="price-schedule-item">
                    <td>
                      <bdi>{item.code}</bdi>
                    </td>
                    <td>
                      <bdi>{item.designation}</bdi>
                    </td>
                    <td>
                      <bdi>{t(unitLabels[item.unit] ?? item.unit)}</bdi>
                    </td>
                    <td className="number">
                      <bdi>{formatDzd(item.unitPrice.centimes)}</bdi>
                    </td>
                    <td>
                      <bdi>{item.taxCode}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      />
    </section>
  );
}
