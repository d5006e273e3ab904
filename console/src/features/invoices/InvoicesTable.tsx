import { readFragment } from 'gql.tada';
import { Link } from 'react-router';
import { Table, type Column } from '../../components/Table.tsx';
import { formatCalendarDate, formatDays, formatDzd } from '../../lib/format.ts';
import type { FragmentOf, ResultOf } from '../../lib/graphql.ts';
import { msg, translate as t } from '../../lib/i18n.ts';
import { algiersToday, daysBetween } from './dates.ts';
import { InvoicesTableRow } from './documents.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

type Invoice = ResultOf<typeof InvoicesTableRow>;

/** The columns a list of invoices may show, each invoice's number (or « Brouillon ») linking to it. */
export const invoiceColumns = {
  number: {
    header: msg('Numéro'),
    cell: (invoice) => <Link to={`/factures/${invoice.id}`}>{invoice.number ?? t('Brouillon')}</Link>,
  },
  contractor: { header: msg('Contractant'), cell: (invoice) => invoice.contractor?.legalName ?? '—' },
  period: { header: msg('Mois'), cell: (invoice) => invoice.period },
  status: {
    header: msg('Statut'),
    cell: (invoice) => <StatusBadge family="invoice" status={invoice.status} />,
  },
  issuedOn: {
    header: msg('Émise le'),
    cell: (invoice) => (invoice.issuedOn ? formatCalendarDate(invoice.issuedOn) : '—'),
  },
  /** Days since issue, in Algiers. */
  age: {
    header: msg('Âge depuis l’émission'),
    testId: 'invoice-age',
    cell: (invoice) => (invoice.issuedOn ? formatDays(daysBetween(invoice.issuedOn, algiersToday())) : '—'),
  },
  /** The due date the API gives (date of issue + the server's payment term); none for a draft. */
  dueOn: {
    header: msg('Échéance'),
    testId: 'invoice-due-on',
    cell: (invoice) => (invoice.dueOn ? formatCalendarDate(invoice.dueOn) : '—'),
  },
  /** Whole days overdue as the API counts them: 0 when not late or paid, none (—) for a draft. */
  daysOverdue: {
    header: msg('Retard'),
    numeric: true,
    testId: 'invoice-days-overdue',
    cell: (invoice) =>
      invoice.daysOverdue ? (
        <span className="overdue">{formatDays(invoice.daysOverdue)}</span>
      ) : (
        formatDays(invoice.daysOverdue)
      ),
  },
  netPayable: { header: msg('Net à payer'), numeric: true, cell: (invoice) => formatDzd(invoice.netPayable.centimes) },
  balanceDue: { header: msg('Reste dû'), numeric: true, cell: (invoice) => formatDzd(invoice.balanceDue.centimes) },
} satisfies Record<string, Column<Invoice>>;

/** Invoices (read through `InvoicesTableRow`) in a table of `columns`, one line an invoice marked `rowTestId`. */
export function InvoicesTable({
  invoices,
  columns,
  rowTestId,
}: {
  invoices: readonly FragmentOf<typeof InvoicesTableRow>[];
  columns: readonly Column<Invoice>[];
  rowTestId: string;
}) {
  return <Table rows={readFragment(InvoicesTableRow, invoices)} columns={columns} rowTestId={rowTestId} />;
}
