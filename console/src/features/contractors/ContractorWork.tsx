import { readFragment } from 'gql.tada';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PagedSection } from '../../components/PagedList.tsx';
import { formatCount } from '../../lib/format.ts';
import { msg } from '../../lib/i18n.ts';
import { customerSubscriptionColumns, CustomerSubscriptionsTable } from '../work/CustomerSubscriptionsTable.tsx';
import { PagedCustomerSubscriptions } from '../work/documents.ts';
import { customerSubscriptionStatusLabels } from '../work/labels.ts';
import { ContractorWorkQuery } from './documents.ts';

const pageSize = 10;
/** A contractor's work shows the status right after the order, and the time since under « Depuis le ». */
const columns = [
  customerSubscriptionColumns.order,
  customerSubscriptionColumns.status,
  { ...customerSubscriptionColumns.since, header: msg('Depuis le') },
  customerSubscriptionColumns.commune,
  customerSubscriptionColumns.site,
];

/**
 * A contractor's work (the customer subscriptions assigned to it), 10 at a time, filtered by status;
 * `counts` (the contractor's work by status) are shown beside each status to choose from.
 */
export function ContractorWork({
  contractorId,
  counts,
}: {
  contractorId: string;
  counts: readonly { status: string; count: number }[];
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: ContractorWorkQuery,
    variables: { contractorId, status: (status || null) as never, first: pageSize, after: cursors.at(-1) ?? null },
    requestPolicy: 'cache-and-network',
  });
  const countOf = (value: string) => counts.find((entry) => entry.status === value)?.count ?? 0;

  return (
    <PagedSection
      id="contractor-work"
      title={t('Ses raccordements')}
      filters={
        <div className="filters">
          <label className="field">
            {t('Statut des raccordements')}
            <select
              value={status}
              onChange={(event) => {
                setStatus(event.target.value);
                setCursors([]);
              }}
            >
              <option value="">{t('Tous')}</option>
              {Object.entries(customerSubscriptionStatusLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {t(label)} ({formatCount(countOf(value))})
                </option>
              ))}
            </select>
          </label>
        </div>
      }
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={readFragment(PagedCustomerSubscriptions, result.data?.customerSubscriptions)}
      empty={
        status
          ? t('Aucun raccordement de ce contractant dans ce statut.')
          : t('Aucun raccordement n’est confié à ce contractant.')
      }
      count={(total) => t('Raccordements : {{count}}', { count: total })}
      cursors={cursors}
      onCursorsChange={setCursors}
    >
      {(subscriptions) => (
        <CustomerSubscriptionsTable
          customerSubscriptions={subscriptions}
          columns={columns}
          rowTestId="contractor-work-row"
        />
      )}
    </PagedSection>
  );
}
