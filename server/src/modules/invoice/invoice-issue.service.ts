import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { DomainError, ErrorCode, badUserInput } from '../../common/errors.js';
import { announceInvoiceChange, InvoiceChange } from './invoice.events.js';
import { idempotencyKey, idempotent } from '../../common/idempotency.js';
import { addDays, algiersDate, algiersMonth, now } from '../../common/time.js';
import { transition } from '../audit/tracked.service.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, parseInput, reason, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { createContext } from '../auth/operation-context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { Contractor, LegalForm } from '../contractor/contractor.entity.js';
import { CreditNote } from './credit-note.entity.js';
import { issueCreditNoteOn } from './credit-note.service.js';
import { defaultBuyer, type PartyIdentity } from './invoice-document.js';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity.js';
import { invoiceLifecycle } from './invoice.lifecycle.js';
import { requireInvoiceOperation } from './invoice-permissions.js';
import {
  balanceDue,
  distinctLines,
  invoiceWilayaCodes,
  lineInWords,
  linesOf,
  loadInvoiceForChange,
  nextDocumentNumber,
  quantityText,
  recomputeTotals,
  remainingQuantity,
} from './invoice.service.js';
import { requireQuantityFitsUnit } from './price-schedule.service.js';
import { DocumentSeries } from './document-sequence.entity.js';

/** The contractor as it invoices: with its commune and wilaya, for its address. */
export function loadSeller(em: EntityManager, contractorId: string) {
  return em.findOneOrFail(Contractor, { id: contractorId }, { populate: ['commune.wilaya'] });
}

/**
 * The identity a contractor invoices under (décret exécutif 05-468), as it stands now; the address
 * completed with its commune and wilaya ("12 rue X, Aïn Benian, 16 Alger").
 */
export function sellerIdentity(contractor: Awaited<ReturnType<typeof loadSeller>>): PartyIdentity {
  const commune = contractor.commune.getEntity();
  const wilaya = commune.wilaya.getEntity();
  return {
    name: contractor.legalName,
    legalForm:
      contractor.legalForm === LegalForm.AUTO_ENTREPRENEUR
        ? 'Auto-entrepreneur'
        : contractor.legalForm.replaceAll('_', ' '),
    address: `${contractor.address}, ${commune.name}, ${wilaya.code} ${wilaya.name}`,
    rcNumber: contractor.rcNumber,
    autoEntrepreneurCardNumber: contractor.autoEntrepreneurCardNumber,
    nif: contractor.nif,
    nis: contractor.nis,
    taxArticle: contractor.taxArticle,
  };
}

/**
 * Issues a locked DRAFT invoice (DRAFT → SUBMITTED) in the caller's transaction: the next number of
 * the contractor's series for the year of issue (Algiers), the date of issue and due date, and the
 * parties' identities are fixed; from now on its lines never change.
 * @throws DomainError INVALID_TRANSITION (not a DRAFT), INVOICE_EMPTY
 */
async function issue(em: EntityManager, context: Context, invoice: Invoice, why: string | null): Promise<void> {
  invoiceLifecycle.next('SUBMIT', invoice.status);
  if ((await em.count(InvoiceLine, { invoice: invoice.id })) === 0) {
    throw new DomainError(ErrorCode.INVOICE_EMPTY, 'This invoice has no lines yet: nothing to submit', { field: 'id' });
  }
  const seller = await loadSeller(em, invoice.contractor.id);
  if (invoice.fiscalRegime !== seller.fiscalRegime) {
    // The regime in force at issue decides VAT (docs/domain.md, "Money and invoices"): a draft opened under
    // another is repriced.
    invoice.fiscalRegime = seller.fiscalRegime;
    await recomputeTotals(em, invoice);
  }
  const issuedOn = algiersDate(now(context));
  const { number, year, sequence } = await nextDocumentNumber(
    em,
    invoice.contractor.id,
    DocumentSeries.INVOICE,
    Number(issuedOn.slice(0, 4)),
  );
  invoice.number = number;
  invoice.numberYear = year;
  invoice.numberSequence = sequence;
  invoice.issuedOn = issuedOn;
  invoice.dueOn = addDays(issuedOn, context.settings?.paymentTermsDays ?? 30);
  invoice.sellerIdentity = sellerIdentity(seller);
  invoice.buyerIdentity = context.settings?.buyer ?? defaultBuyer;
  transition(em, context, invoice, AuditEntityType.INVOICE, invoiceLifecycle, 'SUBMIT', why, {
    changes: [{ field: 'number', from: null, to: number }],
  });
  announceInvoiceChange(em, invoice, InvoiceChange.SUBMITTED);
}

const submitSchema = z.object({ id: recordId, expectedVersion, idempotencyKey });

