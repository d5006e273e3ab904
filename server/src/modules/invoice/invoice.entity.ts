import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor, FiscalRegime } from '../contractor/contractor.entity.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { PriceUnit } from './price-schedule.entity.js';

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
  description: 'DRAFT (accrues as work is accepted) → SUBMITTED → APPROVED | REVISION_REQUESTED → PARTIALLY_PAID → PAID.',
});

/**
 * A contractor's invoice (situation) for a month in Algiers time. While DRAFT it grows as work is
 * accepted; its totals are recomputed from its lines by `computeInvoiceTotals` at each change.
 */
@ObjectType({ description: "A contractor's invoice for a month (Algiers time); a DRAFT grows as its work is accepted." })
@Entity({ tableName: 'invoice' })
@Index({
  name: 'invoice_one_draft_per_period',
  expression: 'create unique index "invoice_one_draft_per_period" on "invoice" ("contractor_id", "period") where "status" = \'DRAFT\'',
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

  @Field(() => FiscalRegime, { description: "The contractor's fiscal regime when the invoice was opened: REAL invoices carry VAT." })
  @Enum({ items: () => FiscalRegime, nativeEnumName: 'fiscal_regime' })
  fiscalRegime!: FiscalRegime;

  @Field(() => String, { description: 'Retention (retenue de garantie) in percent of the total including tax, e.g. "5".' })
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
}

/** One billed item of accepted work, priced at the schedule in force on the installation date. */
@ObjectType({ description: 'A line of an invoice: an item of accepted work, priced when it was accepted.' })
@Entity({ tableName: 'invoice_line' })
export class InvoiceLine {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => Invoice, { ref: true, deleteRule: 'restrict' })
  invoice!: Ref<Invoice>;

  @Index()
  @ManyToOne(() => CustomerSubscription, { ref: true, deleteRule: 'restrict' })
  customerSubscription!: Ref<CustomerSubscription>;

  @Field(() => String, { description: 'Price schedule item code.' })
  @Property({ type: 'string', length: 20 })
  itemCode!: string;

  @Field(() => String, { description: 'Designation, as on the price schedule.' })
  @Property({ type: 'string', length: 200 })
  designation!: string;

  @Field(() => PriceUnit, { description: 'Unit of the quantity.' })
  @Enum({ items: () => PriceUnit, nativeEnumName: 'price_unit' })
  unit!: PriceUnit;

  @Field(() => String, { description: 'Quantity, as a decimal string.' })
  @Property({ type: 'decimal', columnType: 'numeric' })
  quantity!: string;

  @Property({ type: 'bigint' })
  unitPriceCentimes!: string;

  @Field(() => String, { description: 'VAT rate in percent applied to the line, e.g. "19".' })
  @Property({ type: 'decimal', columnType: 'numeric' })
  vatRatePercent!: string;

  @Property({ type: 'bigint' })
  amountCentimes!: string;

  @Field(() => DateTime, { description: 'When the line was billed (UTC): the acceptance.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
