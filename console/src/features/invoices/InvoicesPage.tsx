import { readFragment } from 'gql.tada';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount } from '../../lib/format.ts';
import { InvoicesQuery, PagedInvoices } from './documents.ts';
import { invoiceColumns, InvoicesTable } from './InvoicesTable.tsx';
import { invoiceStatusLabels } from './labels.ts';

const pageSize = 25;
const columns = [
  invoiceColumns.number,
  invoiceColumns.contractor,
  invoiceColumns.period,
  invoiceColumns.status,
  invoiceColumns.issuedOn,
  invoiceColumns.age,
  invoiceColumns.netPayable,
  invoiceColumns.balanceDue,
];

/**
 * The invoices the viewer may see, newest month first, 25 at a time, filtered by status and month
 * (kept in the address, so a filtered list can be shared): each with its status, net payable,
 * balance due, and its age — days since issue, and days overdue as the API counts them.
 */
export function InvoicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('statut') ?? '';
  const period = params.get('mois') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: InvoicesQuery,
    variables: {
      first: pageSize,
      after: cursors.at(-1) ?? null,
      filter: { status: (status || null) as never, period: period || null },
    },
  });
  const connection = readFragment(PagedInvoices, result.data?.invoices);

  function filter(name: 'statut' | 'mois', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setParams(next, { replace: true });
  }

  return (
    <section>
      <h1>{t('Factures')}</h1>
      <div className="filters">
        <label className="field">
          {t('Statut')}
          <select value={status} onChange={(event) => filter('statut', event.target.value)}>
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
          <input type="month" value={period} onChange={(event) => filter('mois', event.target.value)} />
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
            {t('Factures trouvées : {{count}}', { count: formatCount(connection.totalCount) })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">
              {status || period
                ? t('Aucune facture ne correspond à ces filtres.')
                : t('Aucune facture pour le moment.')}
            </p>
          ) : (
            <InvoicesTable
              invoices={connection.edges.map((edge) => edge.node)}
              columns={columns}
              rowTestId="invoice-row"
            />
          )}
          <Pager cursors={cursors} onChange={setCursors} pageInfo={connection.pageInfo} />
        </>
      )}
    </section>
  );
}
