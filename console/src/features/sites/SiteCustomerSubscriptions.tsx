import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatAlgiersDateTime, formatCount } from '../../lib/format.ts';
import { customerSubscriptionStatusLabels } from '../work/labels.ts';
import { SiteCustomerSubscriptionChangedSubscription, SiteCustomerSubscriptionsQuery } from './documents.ts';

const pageSize = 25;

/**
 * The customer subscriptions of a site, 25 at a time, each linking to its page; read again when one
 * of them changes (`customerSubscriptionChanged` for the site).
 */
export function SiteCustomerSubscriptions({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({ query: SiteCustomerSubscriptionsQuery, variables: { siteId, first: pageSize, after: cursors.at(-1) ?? null } });
  const [live] = useSubscription({ query: SiteCustomerSubscriptionChangedSubscription, variables: { siteId } });
  const connection = result.data?.customerSubscriptions;

  useEffect(() => {
    if (live.data) reexecute({ requestPolicy: 'network-only' });
  }, [live.data, reexecute]);

  return (
    <section aria-labelledby="site-customer-subscriptions">
      <h2 id="site-customer-subscriptions">{t('Raccordements du site')}</h2>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection && (
        <>
          <p className="muted">{t('Raccordements : {{total}}', { total: formatCount(connection.totalCount) })}</p>
          {connection.edges.length === 0 ? (
            <p className="state">{t('Aucun raccordement sur ce site.')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Commande')}</th>
                  <th scope="col">{t('Client')}</th>
                  <th scope="col">{t('Commune')}</th>
                  <th scope="col">{t('Contractant')}</th>
                  <th scope="col">{t('Statut')}</th>
                  <th scope="col">{t('Rendez-vous')}</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="site-customer-subscription-row">
                    <td>
                      <Link to={`/raccordements/${node.id}`}>{node.orderReference}</Link>
                    </td>
                    <td>{node.customerName ?? '—'}</td>
                    <td>{node.commune.name}</td>
                    <td>{node.contractor?.legalName ?? '—'}</td>
                    <td>{t(customerSubscriptionStatusLabels[node.status] ?? node.status)}</td>
                    <td>{node.appointmentAt ? formatAlgiersDateTime(node.appointmentAt) : '—'}</td>
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
