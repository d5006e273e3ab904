import 'reflect-metadata';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { ConfigurationError, loadConfig } from '../server/src/config.js';
import { defaultQualityThresholds } from '../server/src/modules/customer-subscription/installation-quality.js';
import { defaultBuyer } from '../server/src/modules/invoice/invoice-document.js';
import { loadStartingPriceSchedule } from '../server/src/modules/invoice/price-schedule.service.js';
import { recordAllScorecards } from '../server/src/modules/scorecard/scorecard.recorder.js';
import { loadStartingServiceLevels } from '../server/src/modules/service-level/service-level.service.js';
import { importShippedReferenceData } from '../server/src/modules/reference-data/reference-data.import.js';
import type { TableLoad } from './generator/copy.js';
import { DatabaseHoldsWork, generateData, sizes, type GenerationReport } from './generator/generate.js';
import { withDatabase } from './with-database.js';

const usage = `usage: npm run generate -- [--size S|M|L] [--seed N] [--database-url URL] [--force] [--json]

Fills a database with Algeria-sized generated work on the real communes: contractors, sites,
customer subscriptions in every state with their installation reports, invoices priced as the app
prices them, payments and audit trails. The database is DATABASE_URL's, or the embedded one the
server uses (stop the server first); it is migrated and given the reference data if need be.

  --size S|M|L        S: 50,000 customer subscriptions and 500 contractors; M (default): 500,000
                      and 4,800; L: 3,000,000 and 4,800
  --seed N            seed of the random draws, 0 to 2147483647 (default 1)
  --database-url URL  the database to fill (postgres://…), instead of DATABASE_URL's
  --force             delete the work the database already holds (contractors and their users,
                      sites, customer subscriptions, invoices, payments, audit trail) first;
                      without it, a database that holds work is left alone
  --json              print the report as JSON on stdout (progress goes to stderr)
`;

/** Why the command line cannot be run: said with the usage, exit code 2. */
class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        size: { type: 'string', default: 'M' },
        seed: { type: 'string', default: '1' },
        'database-url': { type: 'string' },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const size = values.size.toUpperCase();
  if (!(size in sizes)) throw new UsageError(`--size must be S, M or L (got "${values.size}")`);
  if (!/^\d{1,10}$/.test(values.seed) || Number(values.seed) > 2 ** 31 - 1)
    throw new UsageError(`--seed must be a whole number from 0 to 2147483647 (got "${values.seed}")`);
  return {
    size: size as keyof typeof sizes,
    seed: Number(values.seed),
    databaseUrl: values['database-url'],
    force: values.force,
    json: values.json,
    help: values.help,
  };
}

/** "postgres://user@host:5432/db" without the password. */
function shown(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

const number = new Intl.NumberFormat('en-GB');

function tableLine(load: TableLoad): string {
  return `  ${load.table.padEnd(24)} ${number.format(load.rows).padStart(11)} rows ${load.seconds.toFixed(2).padStart(8)} s ${number.format(load.rowsPerSecond).padStart(10)} rows/s\n`;
}

function summary(report: GenerationReport): string {
  const phases = report.phases.map((phase) => `${phase.name} ${phase.seconds.toFixed(2)} s`).join(', ');
  return (
    `total ${number.format(report.totalRows)} rows in ${report.seconds.toFixed(1)} s: ${number.format(report.rowsPerSecond)} rows/s ` +
    `(${phases}); ${number.format(report.counts.sites)} sites, ${number.format(report.counts.invoices)} invoices; ${os.cpus().length} CPUs, Node ${process.version}\n`
  );
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (options.databaseUrl !== undefined) process.env['DATABASE_URL'] = options.databaseUrl;
  try {
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const say = (text: string) => (options.json ? process.stderr : process.stdout).write(text);
  return withDatabase(async (orm, _logger, config) => {
    await orm.migrator.up();
    await importShippedReferenceData(orm.em.fork());
    await loadStartingPriceSchedule(orm);
    await loadStartingServiceLevels(orm);
    const databaseUrl = orm.config.get('clientUrl')!;
    const counts = sizes[options.size];
    say(
      `generating size ${options.size} (${number.format(counts.customerSubscriptions)} customer subscriptions, ${number.format(counts.contractors)} contractors) into ${shown(databaseUrl)}\n`,
    );
    try {
      const report = await generateData({
        databaseUrl,
        orm,
        counts,
        seed: options.seed,
        force: options.force,
        settings: {
          retentionPercent: config.RETENTION_PERCENT,
          paymentTermsDays: config.PAYMENT_TERMS_DAYS,
          buyer: config.INVOICE_BUYER ?? defaultBuyer,
          qualityThresholds: config.QUALITY_THRESHOLDS ?? defaultQualityThresholds,
        },
        onStep: (text) => say(`${text}\n`),
        onTable: (load) => say(tableLine(load)),
      });
      const counting = performance.now();
      const counted = await recordAllScorecards(orm, config.QUALITY_THRESHOLDS ?? defaultQualityThresholds);
      say(
        `scorecards: ${number.format(counted)} records counted in ${Math.round((performance.now() - counting) / 1000)} s\n`,
      );
      say(summary(report));
      if (options.json)
        process.stdout.write(
          `${JSON.stringify({ size: options.size, cpus: os.cpus().length, node: process.version, ...report })}\n`,
        );
      return 0;
    } catch (error) {
      if (!(error instanceof DatabaseHoldsWork)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
  });
}

process.exitCode = await main(process.argv.slice(2));
