import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { isResync, oncePerEvent, type Resync } from '../../common/events.js';
import { InvoiceChange, type InvoiceChangedEvent } from './invoice.events.js';
import { idempotencyKeyDescription } from '../../common/idempotency.js';
import { liveEvents, type LiveFilters } from '../auth/live.js';
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { renewForEvent, type Context } from '../../context.js';
import { mayReadContractor, maySeeMoney, viewerContractorId, viewerWilayas } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { CustomerSubscriptionPayload } from '../customer-subscription/customer-subscription.resolver.js';
import { algiersDate, now } from '../../common/time.js';
import { acceptInstallation, rejectInstallation } from './acceptance.service.js';
import { CreditNote, CreditNoteLine } from './credit-note.entity.js';
import { issueCreditNote } from './credit-note.service.js';
import { invoiceClosingSentence } from './invoice-arithmetic.js';
import { approveInvoice, requestInvoiceRevision, resubmitInvoice, submitInvoice } from './invoice-issue.service.js';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity.js';
import { balanceDue, daysOverdue, findInvoice, invoiceWilayaCodes, listInvoices } from './invoice.service.js';
import { dzd, Money } from './money.js';
import { InvoicePayment, PaymentMethod } from './payment.entity.js';
import { recordInvoicePayment } from './payment.service.js';

@ObjectType({ description: 'VAT of one rate on an invoice.' })
export class VatAmount {
  @Field(() => String, { description: 'Rate in percent, e.g. "19".' })
  ratePercent!: string;

  @Field(() => Money, { description: 'The lines of that rate, excluding tax.' })
  base!: Money;

  @Field(() => Money, { description: 'The VAT, rounded once for the rate.' })
  amount!: Money;
}

@InputType({ description: 'Submit or approve an invoice: which one, and the version last seen.' })
export class InvoiceTransitionInput {
  @Field(() => ID, { description: 'The invoice.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A line rejected by a revision request, and why.' })
export class RejectedInvoiceLineInput {
  @Field(() => ID, { description: 'The invoice line.' })
  lineId!: string;

