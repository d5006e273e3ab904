import { readFragment } from 'gql.tada';
import { Link } from 'react-router';
import { Table, type Column } from '../../components/Table.tsx';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import type { FragmentOf, ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { CustomerSubscriptionsTableRow } from './documents.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

type CustomerSubscription = ResultOf<typeof CustomerSubscriptionsTableRow>;

/** The columns a list of customer subscriptions may show, each order reference linking to its page. */
export const customerSubscriptionColumns = {
  order: {
    header: msg('Commande'),
    cell: (subscription) => <Link to={`/raccordements/${subscription.id}`}>{subscription.orderReference}</Link>,
  },
  customer: { header: msg('Client'), cell: (subscription) => subscription.customerName ?? '—' },
  commune: {
    header: msg('Commune'),
    cell: (subscription) => (
      <>
        {subscription.commune.name} ({subscription.wilaya.code})
      </>
    ),
  },
  /** The commune alone, where the wilaya goes without saying (a site's list). */
  communeName: { header: msg('Commune'), cell: (subscription) => subscription.commune.name },
  contractor: { header: msg('Contractant'), cell: (subscription) => subscription.contractor?.legalName ?? '—' },
  /** Who in the firm does the work: null (—) when given to the firm as a whole, or not readable by the viewer's role. */
  technician: {
    header: msg('Technicien'),
    cell: (subscription) => subscription.technician?.displayName ?? '—',
    testId: 'customer-subscription-technician',
  },
  status: {
    header: msg('Statut'),
    cell: (subscription) => <StatusBadge family="work" status={subscription.status} />,
  },
  since: { header: msg('Depuis'), cell: (subscription) => formatAlgiersDateTime(subscription.statusChangedAt) },
  appointment: {
    header: msg('Rendez-vous'),
    cell: (subscription) => (subscription.appointmentAt ? formatAlgiersDateTime(subscription.appointmentAt) : '—'),
  },
  site: { header: msg('Site'), cell: (subscription) => subscription.site?.code ?? '—' },
} satisfies Record<string, Column<CustomerSubscription>>;

/**
 * Customer subscriptions (read through `CustomerSubscriptionsTableRow`) in a table of `columns`, one
 * line a subscription marked `rowTestId`.
 */
export function CustomerSubscriptionsTable({
  customerSubscriptions,
  columns,
  rowTestId,
}: {
  customerSubscriptions: readonly FragmentOf<typeof CustomerSubscriptionsTableRow>[];
  columns: readonly Column<CustomerSubscription>[];
  rowTestId: string;
}) {
  return (
    <Table
      rows={readFragment(CustomerSubscriptionsTableRow, customerSubscriptions)}
      columns={columns}
      rowTestId={rowTestId}
    />
  );
}
