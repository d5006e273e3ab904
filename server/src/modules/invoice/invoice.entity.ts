import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor, FiscalRegime } from '../contractor/contractor.entity.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { CreditNote } from './credit-note.entity.js';
import type { PartyIdentity } from './invoice-document.js';
import { InvoicePayment } from './payment.entity.js';
import { PricedLine } from './priced-line.entity.js';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description:
    'DRAFT (accrues as work is accepted) → SUBMITTED → APPROVED | REVISION_REQUESTED → PARTIALLY_PAID → PAID.',
  valuesConfig: {
    DRAFT: {
      description: 'The month’s invoice while it accrues: each accepted installation adds its lines. Not numbered yet.',
    },
    SUBMITTED: { description: 'Submitted and numbered (FA-YYYY-NNNNN), awaiting approval or a revision request.' },
    APPROVED: { description: 'Approved: due, nothing paid yet.' },
    REVISION_REQUESTED: { description: 'Lines were rejected with reasons: the contractor resubmits it.' },
    PARTIALLY_PAID: { description: 'Payments were recorded, short of the balance due.' },
    PAID: { description: 'Paid in full.' },
  },
});

/**
 * A contractor's invoice (situation) for a month in Algiers time. While DRAFT it grows as work is
 * accepted; its totals are recomputed from its lines by `computeInvoiceTotals` at each change.
 */
@ObjectType({
  description: "A contractor's invoice for a month (Algiers time); a DRAFT grows as its work is accepted.",
})
@Entity({ tableName: 'invoice' })
// `updatedSince`: what a client that polls the list asks for.
@Index({ properties: ['updatedAt'] })
@Index({
  name: 'invoice_number_unique',
  expression:
    'create unique index "invoice_number_unique" on "invoice" ("contractor_id", "number_year", "number_sequence") where "number_sequence" is not null',
})
@Index({
  name: 'invoice_one_draft_per_period',
  expression:
    'create unique index "invoice_one_draft_per_period" on "invoice" ("contractor_id", "period") where "status" = \'DRAFT\'',
})
@Index({ properties: ['status', 'statusChangedAt'] })
// The free-text search (`textContains`) of the number; the firm's name is searched in the contractor's index.
@Index({
  name: 'invoice_search_text_trgm',
  expression:
    'create index "invoice_search_text_trgm" on "invoice" using gin (raccord_search_text("number") gin_trgm_ops)',
})
export class Invoice extends TrackedEntity {
  @Index()
  @ManyToOne(() => Contractor, { ref: true, deleteRule: 'restrict' })
  contractor!: Ref<Contractor>;

  @Field(() => String, { description: 'Month invoiced, YYYY-MM, in Algiers time.' })
  @Property({ type: 'string', length: 7 })
  period!: string;

  @Field(() => InvoiceStatus, { description: 'Where the invoice stands.' })
  @Enum({ items: () => InvoiceStatus, nativeEnumName: 'invoice_status' })
  status: InvoiceStatus = InvoiceStatus.DRAFT;

  @Field(() => String, {
    nullable: true,
    description: 'Reason given for the last change of status (e.g. why a revision was requested).',
  })
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Field(() => DateTime, { description: 'When the status last changed (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  statusChangedAt: Date = new Date();

  @Field(() => String, {
    nullable: true,
    description:
      'Number, e.g. "FA-2026-00001": chronological and gapless per contractor and year, assigned in the transaction that submits it; null while DRAFT.',
  })
  @Property({ type: 'string', length: 20, nullable: true })
  number: string | null = null;

  /** Year and rank of `number` in the contractor's series (unique together). */
  @Property({ type: 'integer', nullable: true })
  numberYear: number | null = null;

  @Property({ type: 'integer', nullable: true })
  numberSequence: number | null = null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it was approved for payment (UTC); null until then. Days waited for payment count from here.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Date of issue, YYYY-MM-DD in Algiers: the first submission; null while DRAFT.',
  })
  @Property({ type: 'date', nullable: true })
  issuedOn: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Due date, YYYY-MM-DD in Algiers: the date of issue + the payment term in days (PAYMENT_TERMS_DAYS, 30 unless configured), fixed when the invoice is first submitted (a resubmission keeps it); null while DRAFT.',
  })
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  /** Seller's and buyer's identities as they stood at issue (décret exécutif 05-468), frozen with the lines. */
  @Property({ type: 'json', nullable: true })
  sellerIdentity: PartyIdentity | null = null;

  @Property({ type: 'json', nullable: true })
  buyerIdentity: PartyIdentity | null = null;

  /** Net payable of the credit notes issued on this invoice, in centimes. */
  @Property({ type: 'bigint' })
  creditedCentimes = '0';

  /** Sum of the payments recorded, in centimes. */
  @Property({ type: 'bigint' })
  paidCentimes = '0';

  @Field(() => FiscalRegime, {
    description: "The contractor's fiscal regime when the invoice was opened: REAL invoices carry VAT.",
  })
  @Enum({ items: () => FiscalRegime, nativeEnumName: 'fiscal_regime' })
  fiscalRegime!: FiscalRegime;

  @Field(() => String, {
    description: 'Retention (retenue de garantie) in percent of the total including tax, e.g. "5".',
  })
  @Property({ type: 'decimal', columnType: 'numeric' })
  retentionPercent!: string;

  /** Totals in centimes (see the Money fields of the resolver). */
  @Property({ type: 'bigint' })
  totalExcludingTaxCentimes = '0';

  @Property({ type: 'bigint' })
  totalVatCentimes = '0';

  @Property({ type: 'bigint' })
  totalIncludingTaxCentimes = '0';

  @Property({ type: 'bigint' })
  retentionCentimes = '0';

  @Property({ type: 'bigint' })
  netPayableCentimes = '0';

  /** VAT per rate: `{ ratePercent, base, amount }`, centimes as strings. */
  @Property({ type: 'json' })
  vatByRate: { ratePercent: string; base: string; amount: string }[] = [];

  @OneToMany(() => InvoiceLine, (line) => line.invoice, { orderBy: { id: 'asc' } })
  lines = new Collection<InvoiceLine>(this);

  @OneToMany(() => InvoicePayment, (payment) => payment.invoice, { orderBy: { id: 'asc' } })
  payments = new Collection<InvoicePayment>(this);

  @OneToMany(() => CreditNote, (creditNote) => creditNote.invoice, { orderBy: { id: 'asc' } })
  creditNotes = new Collection<CreditNote>(this);
}

/** One billed item of accepted work, priced at the schedule in force on the installation date. */
@ObjectType({ description: 'A line of an invoice: an item of accepted work, priced when it was accepted.' })
@Entity({ tableName: 'invoice_line' })
export class InvoiceLine extends PricedLine {
  @Index()
  @ManyToOne(() => Invoice, { ref: true, deleteRule: 'restrict' })
  invoice!: Ref<Invoice>;

  @Index()
  @ManyToOne(() => CustomerSubscription, { ref: true, deleteRule: 'restrict' })
  customerSubscription!: Ref<CustomerSubscription>;

  @Field(() => String, {
    nullable: true,
    description: 'Why the line was rejected when a revision was requested; null once the contractor has revised it.',
  })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Field(() => String, {
    description: 'Quantity credited by credit notes so far, as a decimal string ("0" when none).',
  })
  @Property({ type: 'decimal', columnType: 'numeric' })
  creditedQuantity = '0';

  @Field(() => DateTime, { description: 'When the line was billed (UTC): the acceptance.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
