import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { ActorType } from '../../context.js';
import { Invoice } from './invoice.entity.js';

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  CCP_TRANSFER = 'CCP_TRANSFER',
  CHEQUE = 'CHEQUE',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description:
    'How a payment was made: BANK_TRANSFER (virement bancaire), CCP_TRANSFER (virement CCP, Algérie Poste), CHEQUE.',
  valuesConfig: {
    BANK_TRANSFER: { description: 'A bank transfer (virement bancaire).' },
    CCP_TRANSFER: { description: 'A transfer between postal accounts (virement CCP, Algérie Poste).' },
    CHEQUE: { description: 'A cheque.' },
  },
});

/** A payment of an approved invoice, recorded by finance. Never edited or deleted. */
@ObjectType({ description: 'A payment of an invoice, recorded by finance: date, amount, method and reference.' })
@Entity({ tableName: 'invoice_payment' })
export class InvoicePayment {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => Invoice, { ref: true, deleteRule: 'restrict' })
  invoice!: Ref<Invoice>;

  @Field(() => String, { description: 'Date of the payment (value date), YYYY-MM-DD.' })
  @Property({ type: 'date' })
  paidOn!: string;

  @Property({ type: 'bigint' })
  amountCentimes!: string;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  @Enum({ items: () => PaymentMethod, nativeEnumName: 'payment_method' })
  method!: PaymentMethod;

  @Field(() => String, { description: 'Reference of the transfer or cheque, as on the bank statement.' })
  @Property({ type: 'string', length: 100 })
  reference!: string;

  @Field(() => DateTime, { description: 'When it was recorded (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Date = new Date();

  @Enum({ items: () => ActorType, nativeEnumName: 'actor_type' })
  recordedByType!: ActorType;

  @Property({ type: 'string', length: 64, nullable: true })
  recordedById: string | null = null;
}
