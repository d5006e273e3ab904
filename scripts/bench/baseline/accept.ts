import { Decimal } from 'decimal.js';
import { computeInvoiceTotals, lineAmount } from '../../../server/src/modules/invoice/invoice-arithmetic.js';
import { algiersDate, algiersMonth } from '../../../server/src/common/time.js';
import { domainError, type BaselineContext } from './context.js';

/**
 * `acceptInstallation` in hand-written SQL, in one transaction as Raccord does it: INSTALLED →
 * ACCEPTED (version checked), the lines of the latest report priced at the schedule and VAT rate in
 * force on the installation date, added to the contractor's DRAFT invoice of the month (opened if
 * there is none, locked FOR UPDATE), the invoice's totals recomputed from all its lines with
 * Raccord's arithmetic (`computeInvoiceTotals`), and a TRANSITION audit event. The dashboard
 * counters move through the same database triggers. No live event is published (the baseline has
 * no subscribers).
 * @returns the customer subscription's id, new version and status
 * @throws GraphQLError NOT_FOUND, CONFLICT (stale version), INVALID_TRANSITION, QUALITY_OVERRIDE_REQUIRED
 */
export function acceptInstallation(
  context: BaselineContext,
  id: string,
  expectedVersion: number,
  overrideReason: string | null,
): Promise<{ id: string; version: number; status: string }> {
  return context.db.transaction(async (tx) => {
    const [subscription] = await tx.query(
      `select cs.version, cs.status, cs.contractor_id, r.installed_at, r.lines, r.quality_issues
         from customer_subscription cs
         left join lateral (select installed_at, lines, quality_issues from installation_report where customer_subscription_id = cs.id order by id desc limit 1) r on true
        where cs.id = $1`,
      [id],
    );
    if (!subscription) throw domainError('NOT_FOUND', `id: no customer subscription with id ${id}`);
    if (subscription['version'] !== expectedVersion)
      throw domainError('CONFLICT', `The customer subscription changed meanwhile (version ${subscription['version']})`);
    if (subscription['status'] !== 'INSTALLED')
      throw domainError('INVALID_TRANSITION', `A ${subscription['status']} customer subscription cannot be accepted`);
    if (subscription['installed_at'] === null)
      throw domainError('NOT_FOUND', 'This installation has no report to bill');
    const issues = subscription['quality_issues'] as string[];
    if (issues.length > 0 && !overrideReason)
      throw domainError(
        'QUALITY_OVERRIDE_REQUIRED',
        `The report is outside the quality thresholds: ${issues.join('; ')}`,
      );
    const reported = subscription['lines'] as { code: string; quantity: string }[];
    const day = algiersDate(subscription['installed_at']);
    const contractorId = subscription['contractor_id'] as string;

    const items = await tx.query(
      `select i.code, i.designation, i.unit, i.unit_price_centimes::text as unit_price, r.rate_percent::text as rate_percent, k.fiscal_regime
         from price_schedule p
         join price_schedule_item i on i.schedule_id = p.id
         join lateral (select rate_percent from tax_rate where code = i.tax_code and valid_from <= $1 order by valid_from desc limit 1) r on true
         cross join contractor k
        where k.id = $2 and p.effective_from <= $1 and (p.effective_to is null or p.effective_to > $1) and i.code = any($3)`,
      [day, contractorId, reported.map((line) => line.code)],
    );
    const byCode = new Map(items.map((item) => [item['code'] as string, item]));
    const fiscalRegime = items[0]!['fiscal_regime'] as string;

    const period = algiersMonth(new Date());
    await tx.query(
      `insert into invoice (version, created_at, updated_at, status_changed_at, contractor_id, period, status, fiscal_regime, retention_percent,
         total_excluding_tax_centimes, total_vat_centimes, total_including_tax_centimes, retention_centimes, net_payable_centimes, vat_by_rate)
       values (1, now(), now(), now(), $1, $2, 'DRAFT', $3, $4, 0, 0, 0, 0, 0, '[]')
       on conflict (contractor_id, period) where status = 'DRAFT' do nothing`,
      [contractorId, period, fiscalRegime, context.retentionPercent],
    );
    const [invoice] = await tx.query(
      `select id, retention_percent::text as retention_percent from invoice where contractor_id = $1 and period = $2 and status = 'DRAFT' for update`,
      [contractorId, period],
    );
    const invoiceId = invoice!['id'] as string;

    const values: unknown[] = [];
    const rows = reported.map((line) => {
      const item = byCode.get(line.code)!;
      values.push(
        invoiceId,
        id,
        item['code'],
        item['designation'],
        item['unit'],
        new Decimal(line.quantity).toString(),
        item['unit_price'],
        new Decimal(item['rate_percent']).toString(),
        lineAmount(line.quantity, BigInt(item['unit_price'])).toString(),
      );
      const at = values.length - 9;
      return `(${Array.from({ length: 9 }, (_, index) => `$${at + index + 1}`).join(', ')}, now())`;
    });
    await tx.query(
      `insert into invoice_line (invoice_id, customer_subscription_id, item_code, designation, unit, quantity, unit_price_centimes, vat_rate_percent, amount_centimes, created_at)
       values ${rows.join(', ')}`,
      values,
    );

    const lines = await tx.query(
      `select quantity::text as quantity, unit_price_centimes::text as unit_price, vat_rate_percent::text as rate from invoice_line where invoice_id = $1 order by id`,
      [invoiceId],
    );
    const totals = computeInvoiceTotals(
      lines.map((line) => ({
        quantity: line['quantity'],
        unitPriceCentimes: BigInt(line['unit_price']),
        vatRatePercent: line['rate'],
      })),
      { chargesVat: fiscalRegime === 'REAL', retentionPercent: invoice!['retention_percent'] },
    );
    await tx.query(
      `update invoice set fiscal_regime = $2, total_excluding_tax_centimes = $3, total_vat_centimes = $4, total_including_tax_centimes = $5,
              retention_centimes = $6, net_payable_centimes = $7, vat_by_rate = $8, updated_at = now(), version = version + 1
        where id = $1`,
      [
        invoiceId,
        fiscalRegime,
        totals.totalExcludingTax.toString(),
        totals.totalVat.toString(),
        totals.totalIncludingTax.toString(),
        totals.retention.toString(),
        totals.netPayable.toString(),
        JSON.stringify(
          totals.vatByRate.map((vat) => ({
            ratePercent: vat.ratePercent,
            base: vat.base.toString(),
            amount: vat.amount.toString(),
          })),
        ),
      ],
    );
    const [accepted] = await tx.query(
      `update customer_subscription set status = 'ACCEPTED', status_reason = $3, status_changed_at = now(), updated_at = now(), version = version + 1
        where id = $1 and version = $2 returning id, version, status`,
      [id, expectedVersion, overrideReason],
    );
    if (!accepted) throw domainError('CONFLICT', 'The customer subscription changed meanwhile');
    await tx.query(
      `insert into audit_event (occurred_at, actor_type, actor_id, entity_type, entity_id, action, from_status, to_status, changes, reason, request_id)
       values (now(), 'USER', $1, 'CUSTOMER_SUBSCRIPTION', $2, 'TRANSITION', 'INSTALLED', 'ACCEPTED', $3, $4, $5)`,
      [
        context.viewer.id,
        id,
        JSON.stringify([{ field: 'invoiceId', from: null, to: invoiceId }]),
        overrideReason,
        context.requestId,
      ],
    );
    return { id: accepted['id'], version: accepted['version'], status: accepted['status'] };
  });
}
