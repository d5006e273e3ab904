import {
  Collection,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Contractor } from '../contractor/contractor.entity.js';
import type { PartyIdentity } from './invoice-document.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { PricedLine } from './priced-line.entity.js';

/**
 * A credit note (facture d'avoir): the only way to correct an issued invoice, which is never edited
 * or deleted. It credits quantities of the invoice's lines at their invoiced prices; its totals come
 * from the same arithmetic as the invoice's, and its net payable is deducted from the balance due.
 * Numbered in its own gapless series per contractor and year ("AV-2026-00001").
 */
@ObjectType({
  description:
    'A credit note (facture d’avoir) correcting an issued invoice: quantities of its lines credited at their invoiced prices.',
})
@Entity({ tableName: 'credit_note' })
@Unique({ name: 'credit_note_number_unique', properties: ['contractor', 'numberYear', 'numberSequence'] })
export class CreditNote {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => Invoice, { ref: true, deleteRule: 'restrict' })
  invoice!: Ref<Invoice>;

  @ManyToOne(() => Contractor, { ref: true, deleteRule: 'restrict' })
  contractor!: Ref<Contractor>;

  @Field(() => String, {
    description: 'Number, e.g. "AV-2026-00001": gapless per contractor and year, in a series of its own.',
  })
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Property({ type: 'integer' })
  numberYear!: number;

  @Property({ type: 'integer' })
  numberSequence!: number;

  @Field(() => String, { description: 'Date of issue, YYYY-MM-DD in Algiers.' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => String, { description: 'Why the invoice is corrected.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => DateTime, { description: 'When it was issued (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'bigint' })
  totalExcludingTaxCentimes!: string;

  @Property({ type: 'bigint' })
  totalVatCentimes!: string;

  @Property({ type: 'bigint' })
  totalIncludingTaxCentimes!: string;

  @Property({ type: 'bigint' })
  retentionCentimes!: string;

  @Property({ type: 'bigint' })
  netPayableCentimes!: string;

  /** VAT per rate: `{ ratePercent, base, amount }`, centimes as strings. */
  @Property({ type: 'json' })
  vatByRate: { ratePercent: string; base: string; amount: string }[] = [];

  @Property({ type: 'json' })
  sellerIdentity!: PartyIdentity;

  @Property({ type: 'json' })
  buyerIdentity!: PartyIdentity;

  @OneToMany(() => CreditNoteLine, (line) => line.creditNote, { orderBy: { id: 'asc' } })
  lines = new Collection<CreditNoteLine>(this);
}

/** A line of a credit note: a quantity of one invoice line, credited at its invoiced price. */
@ObjectType({
  description: 'A line of a credit note: a quantity of one invoice line credited at its invoiced unit price.',
})
@Entity({ tableName: 'credit_note_line' })
export class CreditNoteLine extends PricedLine {
  @Index()
  @ManyToOne(() => CreditNote, { ref: true, deleteRule: 'restrict' })
  creditNote!: Ref<CreditNote>;

  @Index()
  @ManyToOne(() => InvoiceLine, { ref: true, deleteRule: 'restrict' })
  invoiceLine!: Ref<InvoiceLine>;
}
