import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { parseInput, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { viewerContractorId } from '../auth/scope.js';
import { Contractor, FiscalRegime } from '../contractor/contractor.entity.js';
import { computeInvoiceTotals } from './invoice-arithmetic.js';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity.js';

/** The invoices the viewer may see: a firm (user or key) its own only. */
function invoiceScope(context: Context): FilterQuery<Invoice> {
  const own = viewerContractorId(context);
  return own === null ? {} : { contractor: own };
}

/** The invoice with this id, or null (also when the viewer may not see it). */
export function findInvoice(context: Context, id: string): Promise<Invoice | null> {
  return context.em.findOne(Invoice, { $and: [{ id: parseInput(recordId, id, 'id') }, invoiceScope(context)] });
}

/** The invoices the viewer may see, newest period first. */
export function listInvoices(context: Context): Promise<Invoice[]> {
  return context.em.find(Invoice, invoiceScope(context), { orderBy: { period: 'desc', id: 'desc' }, limit: 500 });
}

/**
 * The contractor's DRAFT invoice for `period`, opened if there is none, locked (FOR UPDATE) until the
 * transaction ends, so that simultaneous acceptances add their lines one after the other. Two
 * transactions opening it at once meet on the unique index and both get the same row.
 */
export async function lockDraftInvoice(em: EntityManager, contractor: Contractor, period: string, retentionPercent: string): Promise<Invoice> {
  await em.getConnection().execute(
    `insert into invoice (version, created_at, updated_at, contractor_id, period, status, fiscal_regime, retention_percent,
       total_excluding_tax_centimes, total_vat_centimes, total_including_tax_centimes, retention_centimes, net_payable_centimes, vat_by_rate)
     values (1, now(), now(), ?, ?, 'DRAFT', ?, ?, 0, 0, 0, 0, 0, '[]')
     on conflict (contractor_id, period) where status = 'DRAFT' do nothing`,
    [contractor.id, period, contractor.fiscalRegime, retentionPercent],
    'run',
    em.getTransactionContext(),
    em.getLoggerContext(),
  );
  return em.findOneOrFail(Invoice, { contractor: contractor.id, period, status: InvoiceStatus.DRAFT }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** Recomputes the invoice's totals from all its lines (DOMAIN.md's arithmetic, one function for all). */
export async function recomputeTotals(em: EntityManager, invoice: Invoice): Promise<void> {
  const lines = await em.find(InvoiceLine, { invoice: invoice.id }, { orderBy: { id: 'asc' } });
  const totals = computeInvoiceTotals(
    lines.map((line) => ({ quantity: line.quantity, unitPriceCentimes: BigInt(line.unitPriceCentimes), vatRatePercent: line.vatRatePercent })),
    { chargesVat: invoice.fiscalRegime === FiscalRegime.REAL, retentionPercent: invoice.retentionPercent },
  );
  invoice.totalExcludingTaxCentimes = totals.totalExcludingTax.toString();
  invoice.totalVatCentimes = totals.totalVat.toString();
  invoice.totalIncludingTaxCentimes = totals.totalIncludingTax.toString();
  invoice.retentionCentimes = totals.retention.toString();
  invoice.netPayableCentimes = totals.netPayable.toString();
  invoice.vatByRate = totals.vatByRate.map((vat) => ({ ratePercent: vat.ratePercent, base: vat.base.toString(), amount: vat.amount.toString() }));
  invoice.updatedAt = new Date();
}

