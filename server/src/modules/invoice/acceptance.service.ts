import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { announceSiteChange, WorkChange } from '../site/site.events.js';
import { announceInvoiceChange, InvoiceChange } from './invoice.events.js';
import { idempotencyKey, idempotent } from '../../common/idempotency.js';
import { algiersDate, algiersMonth, now } from '../../common/time.js';
import { loadForChange, requireForChange } from '../audit/tracked.service.js';
import { changeCustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.events.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, optionalText, parseInput, recordId, requiredText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { maySeeWork, placeOf } from '../auth/live.js';
import { workScope } from '../auth/scope.js';
import type { FiscalRegime } from '../contractor/contractor.entity.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { customerSubscriptionLifecycle } from '../customer-subscription/customer-subscription.lifecycle.js';
import type { WorkLine } from '../customer-subscription/installation-report.entity.js';
import { lineAmount } from './invoice-arithmetic.js';
import { InvoiceLine } from './invoice.entity.js';
import { lockDraftInvoice, recomputeTotals } from './invoice.service.js';
import { dayPrices, pricesStampSql } from './price-schedule.service.js';

const acceptSchema = z.object({ id: recordId, expectedVersion, overrideReason: optionalText(500), idempotencyKey });

/**
 * Accepts an installation (INSTALLED → ACCEPTED) and bills it in the same transaction: the lines of
 * its latest report, priced at the schedule and VAT rates in force on the installation date
 * (Algiers), join the contractor's DRAFT invoice for the month of the acceptance (Algiers), opened
 * if there is none, whose totals are recomputed. A report flagged by the quality gate is accepted
 * only with `overrideReason`, kept in the audit trail.
 * @throws DomainError INVALID_TRANSITION, QUALITY_OVERRIDE_REQUIRED (with the issues), NOT_FOUND, CONFLICT, BAD_USER_INPUT
 */
export async function acceptInstallation(context: Context, input: unknown): Promise<CustomerSubscription> {
  const values = parseInput(acceptSchema, input);
  const retentionPercent = context.settings?.retentionPercent ?? '5';
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'acceptInstallation',
      values,
      () => acceptAndBill(em, context, values, retentionPercent),
      (id) => em.findOneOrFail(CustomerSubscription, { id }),
    ),
  );
}

/** The latest installation report as an acceptance reads it. */
interface ReportToBill {
  readonly installedAt: string;
  readonly lines: readonly WorkLine[];
  readonly qualityIssues: readonly string[];
}

/**
 * The customer subscription `id` (null when there is none), its latest report and its contractor's
 * fiscal regime, with the stamp of the prices (`pricesStampSql`): one statement.
 */
