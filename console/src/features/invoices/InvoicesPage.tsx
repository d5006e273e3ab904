import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ContractorPicker } from '../../components/ContractorPicker.tsx';
import { PagedList, SearchFilter, useListFilters } from '../../components/PagedList.tsx';
import { MeQuery } from '../auth/documents.ts';
import { InvoicesQuery, PagedInvoices } from './documents.ts';
import { invoiceColumns, InvoicesTable } from './InvoicesTable.tsx';
import { invoiceStatusLabels } from './labels.ts';
import { EmptyState, NoMatch } from '../../components/EmptyState.tsx';

const pageSize = 25;
const columns = [
  invoiceColumns.number,
  invoiceColumns.contractor,
  invoiceColumns.period,
  invoiceColumns.status,
  invoiceColumns.issuedOn,
  invoiceColumns.age,
  invoiceColumns.dueOn,
  invoiceColumns.daysOverdue,
  invoiceColumns.netPayable,
  invoiceColumns.balanceDue,
];

/**
 * The invoices the viewer may see, newest month first, 25 at a time, searched by number or firm,
 * filtered by contractor, status and month (kept in the address, so a filtered list can be shared): each with its status, net payable,
 * balance due, its age (days since issue), and its due date and days overdue as the API gives them.
 */
export function InvoicesPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const { filter, setFilter, filtered, clearFilters, cursors, setCursors, after } = useListFilters();
  const search = filter('q');
  const status = filter('statut');
  const period = filter('mois');
  const contractorId = filter('contractant');
  // A firm's users see their own invoices only: no firm to choose.
  const firm = Boolean(me.data?.me?.contractor);
  const [result, reexecute] = useQuery({
    query: InvoicesQuery,
    variables: {
      first: pageSize,
      after,
      filter: {
        search: search.trim() || null,
        status: (status || null) as never,
        period: period || null,
        contractorId: contractorId || null,
      },
    },
  });
  const connection = readFragment(PagedInvoices, result.data?.invoices);

  return (
    <section>
      <h1>{t('Factures')}</h1>
      <div className="filters">
        <SearchFilter
          label={t('Rechercher (numéro ou contractant)')}
          value={search}
          onChange={(text) => setFilter('q', text)}
        />
        {!firm && (
          <div className="field">
            <span id="invoices-contractor-label">{t('Contractant')}</span>
            <ContractorPicker
              id="invoices-contractor"
              value={contractorId}
              onChange={(id) => setFilter('contractant', id)}
            />
          </div>
        )}
        <label className="field">
          {t('Statut')}
          <select value={status} onChange={(event) => setFilter('statut', event.target.value)}>
            <option value="">{t('Tous les statuts')}</option>
            {Object.entries(invoiceStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('Mois facturé')}
          <input type="month" value={period} onChange={(event) => setFilter('mois', event.target.value)} />
        </label>
      </div>
      <PagedList
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        connection={connection}
        count={(total) => t('Factures trouvées : {{count}}', { count: total })}
        empty={
          filtered ? (
            <NoMatch title={t('Aucune facture ne correspond à ces filtres.')} onClear={clearFilters} />
          ) : (
            <EmptyState
              title={t('Aucune facture pour le moment.')}
              next={t(
                'La facture du mois d’un contractant s’ouvre d’elle-même à la réception de son premier travail, et s’enrichit à chaque réception.',
              )}
            />
          )
        }
        cursors={cursors}
        onCursorsChange={setCursors}
      >
        {(invoices) => <InvoicesTable invoices={invoices} columns={columns} rowTestId="invoice-row" />}
      </PagedList>
    </section>
  );
}
