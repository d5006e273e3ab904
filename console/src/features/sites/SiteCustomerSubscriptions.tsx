import { readFragment } from 'gql.tada';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount } from '../../lib/format.ts';
import { customerSubscriptionColumns, CustomerSubscriptionsTable } from '../work/CustomerSubscriptionsTable.tsx';
import { PagedCustomerSubscriptions } from '../work/documents.ts';
import { SiteCustomerSubscriptionChangedSubscription, SiteCustomerSubscriptionsQuery } from './documents.ts';

const pageSize = 25;
const columns = [
  customerSubscriptionColumns.order,
  customerSubscriptionColumns.customer,
  customerSubscriptionColumns.communeName,
  customerSubscriptionColumns.contractor,
  customerSubscriptionColumns.status,
  customerSubscriptionColumns.appointment,
];

/**
 * The customer subscriptions of a site, 25 at a time, each linking to its page; read again when one
 * of them changes (`customerSubscriptionChanged` for the site).
 */
export function SiteCustomerSubscriptions({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: SiteCustomerSubscriptionsQuery,
    variables: { siteId, first: pageSize, after: cursors.at(-1) ?? null },
  });
  const [live] = useSubscription({ query: SiteCustomerSubscriptionChangedSubscription, variables: { siteId } });
  const connection = readFragment(PagedCustomerSubscriptions, result.data?.customerSubscriptions);

  useEffect(() => {
    if (live.data) reexecute({ requestPolicy: 'network-only' });
  }, [live.data, reexecute]);

  return (
    <section aria-labelledby="site-customer-subscriptions">
      <h2 id="site-customer-subscriptions">{t('Raccordements du site')}</h2>
      <QueryState
        fetching={result.fetching && !connection}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {connection && (
        <>
          <p className="muted">{t('Raccordements : {{total}}', { total: formatCount(connection.totalCount) })}</p>
          {connection.edges.length === 0 ? (
            <p className="state">{t('Aucun raccordement sur ce site.')}</p>
          ) : (
            <CustomerSubscriptionsTable
              customerSubscriptions={connection.edges.map((edge) => edge.node)}
              columns={columns}
              rowTestId="site-customer-subscription-row"
            />
          )}
          <Pager cursors={cursors} onChange={setCursors} pageInfo={connection.pageInfo} />
        </>
      )}
    </section>
  );
}
