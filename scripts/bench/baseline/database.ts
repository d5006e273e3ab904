import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Values bound to `$1…$n`. */
export type Values = readonly unknown[];

/** What a statement runs on: the pool, or a transaction's client. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: Values): Promise<R[]>;
}

/** A transaction's client: statements, and COPY … FROM STDIN of a text (counted as one statement). */
export interface TransactionClient extends Queryable {
  copyIn(sql: string, text: string): Promise<void>;
}

/** The baseline's PostgreSQL access: a pool, every statement counted (BEGIN and COMMIT included). */
export interface Database extends Queryable {
  readonly pool: pg.Pool;
  /** Statements sent since start or the last `resetCount()`. */
  statements(): number;
  resetCount(): void;
  /** Runs `work` in a transaction on one pooled client: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(work: (client: TransactionClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens a pool of `max` connections on `url` (the same size as Raccord's DB_POOL_MAX default, 10),
 * with the same statement timeout as Raccord (15 s).
 */
export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, statement_timeout: 15_000 });
  let count = 0;
  const run = async <R extends pg.QueryResultRow>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    values?: Values,
  ): Promise<R[]> => {
    count += 1;
    return (await client.query<R>(text, values as unknown[] | undefined)).rows;
  };
  return {
    pool,
    query: (text, values) => run(pool, text, values),
    statements: () => count,
    resetCount: () => {
      count = 0;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await run(client, 'begin');
        const result = await work({
          query: (text, values) => run(client, text, values),
          copyIn: async (sql, text) => {
            count += 1;
            await pipeline(Readable.from([text]), client.query(copyFrom(sql)));
          },
        });
        await run(client, 'commit');
        return result;
      } catch (error) {
        await run(client, 'rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
