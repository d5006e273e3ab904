import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { announceInvoiceChange, InvoiceChange } from './invoice.events.js';
import { idempotencyKey, idempotent } from '../../common/idempotency.js';
import { algiersDate, now } from '../../common/time.js';
import { transition } from '../audit/tracked.service.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, parseInput, reason, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { FiscalRegime } from '../contractor/contractor.entity.js';
import { CreditNote, CreditNoteLine } from './credit-note.entity.js';
import { DocumentSeries } from './document-sequence.entity.js';
import { computeInvoiceTotals, totalsDifference } from './invoice-arithmetic.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { invoiceLifecycle } from './invoice.lifecycle.js';
import { requireInvoiceOperation } from './invoice-permissions.js';
import {
  arithmeticLine,
  balanceDue,
  distinctLines,
  invoiceWilayaCodes,
  linesOf,
  loadInvoiceForChange,
  nextDocumentNumber,
  quantityText,
  remainingQuantity,
  totalsColumns,
} from './invoice.service.js';
import { requireQuantityFitsUnit } from './price-schedule.service.js';

/**
 * Issues a credit note on `invoice` (locked by the caller) for `credits` — quantities of its lines,
 * each at most what is invoiced and not yet credited (checked by the callers) — at the lines'
 * invoiced prices and VAT, with the invoice's regime and retention. Its figures are the invoice's
 * totals before it less its totals after it (`totalsDifference`), so notes add up exactly to the
 * invoice. Numbered in the contractor's credit-note series; deducted from the balance due. An
 * approved or partly paid invoice whose balance falls to zero or below is PAID (settled by credit).
 */
export async function issueCreditNoteOn(
  em: EntityManager,
  context: Context,
  invoice: Invoice,
  credits: readonly { line: InvoiceLine; quantity: string }[],
  why: string,
): Promise<CreditNote> {
  const lines = await em.find(InvoiceLine, { invoice: invoice.id }, { orderBy: { id: 'asc' } });
  const credited = new Map(credits.map(({ line, quantity }) => [line.id, quantity]));
  const options = {
    chargesVat: invoice.fiscalRegime === FiscalRegime.REAL,
    retentionPercent: invoice.retentionPercent,
  };
  const remaining = (less: ReadonlyMap<string, string>) =>
    computeInvoiceTotals(
      lines.map((line) =>
        arithmeticLine(
          line,
          remainingQuantity(line)
            .minus(less.get(line.id) ?? 0)
            .toFixed(),
        ),
      ),
      options,
    );
  const totals = totalsDifference(remaining(new Map()), remaining(credited));
  const lineAmount = new Map(lines.map((line, index) => [line.id, totals.lineAmounts[index]!]));
  const issuedOn = algiersDate(now(context));
  const { number, year, sequence } = await nextDocumentNumber(
    em,
    invoice.contractor.id,
    DocumentSeries.CREDIT_NOTE,
    Number(issuedOn.slice(0, 4)),
  );
  const creditNote = em.create(CreditNote, {
    invoice,
    contractor: invoice.contractor,
    number,
    numberYear: year,
    numberSequence: sequence,
    issuedOn,
    reason: why,
    createdAt: new Date(),
    ...totalsColumns(totals),
    sellerIdentity: invoice.sellerIdentity!,
    buyerIdentity: invoice.buyerIdentity!,
  });
  credits.forEach(({ line, quantity }) => {
    em.create(CreditNoteLine, {
      creditNote,
      invoiceLine: line,
      itemCode: line.itemCode,
      designation: line.designation,
      unit: line.unit,
      quantity,
      unitPriceCentimes: line.unitPriceCentimes,
      vatRatePercent: line.vatRatePercent,
      amountCentimes: lineAmount.get(line.id)!.toString(),
    });
    line.creditedQuantity = new Decimal(line.creditedQuantity).plus(quantity).toString();
  });
  invoice.creditedCentimes = (BigInt(invoice.creditedCentimes) + totals.netPayable).toString();
  invoice.updatedAt = new Date();
  recordAudit(em, context, {
    entityType: AuditEntityType.INVOICE,
    entityId: invoice.id,
    action: AuditAction.UPDATE,
    reason: why,
    changes: [{ field: 'creditNote', from: null, to: { number, netPayableCentimes: totals.netPayable.toString() } }],
  });
  if (invoiceLifecycle.allows('PAY_IN_FULL', invoice.status) && balanceDue(invoice) <= 0n) {
    transition(
      em,
      context,
      invoice,
      AuditEntityType.INVOICE,
      invoiceLifecycle,
      'PAY_IN_FULL',
      `soldée par l’avoir ${number}`,
    );
  }
  announceInvoiceChange(em, invoice, InvoiceChange.CREDITED);
  return creditNote;
}

const creditNoteSchema = z.object({
  invoiceId: recordId,
  expectedVersion,
  reason,
  lines: distinctLines(
    z.object({
      lineId: recordId,
      quantity: quantityText.pipe(
        z.string().refine((value) => new Decimal(value).greaterThan(0), { error: 'must be more than 0' }),
      ),
    }),
  ).min(1, { error: 'must credit at least one line' }),
  idempotencyKey,
});

/**
 * Corrects an issued invoice with a credit note (facture d'avoir) crediting quantities of its
 * lines: the invoice is never edited. Accepts an idempotency key.
 * @throws DomainError INVALID_TRANSITION (a DRAFT is not issued: nothing to correct), AMOUNT_EXCEEDS_BALANCE (more than invoiced and not yet credited: `remainingQuantity`), NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT
 */
export async function issueCreditNote(context: Context, input: unknown): Promise<CreditNote> {
  const values = parseInput(creditNoteSchema, input);
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'issueCreditNote',
      values,
      async () => {
        const invoice = await loadInvoiceForChange(em, context, values.invoiceId, values.expectedVersion);
        await requireInvoiceOperation(context, 'issueCreditNote', invoice, () => invoiceWilayaCodes(em, invoice.id));
        const lines = await linesOf(em, invoice, values.lines, 'lines');
        const credits = values.lines.map((wanted, index) => {
          const line = lines[index]!;
          requireQuantityFitsUnit(line.unit, wanted.quantity, `lines.${index}.quantity`);
          const remaining = remainingQuantity(line);
          if (new Decimal(wanted.quantity).greaterThan(remaining)) {
            throw new DomainError(
              ErrorCode.AMOUNT_EXCEEDS_BALANCE,
              `lines.${index}.quantity: at most ${remaining.toString()} of line ${line.id} remains to credit`,
              {
                field: `lines.${index}.quantity`,
                remainingQuantity: remaining.toString(),
              },
            );
          }
          return { line, quantity: wanted.quantity };
        });
        return issueCreditNoteOn(em, context, invoice, credits, values.reason);
      },
      (id) => em.findOneOrFail(CreditNote, { id }),
    ),
  );
}
