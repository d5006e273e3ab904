import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Decimal } from 'decimal.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { daysBetween } from '../../common/time.js';
import { paginateRows, type Page, type PageArgs } from '../../common/pagination.js';
import { findRows } from '../../database/entity-manager.js';
import { loadForChange } from '../audit/tracked.service.js';
import { containsPattern, parseInput, recordId, searchText } from '../../common/validation.js';
import { normalisedLike, rawCondition } from '../../common/text-search.js';
import type { Context } from '../../context.js';
import { maySeeMoney, viewerContractorId, viewerWilayas } from '../auth/scope.js';
import { Contractor, FiscalRegime } from '../contractor/contractor.entity.js';
import { totalsFromBases, type InvoiceLineInput, type InvoiceTotals } from './invoice-arithmetic.js';
import { DocumentSeries } from './document-sequence.entity.js';
import { invoiceRecord, type InvoiceRecord } from './invoice-records.js';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity.js';

/**
 * The invoices the viewer may see: none for a technician (no money); a firm (user or key) its own
 * only; a DOT manager those that bill work in its wilayas (it approves those whose work lies wholly
 * there); everyone else all of them.
 */
export function invoiceScope(context: Context): Record<string, unknown> {
  if (!maySeeMoney(context)) return { id: { $in: [] } };
  const own = viewerContractorId(context);
  if (own !== null) return { contractor: own };
  const wilayas = viewerWilayas(context);
  return wilayas === null ? {} : { lines: { customerSubscription: { wilaya: { $in: wilayas } } } };
}

/** Loads an invoice in the viewer's scope to change it, locked (FOR UPDATE) until the transaction ends. */
export function loadInvoiceForChange(
  em: EntityManager,
  context: Context,
  id: string,
  version: number,
): Promise<Invoice> {
  return loadForChange(em, Invoice, 'invoice', id, version, {
    scope: invoiceScope(context),
    lockMode: LockMode.PESSIMISTIC_WRITE,
  });
}

/** The invoice with this id, or null (also when the viewer may not see it). */
export function findInvoice(context: Context, id: string): Promise<Invoice | null> {
  return context.em.findOne(Invoice, { $and: [{ id: parseInput(recordId, id, 'id') }, invoiceScope(context)] });
}

/** `findInvoice` for a query: the invoice read as a row (`InvoiceRecord`), no entity made. */
export async function readInvoice(context: Context, id: string): Promise<InvoiceRecord | null> {
  const [row] = await findRows(
    context.em,
    Invoice,
    { $and: [{ id: parseInput(recordId, id, 'id') }, invoiceScope(context)] },
    // One row: a DOT manager's scope joins the lines, which a limit reads as distinct invoices.
    { limit: 1 },
  );
  return row ? invoiceRecord(row) : null;
}

const invoiceFilterSchema = z.object({
  status: z.enum(InvoiceStatus, { error: 'must be an invoice status' }).nullish(),
  contractorId: recordId.nullish(),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' })
    .nullish(),
  updatedSince: z.date().nullish(),
  search: searchText,
});

/**
 * The free-text filter of the invoices: part of the number or of the firm's legal or trade name, as
 * `textContains` compares them (the firm's names through the contractor's own search index).
 */
function invoiceSearch(text: string): Record<string, unknown> {
  const pattern = containsPattern(text);
  return rawCondition(
    (alias) =>
      `(${normalisedLike(`${alias}."number"`)} or ${alias}."contractor_id" in (select c."id" from "contractor" c where ${normalisedLike('c."legal_name"')} or ${normalisedLike('c."trade_name"')}))`,
    [pattern, pattern, pattern],
  );
}

/** Filters of the invoice list, all optional (AND). */
export type InvoiceFilter = z.input<typeof invoiceFilterSchema>;

/**
 * A page of the invoices the viewer may see (`invoiceScope`), newest month first, then newest first;
 * keyset-paginated like every list, read as rows (`InvoiceRecord`), no entity made.
 * @throws DomainError BAD_USER_INPUT (a filter, `first`, `after`)
 */
export async function listInvoices(
  context: Context,
  filter: InvoiceFilter,
  page: PageArgs,
): Promise<Page<InvoiceRecord>> {
  const values = parseInput(invoiceFilterSchema, filter, 'filter');
  const where: Record<string, unknown>[] = [invoiceScope(context)];
  if (values.status) where.push({ status: values.status });
  if (values.contractorId) where.push({ contractor: values.contractorId });
  if (values.period) where.push({ period: values.period });
  if (values.updatedSince) where.push({ updatedAt: { $gte: values.updatedSince } });
  const { search } = values;
  const matching = () => ({ $and: search ? [...where, invoiceSearch(search)] : where });
  const rows = await paginateRows(context.em, Invoice, matching as never, { period: 'desc', id: 'desc' }, page);
  return { ...rows, edges: rows.edges.map((edge) => ({ cursor: edge.cursor, node: invoiceRecord(edge.node) })) };
}

