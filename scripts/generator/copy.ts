import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** What loading one table took: rows written, seconds (drawing the rows included) and rows per second. */
export interface TableLoad {
  readonly table: string;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

/** Rows are encoded by batches of this many, each batch one chunk of the COPY stream. */
const batchRows = 2000;

const csvOptions = {
  cast: {
    date: (value: Date) => value.toISOString(),
    bigint: (value: bigint) => value.toString(),
    // PostgreSQL's CSV reads an unquoted empty field as NULL (what null is written as): an empty string is quoted.
    string: (value: string) => (value === '' ? { value, quoted_empty: true } : value),
  },
};

/**
 * Streams `rows` into `table` (its `columns`, in order) with one `COPY … FROM STDIN (FORMAT csv)`
 * on `client`, in the client's current transaction. Values: strings, numbers, bigints, Dates
 * (written as ISO 8601 instants), null (NULL), and objects or arrays (written as JSON, for jsonb).
 * Returns how many rows were written.
 */
export async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  let count = 0;
  function* batches(): Generator<string> {
    let batch: (readonly unknown[])[] = [];
    for (const row of rows) {
      batch.push(row);
      count += 1;
      if (batch.length === batchRows) {
        yield stringify(batch as unknown[][], csvOptions);
        batch = [];
      }
    }
    if (batch.length > 0) yield stringify(batch as unknown[][], csvOptions);
  }
  const sql = `copy "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) from stdin with (format csv)`;
  await pipeline(Readable.from(batches()), client.query(copyFrom(sql)));
  return count;
}

/** Runs `work` in a transaction of its own on `client`: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Runs `work`, which fills `table`, between dropping the table's secondary indexes (those that back
 * no constraint) and foreign keys, and creating them again from their own definitions, in the
 * caller's transaction (so that it is all or nothing). PostgreSQL builds an index over rows already
 * loaded much faster than it maintains it row by row (a trigram GIN index above all), and checks a
 * foreign key over the whole table in one query rather than one query per row (its documentation,
 * "Populating a Database"): every constraint is still checked, once, when it is added back.
 */
export async function withIndexesRebuilt<T>(client: pg.Client, table: string, work: () => Promise<T>): Promise<T> {
  const name = `"${table}"`;
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      `select i.indexrelid::regclass::text as "name", pg_get_indexdef(i.indexrelid) as "definition" from pg_index i
        where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid) order by 1`,
      [name],
    )
  ).rows;
  const foreignKeys = (
    await client.query<{ name: string; definition: string }>(
      `select quote_ident(conname) as "name", pg_get_constraintdef(oid) as "definition" from pg_constraint where conrelid = $1::regclass and contype = 'f' order by 1`,
      [name],
    )
  ).rows;
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  for (const key of foreignKeys) await client.query(`alter table ${name} drop constraint ${key.name}`);
  const result = await work();
  await client.query(`set local maintenance_work_mem = '256MB'`);
  for (const index of indexes) await client.query(index.definition);
  for (const key of foreignKeys) await client.query(`alter table ${name} add constraint ${key.name} ${key.definition}`);
  return result;
}

/** Times `work`, which writes some rows of `table`: the figures of one table's load. */
export async function timed(table: string, work: () => Promise<number>): Promise<TableLoad> {
  const started = performance.now();
  const rows = await work();
  const seconds = (performance.now() - started) / 1000;
  return { table, rows, seconds: round(seconds, 2), rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
