import { readFile, writeFile } from 'node:fs/promises';
import { expectedMigrationsIndex, migrationsIndexFile } from '../server/src/database/migrations-index.js';
import { withDatabase } from './with-database.js';

/**
 * `node dist/scripts/migrations.js create [--blank]`: generates a migration from the difference between
 * the entities and the committed snapshot (or an empty one to write by hand, for SQL the entities
 * cannot express, such as triggers), then regenerates `server/src/migrations/index.ts`.
 * `node dist/scripts/migrations.js check`: exits 1 when the entities and the migrations disagree
 * (a migration is needed) or when the index does not list exactly the migration files.
 * Both run on `DATABASE_URL`, or on the embedded database when it is unset.
 */
async function main(command: string | undefined): Promise<number> {
  if (command !== 'create' && command !== 'check') {
    process.stderr.write('usage: migrations.js create | check\n');
    return 2;
  }
  return withDatabase(
    async (orm) => {
      if (command === 'create') {
        const result = await orm.migrator.createMigration(undefined, process.argv.includes('--blank'));
        if (!result.fileName) {
          process.stdout.write('No changes: the entities match the snapshot; no migration written.\n');
          return 0;
        }
        await writeFile(migrationsIndexFile, await expectedMigrationsIndex());
        process.stdout.write(
          `Wrote server/src/migrations/${result.fileName}; review it, then commit it with the snapshot and index.\n`,
        );
        return 0;
      }
      const problems: string[] = [];
      if (await orm.migrator.checkMigrationNeeded()) {
        problems.push(
          'The entities differ from the committed migrations: run `npm run migration:create` and review the result.',
        );
      }
      if ((await readFile(migrationsIndexFile, 'utf8')) !== (await expectedMigrationsIndex())) {
        problems.push(
          'server/src/migrations/index.ts does not list exactly the migration files: run `npm run migration:create`.',
        );
      }
      for (const problem of problems) process.stderr.write(`${problem}\n`);
      if (problems.length === 0) process.stdout.write('Migrations are up to date with the entities.\n');
      return problems.length === 0 ? 0 : 1;
    },
    { migrationSnapshot: true },
  );
}

process.exitCode = await main(process.argv[2]);
