import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      <h1>{t('Raccordements')}</h1>
      <div className="filters">
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
        <label className="field">
          {t('Wilaya (code)')}
          <input inputMode="numeric" maxLength={2} defaultValue={wilayaCode} onChange={(event) => update('wilaya', /^\d{2}$/.test(event.target.value) ? event.target.value : '')} />
        </label>
      </div>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection && (
        <>
          <p className="muted" role="status">
            {t('Raccordements : {{total}}', { total: formatCount(connection.totalCount) })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">{t('Aucun raccordement ne correspond.')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Commande')}</th>
                  <th scope="col">{t('Client')}</th>
                  <th scope="col">{t('Commune')}</th>
                  <th scope="col">{t('Contractant')}</th>
                  <th scope="col">{t('Statut')}</th>
                  <th scope="col">{t('Depuis')}</th>
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
                    <td>{t(customerSubscriptionStatusLabels[node.status] ?? node.status)}</td>
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
