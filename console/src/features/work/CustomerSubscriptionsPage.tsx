import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedList, SearchFilter, useListFilters } from '../../components/PagedList.tsx';
import { WilayaFilter } from '../../components/WilayaFilter.tsx';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { customerSubscriptionColumns, CustomerSubscriptionsTable } from './CustomerSubscriptionsTable.tsx';
import { CustomerSubscriptionsQuery, PagedCustomerSubscriptions, TechniciansQuery } from './documents.ts';
import { customerSubscriptionStatusLabels } from './labels.ts';
import { EmptyState, NoMatch } from '../../components/EmptyState.tsx';

const pageSize = 25;
const columns = [
  customerSubscriptionColumns.order,
  customerSubscriptionColumns.customer,
  customerSubscriptionColumns.commune,
  customerSubscriptionColumns.contractor,
  customerSubscriptionColumns.status,
  customerSubscriptionColumns.since,
];
/** The same, with the firm's technician who does each: for the viewers the API lets read it (`viewerCan.seeTechnicians`). */
const columnsWithTechnician = [...columns.slice(0, 4), customerSubscriptionColumns.technician, ...columns.slice(4)];

/**
 * The customer subscriptions the viewer may see, 25 at a time, searched and filtered (in the address): INSTALLED ones (to accept) first by
 * default; ways to record an order (administrators, DOT managers) and to import a backlog (administrators).
 * A firm's office filters them by the firm's technician, to follow who does what.
 */
export function CustomerSubscriptionsPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const {
    filter,
    setFilter: update,
    filtered,
    clearFilters,
    cursors,
    setCursors,
    after,
  } = useListFilters({ statut: 'INSTALLED' });
  const search = filter('q');
  const status = filter('statut');
  const wilayaCode = filter('wilaya');
  // A firm's users who may list its technicians (the server's viewerOperations): AT's administrators have no firm to list.
  const office = mayRun(me.data, 'Query.technicians') && Boolean(me.data?.me?.contractor);
  const technicianId = office ? filter('technicien') : '';
  const [technicians] = useQuery({ query: TechniciansQuery, variables: { contractorId: null }, pause: !office });
  const [result, reexecute] = useQuery({
    query: CustomerSubscriptionsQuery,
    variables: {
      first: pageSize,
      after,
      filter: {
        search: search.trim() || null,
        status: (status || null) as never,
        wilayaCode: wilayaCode || null,
        technicianId: technicianId || null,
      },
    },
  });
  const connection = readFragment(PagedCustomerSubscriptions, result.data?.customerSubscriptions);

  return (
    <section>
      <div className="dashboard-heading">
        <h1>{t('Raccordements')}</h1>
        {mayRun(me.data, 'Mutation.createCustomerSubscription') && (
          <div className="actions">
            {mayRun(me.data, 'Mutation.importCustomerSubscriptions') && (
              <Link className="button" to="/raccordements/import">
                {t('Importer un fichier CSV')}
              </Link>
            )}
            <Link className="button" to="/raccordements/nouveau">
              {t('Nouvelle commande')}
            </Link>
          </div>
        )}
      </div>
      <div className="filters">
        <SearchFilter
          label={t('Rechercher (référence, client ou téléphone)')}
          value={search}
          onChange={(text) => update('q', text)}
        />
        <label className="field">
          {t('Statut')}
          <select value={status} onChange={(event) => update('statut', event.target.value)}>
            <option value="">{t('Tous')}</option>
            {Object.entries(customerSubscriptionStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <WilayaFilter label={t('Wilaya')} value={wilayaCode} onChange={(code) => update('wilaya', code)} />
        {office && (
          <label className="field">
            {t('Technicien')}
            <select value={technicianId} onChange={(event) => update('technicien', event.target.value)}>
              <option value="">{t('Tous')}</option>
              {(technicians.data?.technicians ?? []).map((technician) => (
                <option key={technician.id} value={technician.id}>
                  {technician.enabled
                    ? technician.displayName
                    : t('{{name}} (désactivé)', { name: technician.displayName })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <PagedList
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        connection={connection}
        count={(total) => t('Raccordements : {{total}}', { total })}
        empty={
          filtered ? (
            <NoMatch title={t('Aucun raccordement ne correspond.')} onClear={clearFilters} />
          ) : mayRun(me.data, 'Mutation.createCustomerSubscription') ? (
            <EmptyState
              title={t('Aucun raccordement pour l’instant.')}
              next={t('Enregistrez une commande, ou importez celles d’un fichier CSV.')}
              actions={
                <>
                  <Link className="button" to="/raccordements/nouveau">
                    {t('Nouvelle commande')}
                  </Link>
                  {mayRun(me.data, 'Mutation.importCustomerSubscriptions') && (
                    <Link className="button" to="/raccordements/import">
                      {t('Importer un fichier CSV')}
                    </Link>
                  )}
                </>
              }
            />
          ) : (
            <EmptyState
              title={t('Aucun raccordement pour l’instant.')}
              next={t('Les raccordements apparaîtront ici dès que des commandes vous seront confiées.')}
            />
          )
        }
        cursors={cursors}
        onCursorsChange={setCursors}
      >
        {(customerSubscriptions) => (
          <CustomerSubscriptionsTable
            customerSubscriptions={customerSubscriptions}
            columns={me.data?.viewerCan.seeTechnicians ? columnsWithTechnician : columns}
            rowTestId="customer-subscription-row"
          />
        )}
      </PagedList>
    </section>
  );
}
