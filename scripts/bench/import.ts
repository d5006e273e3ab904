import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { createLogger } from '../../server/src/common/logger.js';
import { loadConfig } from '../../server/src/config.js';
import { createContext } from '../../server/src/modules/auth/operation-context.js';
import '../../server/src/modules/loaders.js';
import { openDatabase } from '../../server/src/database/database.js';
import { initOrm } from '../../server/src/entities.js';
import { importContractors } from '../../server/src/modules/contractor/contractor.import.js';
import { ribKey } from '../../shared/identifiers.js';
import { importCustomerSubscriptions } from '../../server/src/modules/customer-subscription/customer-subscription.import.js';
import {
  communesCsvPath,
  importShippedReferenceData,
} from '../../server/src/modules/reference-data/reference-data.import.js';
import { seededRandom } from '../../server/src/common/random.js';

/**
 * `npm run bench:import [ROWS]` (default 10,000): times the CSV imports of contractors and of
 * customer subscriptions — validation, reference checks and the one-transaction write — on a fresh
 * database of the PostgreSQL server of DATABASE_URL (or the embedded one), then the same file again
 * (all rows skipped). Prints one JSON line per run. Data is generated on the real communes with a
 * fixed seed.
 */
const rows = Number(process.argv[2] ?? 10_000);

async function communeIds(): Promise<{ id: string; wilaya: string }[]> {
  const lines = (await readFile(communesCsvPath, 'utf8')).trim().split('\n').slice(1);
  return lines.map((line) => {
    const cells = line.split(',');
    return { id: cells[0]!, wilaya: cells[cells.length - 3]!.replace(/"/g, '') };
  });
}

function contractorsCsv(count: number, communes: { id: string; wilaya: string }[], next: () => number): string {
  const header =
    'legal_name,legal_form,fiscal_regime,nif,nis,rc_number,tax_article,address,commune_id,bank_account,operating_wilaya_codes,team_capacity,contact_name,contact_phone';
  const lines = [header];
  for (let i = 0; i < count; i += 1) {
    const commune = communes[Math.floor(next() * communes.length)]!;
    const account = String(i + 1).padStart(10, '0');
    lines.push(
      [
        `SARL Bench Fibre ${i}`,
        'SARL',
        'REAL',
        String(900_000_000_000_000 + i),
        `0991${String(i).padStart(11, '0')}`,
        `16/00-${String(i).padStart(7, '0')}B21`,
        `16${String(i).padStart(9, '0')}`,
        `${i} rue de la Fibre`,
        commune.id,
        `00799999${account}${ribKey('99999', account)}`,
        commune.wilaya,
        String(1 + Math.floor(next() * 8)),
        'Gérant Bench',
        `0661${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function subscriptionsCsv(count: number, communes: { id: string }[], next: () => number): string {
  const lines = ['order_reference,customer_name,customer_phone,customer_address,commune_id,offer,ordered_at'];
  for (let i = 0; i < count; i += 1) {
    const commune = communes[Math.floor(next() * communes.length)]!;
    lines.push(
      [
        `BENCH-${String(i).padStart(8, '0')}`,
        `Client ${i}`,
        `0550${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`,
        `"Bt ${1 + Math.floor(next() * 40)}, cité ${1 + Math.floor(next() * 900)} logements"`,
        commune.id,
        'IDOOM FIBRE 300 Mbps',
        new Date(Date.UTC(2026, 9, 1) + Math.floor(next() * 50) * 86_400_000).toISOString(),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const server = await openDatabase(config, logger);
  const name = `raccord_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const orm = await initOrm({ databaseUrl: url.toString(), logger, poolMax: 4 });
  try {
    await orm.migrator.up();
    await importShippedReferenceData(orm.em.fork());
    const communes = await communeIds();
    const files = {
      contractors: contractorsCsv(rows, communes, seededRandom(1)),
      'customer-subscriptions': subscriptionsCsv(rows, communes, seededRandom(2)),
    };
    const importers = { contractors: importContractors, 'customer-subscriptions': importCustomerSubscriptions };
    for (const kind of ['contractors', 'customer-subscriptions'] as const) {
      for (const run of ['first', 'again']) {
        const started = performance.now();
        const report = await importers[kind](createContext(orm, `bench-${kind}-${run}`, logger), files[kind]);
        const seconds = (performance.now() - started) / 1000;
        if (report.errors.length > 0)
          throw new Error(`bench data refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
        process.stdout.write(
          `${JSON.stringify({
            bench: 'import',
            kind,
            run,
            rows: report.rows,
            created: report.created,
            skipped: report.skipped,
            seconds: Number(seconds.toFixed(2)),
            rowsPerSecond: Math.round(report.rows / seconds),
            cpus: os.cpus().length,
            node: process.version,
          })}\n`,
        );
      }
    }
  } finally {
    await orm.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

await main();
