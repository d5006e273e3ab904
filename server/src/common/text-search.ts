import { raw } from '@mikro-orm/core';
import { containsPattern } from './validation.js';

/**
 * The SQL function that puts text in the form searches compare (migration Migration20261207080000):
 * lower case, without accents ("Bahia Télécom" → "bahia telecom", unaccent's rules), Arabic without
 * its short vowels and tatweel, with one alef, ya and ha for their variants ("أحمد" and "احمد" meet).
 * The columns searched are indexed on it (trigram GIN indexes), and a search's text goes through it too.
 */
export const searchTextFunction = 'raccord_search_text';

/** A filter of raw SQL (MikroORM `raw`, the alias of the entity filtered standing for `alias`): keep rows where `sql` holds. */
export function rawCondition(sql: (alias: string) => string, params: unknown[]): Record<string, unknown> {
  return { [raw(sql, params)]: [] };
}

/**
 * Keeps the rows one of whose `columns` contains `text`, both compared as `raccord_search_text`
 * gives them (case, accents and Arabic variants aside); `%`, `_` and `\` in `text` taken literally.
 * Each column is one a trigram index holds in that form, so the search reads the index.
 */
export function textContains(columns: readonly string[], text: string): Record<string, unknown> {
  return rawCondition(
    (alias) => `(${columns.map((column) => normalisedLike(`${alias}."${column}"`)).join(' or ')})`,
    columns.map(() => containsPattern(text)),
  );
}

/** `column` (SQL) contains a LIKE pattern given as a parameter, both normalised. */
export function normalisedLike(column: string): string {
  return `${searchTextFunction}(${column}) like ${searchTextFunction}(?)`;
}

/**
 * The digits of a phone number as `text` writes them, the way the E.164 form stores them ("0555 12 34
 * 56", "+213 555 12 34 56" and "00213555123456" all give "213555123456"), or null when `text` is not
 * written as a phone number (digits, spaces, "+", ".", "-", "(", ")"; at least 4 digits).
 */
export function phoneDigits(text: string): string | null {
  if (!/^[\d\s+().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return null;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return `213${digits.slice(1)}`;
  return digits;
}
