import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { FiscalRegime } from '../contractor/contractor.entity.js';
import { CreditNote, CreditNoteLine } from './credit-note.entity.js';
import { computeInvoiceTotals, type InvoiceTotals } from './invoice-arithmetic.js';
import { defaultBuyer, type DocumentLine, type InvoiceDocument } from './invoice-document.js';
import { loadSeller, sellerIdentity } from './invoice-issue.service.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { arithmeticLine, findInvoice, invoiceScope } from './invoice.service.js';

type Priced = Pick<
  InvoiceLine,
  'itemCode' | 'designation' | 'unit' | 'quantity' | 'unitPriceCentimes' | 'vatRatePercent'
>;

/** Lines as printed, with their amounts (centimes) and the order references of their work in the same order. */
function documentLines(
  lines: readonly Priced[],
  amounts: readonly bigint[],
  orderReferences: readonly string[],
): DocumentLine[] {
  return lines.map((line, index) => ({
    orderReference: orderReferences[index]!,
    itemCode: line.itemCode,
    designation: line.designation,
    unit: line.unit.toLowerCase(),
    quantity: line.quantity,
    unitPriceCentimes: BigInt(line.unitPriceCentimes),
    vatRatePercent: line.vatRatePercent,
    amountCentimes: amounts[index]!,
  }));
}

/** Lines and totals of an invoice, through `computeInvoiceTotals`: the function the API's totals come from. */
function priced(
  lines: readonly Priced[],
  orderReferences: readonly string[],
  chargesVat: boolean,
  retentionPercent: string,
): Pick<InvoiceDocument, 'lines' | 'totals'> {
  const totals = computeInvoiceTotals(
    lines.map((line) => arithmeticLine(line)),
    { chargesVat, retentionPercent },
  );
  return { lines: documentLines(lines, totals.lineAmounts, orderReferences), totals };
}

/** The order reference of the work of each of `customerSubscriptionIds`, in order: one statement for them all. */
function orderReferencesOf(context: Context, customerSubscriptionIds: readonly string[]): Promise<string[]> {
  return Promise.all(
    customerSubscriptionIds.map((id) => context.loaders.customerSubscriptions.orderReferences.load(id)),
  );
}

/** A credit note's stored figures (computed at issue by `totalsDifference`), as the API shows them. */
function storedTotals(creditNote: CreditNote, lines: readonly CreditNoteLine[]): InvoiceTotals {
  return {
    lineAmounts: lines.map((line) => BigInt(line.amountCentimes)),
    totalExcludingTax: BigInt(creditNote.totalExcludingTaxCentimes),
    vatByRate: creditNote.vatByRate.map((vat) => ({
      ratePercent: vat.ratePercent,
      base: BigInt(vat.base),
      amount: BigInt(vat.amount),
    })),
    totalVat: BigInt(creditNote.totalVatCentimes),
    totalIncludingTax: BigInt(creditNote.totalIncludingTaxCentimes),
    retention: BigInt(creditNote.retentionCentimes),
    netPayable: BigInt(creditNote.netPayableCentimes),
  };
}

/**
 * The document of the invoice with this id, or null when there is none the viewer may see (the same
 * rule as `Query.invoice`). An issued invoice shows the identities frozen at issue; a DRAFT, the
 * parties as they stand and no number.
 */
export async function invoiceDocument(context: Context, id: string): Promise<InvoiceDocument | null> {
  const invoice = await findInvoice(context, id);
  if (!invoice) return null;
  const em = context.em as EntityManager;
  const lines = await em.find(InvoiceLine, { invoice: invoice.id }, { orderBy: { id: 'asc' } });
  const chargesVat = invoice.fiscalRegime === FiscalRegime.REAL;
  return {
    kind: 'INVOICE',
    number: invoice.number,
    issuedOn: invoice.issuedOn,
    period: invoice.period,
    corrects: null,
    dueOn: invoice.dueOn,
    seller: invoice.sellerIdentity ?? sellerIdentity(await loadSeller(em, invoice.contractor.id)),
    buyer: invoice.buyerIdentity ?? context.settings?.buyer ?? defaultBuyer,
    chargesVat,
    retentionPercent: invoice.retentionPercent,
    ...priced(
      lines,
      await orderReferencesOf(
        context,
        lines.map((line) => line.customerSubscription.id),
      ),
      chargesVat,
      invoice.retentionPercent,
    ),
  };
}

/** The document of the credit note with this id, or null when the viewer may not see its invoice. */
export async function creditNoteDocument(context: Context, id: string): Promise<InvoiceDocument | null> {
  const em = context.em as EntityManager;
  const creditNote = await em.findOne(CreditNote, { id, invoice: invoiceScope(context) } as never);
  if (!creditNote) return null;
  const invoice = await em.findOneOrFail(Invoice, { id: creditNote.invoice.id });
  const lines = await em.find(
    CreditNoteLine,
    { creditNote: creditNote.id },
    { orderBy: { id: 'asc' }, populate: ['invoiceLine'] },
  );
  const chargesVat = invoice.fiscalRegime === FiscalRegime.REAL;
  return {
    kind: 'CREDIT_NOTE',
    number: creditNote.number,
    issuedOn: creditNote.issuedOn,
    period: invoice.period,
    corrects: { number: invoice.number ?? '', reason: creditNote.reason },
    dueOn: null,
    seller: creditNote.sellerIdentity,
    buyer: creditNote.buyerIdentity,
    chargesVat,
    retentionPercent: invoice.retentionPercent,
    lines: documentLines(
      lines,
      lines.map((line) => BigInt(line.amountCentimes)),
      await orderReferencesOf(
        context,
        lines.map((line) => line.invoiceLine.getProperty('customerSubscription').id),
      ),
    ),
    totals: storedTotals(creditNote, lines),
  };
}
