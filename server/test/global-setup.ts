import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../src/common/logger.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.js';
import { initOrm } from '../src/entities.js';
import { loadStartingPriceSchedule } from '../src/modules/invoice/price-schedule.service.js';
import { loadStartingServiceLevels } from '../src/modules/service-level/service-level.service.js';
import { importShippedReferenceData } from '../src/modules/reference-data/reference-data.import.js';
import { freePort } from '../src/common/net.js';
import { migrateJobQueue } from '../src/common/job-queue.js';
import { databaseUrl } from './util.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database (`postgres`) on the test PostgreSQL server. */
    adminDatabaseUrl: string;
    /** Database migrated and loaded with reference data, copied by `CREATE DATABASE … TEMPLATE`. */
    templateDatabase: string;
  }
}

const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * Builds the server and the scripts when one of their sources is newer than the build
 * (`scripts/build-if-stale.mjs --server`), so that the tests that run them as processes
 * (`dist/server/src/main.js`, `dist/scripts/*.js`) test the code as it is, whether the suite was
 * started by `npm test` or by `npx vitest run <files>`. The console's build is left to `npm test`.
 */
function buildServerIfStale(): void {
  const { status } = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build-if-stale.mjs'), '--server'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  // tsc writes its output even with type errors (typecheck is its own step); the tests say what does not work.
  if (status !== 0) console.warn(`global setup: the server's build exited with ${status}; dist/ holds what it emitted`);
}

/**
 * Runs once before the tests: the server's build brought up to date (`buildServerIfStale`); then
 * PostgreSQL from `DATABASE_URL` when set (its server is used, its database left alone), else an
 * embedded one in a temporary folder; then a template database with the migrations applied and the
 * reference data loaded, from which each test file copies its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildServerIfStale();
  const logger = createLogger('warn');
  let embedded: EmbeddedDatabase | undefined;
  let embeddedRoot: string | undefined;
  let adminDatabaseUrl: string;
  if (process.env['DATABASE_URL']) {
    adminDatabaseUrl = databaseUrl(process.env['DATABASE_URL'], 'postgres');
  } else {
    embeddedRoot = await mkdtemp(join(tmpdir(), 'raccord-test-pg-'));
    await chmod(embeddedRoot, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: join(embeddedRoot, 'data'),
      port: await freePort(),
      database: 'postgres',
      logger,
    });
    adminDatabaseUrl = embedded.url;
  }

  const templateDatabase = `raccord_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await admin.end();

  const orm = await initOrm({ databaseUrl: databaseUrl(adminDatabaseUrl, templateDatabase), logger, poolMax: 2 });
  try {
    await orm.migrator.up();
    await migrateJobQueue(databaseUrl(adminDatabaseUrl, templateDatabase), logger);
    const report = await importShippedReferenceData(orm.em.fork());
    if (report.rejected.length > 0) throw new Error(`reference data rejected rows: ${JSON.stringify(report.rejected)}`);
    await loadStartingPriceSchedule(orm);
    await loadStartingServiceLevels(orm);
  } finally {
    await orm.close();
  }

  project.provide('adminDatabaseUrl', adminDatabaseUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const client = new pg.Client({ connectionString: adminDatabaseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await client.end();
    await embedded?.stop();
    if (embeddedRoot) await rm(embeddedRoot, { recursive: true, force: true });
  };
}
