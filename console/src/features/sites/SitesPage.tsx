import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { SitesQuery } from './documents.ts';
import { siteStatusLabels } from './labels.ts';

const pageSize = 25;

/** The sites the viewer may see, 25 at a time, filtered by status and wilaya, with their progress. */
export function SitesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('statut') ?? '';
  const wilayaCode = params.get('wilaya') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: SitesQuery,
    variables: { first: pageSize, after: cursors.at(-1) ?? null, filter: { status: (status || null) as never, wilayaCode: wilayaCode || null } },
  });
  const connection = result.data?.sites;
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1>{t('Sites')}</h1>
      <div className="filters">
        <label className="field">
          {t('Statut')}
          <select value={status} onChange={(event) => update('statut', event.target.value)}>
            <option value="">{t('Tous')}</option>
            {Object.entries(siteStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('Wilaya (code)')}
          <input inputMode="numeric" maxLength={2} defaultValue={wilayaCode} onChange={(event) => update('wilaya', /^\d{2}$/.test(event.target.value) ? event.target.value : '')} />
        </label>
      </div>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection && (
        <>
          <p className="muted" role="status">
            {t('Sites : {{total}}', { total: formatCount(connection.totalCount) })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">{t('Aucun site ne correspond.')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Code')}</th>
                  <th scope="col">{t('Nom')}</th>
                  <th scope="col">{t('Commune')}</th>
                  <th scope="col">{t('Contractant')}</th>
                  <th scope="col">{t('Statut')}</th>
                  <th scope="col" className="number">
                    {t('Réceptionnés / objectif')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="site-row">
                    <td>
                      <Link to={`/sites/${node.id}`}>{node.code}</Link>
                    </td>
                    <td>{node.name}</td>
                    <td>
                      {node.commune.name} ({node.wilaya.code})
                    </td>
                    <td>{node.contractor?.legalName ?? '—'}</td>
                    <td>{t(siteStatusLabels[node.status] ?? node.status)}</td>
                    <td className="number">
                      {formatCount(node.acceptedConnections)} / {formatCount(node.targetConnections)} ({formatPercent(node.progress)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager cursors={cursors} onChange={setCursors} pageInfo={connection.pageInfo} />
        </>
      )}
    </section>
  );
}
