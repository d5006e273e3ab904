import { Field, ObjectType } from 'type-graphql';

/**
 * An exact amount of money: integer centimes as a string (never a float), its decimal form and its
 * currency. DZD has 2 minor units (ISO 4217 numeric 012).
 */
@ObjectType({ description: 'An exact amount of money (never a float): centimes as a string, the decimal amount and the currency.' })
export class Money {
  @Field(() => String, { description: 'Whole number of minor units (centimes for DZD), e.g. "123456789".' })
  centimes!: string;

  @Field(() => String, { description: 'The amount in major units with two decimals, e.g. "1234567.89".' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code: "DZD".' })
  currency!: string;
}

/** A DZD amount of `centimes` for the API. */
export function dzd(centimes: bigint | string): Money {
  const value = BigInt(centimes);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const amount = `${negative ? '-' : ''}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
  return { centimes: value.toString(), amount, currency: 'DZD' };
}
