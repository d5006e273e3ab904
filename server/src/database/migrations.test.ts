import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../common/logger.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { expectedMigrationsIndex, migrationsIndexFile } from './migrations-index.js';
import { initOrm } from '../entities.js';
import { migrationsDir } from './orm.js';

describe('migrations', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    orm = await initOrm({ databaseUrl: database.url, logger: createLogger('silent'), poolMax: 2 });
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('the index lists exactly the committed migration files', async () => {
    expect(await readFile(migrationsIndexFile, 'utf8')).toBe(await expectedMigrationsIndex());
  });

  it('agree with the entities: applied to an empty database, no further migration is needed', async () => {
    const snapshotFile = join(migrationsDir, '.snapshot-raccord.json');
    const written = (await stat(snapshotFile)).mtimeMs;
    const applied = await orm.migrator.up();
    // Applying them (as the server does at start) does not write the committed snapshot.
    expect((await stat(snapshotFile)).mtimeMs).toBe(written);
    expect(applied.length).toBeGreaterThan(0);
    expect(await orm.migrator.checkMigrationNeeded()).toBe(false);
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
