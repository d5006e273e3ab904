import { randomUUID } from 'node:crypto';
import { createContext } from '../server/src/modules/auth/operation-context.js';
import '../server/src/modules/loaders.js';
import { importContractors } from '../server/src/modules/contractor/contractor.import.js';
import { importCustomerSubscriptions } from '../server/src/modules/customer-subscription/customer-subscription.import.js';
import { readInputFile, withDatabase } from './with-database.js';

/**
 * `npm run import -- contractors FILE.csv` or `npm run import -- customer-subscriptions FILE.csv`:
 * the same all-or-nothing import as the `importContractors` / `importCustomerSubscriptions`
 * mutations, on `DATABASE_URL` (or the embedded database). Prints what it did and every bad row;
 * exits 1 when a row was bad (then nothing was written).
 */
const importers = { contractors: importContractors, 'customer-subscriptions': importCustomerSubscriptions } as const;

async function main(kind: string | undefined, file: string | undefined): Promise<number> {
  if (!file || (kind !== 'contractors' && kind !== 'customer-subscriptions')) {
    process.stderr.write('usage: npm run import -- contractors|customer-subscriptions FILE.csv\n');
    return 2;
  }
  const csv = await readInputFile(file);
  if (csv === undefined) return 2;
  return withDatabase(async (orm, logger) => {
    const requestId = `import-${randomUUID()}`;
    const started = performance.now();
    const report = await importers[kind](createContext(orm, requestId, logger), csv);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${file}: ${report.rows} rows, ${report.created} created, ${report.skipped} skipped, ${report.errors.length} errors in ${seconds.toFixed(2)} s\n`,
    );
    for (const error of report.errors)
      process.stdout.write(`line ${error.line}${error.field ? ` (${error.field})` : ''}: ${error.reason}\n`);
    return report.errors.length === 0 ? 0 : 1;
  });
}

process.exitCode = await main(process.argv[2], process.argv[3]);
