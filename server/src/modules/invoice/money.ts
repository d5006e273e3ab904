import { z } from 'zod';
import { Field, ObjectType } from 'type-graphql';

/**
 * An exact amount of money: integer centimes as a string (never a float), its decimal form and its
 * currency. DZD has 2 minor units (ISO 4217 numeric 012).
 */
@ObjectType({
  description: 'An exact amount of money (never a float): centimes as a string, the decimal amount and the currency.',
})
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

const dzdFormat = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});

/**
 * A DZD amount in centimes as people read it in Algeria: "1 234 567,89 DA" (groups of three
 * separated by a no-break space U+00A0, decimal comma). Exact: the decimal string goes to Intl,
 * never a float.
 */
export function formatDzd(centimes: bigint | string): string {
  return `${frenchNumber(dzdFormat, dzd(centimes).amount)}\u00a0DA`;
}

const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20, useGrouping: true });

/** A decimal string as French writes it: "1234.50" → "1 234,5" (no-break space groups, decimal comma, exact). */
export function formatFrenchDecimal(value: string): string {
  return frenchNumber(decimalFormat, value);
}

/** Intl takes the decimal string exactly (never a float); its narrow no-break spaces become U+00A0, which every font has. */
function frenchNumber(format: Intl.NumberFormat, value: string): string {
  return format.format(value as unknown as number).replace(/[\u202f\u00a0 ]/g, '\u00a0');
}

/** An amount of DZD as clients write it: "1234.56" (dot, at most 2 decimals, at most 16 digits before it). */
export const dzdAmount = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, { error: 'must be an amount in DZD such as "1234.56" (dot, at most two decimals)' })
  .transform((text) => {
    const [whole, fraction = ''] = text.split('.');
    return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  });
