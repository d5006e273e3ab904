/**
 * Algerian identifiers of a contractor, checked as docs/domain.md ("Money and invoices") says. Pure functions, no I/O.
 */

/** NIF (numéro d'identification fiscale): 15 digits, or 20 for a branch. */
export function isValidNif(nif: string): boolean {
  return /^(\d{15}|\d{20})$/.test(nif);
}

/**
 * RIB (relevé d'identité bancaire) or RIP (CCP, bank code 007): 20 digits = bank (3) + branch (5)
 * + account (10) + key (2), where key = 97 − ((branch ‖ account × 100) mod 97). Computed with BigInt:
 * branch ‖ account is a 15-digit number, beyond what a double holds exactly once multiplied by 100.
 */
export function ribKey(branch: string, account: string): string {
  const value = BigInt(`${branch}${account}`) * 100n;
  return String(97n - (value % 97n)).padStart(2, '0');
}

/** Whether `rib` is 20 digits whose last two are the key of its branch and account. */
export function isValidRib(rib: string): boolean {
  if (!/^\d{20}$/.test(rib)) return false;
  return ribKey(rib.slice(3, 8), rib.slice(8, 18)) === rib.slice(18, 20);
}

/** NIS (numéro d'identification statistique, given by the ONS): 15 digits. */
export function isValidNis(nis: string): boolean {
  return /^\d{15}$/.test(nis);
}

/** The number of digits in `value`. */
const digitCount = (value: string) => value.replace(/\D/g, '').length;

/**
 * RC (registre du commerce) number, whose layout varied over the years (16/00-0123456 B 15, 02 B 0018083):
 * digits, one letter (its category: A a natural person, B a company) and separators, at least 6 digits.
 */
export function isPlausibleRcNumber(rc: string): boolean {
  return /^[0-9][0-9 /.-]*[A-Za-z][0-9 /.-]*[0-9]$/.test(rc) && digitCount(rc) >= 6;
}

/**
 * Article d'imposition, auto-entrepreneur card: formats unpublished, so checked loosely: digits, letters
 * and separators, at least 3 of them digits.
 */
export function isPlausibleRegistrationNumber(value: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z /.-]{1,38}[0-9A-Za-z]$/.test(value) && digitCount(value) >= 3;
}
