import type { Logger } from 'pino';
import type { Config } from '../config.js';
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
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
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
