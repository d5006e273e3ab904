import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatAlgiersDateTime, formatCount } from '../../lib/format.ts';
import { CustomerSubscriptionsQuery } from './documents.ts';
import { customerSubscriptionStatusLabels } from './labels.ts';

const pageSize = 25;

/** The customer subscriptions the viewer may see, 25 at a time: INSTALLED ones (to accept) first by default. */
export function CustomerSubscriptionsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('statut') ?? 'INSTALLED';
  const wilayaCode = params.get('wilaya') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: CustomerSubscriptionsQuery,
    variables: { first: pageSize, after: cursors.at(-1) ?? null, filter: { status: (status || null) as never, wilayaCode: wilayaCode || null } },
  });
  const connection = result.data?.customerSubscriptions;
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setCursors([]);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1>Raccordements</h1>
      <div className="filters">
        <label className="field">
          Statut
          <select value={status} onChange={(event) => update('statut', event.target.value)}>
            <option value="">Tous</option>
            {Object.entries(customerSubscriptionStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Wilaya (code)
          <input inputMode="numeric" maxLength={2} defaultValue={wilayaCode} onChange={(event) => update('wilaya', /^\d{2}$/.test(event.target.value) ? event.target.value : '')} />
        </label>
      </div>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection && (
        <>
          <p className="muted" role="status">
            {formatCount(connection.totalCount)} raccordement{connection.totalCount > 1 ? 's' : ''}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">Aucun raccordement ne correspond.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Commande</th>
                  <th scope="col">Client</th>
                  <th scope="col">Commune</th>
                  <th scope="col">Contractant</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Depuis</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="customer-subscription-row">
                    <td>
                      <Link to={`/raccordements/${node.id}`}>{node.orderReference}</Link>
                    </td>
                    <td>{node.customerName ?? '—'}</td>
                    <td>
                      {node.commune.name} ({node.wilaya.code})
                    </td>
                    <td>{node.contractor?.legalName ?? '—'}</td>
                    <td>{customerSubscriptionStatusLabels[node.status] ?? node.status}</td>
                    <td>{formatAlgiersDateTime(node.statusChangedAt)}</td>
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
