import { z } from 'zod';
import { badUserInput } from './errors.js';

/**
 * Parses `input` with a zod schema, or throws `BAD_USER_INPUT` naming the first bad field (its path
 * joined with dots, e.g. `contacts.0.phone`) and why (in English, and as the code of
 * `inputReasonTexts` that sentence reads as), with every problem in `problems` when there are several.
 * The same schemas serve the API and CSV imports: a schema's reason is one of `inputReasonTexts`.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, fieldPrefix = ''): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    field: [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    reason: issue.message,
  }));
  throw badUserInput(problems[0]!.field, problems[0]!.reason, problems);
}

/**
 * Control characters (NUL, tab, line breaks, DEL, C1, line and paragraph separators) and the
 * bidirectional overrides that make text display other than it reads: never in a name or address.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const controlCharacters = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 surrogate pair without its other half: not text, and PostgreSQL refuses it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * A leading =, +, - or @ makes a spreadsheet run the cell as a formula when the data is exported
 * (OWASP, CSV injection: `-2+3+cmd|' /C calc'!A0`). So do their lookalikes, which spreadsheets (and
 * Japanese or Chinese input methods) turn into them: the fullwidth ＝ ＋ － ＠, the small ﹦ ﹢ ﹣ ﹫,
 * the minus sign −, the heavy minus ➖ and every dash (Unicode's dash punctuation, \p{Pd}: ‒ – —…);
 * and a trigger still counts behind what a spreadsheet skips or no one sees: spaces and separators
 * (\s, \p{Z}), format characters (\p{Cf}: zero-width characters, the soft hyphen, invisible operators,
 * direction marks, tags, the byte order mark), marks with nothing to combine with (\p{Mn}, \p{Me}:
 * U+034F, the variation selector U+FE0F) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0):
 * Unicode's classes rather than a list, so that another character of the same kind counts too. A
 * leading tab or carriage return, the other starts OWASP names, never reaches this test:
 * text is trimmed first, and refused if one is inside. A hyphen-minus is refused too, not escaped:
 * no name, address, reference or reason of the trade starts with one, and an escape would change
 * what is printed on invoices. Numbers (quantities, amounts, optical measurements such as -21.5 dBm)
 * are not text and keep their sign.
 */
const formulaStart =
  /^[\s\p{Z}\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0]*[=+@\p{Pd}\u2212\u2796\uFE62\uFE66\uFE6B\uFF0B\uFF1D\uFF20]/u;

/** Refuses a value a spreadsheet would run as a formula (see `formulaStart`). */
export const notAFormula = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((value) => !formulaStart.test(value), { error: 'must not start with =, +, - or @' });

/**
 * Text of at most `max` characters (counted as people count them: by code point), with no control
 * characters, no broken characters and no formula start.
 */
const text = (max: number) =>
  notAFormula(
    z
      .string()
      .trim()
      .refine((value) => [...value].length <= max, { error: `must be at most ${max} characters` })
      .refine((value) => !controlCharacters.test(value), {
        error: 'must not contain control characters or direction overrides',
      })
      .refine((value) => !loneSurrogate.test(value), { error: 'must be valid Unicode text' })
      // U+FFFD stands where a decoder met bytes it could not read: a file saved in another encoding.
      .refine((value) => !value.includes('\uFFFD'), {
        error: 'must not contain the replacement character � (was the file saved as UTF-8?)',
      }),
  );

/** A trimmed, required text of at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .pipe(text(max))
    .refine((value) => /[\p{L}\p{N}]/u.test(value), { error: 'must contain letters or digits' });

/** A trimmed optional text of at most `max` characters; blank becomes `null`. */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value === undefined || value === null || value === '' ? null : value));

/**
 * `schema`, or null for null or a blank string (whitespace only), for an optional value people may
 * leave empty; anything else must pass `schema`, whose own problem is reported (a union with '' would
 * report only zod's "Invalid input"). Add `.optional()` where the value may be left out.
 */
export const blankAsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullable());

/** Identifier of a record, as the API shows it: a positive whole number in a string. */
export const recordId = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[1-9]\d{0,17}$/, { error: 'must be an id such as "42"' });

/** A position in the change log: 0 (before any event) or a positive 64-bit integer, in digits. */
export const logPosition = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^(0|[1-9]\d{0,18})$/, { error: 'must be a position of the change log such as "42"', abort: true })
  // At most 2^63 - 1; compared as text (same length, digits), since the regex may not have matched.
  .refine((value) => value.length < 19 || value <= '9223372036854775807', {
    error: 'must be a position of the change log such as "42"',
  });

/** Wilaya code: two digits with a leading zero. */
export const wilayaCode = z
  .string()
  .trim()
  .regex(/^\d{2}$/, { error: 'must be two digits, such as "01"' });

/**
 * What a filter's wilaya code must be and how another value is refused, in the schema's words: the
 * end of the description of every argument or filter field taking one (lists, figures, change feeds,
 * subscriptions). The codes are the reference data's (`checkPlaceFilter`).
 */
export const wilayaFilterRule =
  'Two digits, the code of a wilaya ("01" to "58" today; Query.wilayas lists them): any other value is refused with BAD_USER_INPUT, `field` naming it, and nothing is read.';

/** The same for a filter's commune id (`checkPlaceFilter`). */
export const communeFilterRule =
  'The id of a commune (Query.communes lists them), of the wilaya filtered on when wilayaCode is given too: any other value is refused with BAD_USER_INPUT, `field` naming it, and nothing is read.';

/** The same for a filter's record id: a malformed one is refused; a record out of the viewer's sight matches nothing, as one that does not exist. */
export const idFilterRule =
  'An id such as "42": a malformed one is refused with BAD_USER_INPUT, `field` naming it. The id of a record you may not see matches nothing, as one that does not exist.';

/** A calendar date YYYY-MM-DD (a real day: no 30 February). */
export const calendarDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/**
 * A calendar date from 2000 to 2100: the days the trade's records and dated data fall on (PostgreSQL
 * refuses year 0000, which `calendarDate` takes; a date centuries ahead is a typing error).
 */
export const dayFrom2000To2100 = calendarDate.refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
  error: 'must be from 2000 to 2100',
});

/** A `version` the client last saw (optimistic concurrency). */
export const expectedVersion = z.number().int().min(1, { error: 'must be a version number from 1' });

/** An email address, trimmed and in lower case (sign-in emails compare that way). */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254));

/** A reason for a change of status: required, trimmed, at most 500 characters. */
export const reason = requiredText(500);

/** Free text for a list filter: trimmed, at most 100 characters, no control characters; blank means none. */
export const searchText = z
  .string()
  .trim()
  .refine((value) => [...value].length <= 100, { error: 'must be at most 100 characters' })
  .refine((value) => !controlCharacters.test(value) && !loneSurrogate.test(value), {
    error: 'must not contain control characters',
  })
  .nullish();

/** An ILIKE pattern matching values that contain `text`, its `%`, `_` and `\\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
