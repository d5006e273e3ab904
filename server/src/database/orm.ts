import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { projectRoot } from '../common/paths.js';
import { entities } from '../entities.js';
import { migrationsList } from '../migrations/index.js';
import { PinoOrmLogger } from './orm-logger.js';

/** Folder of the committed migrations and their snapshot (`.snapshot-raccord.json`). */
export const migrationsDir = join(projectRoot, 'server', 'src', 'migrations');

/**
 * MikroORM options for Raccord on PostgreSQL at `databaseUrl`. The global EntityManager is refused
 * (`allowGlobalContext: false`): every operation works on its own `em.fork()`. References and
 * collections load through MikroORM's dataloader, so nested GraphQL fields batch their queries.
 * Migrations come from the static `migrationsList` so that they load the same from `dist/` and
 * from TypeScript sources under vitest.
 */
export function ormOptions(options: { databaseUrl: string; logger: Logger; poolMax: number; statementTimeoutMs?: number }): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    allowGlobalContext: false,
    // A typo in DATABASE_URL must fail, not create an empty database (the embedded one is created explicitly).
    ensureDatabase: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax },
    debug: ['query'],
    loggerFactory: (loggerOptions) => new PinoOrmLogger(options.logger, loggerOptions.debugMode),
    // knex (under MikroORM) writes its own warnings to the console unless given a logger.
    driverOptions: {
      // No statement may hold a pooled connection longer than this (a costly search, a lock wait).
      connection: { statement_timeout: options.statementTimeoutMs ?? 15_000 },
      log: {
        warn: (message: unknown) => options.logger.warn({ component: 'knex' }, String(message)),
        error: (message: unknown) => options.logger.error({ component: 'knex' }, String(message)),
        deprecate: (method: string, alternative: string) =>
          options.logger.warn({ component: 'knex' }, `${method} is deprecated, use ${alternative}`),
        debug: (message: unknown) => options.logger.debug({ component: 'knex' }, String(message)),
      },
    },
    migrations: {
      migrationsList,
      path: migrationsDir,
      pathTs: migrationsDir,
      snapshotName: '.snapshot-raccord',
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
    },
  };
}

/** Connects the ORM; the caller closes it with `orm.close()`. */
export function initOrm(options: Parameters<typeof ormOptions>[0]): Promise<MikroORM<PostgreSqlDriver>> {
  return MikroORM.init(ormOptions(options));
}
