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