/**
 * The contractor's DRAFT invoice for `period`, opened if there is none, locked (FOR UPDATE) until the
 * transaction ends, so that simultaneous acceptances add their lines one after the other. Two
 * transactions opening it at once meet on the unique index and both get the same row. When the draft
 * is submitted while this waits for its lock, it is no longer a DRAFT: a new one is opened (the work
 * belongs on an invoice still open), once. Read first: most acceptances find the month's draft open.
 */
export async function lockDraftInvoice(
  em: EntityManager,
  contractor: Pick<Contractor, 'id' | 'fiscalRegime'>,
  period: string,
  retentionPercent: string,
): Promise<Invoice> {
  for (let opened = 0; ; opened += 1) {
    const [draft] = await em.execute<Record<string, unknown>[]>(
      `select * from invoice where contractor_id = ? and period = ? and status = 'DRAFT' for update`,
      [contractor.id, period],
    );
    if (draft) return em.map(Invoice, draft);
    if (opened === 2)
      throw new Error(`no DRAFT invoice for contractor ${contractor.id} and ${period} after opening one twice`);
    await em.execute(
      `insert into invoice (version, created_at, updated_at, status_changed_at, contractor_id, period, status, fiscal_regime, retention_percent,
         total_excluding_tax_centimes, total_vat_centimes, total_including_tax_centimes, retention_centimes, net_payable_centimes, vat_by_rate)
       values (1, now(), now(), now(), ?, ?, 'DRAFT', ?, ?, 0, 0, 0, 0, 0, '[]')
       on conflict (contractor_id, period) where status = 'DRAFT' do nothing`,
      [contractor.id, period, contractor.fiscalRegime, retentionPercent],
      'run',
    );
  }
}

/** A stored line as the arithmetic takes it, at `quantity` (the line's own by default). */
export function arithmeticLine(
  line: Pick<InvoiceLine, 'quantity' | 'unitPriceCentimes' | 'vatRatePercent'>,
  quantity = line.quantity,
): InvoiceLineInput {
  return { quantity, unitPriceCentimes: BigInt(line.unitPriceCentimes), vatRatePercent: line.vatRatePercent };
}

/** The totals columns an invoice or a credit note stores (centimes as strings), from the arithmetic's totals. */
export function totalsColumns(totals: Omit<InvoiceTotals, 'lineAmounts'>) {
  return {
    totalExcludingTaxCentimes: totals.totalExcludingTax.toString(),
    totalVatCentimes: totals.totalVat.toString(),
    totalIncludingTaxCentimes: totals.totalIncludingTax.toString(),
    retentionCentimes: totals.retention.toString(),
    netPayableCentimes: totals.netPayable.toString(),
    vatByRate: totals.vatByRate.map((vat) => ({
      ratePercent: vat.ratePercent,
      base: vat.base.toString(),
      amount: vat.amount.toString(),
    })),
  };
}

/**
 * Recomputes the invoice's totals from all its lines (the arithmetic of docs/domain.md, "Money and invoices":
 * `totalsFromBases`), flushed ones included: the database sums each line's stored rounded amount by VAT rate,
 * so the cost does not grow with the lines read into memory (a month-end draft holds thousands).
 */
export async function recomputeTotals(em: EntityManager, invoice: Invoice): Promise<void> {
  const rows = await em
    .getConnection()
    .execute<{ rate: string; base: string }[]>(
      'select "vat_rate_percent"::text as "rate", sum("amount_centimes")::text as "base" from "invoice_line" where "invoice_id" = ? group by "vat_rate_percent"',
      [invoice.id],
      'all',
      em.getTransactionContext(),
      em.getLoggerContext(),
    );
  const totals = totalsFromBases(
    rows.map((row) => ({ ratePercent: row.rate, base: BigInt(row.base) })),
    { chargesVat: invoice.fiscalRegime === FiscalRegime.REAL, retentionPercent: invoice.retentionPercent },
  );
  Object.assign(invoice, totalsColumns(totals));
  invoice.updatedAt = new Date();
}

/** Prefix of each numbering series: "FA-2026-00001" (facture), "AV-2026-00001" (avoir). */
const seriesPrefix: Record<DocumentSeries, string> = {
  [DocumentSeries.INVOICE]: 'FA',
  [DocumentSeries.CREDIT_NOTE]: 'AV',
};

/**
 * The next number of a contractor's series for `year`, taken in the caller's transaction: the
 * upsert locks the series' row until commit, so concurrent submissions number one after the other
 * with no gap, and a rolled-back one gives its number back (docs/domain.md, "Money and invoices": chronological,
 * gapless, per issuer and year, never reused).
 */
