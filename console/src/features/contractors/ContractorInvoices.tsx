import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount, formatDzd } from '../../lib/format.ts';
import { invoiceStatusLabels } from '../invoices/labels.ts';
import { ContractorInvoicesQuery } from './documents.ts';

const pageSize = 10;

/** A contractor's invoices, 10 at a time: number, period, status, net payable and balance due, each linking to the invoice. */
export function ContractorInvoices({ contractorId }: { contractorId: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: ContractorInvoicesQuery,
    variables: { contractorId, first: pageSize, after: cursors.at(-1) ?? null },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.invoices;

  return (
    <section aria-labelledby="contractor-invoices">
      <h2 id="contractor-invoices">{t('Ses factures')}</h2>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection &&
        (connection.edges.length === 0 ? (
          <p className="state">{t('Aucune facture pour ce contractant.')}</p>
        ) : (
          <>
            <p className="muted">{t('Factures : {{count}}', { count: formatCount(connection.totalCount) })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('N°')}</th>
                  <th scope="col">{t('Période')}</th>
                  <th scope="col">{t('Statut')}</th>
                  <th scope="col" className="number">
                    {t('Net à payer')}
                  </th>
                  <th scope="col" className="number">
                    {t('Reste dû')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="contractor-invoice-row">
                    <td>
                      <Link to={`/factures/${node.id}`}>{node.number ?? t('Brouillon')}</Link>
                    </td>
                    <td>{node.period}</td>
                    <td>{t(invoiceStatusLabels[node.status] ?? node.status)}</td>
                    <td className="number">{formatDzd(node.netPayable.centimes)}</td>
                    <td className="number">{formatDzd(node.balanceDue.centimes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager cursors={cursors} onChange={setCursors} pageInfo={connection.pageInfo} />
          </>
        ))}
    </section>
  );
}
