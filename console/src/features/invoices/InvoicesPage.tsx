import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCalendarDate, formatCount, formatDzd } from '../../lib/format.ts';
import { InvoicesQuery } from './documents.ts';
import { invoiceStatusLabels } from './labels.ts';

const pageSize = 25;

/** The invoices the viewer may see, newest month first, 25 at a time, filtered by status. */
export function InvoicesPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('statut') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: InvoicesQuery,
    variables: { first: pageSize, after: cursors.at(-1) ?? null, filter: { status: (status || null) as never } },
  });
  const connection = result.data?.invoices;

  return (
    <section>
      <h1>Factures</h1>
      <div className="filters">
        <label className="field">
          Statut
          <select
            value={status}
            onChange={(event) => {
              setCursors([]);
              setParams(event.target.value ? { statut: event.target.value } : {}, { replace: true });
            }}
          >
            <option value="">Tous</option>
            {Object.entries(invoiceStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection && (
        <>
          <p className="muted" role="status">
            {formatCount(connection.totalCount)} facture{connection.totalCount > 1 ? 's' : ''}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">Aucune facture ne correspond.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Numéro</th>
                  <th scope="col">Contractant</th>
                  <th scope="col">Mois</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Émise le</th>
                  <th scope="col" className="number">
                    Net à payer
                  </th>
                  <th scope="col" className="number">
                    Reste dû
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="invoice-row">
                    <td>
                      <Link to={`/factures/${node.id}`}>{node.number ?? 'Brouillon'}</Link>
                    </td>
                    <td>{node.contractor?.legalName ?? '—'}</td>
                    <td>{node.period}</td>
                    <td>
                      {invoiceStatusLabels[node.status] ?? node.status}
                      {node.daysOverdue ? <span className="overdue"> · en retard de {node.daysOverdue} j</span> : null}
                    </td>
                    <td>{node.issuedOn ? formatCalendarDate(node.issuedOn) : '—'}</td>
                    <td className="number">{formatDzd(node.netPayable.centimes)}</td>
                    <td className="number">{formatDzd(node.balanceDue.centimes)}</td>
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
