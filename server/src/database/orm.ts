import { DataloaderType, type ConnectionOptions, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { projectRoot } from '../common/paths.js';
import { migrationsList } from '../migrations/index.js';
import { RaccordEntityManager, RaccordPostgreSqlDriver } from './entity-manager.js';
import { PinoOrmLogger, type QueryObserver } from './orm-logger.js';

/** Folder of the committed migrations and their snapshot (`.snapshot-raccord.json`). */
export const migrationsDir = join(projectRoot, 'server', 'src', 'migrations');

/**
 * The `application_name` a connection URL asks for (`?application_name=…`), else `fallback`: MikroORM
 * passes a URL's host, port, user, password and database to node-postgres but drops its query, so it
 * is handed over here. It names the connections in `pg_stat_activity`.
 */
export function applicationNameOf(url: string, fallback: string): string {
  return new URL(url).searchParams.get('application_name') || fallback;
}

/** MikroORM's `replicas` option for these read-replica URLs: named `replica-1`, `replica-2`… in the ORM's logs and metrics. */
export function replicaOptions(urls: readonly string[]): ConnectionOptions[] {
  return urls.map((url, index) => ({
    name: `replica-${index + 1}`,
    clientUrl: url,
    driverOptions: { connection: { application_name: applicationNameOf(url, 'raccord-replica') } },
  }));
}

/**
 * MikroORM options for Raccord on PostgreSQL at `databaseUrl`, with read replicas at `replicaUrls`.
 * The global EntityManager is refused
 * (`allowGlobalContext: false`): every operation works on its own `em.fork()`. References and
 * collections load through MikroORM's dataloader, so nested GraphQL fields batch their queries.
 * Migrations come from the static `migrationsList` so that they load the same from `dist/` and
 * from TypeScript sources under vitest. `onQuery` is told of every SQL statement (metrics).
 *
 * Every statement goes to the primary (`preferReadReplicas: false`) unless its EntityManager fork
 * was sent to the replicas (`readFromReplicas`, done for GraphQL queries only): sign-in, the session
 * and API key checks, mutations and what they answer, subscriptions' events, the dashboards' pushes,
 * PDFs and the background jobs all read what has just committed, which a replica may not have yet.
 */
export function ormOptions(options: {
  /** The entities the ORM discovers: Raccord's are listed in entities.ts, which connects the ORM with them. */
  entities: NonNullable<Options['entities']>;
  databaseUrl: string;
  replicaUrls?: readonly string[];
  logger: Logger;
  poolMax: number;
  statementTimeoutMs?: number;
  onQuery?: QueryObserver;
  /**
   * Whether the migrator reads and writes the committed snapshot of the schema: only for creating
   * and checking migrations. Elsewhere (the server's start, the tests, the scripts) applying the
   * migrations leaves the repository's files as they are.
   */
  migrationSnapshot?: boolean;
}): Options<PostgreSqlDriver> {
  return {
    driver: RaccordPostgreSqlDriver,
    entityManager: RaccordEntityManager,
    clientUrl: options.databaseUrl,
    replicas: replicaOptions(options.replicaUrls ?? []),
    preferReadReplicas: false,
    entities: options.entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    allowGlobalContext: false,
    // A typo in DATABASE_URL must fail, not create an empty database (the embedded one is created explicitly).
    ensureDatabase: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax },
    debug: ['query'],
    loggerFactory: (loggerOptions) => new PinoOrmLogger(options.logger, loggerOptions.debugMode, options.onQuery),
    // knex (under MikroORM) writes its own warnings to the console unless given a logger.
    driverOptions: {
      // No statement may hold a pooled connection longer than this (a costly search, a lock wait).
      connection: {
        statement_timeout: options.statementTimeoutMs ?? 15_000,
        application_name: applicationNameOf(options.databaseUrl, 'raccord'),
      },
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
      snapshot: options.migrationSnapshot ?? false,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
    },
  };
}
