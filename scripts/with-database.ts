import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createLogger } from '../server/src/common/logger.js';
import { loadConfig, type Config } from '../server/src/config.js';
import { openDatabase } from '../server/src/database/database.js';
import { initOrm } from '../server/src/entities.js';

/**
 * Runs a command-line `work` on the database the server would use (`DATABASE_URL`, or the embedded
 * one in EMBEDDED_PG_DIR, started for the command and stopped after: stop the server first), with
 * logs at `warn` unless LOG_LEVEL asks for more. Returns the exit code `work` gives. With
 * `migrationSnapshot`, the migrator reads and writes the committed snapshot (creating and checking migrations).
 */
export async function withDatabase(
  work: (orm: MikroORM, logger: Logger, config: Config) => Promise<number>,
  options: { migrationSnapshot?: boolean } = {},
): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, logger);
  } catch (error) {
    const running =
      !config.DATABASE_URL && /postmaster\.pid|already exists|in use/i.test(String((error as Error).message));
    process.stderr.write(
      running
        ? 'The embedded PostgreSQL is in use by a running Raccord: stop it first, or point DATABASE_URL at it ' +
            `(postgres://postgres:<password in ${config.EMBEDDED_PG_DIR}.password>@127.0.0.1:${config.EMBEDDED_PG_PORT}/raccord).\n`
        : `The database could not be opened: ${(error as Error).message}\n`,
    );
    return 1;
  }
  try {
    const orm = await initOrm({
      databaseUrl: database.url,
      logger,
      poolMax: 4,
      migrationSnapshot: options.migrationSnapshot ?? false,
    });
    try {
      return await work(orm, logger, config);
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}

/** The text of `file`, or undefined after saying on stderr why it cannot be read. */
export async function readInputFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}\n`,
    );
    return undefined;
  }
}
