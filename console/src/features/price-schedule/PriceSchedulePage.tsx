import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCalendarDate, formatDzd } from '../../lib/format.ts';
import { msg } from '../../lib/i18n.ts';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { algiersToday } from '../invoices/dates.ts';
import { unitLabels } from '../invoices/labels.ts';
import { PriceSchedulesQuery } from './documents.ts';
import { NewVersionForm } from './NewVersionForm.tsx';

type VersionState = 'AHEAD' | 'IN_FORCE' | 'OVER';

/** The words of each state of a version (shown through `t`). */
const stateLabels: Record<VersionState, string> = {
  AHEAD: msg('À venir'),
  IN_FORCE: msg('En vigueur'),
  OVER: msg('Terminée'),
};

/** Where a version stands on `today` (YYYY-MM-DD, Algiers): its range ends the day before `effectiveTo`. */
function stateOf(
  version: { effectiveFrom: string; effectiveTo?: string | null | undefined },
  today: string,
): VersionState {
  if (version.effectiveFrom > today) return 'AHEAD';
  return version.effectiveTo && version.effectiveTo <= today ? 'OVER' : 'IN_FORCE';
}

/**
 * The price schedule (BPU): its versions with their dates, newest first, and the items of the one
 * chosen (the version in force by default, kept in the address) with their unit prices; an
 * administrator records a new version from a date, its items prefilled from the version in force.
 */
export function PriceSchedulePage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: PriceSchedulesQuery });
  const [params, setParams] = useSearchParams();
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const versions = result.data?.priceSchedules ?? [];
  const today = algiersToday();
  const inForce = versions.find((version) => stateOf(version, today) === 'IN_FORCE');
  const chosen = versions.find((version) => version.id === params.get('version')) ?? inForce ?? versions[0];
  const mayCreate = mayRun(me.data, 'Mutation.createPriceScheduleVersion');

  return (
    <section>
      <div className="dashboard-heading">
        <h1>{t('Bordereau des prix unitaires')}</h1>
        {mayCreate && result.data && (
          <div className="actions">
            <button
              type="button"
              aria-pressed={writing}
              onClick={() => {
                setWriting(!writing);
                setNotice(null);
              }}
            >
              {t('Nouvelle version à partir d’une date')}
            </button>
          </div>
        )}
      </div>
      <QueryState
        shape="table"
        fetching={result.fetching && !result.data}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {notice && (
        <p role="status" className="state state-success">
          {notice}
        </p>
      )}
      {writing && (
        <NewVersionForm
          base={inForce ?? versions[0]}
          latestFrom={versions[0]?.effectiveFrom ?? null}
          taxCodes={[...new Set(versions.flatMap((version) => version.items.map((item) => item.taxCode)))].sort()}
          onCancel={() => setWriting(false)}
          onCreated={(created) => {
            setWriting(false);
            setNotice(
              t('Version « {{name}} » enregistrée : en vigueur à partir du {{date}}.', {
                name: created.name,
                date: formatCalendarDate(created.effectiveFrom),
              }),
            );
            setParams({ version: created.id }, { replace: true });
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {result.data && versions.length === 0 && (
        <p className="state">{t('Aucune version du bordereau n’est enregistrée.')}</p>
      )}
      {versions.length > 0 && (
        <>
          <h2>{t('Versions')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Nom')}</th>
                <th scope="col">{t('En vigueur à partir du')}</th>
                <th scope="col">{t('Jusqu’au (exclu)')}</th>
                <th scope="col">{t('État')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id} data-testid="price-schedule-version">
                  <td>
                    <Link
                      to={`?version=${version.id}`}
                      replace
                      aria-current={version.id === chosen?.id ? 'true' : undefined}
                    >
                      {version.name}
                    </Link>
                  </td>
                  <td>
                    <bdi>{formatCalendarDate(version.effectiveFrom)}</bdi>
                  </td>
                  <td>
                    <bdi>{version.effectiveTo ? formatCalendarDate(version.effectiveTo) : '—'}</bdi>
                  </td>
                  <td>
                    <bdi>{t(stateLabels[stateOf(version, today)])}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {chosen && (
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
    </section>
  );
}
