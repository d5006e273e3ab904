import { Decimal } from 'decimal.js';
import { toCardinal } from 'n2words/fr-FR';

/**
 * Invoice arithmetic as docs/domain.md ("Money and invoices") and EN 16931 have it, in integer DZD centimes
 * (bigint) with decimal.js for the products: no JS float touches money, and nothing overflows 32 or 53
 * bits.
 *
 * 1. Each line: quantity × unit price, rounded half-up to the centime.
 * 2. Total excluding tax (HT): the sum of the rounded lines.
 * 3. VAT (TVA) per rate on the lines of that rate, rounded half-up once per rate — only under the
 *    real regime (régime réel); IFU and auto-entrepreneurs (law 22-23) invoice no VAT.
 * 4. Total including tax (TTC) = HT + VAT.
 * 5. Retention (retenue de garantie): the configured percentage of TTC, rounded half-up.
 * 6. Net payable = TTC − retention.
 */

/** Decimal arithmetic wide enough for any invoice, rounding half-up (away from zero at .5). */
const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

export interface InvoiceLineInput {
  /** Quantity in the item's unit (u, m, forfait), as a decimal string, e.g. "42.5". */
  readonly quantity: string;
  /** Unit price excluding tax, in centimes. */
  readonly unitPriceCentimes: bigint;
  /** VAT rate in percent as a decimal string ("19", "9"), as dated tax data gives it. */
  readonly vatRatePercent: string;
}

export interface InvoiceTotals {
  /** Each line's amount excluding tax, in centimes, rounded. */
  readonly lineAmounts: readonly bigint[];
  readonly totalExcludingTax: bigint;
  /** VAT per rate, ordered by rate; empty when the contractor invoices no VAT. */
  readonly vatByRate: readonly { ratePercent: string; base: bigint; amount: bigint }[];
  readonly totalVat: bigint;
  readonly totalIncludingTax: bigint;
  readonly retention: bigint;
  readonly netPayable: bigint;
}

