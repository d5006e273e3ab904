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

/** Error codes of a database that answered before and does not now: shut down (57P01, 57P02), or out of connections (53300). */
const noLongerAnswering = new Set<unknown>(['57P01', '57P02', '53300']);

/**
 * What pg and knex say, with no code, of a connection lost or not to be had (MikroORM puts the
 * statement before it: "select … - Connection terminated unexpectedly").
 */
const connectionLost =
  /Connection terminated|timeout exceeded when trying to connect|Timeout acquiring a connection|Client has encountered a connection error and is not queryable/;

/**
 * Whether `error`, or an error it wraps (GraphQL's `originalError`, MikroORM's `previous`, `cause`),
 * says that the database cannot be used for now — refused, unreachable, starting up or shut down,
 * the connection lost (SQLSTATE class 08), out of connections, or not accepting them — rather than
 * that something was wrong with what was asked.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth++) {
    const code = codeOf(cause);
    const message = 'message' in cause && typeof cause.message === 'string' ? cause.message : '';
    if (notAnsweringYet.has(code) || noLongerAnswering.has(code) || (typeof code === 'string' && code.startsWith('08')))
      return true;
    if (code === '55000' && message.includes('is not currently accepting connections')) return true;
    if (connectionLost.test(message)) return true;
    const wrapper = cause as { originalError?: unknown; previous?: unknown; cause?: unknown };
    cause = wrapper.originalError ?? wrapper.previous ?? wrapper.cause;
  }
  return false;
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
