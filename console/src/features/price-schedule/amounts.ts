/**
 * Unit prices as typed in the console and as the API takes them: a decimal string in DA with a dot
 * and at most two decimals ("4500.00"), never a JS number, so that no float ever rounds a price.
 */

/** The API's amount in DA ("4500.00") as it is typed in the console: "4500,00". */
export function typedAmountOf(amount: string): string {
  return amount.replace('.', ',');
}

/**
 * A price typed the French way ("4 500,5", "4500.50") in the API's form ("4500.50"), or null when it
 * is no amount in DA of at most two decimals.
 */
export function apiAmountOf(typed: string): string | null {
  const written = typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d{1,12}(\.\d{1,2})?$/.test(written) ? written : null;
}
