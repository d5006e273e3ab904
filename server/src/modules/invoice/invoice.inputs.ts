import { DateTime } from '../../common/scalars.js';
import { ChangeFeedType, LoggedChange, updatedSinceDescription } from '../../common/change-event.types.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { idempotencyKeyDescription } from '../../common/idempotency.js';
import { ConnectionType } from '../../common/pagination.js';
import { CreditNote } from './credit-note.entity.js';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity.js';
import { InvoiceChange } from './invoice.events.js';
import { Money } from './money.js';
import { InvoicePayment, PaymentMethod } from './payment.entity.js';
import { idFilterRule } from '../../common/validation.js';

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
    'or RESYNC, not a change: the subscription started without `after`: refetch what you show, then resume after its position.',
  valuesConfig: {
    LINE_ADDED: { description: 'Accepted work was billed on the DRAFT invoice: a line was added, the totals changed.' },
    SUBMITTED: {
      description: 'The invoice was submitted (numbered), by the contractor or, for an ended month, by the server.',
    },
    APPROVED: { description: 'The invoice was approved: it is due.' },
    REVISION_REQUESTED: { description: 'Lines were rejected with reasons: the contractor resubmits.' },
    CREDITED: { description: 'A credit note was issued against the invoice.' },
    PAYMENT_RECORDED: { description: 'A payment was recorded: the balance due changed (PARTIALLY_PAID or PAID).' },
    RESYNC: {
      description:
        'Not a change: the subscription started without `after`; refetch what you show, then resume after its position. The invoice is null.',
    },
  },
});

@ObjectType({
  implements: LoggedChange,
  description:
    'An invoice that changed, as that change left it (sent once it committed, in the order of the change log).',
})
export class InvoiceChangedPayload extends LoggedChange {
  @Field(() => InvoiceChange, { description: 'What changed.' })
  change!: InvoiceChange;

  @Field(() => Invoice, {
    nullable: true,
    description:
      'The invoice as this change left it: status, version, totals, balance due; null with RESYNC. The records it refers to (its contractor, its lines) are read as they stand when the event is sent.',
  })
  invoice!: Invoice | null;

  @Field(() => [InvoiceLine], {
    description:
      'LINE_ADDED: the lines this change billed (an acceptance bills one line per item of the report); empty otherwise.',
  })
  lines!: InvoiceLine[];
}

export const InvoiceChangeFeed = ChangeFeedType(InvoiceChangedPayload, 'Invoice');
export type InvoiceChangeFeed = InstanceType<typeof InvoiceChangeFeed>;

export const InvoiceConnection = ConnectionType(Invoice, 'Invoice');
export type InvoiceConnection = InstanceType<typeof InvoiceConnection>;

@InputType({ description: 'Filters of the invoice list; all optional, combined with AND.' })
export class InvoiceFilterInput {
  @Field(() => InvoiceStatus, { nullable: true, description: 'Invoices in this status.' })
  status?: InvoiceStatus | null;

  @Field(() => ID, { nullable: true, description: `Invoices of this contractor. ${idFilterRule}` })
  contractorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Invoices of this month (Algiers): YYYY-MM, month 01 to 12; BAD_USER_INPUT, `field` naming it, otherwise.',
  })
  period?: string | null;

  @Field(() => DateTime, { nullable: true, description: updatedSinceDescription })
  updatedSince?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the number or of the firm’s legal or trade name (case, accents and Arabic letter variants aside; ≤ 100 characters, no control characters; BAD_USER_INPUT otherwise).',
  })
  search?: string | null;
}
