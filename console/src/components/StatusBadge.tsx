import { useTranslation } from 'react-i18next';
import { contractorStatusLabels } from '../features/contractors/labels.ts';
import { invoiceStatusLabels } from '../features/invoices/labels.ts';
import { siteStatusLabels } from '../features/sites/labels.ts';
import { customerSubscriptionStatusLabels } from '../features/work/labels.ts';

/** The families of statuses the console shows as badges, each with the French names of its statuses. */
const familyLabels = {
  work: customerSubscriptionStatusLabels,
  invoice: invoiceStatusLabels,
  contractor: contractorStatusLabels,
  site: siteStatusLabels,
};

/**
 * A family of statuses: a customer subscription's (the work), an invoice's, a contractor's or a
 * site's. Each status's colour is defined once, in styles.css (`.status-<family>-<status>`), by what
 * it means: under way, done, waiting for someone, a problem.
 */
export type StatusFamily = keyof typeof familyLabels;

/** A record's `status` of `family` as a badge: its name in the user's language, coloured as it is everywhere. */
export function StatusBadge({
  family,
  status,
  className,
  testId,
}: {
  family: StatusFamily;
  status: string;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const classes = ['status', `status-${family}-${status.toLowerCase().replace(/_/g, '-')}`, className];
  return (
    <span className={classes.filter(Boolean).join(' ')} data-testid={testId}>
      {t(familyLabels[family][status] ?? status)}
    </span>
  );
}
