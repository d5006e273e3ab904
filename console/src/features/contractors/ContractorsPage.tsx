import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedList, SearchFilter, useListFilters } from '../../components/PagedList.tsx';
import { WilayaFilter } from '../../components/WilayaFilter.tsx';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { ContractorsQuery } from './documents.ts';
import { contractorStatusLabels } from './labels.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { EmptyState, NoMatch } from '../../components/EmptyState.tsx';

const pageSize = 25;

/**
 * The contractors the viewer may see, 25 at a time: searched by name or NIF, filtered by status and
 * wilaya (kept in the address, so a list can be shared and reloaded).
 */
export function ContractorsPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const { filter, setFilter: update, filtered, clearFilters, cursors, setCursors, after } = useListFilters();
  const search = filter('q');
  const status = filter('statut');
  const wilayaCode = filter('wilaya');
  const [result, reexecute] = useQuery({
    query: ContractorsQuery,
    variables: {
      first: pageSize,
      after,
      filter: { search: search.trim() || null, status: (status || null) as never, wilayaCode: wilayaCode || null },
    },
  });
  const connection = result.data?.contractors;

  return (
    <section>
      <div className="dashboard-heading">
        <h1>{t('Contractants')}</h1>
        {mayRun(me.data, 'Mutation.createContractor') && (
          <div className="actions">
            {mayRun(me.data, 'Mutation.importContractors') && (
              <Link className="button" to="/contractants/import">
                {t('Importer un fichier CSV')}
              </Link>
            )}
            <Link className="button" to="/contractants/nouveau">
              {t('Nouveau contractant')}
            </Link>
          </div>
        )}
      </div>
      <div className="filters">
        <SearchFilter
          label={t('Rechercher (raison sociale, nom commercial ou NIF)')}
          value={search}
          onChange={(text) => update('q', text)}
        />
        <label className="field">
          {t('Statut')}
          <select value={status} onChange={(event) => update('statut', event.target.value)}>
            <option value="">{t('Tous')}</option>
            {Object.entries(contractorStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <WilayaFilter
          label={t('Wilaya d’intervention')}
          value={wilayaCode}
          onChange={(code) => update('wilaya', code)}
        />
      </div>
      <PagedList
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        connection={connection}
        count={(total) => t('Contractants trouvés : {{count}}', { count: total })}
        empty={
          filtered ? (
            <NoMatch title={t('Aucun contractant ne correspond à ces critères.')} onClear={clearFilters} />
          ) : mayRun(me.data, 'Mutation.createContractor') ? (
            <EmptyState
              title={t('Aucun contractant pour l’instant.')}
              next={t('Enregistrez un contractant, ou importez-les d’un fichier CSV.')}
              actions={
                <>
                  <Link className="button" to="/contractants/nouveau">
                    {t('Nouveau contractant')}
                  </Link>
                  {mayRun(me.data, 'Mutation.importContractors') && (
                    <Link className="button" to="/contractants/import">
                      {t('Importer un fichier CSV')}
                    </Link>
                  )}
                </>
              }
            />
          ) : (
            <EmptyState
              title={t('Aucun contractant pour l’instant.')}
              next={t('Les contractants apparaîtront ici dès qu’ils seront enregistrés.')}
            />
          )
        }
        cursors={cursors}
        onCursorsChange={setCursors}
      >
        {(contractors) => (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Raison sociale')}</th>
                <th scope="col">{t('NIF')}</th>
                <th scope="col">{t('Statut')}</th>
                <th scope="col">{t('Wilayas')}</th>
                <th scope="col" className="number">
                  {t('Équipes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {contractors.map((node) => (
                <tr key={node.id} data-testid="contractor-row">
                  <td>
                    <bdi>
                      <Link to={`/contractants/${node.id}`}>{node.legalName}</Link>
                      {node.tradeName && <span className="muted"> ({node.tradeName})</span>}
                    </bdi>
                  </td>
                  <td>
                    <bdi>{node.nif}</bdi>
                  </td>
                  <td>
                    <StatusBadge family="contractor" status={node.status} />
                  </td>
                  <td>
                    <bdi>{node.operatingWilayas.map((wilaya) => wilaya.code).join(', ')}</bdi>
                  </td>
                  <td className="number">
                    <bdi>{node.teamCapacity}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
