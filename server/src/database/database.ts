import type { Logger } from 'pino';
import pRetry from 'p-retry';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** A PostgreSQL database to run on, and how to let go of it. */
export interface DatabaseHandle {
  /** `postgres://` URL of the database. */
  readonly url: string;
  /** `true` when Raccord started the server itself (embedded default). */
  readonly embedded: boolean;
  /** Stops the embedded server, if any; a configured server is left running. */
  stop(): Promise<void>;
}

/**
 * The database Raccord runs on: `DATABASE_URL` when set, else an embedded PostgreSQL whose data
 * lives in `EMBEDDED_PG_DIR` (git-ignored `.data/postgres` by default) on `EMBEDDED_PG_PORT`.
 */
export async function openDatabase(
  config: {
    readonly DATABASE_URL?: string | undefined;
    readonly EMBEDDED_PG_DIR: string;
    readonly EMBEDDED_PG_PORT: number;
  },
  logger: Logger,
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
    database: 'raccord',
    logger,
  });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}

/** Error codes of a database that does not answer yet: nothing listens, the network fails, or PostgreSQL is starting up (57P03). */
const notAnsweringYet = new Set<unknown>([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P03',
]);

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * Waits until the database answers `check`: tries again with backoff (250 ms, doubling up to 2 s) for
 * as long as it does not answer yet (refused, unreachable, starting up), logging each failure; any
 * other failure (a wrong password, a missing database) is thrown at once. Stops waiting when `signal`
 * aborts, rejecting with its reason.
 */
export async function waitForDatabase(
  check: () => Promise<{ ok: boolean; reason?: string; error?: Error }>,
  logger: Logger,
  signal?: AbortSignal,
): Promise<void> {
  await pRetry(
    async () => {
      const result = await check();
      if (!result.ok) throw result.error ?? new Error(result.reason ?? 'the database did not answer');
    },
    {
      retries: Infinity,
      minTimeout: 250,
      maxTimeout: 2_000,
      factor: 2,
      randomize: true,
      signal,
      shouldRetry: ({ error, attemptNumber, retryDelay }) => {
        if (!notAnsweringYet.has(codeOf(error))) return false;
        logger.warn(
          { attempt: attemptNumber, retryInMs: Math.round(retryDelay), reason: error.message },
          'the database does not answer yet: trying again',
        );
        return true;
      },
    },
  );
}