  @Field(() => String, { description: 'Why it is rejected (1–500 characters), shown to the contractor.' })
  reason!: string;
}

@InputType({ description: 'Send a SUBMITTED invoice back to the contractor with the lines rejected.' })
export class RequestInvoiceRevisionInput {
  @Field(() => ID, { description: 'The invoice, SUBMITTED.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => [RejectedInvoiceLineInput], { description: 'The lines rejected, 1 to 1000, each once.' })
  rejectedLines!: RejectedInvoiceLineInput[];
}

@InputType({ description: 'The quantity the contractor now claims for a rejected line.' })
export class RevisedInvoiceLineInput {
  @Field(() => ID, { description: 'The rejected invoice line.' })
  lineId!: string;

  @Field(() => String, {
    description:
      'Quantity claimed, decimal string in the line’s unit: from "0" (withdrawn) to the quantity invoiced (maintained).',
  })
  quantity!: string;
}

@InputType({
  description: 'Resubmit an invoice after a revision request: the quantity now claimed for every rejected line.',
})
export class ResubmitInvoiceInput {
  @Field(() => ID, { description: 'The invoice, REVISION_REQUESTED.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => [RevisedInvoiceLineInput], {
    description: 'Every rejected line, once; the quantities withdrawn are credited by a credit note.',
  })
  revisedLines!: RevisedInvoiceLineInput[];

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A quantity of an invoice line to credit.' })
export class CreditedLineInput {
  @Field(() => ID, { description: 'The invoice line.' })
  lineId!: string;

  @Field(() => String, {
    description:
      'Quantity to credit, decimal string in the line’s unit, more than 0 and at most what is invoiced and not yet credited.',
  })
  quantity!: string;
}

@InputType({ description: 'Correct an issued invoice with a credit note.' })
export class IssueCreditNoteInput {
  @Field(() => ID, { description: 'The invoice corrected (issued: not a DRAFT).' })
  invoiceId!: string;

  @Field(() => Int, { description: 'The invoice’s version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => String, { description: 'Why (1–500 characters), printed on the credit note.' })
  reason!: string;

  @Field(() => [CreditedLineInput], { description: 'The quantities credited, 1 to 1000 lines, each once.' })
  lines!: CreditedLineInput[];

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A payment of an approved invoice.' })
export class RecordInvoicePaymentInput {
  @Field(() => ID, { description: 'The invoice, APPROVED or PARTIALLY_PAID.' })
  invoiceId!: string;

  @Field(() => Int, { description: 'The invoice’s version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => String, {
    description: 'Value date, YYYY-MM-DD: not before the date of issue, not after today (Algiers).',
  })
  paidOn!: string;

  @Field(() => String, {
    description: 'Amount in DZD as an exact decimal string, e.g. "12500.50": more than 0, at most the balance due.',
  })
  amount!: string;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  method!: PaymentMethod;

  @Field(() => String, { description: 'Reference of the transfer or cheque (1–100 characters).' })
  reference!: string;

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The invoice after the change.' })
export class InvoicePayload {
  @Field(() => Invoice, { description: 'The invoice as it now stands, with its new version.' })
  invoice!: Invoice;
}

@ObjectType({ description: 'The credit note issued, and the invoice it corrects.' })
export class IssueCreditNotePayload {
  @Field(() => CreditNote, { description: 'The credit note.' })
  creditNote!: CreditNote;

  @Field(() => Invoice, { description: 'The invoice corrected, with its new balance due and version.' })
  invoice!: Invoice;
}

@ObjectType({ description: 'The payment recorded, and the invoice paid.' })
export class RecordInvoicePaymentPayload {
  @Field(() => InvoicePayment, { description: 'The payment.' })
  payment!: InvoicePayment;

  @Field(() => Invoice, { description: 'The invoice, with its new status, balance due and version.' })
  invoice!: Invoice;
}

@InputType({
  description:
    'Accept an installation: which one, the version last seen, and a reason when the report is outside the thresholds.',
})
export class AcceptInstallationInput {
  @Field(() => ID, { description: 'The customer subscription, INSTALLED.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Required when the report is outside the quality thresholds: why it is accepted anyway (kept in the audit trail).',
  })
  overrideReason?: string | null;

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Reject an installation with the reserves to fix.' })
export class RejectInstallationInput {
  @Field(() => ID, { description: 'The customer subscription, INSTALLED.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => [String], { description: 'Reserves (points to fix), 1 to 20, each 1–500 characters.' })
  reserves!: string[];
}

registerEnumType(InvoiceChange, {
  name: 'InvoiceChange',
  description:
    'What changed on an invoice: LINE_ADDED (accepted work billed), SUBMITTED, APPROVED, REVISION_REQUESTED, CREDITED (a credit note), PAYMENT_RECORDED; ' +
    'or RESYNC: events may have been missed (the subscription started or restarted, or the event bus was down): refetch what you show.',
});

@ObjectType({
  description: 'An invoice that changed, as it stands after the change (sent after the change committed).',
})
export class InvoiceChangedPayload {
  @Field(() => InvoiceChange, { description: 'What changed.' })
  change!: InvoiceChange;

  @Field(() => Invoice, {
    nullable: true,
    description: 'The invoice now: status, totals, balance due, lines; null with RESYNC.',
  })
  invoice!: Invoice | null;
}

/** The invoice of an event and the wilayas of its lines, read once per event for all the subscribers of this process. */
function invoiceOfEvent(
  context: Context,
  event: InvoiceChangedEvent,
): Promise<{ invoice: Invoice; wilayaCodes: string[] }> {
  return oncePerEvent(event, 'invoice', async () => {
    const em = context.em.fork({ clear: true });
    const invoice = await em.findOneOrFail(Invoice, { id: event.invoiceId }, { populate: ['lines', 'contractor'] });
    return { invoice, wilayaCodes: await invoiceWilayaCodes(em, event.invoiceId) };
  });
}

/** Whether the subscriber asked for this event and may see its invoice (the rules of `Query.invoice`, `invoiceScope`). */
async function wantsInvoiceChange(
  event: InvoiceChangedEvent,
  filters: LiveFilters,
  context: Context,
): Promise<boolean> {
  if (filters.invoiceId && filters.invoiceId !== event.invoiceId) return false;
  if (filters.contractorId && filters.contractorId !== event.contractorId) return false;
  if (!maySeeMoney(context)) return false;
  const own = viewerContractorId(context);
  if (own !== null && own !== event.contractorId) return false;
  const wilayas = viewerWilayas(context);
  const asked = filters.wilayaCode;
  if (wilayas === null && !asked) return true;
  const { wilayaCodes } = await invoiceOfEvent(context, event);
  if (asked && !wilayaCodes.includes(asked)) return false;
  return wilayas === null || wilayaCodes.some((code) => wilayas.includes(code));
}

export const InvoiceConnection = ConnectionType(Invoice, 'Invoice');
export type InvoiceConnection = InstanceType<typeof InvoiceConnection>;

@InputType({ description: 'Filters of the invoice list; all optional, combined with AND.' })
export class InvoiceFilterInput {
  @Field(() => InvoiceStatus, { nullable: true, description: 'Invoices in this status.' })
  status?: InvoiceStatus | null;

  @Field(() => ID, { nullable: true, description: 'Invoices of this contractor.' })
  contractorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Invoices of this month, YYYY-MM (Algiers).' })
  period?: string | null;
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, { nullable: true, description: 'The invoice with this id, or null (also when not yours).' })
  invoice(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Invoice | null> {
    return findInvoice(context, id);
  }

  @Query(() => InvoiceConnection, {
    description:
      'Invoices you may see (a firm its own; a DOT manager those billing work in its wilayas), newest month first, a page at a time (at most 100).',
    complexity: listOf(20),
  })
  async invoices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true, description: 'Filters; all of them when left out.' })
    filter: InvoiceFilterInput | null,
    @Ctx() context: Context,
  ): Promise<InvoiceConnection> {
    return asConnection(InvoiceConnection, await listInvoices(context, filter ?? {}, page));
  }

  @Subscription(() => InvoiceChangedPayload, {
    subscribe: ({ args, context, info }) =>
      liveEvents(context as Context, info.fieldName, 'INVOICE_CHANGED', args, (event, filters) =>
        wantsInvoiceChange(event, filters, context as Context),
      ),
    description:
      'Invoices as they change — a line billed, submitted, approved, sent back, credited, paid — sent once the change committed. Only invoices you may see ' +
      '(a firm its own, whatever it asks; a DOT manager those billing work in its wilayas); narrowed by every argument given. Over WebSocket (graphql-ws).',
  })
  async invoiceChanged(
    @Root() event: InvoiceChangedEvent | Resync,
    @Arg('invoiceId', () => ID, { nullable: true, description: 'Only this invoice.' }) _invoiceId: string | null,
    @Arg('contractorId', () => ID, { nullable: true, description: 'Only this contractor’s invoices.' })
    _contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: 'Only invoices billing work in this wilaya ("01" to "58").',
    })
    _wilayaCode: string | null,
    @Ctx() context: Context,
  ): Promise<InvoiceChangedPayload> {
    renewForEvent(context);
    if (isResync(event)) return { change: InvoiceChange.RESYNC, invoice: null };
    return { change: event.change, invoice: (await invoiceOfEvent(context, event)).invoice };
  }

  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'The contractor invoicing; null when the viewer may not read it.',
  })
  async contractor(@Root() invoice: Invoice, @Ctx() context: Context): Promise<Contractor | null> {
    return mayReadContractor(context, invoice.contractor.id)
      ? invoice.contractor.loadOrFail({ dataloader: true })
      : null;
  }

  @FieldResolver(() => [String], {
    description:
      'Codes of the wilayas whose work the invoice bills ("16", "31"…), sorted; empty for an invoice with no line. A DOT manager may approve the invoice only when all of them are its own.',
  })
  wilayaCodes(@Root() invoice: Invoice, @Ctx() context: Context): Promise<string[]> {
    return context.loaders.invoices.wilayaCodes.load(invoice.id);
  }

  @FieldResolver(() => [InvoiceLine], {
    description: 'The lines, in the order they were billed.',
    complexity: listOf(200),
  })
  async lines(@Root() invoice: Invoice): Promise<InvoiceLine[]> {
    return (await invoice.lines.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => Money, { description: 'Total excluding tax (HT): the sum of the rounded lines.' })
  totalExcludingTax(@Root() invoice: Invoice): Money {
    return dzd(invoice.totalExcludingTaxCentimes);
  }

  @FieldResolver(() => [VatAmount], { description: 'VAT by rate; empty for IFU and auto-entrepreneurs.' })
  vatByRate(@Root() invoice: Invoice): VatAmount[] {
    return invoice.vatByRate.map((vat) => ({
      ratePercent: vat.ratePercent,
      base: dzd(vat.base),
      amount: dzd(vat.amount),
    }));
  }

  @FieldResolver(() => Money, { description: 'Total VAT.' })
  totalVat(@Root() invoice: Invoice): Money {
    return dzd(invoice.totalVatCentimes);
  }

  @FieldResolver(() => Money, { description: 'Total including tax (TTC).' })
  totalIncludingTax(@Root() invoice: Invoice): Money {
    return dzd(invoice.totalIncludingTaxCentimes);
  }

  @FieldResolver(() => Money, { description: 'Retention (retenue de garantie) held back.' })
  retention(@Root() invoice: Invoice): Money {
    return dzd(invoice.retentionCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net payable: total including tax less retention.' })
  netPayable(@Root() invoice: Invoice): Money {
    return dzd(invoice.netPayableCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net payable of the credit notes issued on this invoice.' })
  credited(@Root() invoice: Invoice): Money {
    return dzd(invoice.creditedCentimes);
  }

  @FieldResolver(() => Money, { description: 'Sum of the payments recorded.' })
  paid(@Root() invoice: Invoice): Money {
    return dzd(invoice.paidCentimes);
  }

  @FieldResolver(() => Money, {
    description: 'What remains to pay: net payable − credit notes − payments (negative when overpaid).',
  })
  balanceDue(@Root() invoice: Invoice): Money {
    return dzd(balanceDue(invoice));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Days past the due date today (Algiers) while unpaid; 0 when not yet due or paid; null for a DRAFT (no due date).',
  })
  daysOverdue(@Root() invoice: Invoice, @Ctx() context: Context): number | null {
    return daysOverdue(invoice, algiersDate(now(context)));
  }

  @FieldResolver(() => String, {
    description:
      'The closing sentence with the net payable in French words: "Arrêtée la présente facture à la somme de : … ."',
  })
  amountInWords(@Root() invoice: Invoice): string {
    return invoiceClosingSentence(BigInt(invoice.netPayableCentimes));
  }

  @FieldResolver(() => String, {
    description:
      'Path of the invoice PDF on this server (GET with the same Authorization header): "/invoices/<id>/pdf".',
  })
  pdfPath(@Root() invoice: Invoice): string {
    return `/invoices/${invoice.id}/pdf`;
  }

  @FieldResolver(() => [InvoicePayment], { description: 'Payments recorded, oldest first.', complexity: listOf(10) })
  async payments(@Root() invoice: Invoice): Promise<InvoicePayment[]> {
    return (await invoice.payments.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [CreditNote], {
    description: 'Credit notes issued on this invoice, oldest first.',
    complexity: listOf(5),
  })
  async creditNotes(@Root() invoice: Invoice): Promise<CreditNote[]> {
    return (await invoice.creditNotes.load({ dataloader: true })).getItems();
  }

  @Mutation(() => InvoicePayload, {
    description:
      'The contractor submits its DRAFT invoice: → SUBMITTED, numbered in the same transaction (gapless per contractor and year, "FA-2026-00001"), lines frozen, ' +
      'due date set. DRAFTs of a month that has ended are also submitted automatically. Errors: INVALID_TRANSITION, INVOICE_EMPTY, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async submitInvoice(
    @Arg('input', () => InvoiceTransitionInput, { description: 'Which invoice.' }) input: InvoiceTransitionInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await submitInvoice(context, input) };
  }

  @Mutation(() => InvoicePayload, {
    description:
      'SUBMITTED → APPROVED for payment (a DOT manager only for work in its wilayas). Errors: INVALID_TRANSITION, FORBIDDEN, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async approveInvoice(
    @Arg('input', () => InvoiceTransitionInput, { description: 'Which invoice.' }) input: InvoiceTransitionInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await approveInvoice(context, input) };
  }

  @Mutation(() => InvoicePayload, {
    description:
      'SUBMITTED → REVISION_REQUESTED with the lines rejected and why; the lines themselves do not change. Errors: INVALID_TRANSITION, FORBIDDEN, CONFLICT, NOT_FOUND, BAD_USER_INPUT.',
  })
  async requestInvoiceRevision(
    @Arg('input', () => RequestInvoiceRevisionInput, { description: 'Which invoice, and the lines rejected.' })
    input: RequestInvoiceRevisionInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await requestInvoiceRevision(context, input) };
  }

  @Mutation(() => InvoicePayload, {
    description:
      'REVISION_REQUESTED → SUBMITTED (same number) with the quantity now claimed for every rejected line; what is withdrawn is credited by a credit note. ' +
      'Errors: INVALID_TRANSITION, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async resubmitInvoice(
    @Arg('input', () => ResubmitInvoiceInput, { description: 'Which invoice, and the revised lines.' })
    input: ResubmitInvoiceInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await resubmitInvoice(context, input) };
  }

  @Mutation(() => IssueCreditNotePayload, {
    description:
      'Corrects an issued invoice with a credit note (facture d’avoir, numbered "AV-2026-00001") crediting quantities of its lines; the invoice is never edited. ' +
      'Errors: INVALID_TRANSITION (a DRAFT), AMOUNT_EXCEEDS_BALANCE, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async issueCreditNote(
    @Arg('input', () => IssueCreditNoteInput, { description: 'The invoice, the lines and why.' })
    input: IssueCreditNoteInput,
    @Ctx() context: Context,
  ): Promise<IssueCreditNotePayload> {
    const creditNote = await issueCreditNote(context, input);
    return { creditNote, invoice: await creditNote.invoice.loadOrFail() };
  }

  @Mutation(() => RecordInvoicePaymentPayload, {
    description:
      'Records a payment of an APPROVED or PARTIALLY_PAID invoice, at most its balance due: → PARTIALLY_PAID, or PAID when nothing remains. ' +
      'Errors: INVALID_TRANSITION, AMOUNT_EXCEEDS_BALANCE, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async recordInvoicePayment(
    @Arg('input', () => RecordInvoicePaymentInput, { description: 'The invoice and the payment.' })
    input: RecordInvoicePaymentInput,
    @Ctx() context: Context,
  ): Promise<RecordInvoicePaymentPayload> {
    const payment = await recordInvoicePayment(context, input);
    return { payment, invoice: await payment.invoice.loadOrFail() };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      'INSTALLED → ACCEPTED, billed at once on the contractor’s DRAFT invoice of the month (Algiers). Errors: INVALID_TRANSITION, ' +
      'QUALITY_OVERRIDE_REQUIRED, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async acceptInstallation(
    @Arg('input', () => AcceptInstallationInput, { description: 'Which installation.' }) input: AcceptInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await acceptInstallation(context, input) };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      'INSTALLED → REJECTED with reserves; nothing billed. Errors: INVALID_TRANSITION, CONFLICT, NOT_FOUND, BAD_USER_INPUT.',
  })
  async rejectInstallation(
    @Arg('input', () => RejectInstallationInput, { description: 'Which installation, and its reserves.' })
    input: RejectInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await rejectInstallation(context, input) };
  }
}

@Resolver(() => CreditNote)
export class CreditNoteResolver {
  @FieldResolver(() => [CreditNoteLine], { description: 'The lines credited.', complexity: listOf(50) })
  async lines(@Root() creditNote: CreditNote): Promise<CreditNoteLine[]> {
    return (await creditNote.lines.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => Money, { description: 'Total credited excluding tax (HT).' })
  totalExcludingTax(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.totalExcludingTaxCentimes);
  }

  @FieldResolver(() => [VatAmount], { description: 'VAT credited by rate; empty for IFU and auto-entrepreneurs.' })
  vatByRate(@Root() creditNote: CreditNote): VatAmount[] {
    return creditNote.vatByRate.map((vat) => ({
      ratePercent: vat.ratePercent,
      base: dzd(vat.base),
      amount: dzd(vat.amount),
    }));
  }

  @FieldResolver(() => Money, { description: 'Total VAT credited.' })
  totalVat(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.totalVatCentimes);
  }

  @FieldResolver(() => Money, { description: 'Total credited including tax (TTC).' })
  totalIncludingTax(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.totalIncludingTaxCentimes);
  }

  @FieldResolver(() => Money, { description: 'Retention released with the credit (its share of the retention).' })
  retention(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.retentionCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net credited: deducted from the invoice’s balance due.' })
  netPayable(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.netPayableCentimes);
  }

  @FieldResolver(() => String, { description: 'Path of the credit note PDF on this server: "/credit-notes/<id>/pdf".' })
  pdfPath(@Root() creditNote: CreditNote): string {
    return `/credit-notes/${creditNote.id}/pdf`;
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => ID, {
    description:
      'Id of the customer subscription whose accepted work the line bills (`Query.customerSubscription`, scoped like it).',
  })
  customerSubscriptionId(@Root() line: InvoiceLine): string {
    return line.customerSubscription.id;
  }
}

@Resolver(() => CreditNoteLine)
export class CreditNoteLineResolver {
  @FieldResolver(() => ID, {
    description: 'Id of the invoice line this credit note line credits (an `InvoiceLine.id` of the same invoice).',
  })
  invoiceLineId(@Root() line: CreditNoteLine): string {
    return line.invoiceLine.id;
  }
}

@Resolver(() => InvoicePayment)
export class InvoicePaymentResolver {
  @FieldResolver(() => Money, { description: 'Amount paid.' })
  amount(@Root() payment: InvoicePayment): Money {
    return dzd(payment.amountCentimes);
  }
}
