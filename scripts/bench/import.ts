import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { copyRows } from '../generator/copy.js';
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

/** The customer subscriptions of the benchmark's file, as values. */
function subscriptionRows(count: number, communes: { id: string; wilaya: string }[], next: () => number) {
  return Array.from({ length: count }, (_, i) => {
    const commune = communes[Math.floor(next() * communes.length)]!;
    return {
      reference: `BENCH-${String(i).padStart(8, '0')}`,
      name: `Client ${i}`,
      phone: `0550${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`,
      address: `Bt ${1 + Math.floor(next() * 40)}, cité ${1 + Math.floor(next() * 900)} logements`,
      commune,
      offer: 'IDOOM FIBRE 300 Mbps',
      orderedAt: new Date(Date.UTC(2026, 9, 1) + Math.floor(next() * 50) * 86_400_000),
    };
  });
}

function subscriptionsCsv(rows: ReturnType<typeof subscriptionRows>): string {
  const lines = ['order_reference,customer_name,customer_phone,customer_address,commune_id,offer,ordered_at'];
  for (const row of rows) {
    lines.push(
      [
        row.reference,
        row.name,
        row.phone,
        `"${row.address}"`,
        row.commune.id,
        row.offer,
        row.orderedAt.toISOString(),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Seconds a raw COPY of the same rows (references made new) into `customer_subscription` takes, in a
 * transaction rolled back: what the import is measured against.
 */
async function rawCopySeconds(url: string, rows: ReturnType<typeof subscriptionRows>): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const started = performance.now();
    const at = new Date();
    await copyRows(
      client,
      'customer_subscription',
      [
        'version',
        'created_at',
        'updated_at',
        'status',
        'status_changed_at',
        'order_reference',
        'customer_name',
        'customer_phone',
        'customer_address',
        'commune_id',
        'wilaya_code',
        'offer',
        'ordered_at',
      ],
      rows.map((row) => [
        1,
        at,
        at,
        'PENDING',
        at,
        row.reference.replace('BENCH-', 'RAW-'),
        row.name,
        row.phone,
        row.address,
        row.commune.id,
        row.commune.wilaya,
        row.offer,
        row.orderedAt,
      ]),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.query('rollback');
    await client.end();
  }
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
    const subscriptions = subscriptionRows(rows, communes, seededRandom(2));
    const files = {
      contractors: contractorsCsv(rows, communes, seededRandom(1)),
      'customer-subscriptions': subscriptionsCsv(subscriptions),
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
    const seconds = await rawCopySeconds(url.toString(), subscriptions);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'import',
        kind: 'customer-subscriptions',
        run: 'raw COPY',
        rows,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / seconds),
      })}\n`,
    );
  } finally {
    await orm.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

await main();
