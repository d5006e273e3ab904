import { readFragment } from 'gql.tada';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PagedSection } from '../../components/PagedList.tsx';
import { useReadAgainOnChange } from '../../lib/live.ts';
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
  useReadAgainOnChange({ query: SiteCustomerSubscriptionChangedSubscription, variables: { siteId } }, reexecute);
  const connection = readFragment(PagedCustomerSubscriptions, result.data?.customerSubscriptions);

  return (
    <PagedSection
      id="site-customer-subscriptions"
      title={t('Raccordements du site')}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={connection}
      count={(total) => t('Raccordements : {{total}}', { total })}
      empty={t('Aucun raccordement sur ce site.')}
      cursors={cursors}
      onCursorsChange={setCursors}
    >
      {(customerSubscriptions) => (
        <CustomerSubscriptionsTable
          customerSubscriptions={customerSubscriptions}
          columns={columns}
          rowTestId="site-customer-subscription-row"
        />
      )}
    </PagedSection>
  );
}
