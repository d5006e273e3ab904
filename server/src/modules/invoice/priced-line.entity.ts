import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PriceUnit } from './price-schedule.entity.js';

/**
 * What an invoice line and a credit note line share: a price schedule item, a quantity in its unit,
 * the unit price excluding tax and VAT rate it was priced at, and the amount (quantity × unit price,
 * rounded half-up to the centime). Amounts in centimes. Its GraphQL fields are inherited; the type
 * itself is in no schema. Its Money fields (`pricedLineFields`) are resolved by each line type's
 * resolver, from the centimes, so that a line read as a row answers them as the entity does.
 */
@ObjectType('PricedLine')
@Entity({ abstract: true })
export abstract class PricedLine {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => String, { description: 'Price schedule item code.' })
  @Property({ type: 'string', length: 20 })
  itemCode!: string;

  @Field(() => String, { description: 'Designation, as on the price schedule when the work was priced.' })
  @Property({ type: 'string', length: 200 })
  designation!: string;

  @Field(() => PriceUnit, { description: 'Unit of the quantity.' })
  @Enum({ items: () => PriceUnit, nativeEnumName: 'price_unit' })
  unit!: PriceUnit;

  @Field(() => String, { description: 'Quantity in the unit, as a decimal string, e.g. "42.5".' })
  @Property({ type: 'decimal', columnType: 'numeric' })
  quantity!: string;

  @Property({ type: 'bigint' })
  unitPriceCentimes!: string;

  @Field(() => String, { description: 'VAT rate in percent applied to the line, e.g. "19".' })
  @Property({ type: 'decimal', columnType: 'numeric' })
  vatRatePercent!: string;

  @Property({ type: 'bigint' })
  amountCentimes!: string;
}

/** Descriptions of the Money fields every priced line type resolves from its centimes. */
export const pricedLineFields = {
  unitPrice: 'Unit price excluding tax, as in force on the installation date.',
  amount:
    'Amount excluding tax: quantity × unit price, rounded half-up to the centime. On a credit note, what the credit takes off the invoice line’s rounded amount (it may differ from its own quantity × unit price by a centime, so that notes add up exactly to the invoice).',
} as const;