export async function nextDocumentNumber(
  em: EntityManager,
  contractorId: string,
  series: DocumentSeries,
  year: number,
): Promise<{ number: string; year: number; sequence: number }> {
  const [row] = await em.getConnection().execute<{ last_number: number }[]>(
    `insert into document_sequence (contractor_id, series, year, last_number) values (?, ?, ?, 1)
     on conflict (contractor_id, series, year) do update set last_number = document_sequence.last_number + 1
     returning last_number`,
    [contractorId, series, year],
    'all',
    em.getTransactionContext(),
    em.getLoggerContext(),
  );
  const sequence = Number(row!.last_number);
  return { number: `${seriesPrefix[series]}-${year}-${String(sequence).padStart(5, '0')}`, year, sequence };
}

/** What remains to pay on an invoice, in centimes: net payable − credit notes − payments (negative when overpaid). */
export function balanceDue(invoice: Pick<Invoice, 'netPayableCentimes' | 'creditedCentimes' | 'paidCentimes'>): bigint {
  return BigInt(invoice.netPayableCentimes) - BigInt(invoice.creditedCentimes) - BigInt(invoice.paidCentimes);
}

/**
 * An invoice line as the reasons the server writes name it, in French: the order reference of its
 * work and its item code, "commande CMD-16-2026-000123, DRP-AER", never its internal id (its
 * customer subscription must be loaded). The console reads it back (console/src/features/invoices/reasons.ts).
 */
export function lineInWords(line: InvoiceLine): string {
  return `commande ${line.customerSubscription.getProperty('orderReference')}, ${line.itemCode}`;
}

/**
 * The invoice's lines named by `wanted[].lineId`, in that order.
 * @throws DomainError NOT_FOUND (field `<field>.N.lineId`) for a line not on this invoice
 */
export async function linesOf(
  em: EntityManager,
  invoice: Invoice,
  wanted: readonly { lineId: string }[],
  field: string,
): Promise<InvoiceLine[]> {
  const found = new Map(
    (await em.find(InvoiceLine, { invoice: invoice.id, id: { $in: wanted.map((line) => line.lineId) } })).map(
      (line) => [line.id, line],
    ),
  );
  return wanted.map((line, index) => {
    const match = found.get(line.lineId);
    if (!match)
      throw new DomainError(ErrorCode.NOT_FOUND, `Invoice ${invoice.id} has no line ${line.lineId}`, {
        field: `${field}.${index}.lineId`,
      });
    return match;
  });
}

/** A quantity as clients write it: a decimal string, at most 3 decimals. */
export const quantityText = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, { error: 'must be a quantity such as "42.5" (dot, at most three decimals)' });

/** A list of invoice lines named by `lineId`, each once, at most 1000. */
export function distinctLines<T extends z.ZodType<{ lineId: string }>>(item: T) {
  return z
    .array(item)
    .max(1000, { error: 'must name at most 1000 lines' })
    .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, {
      error: 'must name each line once',
    });
}

/** What of an invoice line is invoiced and not yet credited. */
export function remainingQuantity(line: InvoiceLine): Decimal {
  return new Decimal(line.quantity).minus(line.creditedQuantity);
}

/**
 * Whole days from the due date to `today` (YYYY-MM-DD, Algiers) while the invoice is not PAID
 * (SUBMITTED, REVISION_REQUESTED, APPROVED, PARTIALLY_PAID); 0 up to and on the due date, and once
 * PAID; null for a DRAFT, which has no due date. The one count of the days overdue (Invoice.daysOverdue).
 */
export function daysOverdue(invoice: Pick<Invoice, 'dueOn' | 'status'>, today: string): number | null {
  if (invoice.dueOn === null) return null;
  if (invoice.status === InvoiceStatus.PAID) return 0;
  return Math.max(0, daysBetween(invoice.dueOn, today));
}

/**
 * The wilayas each invoice of `invoiceIds` bills work in (those of its lines' customer
 * subscriptions), sorted, from the `invoice_wilaya` table the database keeps as lines are added:
 * one query for them all. An invoice with no line has none.
 */
export async function wilayaCodesByInvoice(
  em: EntityManager,
  invoiceIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await em.getConnection().execute<{ invoice_id: string; wilaya_code: string }[]>(
    'select "invoice_id", "wilaya_code" from "invoice_wilaya" where "invoice_id" in (?) order by 2',
    [[...invoiceIds]],
    'all',
    // Inside a transaction, what it has written so far (an event's payload reads the lines just billed).
    em.getTransactionContext(),
  );
  const codes = new Map<string, string[]>(invoiceIds.map((id) => [id, []]));
  for (const row of rows) codes.get(String(row.invoice_id))?.push(row.wilaya_code);
  return codes;
}

/** The wilayas one invoice bills work in, sorted (see `wilayaCodesByInvoice`). */
export async function invoiceWilayaCodes(em: EntityManager, invoiceId: string): Promise<string[]> {
  return (await wilayaCodesByInvoice(em, [invoiceId])).get(invoiceId)!;
}