/**
 * The contractor submits its DRAFT invoice: DRAFT → SUBMITTED, numbered in the same transaction
 * ("FA-2026-00001": gapless per contractor and year, docs/domain.md "Money and invoices"), lines frozen, due
 * date set (date of issue + PAYMENT_TERMS_DAYS, Algiers). Accepts an idempotency key.
 * @throws DomainError INVALID_TRANSITION, INVOICE_EMPTY, NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT
 */
export async function submitInvoice(context: Context, input: unknown): Promise<Invoice> {
  const values = parseInput(submitSchema, input);
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'submitInvoice',
      values,
      async () => {
        const invoice = await loadInvoiceForChange(em, context, values.id, values.expectedVersion);
        await requireInvoiceOperation(context, 'submit', invoice, () => invoiceWilayaCodes(em, invoice.id));
        await issue(em, context, invoice, null);
        return invoice;
      },
      (id) => em.findOneOrFail(Invoice, { id }),
    ),
  );
}

/**
 * Submits every DRAFT invoice of a month that has ended in Algiers (the month closes): each in its
 * own transaction, as the system, skipping a draft another process holds at that moment (it is
 * taken at the next run). Returns how many were submitted.
 */
export async function submitInvoicesOfClosedMonths(orm: MikroORM, context: Context): Promise<number> {
  const due = await orm.em
    .fork()
    .find(
      Invoice,
      { status: InvoiceStatus.DRAFT, period: { $lt: algiersMonth(now(context)) } },
      { fields: ['id'], orderBy: { id: 'asc' } },
    );
  let submitted = 0;
  for (const { id } of due) {
    // Each invoice in a transaction of its own, announced to subscribers once committed.
    const done = await inTransaction({ ...context, em: orm.em.fork() }, async (em) => {
      const invoice = await em.findOne(
        Invoice,
        { id, status: InvoiceStatus.DRAFT },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (!invoice || (await em.count(InvoiceLine, { invoice: id })) === 0) return false;
      await issue(em, context, invoice, `clôture du mois ${invoice.period}`);
      return true;
    });
    if (done) submitted += 1;
  }
  return submitted;
}

/** A context acting as the system (no viewer), for the month-closing job. */
export function systemContext(orm: MikroORM, context: Pick<Context, 'logger' | 'settings'>): Context {
  return createContext(orm, 'month-close', context.logger, context.settings ? { settings: context.settings } : {});
}

const approveSchema = z.object({ id: recordId, expectedVersion, idempotencyKey });

/**
 * Approves a SUBMITTED invoice for payment: SUBMITTED → APPROVED, then PAID at once when credit
 * notes leave nothing to pay. A DOT manager approves only an invoice whose work lies in its wilayas.
 * Accepts an idempotency key.
 * @throws DomainError INVALID_TRANSITION, FORBIDDEN, NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT
 */
export async function approveInvoice(context: Context, input: unknown): Promise<Invoice> {
  const values = parseInput(approveSchema, input);
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'approveInvoice',
      values,
      async () => {
        const invoice = await loadInvoiceForChange(em, context, values.id, values.expectedVersion);
        await requireInvoiceOperation(context, 'approve', invoice, () => invoiceWilayaCodes(em, invoice.id));
        transition(em, context, invoice, AuditEntityType.INVOICE, invoiceLifecycle, 'APPROVE', null);
        invoice.approvedAt = invoice.statusChangedAt;
        if (balanceDue(invoice) <= 0n) {
          transition(
            em,
            context,
            invoice,
            AuditEntityType.INVOICE,
            invoiceLifecycle,
            'PAY_IN_FULL',
            'soldée par avoir : rien à payer',
          );
        }
        announceInvoiceChange(em, invoice, InvoiceChange.APPROVED);
        return invoice;
      },
      (id) => em.findOneOrFail(Invoice, { id }),
    ),
  );
}

const revisionSchema = z.object({
  id: recordId,
  expectedVersion,
  rejectedLines: distinctLines(z.object({ lineId: recordId, reason })).min(1, { error: 'must name at least one line' }),
});

/**
 * Sends a SUBMITTED invoice back to the contractor with the lines rejected and why:
 * SUBMITTED → REVISION_REQUESTED. The lines themselves do not change (the invoice is issued); the
 * contractor revises them with `resubmitInvoice`.
 * @throws DomainError INVALID_TRANSITION, FORBIDDEN, NOT_FOUND (a line not on the invoice: field `rejectedLines.N.lineId`), CONFLICT, BAD_USER_INPUT
 */
