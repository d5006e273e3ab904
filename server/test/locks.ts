import type pg from 'pg';
import { expect } from 'vitest';
import { eventually } from './eventually.js';

/**
 * Waits until another session's statement waits for a lock on `table`, which `holder`'s open
 * transaction holds: the request that runs the statement is then in flight, held by the lock.
 */
export function waitingForLock(holder: pg.Client, table: string): Promise<void> {
  return eventually(async () => {
    const { rows } = await holder.query<{ waiting: number }>(
      'select count(*)::int as waiting from pg_locks where relation = $1::regclass and not granted',
      [table],
    );
    expect(rows[0]!.waiting).toBeGreaterThan(0);
  });
}