/** Rounds a decimal amount of centimes half-up to a whole centime. */
function toCentimes(value: Decimal): bigint {
  return BigInt(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

function percentOf(amount: bigint, percent: string): bigint {
  return toCentimes(new Money(amount.toString()).times(new Money(percent)).dividedBy(100));
}

/** One line's amount excluding tax: quantity × unit price, rounded half-up to the centime. */
export function lineAmount(quantity: string, unitPriceCentimes: bigint): bigint {
  return toCentimes(new Money(quantity).times(unitPriceCentimes.toString()));
}

/** The rounded amounts (excluding tax, centimes) of the lines at one VAT rate, summed: all steps 2 to 6 read of the lines. */
export interface RateBase {
  /** VAT rate in percent as a decimal string ("19", "19.00"); equal rates written differently are summed together. */
  readonly ratePercent: string;
  readonly base: bigint;
}

/**
 * The totals of an invoice whose lines are `lines`.
 * @param options.chargesVat true under the real regime; false for IFU and auto-entrepreneurs
 * @param options.retentionPercent retention rate in percent, as a decimal string ("5")
 * @throws RangeError for a quantity or rate that is not a decimal number, or a negative rate
 */
export function computeInvoiceTotals(
  lines: readonly InvoiceLineInput[],
  options: { chargesVat: boolean; retentionPercent: string },
): InvoiceTotals {
  for (const line of lines) {
    if (!/^\d+(\.\d+)?$/.test(line.quantity))
      throw new RangeError(`not a non-negative decimal number: "${line.quantity}"`);
  }
  const lineAmounts = lines.map((line) => lineAmount(line.quantity, line.unitPriceCentimes));
  return {
    lineAmounts,
    ...totalsFromBases(
      lines.map((line, index) => ({ ratePercent: line.vatRatePercent, base: lineAmounts[index]! })),
      options,
    ),
  };
}

/**
 * Steps 2 to 6 from the line amounts summed by VAT rate (`RateBase`), the same arithmetic as
 * `computeInvoiceTotals` (which calls it): an invoice of 15,000 lines is totalled from a handful of
 * sums its database can give, without reading its lines.
 * @throws RangeError for a rate or retention that is not a non-negative decimal number
 */
export function totalsFromBases(
  bases: readonly RateBase[],
  options: { chargesVat: boolean; retentionPercent: string },
): Omit<InvoiceTotals, 'lineAmounts'> {
  for (const value of [options.retentionPercent, ...bases.map((base) => base.ratePercent)]) {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new RangeError(`not a non-negative decimal number: "${value}"`);
  }
  const totalExcludingTax = bases.reduce((sum, base) => sum + base.base, 0n);
  const byRate = new Map<string, bigint>();
  if (options.chargesVat) {
    for (const { ratePercent, base } of bases) {
      const rate = new Money(ratePercent).toString();
      byRate.set(rate, (byRate.get(rate) ?? 0n) + base);
    }
  }
  const vatByRate = [...byRate.entries()]
    .sort(([a], [b]) => new Money(a).comparedTo(b))
    .map(([ratePercent, base]) => ({ ratePercent, base, amount: percentOf(base, ratePercent) }));
  const totalVat = vatByRate.reduce((sum, vat) => sum + vat.amount, 0n);
  const totalIncludingTax = totalExcludingTax + totalVat;
  const retention = percentOf(totalIncludingTax, options.retentionPercent);
  return {
    totalExcludingTax,
    vatByRate,
    totalVat,
    totalIncludingTax,
    retention,
    netPayable: totalIncludingTax - retention,
  };
}

/**
 * What a credit note takes off an invoice: the invoice's totals before it less its totals after it
 * (each from `computeInvoiceTotals` on the quantities not yet credited), line by line, rate by rate.
 * Credit notes so computed add up exactly: crediting every line, in one note or in many pieces,
 * credits exactly the invoice's net payable — rounding a note on its own would drift by centimes.
 * `lineAmounts` keeps the order of the invoice's lines (0 for a line the note does not touch).
 */
export function totalsDifference(before: InvoiceTotals, after: InvoiceTotals): InvoiceTotals {
  const rates = new Map<string, { base: bigint; amount: bigint }>();
  for (const vat of before.vatByRate) rates.set(vat.ratePercent, { base: vat.base, amount: vat.amount });
  for (const vat of after.vatByRate) {
    const seen = rates.get(vat.ratePercent) ?? { base: 0n, amount: 0n };
    rates.set(vat.ratePercent, { base: seen.base - vat.base, amount: seen.amount - vat.amount });
  }
  return {
    lineAmounts: before.lineAmounts.map((amount, index) => amount - (after.lineAmounts[index] ?? 0n)),
    totalExcludingTax: before.totalExcludingTax - after.totalExcludingTax,
    vatByRate: [...rates.entries()]
      .filter(([, vat]) => vat.base !== 0n || vat.amount !== 0n)
      .sort(([a], [b]) => new Money(a).comparedTo(b))
      .map(([ratePercent, vat]) => ({ ratePercent, ...vat })),
    totalVat: before.totalVat - after.totalVat,
    totalIncludingTax: before.totalIncludingTax - after.totalIncludingTax,
    retention: before.retention - after.retention,
    netPayable: before.netPayable - after.netPayable,
  };
}

/**
 * An amount in centimes in French words, as invoices write it: "mille deux cent trente-quatre dinars
 * algériens et cinquante-six centimes"; "un dinar algérien"; "zéro dinar algérien".
 */
export function amountInFrenchWords(centimes: bigint): string {
  if (centimes < 0n) return `moins ${amountInFrenchWords(-centimes)}`;
  const dinars = centimes / 100n;
  const cents = centimes % 100n;
  const dinarPart =
    dinars === 0n
      ? 'zéro dinar algérien'
      : dinars === 1n
        ? 'un dinar algérien'
        : `${toCardinal(dinars)} dinars algériens`;
  if (cents === 0n) return dinarPart;
  return `${dinarPart} et ${toCardinal(cents)} ${cents === 1n ? 'centime' : 'centimes'}`;
}

/**
 * The closing sentence of an invoice (custom in Algeria): "Arrêtée la présente facture à la somme de :
 * … ."; of a credit note: "Arrêté le présent avoir à la somme de : … ."
 */
export function invoiceClosingSentence(netPayable: bigint, kind: 'INVOICE' | 'CREDIT_NOTE' = 'INVOICE'): string {
  const opening = kind === 'CREDIT_NOTE' ? 'Arrêté le présent avoir' : 'Arrêtée la présente facture';
  return `${opening} à la somme de : ${amountInFrenchWords(netPayable)}.`;
}
