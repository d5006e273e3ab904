import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Field, Int, ObjectType } from 'type-graphql';
import type { z } from 'zod';
import { JSONValue } from './scalars.js';
import { InputReason, inputReasonOf, type ReasonParams } from './input-reasons.js';

/** Most problems an import report lists (a file of bad rows would otherwise answer megabytes). */
export const maxReportedErrors = 1000;

@ObjectType({
  description:
    'One problem of a row an import could not use: its line in the file (1 is the header), the column and why. ' +
    'A row with several problems has one of these for each (a bad NIF and an unknown commune are two).',
})
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file; 1 is the header (a problem of the file as a whole).' })
  line!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'CSV column at fault (`commune_id`; a contact’s `contact.0.name`), or null for a problem of the whole row or file.',
  })
  field!: string | null;

  @Field(() => String, {
    description:
      'What is wrong, in English with the values at fault ("no commune with id 4242"): the sentences of the ' +
      'single mutations’ BAD_USER_INPUT `reason`. A client translates `reasonCode` instead (the console does, in French and English).',
  })
  reason!: string;

  @Field(() => InputReason, {
    description: 'What is wrong, as a code: `reason` is its English, with `reasonParams` filled in.',
  })
  reasonCode!: InputReason;

  @Field(() => JSONValue, {
    description:
      'The values `reasonCode` names, by name (each `{{name}}` of its description), as strings; `{}` when none.',
  })
  reasonParams!: ReasonParams;
}

/** A problem of a row as an import finds it; the report gives it with its code (`ImportRowError`). */
export type RowProblem = Pick<ImportRowError, 'line' | 'field' | 'reason'>;

@ObjectType({
  description:
    'What an import did. All or nothing: when `errors` is not empty, nothing was written. Rows whose key ' +
    '(NIF, order reference) is already known are skipped, so importing a file twice creates nothing new. ' +
    'Every problem of every row is reported, not only a row’s first: each names its line and the CSV column ' +
    `at fault; the first ${maxReportedErrors} are listed, all are counted.`,
})
export class ImportReport {
  @Field(() => Int, { description: 'Rows in the file (header excluded).' })
  rows!: number;

  @Field(() => Int, { description: 'Records created.' })
  created!: number;

  @Field(() => Int, {
    description:
      'Rows skipped: their key (NIF, order reference) is already in the database. A key repeated within the file is an error instead.',
  })
  skipped!: number;

  @Field(() => [ImportRowError], {
    description:
      `The problems of the rows that cannot be used, by line (a row with several has one entry for each), the ` +
      `first ${maxReportedErrors} at most (see errorCount); when any, nothing was written.`,
  })
  errors!: ImportRowError[];

  @Field(() => Int, { description: 'How many problems the file has in all, listed in `errors` or not.' })
  errorCount!: number;
}

/**
 * A report of a refused file: nothing written, the first problems listed (by line), all of them
 * counted. `uncounted` adds problems found but not kept (see `validateRows`).
 */
export function refused(rows: number, errors: RowProblem[], uncounted = 0): ImportReport {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return {
    rows,
    created: 0,
    skipped: 0,
    errors: sorted.slice(0, maxReportedErrors).map((error) => ({ ...error, ...inputReasonOf(error.reason) })),
    errorCount: errors.length + uncounted,
  };
}

/**
 * Rows parsed or validated between two turns of the event loop: an import of 100,000 rows must not
 * keep the server from answering its other requests meanwhile.
 */
const rowsPerTurn = 500;

/** Bytes of CSV text the parser reads at a time (the stream yields to the event loop between them). */
const textChunkLength = 64 * 1024;

/** Most rows one import takes. */
export const maxImportRows = 100_000;

/** A CSV row, trimmed, keyed by column, with its line number. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** `;` when the header line is separated by semicolons (as French spreadsheets save CSV), else `,`. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** Why csv-parse refused a record, said for the row: the separators of a row that does not match the header. */
function recordProblem(error: CsvError, delimiter: string): string {
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    return `the row has more values than the header has columns: a value holding "${delimiter}" must be in double quotes`;
  }
  return `the row is not valid CSV: ${error.message.slice(0, 200)}`;
}

/**
 * Parses CSV text with a header row (csv-parse, streamed a slice at a time so that a large file does
 * not hold the event loop): separated by commas, or by semicolons when the header is (as French
 * spreadsheets write it), values trimmed (inside quotes too), empty lines skipped, a BOM ignored. A
 * row with fewer values than columns leaves the rest empty (the row's checks then name them); a row
 * with more, or a malformed one, is an error of its line (a value's separator left unquoted would
 * otherwise shift the row's values silently). Returns the rows, or errors for a missing or unknown
 * column (a misspelt optional column would otherwise be ignored), a malformed row or too many rows.
 */
