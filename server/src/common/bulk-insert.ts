import type { EntityData, EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Inserts `rows` of `entity` in one multi-row INSERT … RETURNING, in the EntityManager's transaction,
 * and returns the new ids in row order. (`em.insertMany` returns only the first id for plain data.)
 * Keep a batch under PostgreSQL's 65,535 bind parameters.
 */
export async function insertReturningIds<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: EntityData<T>[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await em.getDriver().nativeInsertMany<T>(entity as never, rows, { ctx: em.getTransactionContext() });
  const returned = (result.rows ?? []) as { id: string | number }[];
  if (returned.length !== rows.length)
    throw new Error(`expected ${rows.length} ids back from the insert, got ${returned.length}`);
  return returned.map((row) => String(row.id));
}

/**
 * Rows as one parameter of a raw statement (`em.execute`), for set-based writes of many rows: read
 * in SQL as `jsonRowsSql` (a jsonb array, e.g. for `jsonb_to_recordset`). A Buffer, because MikroORM
 * writes parameters into the SQL text: a string is escaped character by character in JavaScript (a
 * megabyte of JSON held the event loop), a Buffer is written as hex by native code.
 */
export function jsonRows(rows: readonly unknown[]): Buffer {
  return Buffer.from(JSON.stringify(rows));
}

/** How a statement reads a `jsonRows` parameter: a jsonb array. */
export const jsonRowsSql = "convert_from(?, 'UTF8')::jsonb";
