import { readFragment } from 'gql.tada';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PagedSection } from '../../components/PagedList.tsx';
import { msg } from '../../lib/i18n.ts';
import { PagedInvoices } from '../invoices/documents.ts';
import { invoiceColumns, InvoicesTable } from '../invoices/InvoicesTable.tsx';
import { ContractorInvoicesQuery } from './documents.ts';

const pageSize = 10;
/** A contractor's invoices need no contractor column; their number and month go by « N° » and « Période » here. */
const columns = [
  { ...invoiceColumns.number, header: msg('N°') },
  { ...invoiceColumns.period, header: msg('Période') },
  invoiceColumns.status,
  invoiceColumns.netPayable,
  invoiceColumns.balanceDue,
];

/** A contractor's invoices, 10 at a time: number, period, status, net payable and balance due, each linking to the invoice. */
export function ContractorInvoices({ contractorId }: { contractorId: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: ContractorInvoicesQuery,
    variables: { contractorId, first: pageSize, after: cursors.at(-1) ?? null },
    requestPolicy: 'cache-and-network',
  });

  return (
    <PagedSection
      id="contractor-invoices"
      title={t('Ses factures')}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={readFragment(PagedInvoices, result.data?.invoices)}
      empty={t('Aucune facture pour ce contractant.')}
      count={(total) => t('Factures : {{count}}', { count: total })}
      cursors={cursors}
      onCursorsChange={setCursors}
    >
      {(invoices) => <InvoicesTable invoices={invoices} columns={columns} rowTestId="contractor-invoice-row" />}
    </PagedSection>
  );
}