export async function requestInvoiceRevision(context: Context, input: unknown): Promise<Invoice> {
  const values = parseInput(revisionSchema, input);
  return inTransaction(context, async (em) => {
    const invoice = await loadInvoiceForChange(em, context, values.id, values.expectedVersion);
    await requireInvoiceOperation(context, 'requestRevision', invoice, () => invoiceWilayaCodes(em, invoice.id));
    const lines = await linesOf(em, invoice, values.rejectedLines, 'rejectedLines');
    await em.populate(lines, ['customerSubscription']);
    values.rejectedLines.forEach((rejected, index) => {
      lines[index]!.rejectionReason = rejected.reason;
    });
    transition(
      em,
      context,
      invoice,
      AuditEntityType.INVOICE,
      invoiceLifecycle,
      'REQUEST_REVISION',
      values.rejectedLines.map((line, index) => `${lineInWords(lines[index]!)} : ${line.reason}`).join(' ; '),
      {
        changes: values.rejectedLines.map((line) => ({ field: `line:${line.lineId}`, from: null, to: line.reason })),
      },
    );
    announceInvoiceChange(em, invoice, InvoiceChange.REVISION_REQUESTED);
    return invoice;
  });
}

const resubmitSchema = z.object({
  id: recordId,
  expectedVersion,
  revisedLines: distinctLines(z.object({ lineId: recordId, quantity: quantityText })),
  idempotencyKey,
});

/**
 * The contractor answers a revision request and resubmits: REVISION_REQUESTED → SUBMITTED, keeping
 * its number. Each rejected line gets the quantity the contractor now claims, from 0 (withdrawn) to
 * its invoiced quantity (maintained); what is withdrawn is credited by one credit note on the
 * invoice (the invoice itself is never edited). Accepts an idempotency key.
 * @throws DomainError INVALID_TRANSITION, BAD_USER_INPUT (a rejected line not revised, a line not rejected, a quantity over the invoiced one), NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED
 */
export async function resubmitInvoice(context: Context, input: unknown): Promise<Invoice> {
  const values = parseInput(resubmitSchema, input);
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'resubmitInvoice',
      values,
      async () => {
        const invoice = await loadInvoiceForChange(em, context, values.id, values.expectedVersion);
        await requireInvoiceOperation(context, 'resubmit', invoice, () => invoiceWilayaCodes(em, invoice.id));
        const rejected = await em.find(
          InvoiceLine,
          { invoice: invoice.id, rejectionReason: { $ne: null } },
          { orderBy: { id: 'asc' }, populate: ['customerSubscription'] },
        );
        const revisions = new Map(values.revisedLines.map((line, index) => [line.lineId, { ...line, index }]));
        const missing = rejected.filter((line) => !revisions.has(line.id));
        if (missing.length > 0)
          throw badUserInput(
            'revisedLines',
            `must give the quantity now claimed for each rejected line (missing: ${missing.map((line) => line.id).join(', ')})`,
          );
        const extra = values.revisedLines.find((line) => !rejected.some((candidate) => candidate.id === line.lineId));
        if (extra)
          throw badUserInput(
            `revisedLines.${revisions.get(extra.lineId)!.index}.lineId`,
            `line ${extra.lineId} was not rejected`,
          );
        const credits: { line: InvoiceLine; quantity: string }[] = [];
        for (const line of rejected) {
          const revision = revisions.get(line.id)!;
          requireQuantityFitsUnit(line.unit, revision.quantity, `revisedLines.${revision.index}.quantity`);
          const remaining = remainingQuantity(line);
          if (new Decimal(revision.quantity).greaterThan(remaining)) {
            throw badUserInput(
              `revisedLines.${revision.index}.quantity`,
              `must be at most the quantity invoiced and not yet credited (${remaining.toString()})`,
            );
          }
          const withdrawn = remaining.minus(revision.quantity);
          if (withdrawn.greaterThan(0)) credits.push({ line, quantity: withdrawn.toString() });
        }
        const reasons = rejected.map((line) => `${lineInWords(line)} : ${line.rejectionReason}`).join(' ; ');
        const creditNote: CreditNote | null =
          credits.length > 0
            ? await issueCreditNoteOn(em, context, invoice, credits, `Révision demandée — ${reasons}`)
            : null;
        for (const line of rejected) line.rejectionReason = null;
        transition(
          em,
          context,
          invoice,
          AuditEntityType.INVOICE,
          invoiceLifecycle,
          'RESUBMIT',
          creditNote ? `avoir ${creditNote.number}` : 'lignes maintenues',
          {
            changes: values.revisedLines.map((line) => ({
              field: `line:${line.lineId}`,
              from: null,
              to: line.quantity,
            })),
          },
        );
        announceInvoiceChange(em, invoice, InvoiceChange.SUBMITTED);
        return invoice;
      },
      (id) => em.findOneOrFail(Invoice, { id }),
    ),
  );
}
