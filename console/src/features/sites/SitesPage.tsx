import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedList, SearchFilter, useListFilters } from '../../components/PagedList.tsx';
import { WilayaFilter } from '../../components/WilayaFilter.tsx';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { PagedSites, SitesQuery } from './documents.ts';
import { siteStatusLabels } from './labels.ts';
import { siteColumns, SitesTable } from './SitesTable.tsx';
import { EmptyState, NoMatch } from '../../components/EmptyState.tsx';

const pageSize = 25;
const columns = [
  siteColumns.code,
  siteColumns.name,
  siteColumns.commune,
  siteColumns.contractor,
  siteColumns.status,
  siteColumns.progress,
];

/** The sites the viewer may see, 25 at a time, searched by code or name, filtered by status and wilaya (all in the address), with their progress; a way to a new site for those who create them. */
export function SitesPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const { filter, setFilter: update, filtered, clearFilters, cursors, setCursors, after } = useListFilters();
  const search = filter('q');
  const status = filter('statut');
  const wilayaCode = filter('wilaya');
  const [result, reexecute] = useQuery({
    query: SitesQuery,
    variables: {
      first: pageSize,
      after,
      filter: { search: search.trim() || null, status: (status || null) as never, wilayaCode: wilayaCode || null },
    },
  });
  const connection = readFragment(PagedSites, result.data?.sites);

  return (
    <section>
      <div className="dashboard-heading">
        <h1>{t('Sites')}</h1>
        {mayRun(me.data, 'Mutation.createSite') && (
          <div className="actions">
            <Link className="button" to="/sites/nouveau">
              {t('Nouveau site')}
            </Link>
          </div>
        )}
      </div>
      <div className="filters">
        <SearchFilter label={t('Rechercher (code ou nom)')} value={search} onChange={(text) => update('q', text)} />
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
        <WilayaFilter label={t('Wilaya')} value={wilayaCode} onChange={(code) => update('wilaya', code)} />
      </div>
      <PagedList
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        connection={connection}
        count={(total) => t('Sites : {{total}}', { total })}
        empty={
          filtered ? (
            <NoMatch title={t('Aucun site ne correspond.')} onClear={clearFilters} />
          ) : mayRun(me.data, 'Mutation.createSite') ? (
            <EmptyState
              title={t('Aucun site pour l’instant.')}
              next={t('Créez le premier site : les commandes de sa zone s’y rattacheront.')}
              actions={
                <Link className="button" to="/sites/nouveau">
                  {t('Nouveau site')}
                </Link>
              }
            />
          ) : (
            <EmptyState
              title={t('Aucun site pour l’instant.')}
              next={t('Les sites apparaîtront ici dès qu’ils seront créés.')}
            />
          )
        }
        cursors={cursors}
        onCursorsChange={setCursors}
      >
        {(sites) => <SitesTable sites={sites} columns={columns} rowTestId="site-row" />}
      </PagedList>
    </section>
  );
}