async function readForAcceptance(
  em: EntityManager,
  id: string,
): Promise<{
  subscription: CustomerSubscription;
  report: ReportToBill | null;
  fiscalRegime: FiscalRegime;
  pricesStamp: string;
} | null> {
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select cs.*, to_jsonb(r) as "reportToBill", k.fiscal_regime as "contractorFiscalRegime", ${pricesStampSql} as "pricesStamp"
       from customer_subscription cs
       left join lateral (
         select installed_at as "installedAt", lines, quality_issues as "qualityIssues" from installation_report
          where customer_subscription_id = cs.id order by id desc limit 1
       ) r on true
       left join contractor k on k.id = cs.contractor_id
      where cs.id = ?`,
    [id],
  );
  if (!row) return null;
  const { reportToBill, contractorFiscalRegime, pricesStamp, ...columns } = row;
  return {
    subscription: em.map(CustomerSubscription, columns),
    report: reportToBill as ReportToBill | null,
    fiscalRegime: contractorFiscalRegime as FiscalRegime,
    pricesStamp: pricesStamp as string,
  };
}

async function acceptAndBill(
  em: EntityManager,
  context: Context,
  values: z.output<typeof acceptSchema>,
  retentionPercent: string,
): Promise<CustomerSubscription> {
  const found = await readForAcceptance(em, values.id);
  // Outside the viewer's scope (`workScope`'s rule, in memory), it answers as one that does not exist.
  const inScope = found && maySeeWork(context, placeOf(found.subscription)) ? found : null;
  const subscription = requireForChange(
    inScope?.subscription ?? null,
    'customer subscription',
    values.id,
    values.expectedVersion,
  );
  const { report, fiscalRegime, pricesStamp } = inScope!;
  customerSubscriptionLifecycle.next('ACCEPT', subscription.status);
  if (!report) {
    throw new DomainError(
      ErrorCode.NOT_FOUND,
      'This installation has no report to bill: send it back with rejectInstallation so the contractor reports it',
      {
        field: 'installationReport',
      },
    );
  }
  if (report.qualityIssues.length > 0 && !values.overrideReason) {
    throw new DomainError(
      ErrorCode.QUALITY_OVERRIDE_REQUIRED,
      `The report is outside the quality thresholds: ${report.qualityIssues.join('; ')}. Accepting it needs overrideReason.`,
      {
        field: 'overrideReason',
        qualityIssues: report.qualityIssues,
      },
    );
  }
  const { items, vatRates } = await dayPrices(context, em, pricesStamp, algiersDate(new Date(report.installedAt)));
  const contractor = { id: subscription.contractor!.id, fiscalRegime };
  const invoice = await lockDraftInvoice(em, contractor, algiersMonth(now(context)), retentionPercent);
  const columns = report.lines.map((line) => {
    const item = items.get(line.code)!;
    return [
      invoice.id,
      subscription.id,
      item.code,
      item.designation,
      item.unit,
      new Decimal(line.quantity).toString(),
      item.unitPriceCentimes,
      new Decimal(vatRates.get(item.taxCode)!).toString(),
      lineAmount(line.quantity, BigInt(item.unitPriceCentimes)).toString(),
      now(context),
    ];
  });
  // One INSERT for the report's lines; they come back as entities for the event that names them.
  const billed = (
    await em.execute<Record<string, unknown>[]>(
      `insert into invoice_line (invoice_id, customer_subscription_id, item_code, designation, unit, quantity, unit_price_centimes,
         vat_rate_percent, amount_centimes, credited_quantity, created_at)
       values ${columns.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)').join(', ')} returning *`,
      columns.flat(),
    )
  ).map((row) => em.map(InvoiceLine, row));
  // The draft follows the contractor's regime as it now stands (it is fixed only at issue).
  invoice.fiscalRegime = fiscalRegime;
  await recomputeTotals(em, invoice);
  announceInvoiceChange(em, invoice, InvoiceChange.LINE_ADDED, billed);
  changeCustomerSubscriptionStatus(em, context, subscription, 'ACCEPT', values.overrideReason ?? null, {
    changes: [{ field: 'invoiceId', from: null, to: invoice.id }],
  });
  // The site's progress counts its accepted connections.
  if (subscription.site) announceSiteChange(em, subscription.site, WorkChange.PROGRESS_CHANGED);
  return subscription;
}

const rejectSchema = z.object({
  id: recordId,
  expectedVersion,
  reserves: z
    .array(requiredText(500))
    .min(1, { error: 'must name at least one reserve' })
    .max(20, { error: 'must hold at most 20 reserves' }),
});

/**
 * Rejects an installation with reserves (the points to fix): INSTALLED → REJECTED; nothing is billed,
 * and the contractor can report again.
 * @throws DomainError INVALID_TRANSITION, BAD_USER_INPUT, NOT_FOUND, CONFLICT
 */
export async function rejectInstallation(context: Context, input: unknown): Promise<CustomerSubscription> {
  const values = parseInput(rejectSchema, input);
  return inTransaction(context, async (em) => {
    const subscription = await loadForChange(
      em,
      CustomerSubscription,
      'customer subscription',
      values.id,
      values.expectedVersion,
      { scope: workScope(context) },
    );
    changeCustomerSubscriptionStatus(em, context, subscription, 'REJECT', `reserves: ${values.reserves.join('; ')}`, {
      changes: [{ field: 'reserves', from: null, to: values.reserves }],
    });
    return subscription;
  });
}
