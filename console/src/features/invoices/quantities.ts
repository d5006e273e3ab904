/**
 * Quantities of invoice lines, as the API writes them ("42.5": a dot, at most three decimals), done
 * in whole thousandths with BigInt so that no float ever rounds a quantity billed.
 */

const apiQuantity = /^(\d{1,9})(?:\.(\d{1,3}))?$/;

function thousandths(quantity: string): bigint {
  const match = apiQuantity.exec(quantity);
  if (!match) throw new Error(`not a quantity: ${quantity}`);
  return BigInt(match[1]!) * 1000n + BigInt((match[2] ?? '').padEnd(3, '0'));
}

function fromThousandths(value: bigint): string {
  const whole = value / 1000n;
  const fraction = String(value % 1000n)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** A quantity typed the French way ("42,5", or "42.5") in the API's form ("42.5"); null when it is not one. */
export function parseQuantity(typed: string): string | null {
  const written = typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return apiQuantity.test(written) ? fromThousandths(thousandths(written)) : null;
}

/** `a − b` (both in the API's form); negative results are not quantities and are refused. */
export function subtractQuantities(a: string, b: string): string {
  const difference = thousandths(a) - thousandths(b);
  if (difference < 0n) throw new Error(`${a} − ${b} is negative`);
  return fromThousandths(difference);
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compareQuantities(a: string, b: string): number {
  const difference = thousandths(a) - thousandths(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Whether the quantity is a whole number (items priced per unit or lump sum take only those). */
export function isWholeQuantity(quantity: string): boolean {
  return thousandths(quantity) % 1000n === 0n;
}

/** A quantity as the console shows it: "42,5". */
export function formatQuantity(quantity: string): string {
  return quantity.replace('.', ',');
}