export async function readCsv(
  text: string,
  requiredColumns: readonly string[],
  optionalColumns: readonly string[],
): Promise<{ rows: CsvRow[]; errors: RowProblem[] }> {
  const rows: CsvRow[] = [];
  const errors: RowProblem[] = [];
  // The header as written, repeats included (the records keep only the last of a repeated column).
  let columns: string[] = [];
  const delimiter = delimiterOf(text);
  const parser = parse({
    bom: true,
    delimiter,
    columns: (header: string[]) => (columns = header.map((column) => column.trim().toLowerCase())),
    skip_empty_lines: true,
    relax_column_count_less: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) errors.push({ line: Number(error.lines), field: null, reason: recordProblem(error, delimiter) });
      return undefined;
    },
    info: true,
  });
  const slices = (function* () {
    for (let start = 0; start < text.length; start += textChunkLength) yield text.slice(start, start + textChunkLength);
  })();
  try {
    for await (const parsed of Readable.from(slices).pipe(parser)) {
      const { record, info } = parsed as { record: Record<string, string>; info: { lines: number } };
      // Trimmed as they arrive, between the turns given back to the event loop: 100,000 rows at the end would hold it.
      rows.push({
        line: info.lines,
        values: Object.fromEntries(Object.entries(record).map(([key, value]) => [key, (value ?? '').trim()])),
      });
      if (rows.length > maxImportRows) break;
      if (rows.length % rowsPerTurn === 0) await yieldToEventLoop();
    }
  } catch (error) {
    return {
      rows: [],
      errors: [
        { line: 1, field: null, reason: `the file is not valid CSV: ${(error as Error).message.slice(0, 200)}` },
      ],
    };
  }
  if (rows.length === 0 && errors.length === 0)
    return { rows: [], errors: [{ line: 1, field: null, reason: 'the file has no rows' }] };
  if (rows.length > maxImportRows) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          field: null,
          reason: `the file has more than ${maxImportRows} rows; an import takes at most ${maxImportRows}`,
        },
      ],
    };
  }
  const header = columns;
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length > 0)
    return {
      rows: [],
      errors: [{ line: 1, field: null, reason: `columns named twice: ${[...new Set(repeated)].join(', ')}` }],
    };
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0)
    return { rows: [], errors: [{ line: 1, field: null, reason: `missing columns: ${missing.join(', ')}` }] };
  const unknown = header.filter((column) => !requiredColumns.includes(column) && !optionalColumns.includes(column));
  if (unknown.length > 0) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          field: null,
          reason: `unknown columns: ${unknown.join(', ')} (the columns are ${[...requiredColumns, ...optionalColumns].join(', ')})`,
        },
      ],
    };
  }
  return { rows, errors };
}

/**
 * Validates each row with `schema` after `toInput` maps its columns to the API's input fields;
 * every problem of every row is counted in `errorCount`, the first `maxReportedErrors` kept in
 * `errors`, each named by its column (`columnOf` maps an input field to its CSV column, e.g.
 * `bankAccount` → `bank_account`). Returns the valid rows, and every row in `checked` with the
 * values later checks need (a key repeated in the file, a commune that does not exist): a bad row
 * there holds those of its `keyFields` that are good on their own, parsed alone, so that its other
 * problems are reported too rather than only the first. Yields to the event loop every few hundred rows.
 */
export async function validateRows<S extends z.ZodObject, K extends keyof z.output<S> & string = never>(
  rows: CsvRow[],
  schema: S,
  toInput: (values: Record<string, string>) => Record<string, unknown>,
  columnOf: Readonly<Record<string, string>>,
  keyFields: readonly K[] = [],
): Promise<{
  valid: { line: number; value: z.output<S> }[];
  checked: { line: number; value: Partial<Pick<z.output<S>, K>> }[];
  errors: RowProblem[];
  errorCount: number;
}> {
  const shape: Readonly<Record<string, z.ZodType>> = schema.shape;
  const valid: { line: number; value: z.output<S> }[] = [];
  const checked: { line: number; value: Partial<Pick<z.output<S>, K>> }[] = [];
  const errors: RowProblem[] = [];
  let errorCount = 0;
  for (const [index, row] of rows.entries()) {
    await turnEvery(index);
    const input = toInput(row.values);
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      valid.push({ line: row.line, value: parsed.data });
      checked.push({ line: row.line, value: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      errorCount += 1;
      if (errors.length >= maxReportedErrors) continue;
      const [first, ...rest] = issue.path.map(String);
      const field = first === undefined ? null : [columnOf[first] ?? first, ...rest].join('.');
      errors.push({ line: row.line, field, reason: issue.message });
    }
    const value: Partial<Pick<z.output<S>, K>> = {};
    for (const key of keyFields) {
      const alone = shape[key]!.safeParse(input[key]);
      if (alone.success) value[key] = alone.data as z.output<S>[K];
    }
    checked.push({ line: row.line, value });
  }
  return { valid, checked, errors, errorCount };
}

/** Splits `items` into chunks of at most `size` (to stay under PostgreSQL's 65,535 bind parameters). */
export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Gives the event loop a turn (a macrotask), so that other requests are answered during a long import. */
export async function yieldToEventLoop(): Promise<void> {
  await nextTurn();
}

/** Gives the event loop a turn after every few hundred of `index` (a row's index in a loop over a file's rows). */
export async function turnEvery(index: number): Promise<void> {
  if (index > 0 && index % rowsPerTurn === 0) await yieldToEventLoop();
}

/**
 * Each row whose key repeats an earlier row of the file, as an error naming the earlier line; a row
 * without a key (`key` gives undefined: its key column is bad, and said so already) is passed over.
 * Yields to the event loop every few hundred rows.
 */
export async function duplicateKeys<T>(
  rows: { line: number; value: T }[],
  key: (value: T) => string | undefined,
  field: string,
): Promise<RowProblem[]> {
  const seen = new Map<string, number>();
  const errors: RowProblem[] = [];
  for (const [index, row] of rows.entries()) {
    await turnEvery(index);
    const value = key(row.value);
    if (value === undefined) continue;
    const earlier = seen.get(value);
    if (earlier === undefined) seen.set(value, row.line);
    else errors.push({ line: row.line, field, reason: `${value} is already on line ${earlier}` });
  }
  return errors;
}
