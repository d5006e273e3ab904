import { readFragment } from 'gql.tada';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount } from '../../lib/format.ts';
import { MeQuery } from '../auth/documents.ts';
import { PagedSites, SitesQuery } from './documents.ts';
import { siteStatusLabels } from './labels.ts';
import { siteColumns, SitesTable } from './SitesTable.tsx';

const pageSize = 25;
const columns = [
  siteColumns.code,
  siteColumns.name,
  siteColumns.commune,
  siteColumns.contractor,
  siteColumns.status,
  siteColumns.progress,
];

/** The sites the viewer may see, 25 at a time, filtered by status and wilaya, with their progress; a way to a new site for those who create them. */
export function SitesPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [params, setParams] = useSearchParams();
  const status = params.get('statut') ?? '';
  const wilayaCode = params.get('wilaya') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: SitesQuery,
    variables: {
      first: pageSize,
      after: cursors.at(-1) ?? null,
      filter: { status: (status || null) as never, wilayaCode: wilayaCode || null },
    },
  });
  const connection = readFragment(PagedSites, result.data?.sites);
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <div className="dashboard-heading">
        <h1>{t('Sites')}</h1>
        {(me.data?.me?.role === 'ADMIN' || me.data?.me?.role === 'DOT_MANAGER') && (
          <div className="actions">
            <Link className="button" to="/sites/nouveau">
              {t('Nouveau site')}
            </Link>
          </div>
        )}
      </div>
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
          <input
            inputMode="numeric"
            maxLength={2}
            defaultValue={wilayaCode}
            onChange={(event) => update('wilaya', /^\d{2}$/.test(event.target.value) ? event.target.value : '')}
          />
        </label>
      </div>
      <QueryState
        fetching={result.fetching && !connection}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {connection && (
        <>
          <p className="muted" role="status">
            {t('Sites : {{total}}', { total: formatCount(connection.totalCount) })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">{t('Aucun site ne correspond.')}</p>
          ) : (
            <SitesTable sites={connection.edges.map((edge) => edge.node)} columns={columns} rowTestId="site-row" />
          )}
          <Pager cursors={cursors} onChange={setCursors} pageInfo={connection.pageInfo} />
        </>
      )}
    </section>
  );
}
