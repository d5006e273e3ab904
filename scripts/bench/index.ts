import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../server/src/common/logger.js';
import { freePort } from '../../server/src/common/net.js';
import { projectRoot } from '../../server/src/common/paths.js';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/database/database.js';
import { sizes, type GenerationReport } from '../generator/generate.js';
import { answer, compareAnswers } from './compare.js';
import {
  activeContractor,
  graphql,
  loadCommunes,
  prepareInstalled,
  signIn,
  sql,
  subscriptionsCsv,
} from './fixtures.js';
import {
  drained,
  processUsage,
  readMetrics,
  resetMetrics,
  runLoad,
  runOpenLoad,
  type GraphQLRequest,
  type LoadResult,
} from './load.js';
import * as operations from './operations.js';
import { soak, soakMarkdown } from './soak.js';
import { evaluateTargets, markdownReport, type BenchReport, type ScenarioResult, type ServerRun } from './report.js';

/**
 * The soak's default arrival rate, requests per second: below what Raccord serves at most of the mix
 * on 2 cores at size M (at 100 a second it fell behind: 47 s of queue by the end, 2026-12-07).
 */
const defaultSoakRate = 40;
/** One request in this many of the soak is an acceptance, while the supply lasts. */
const soakAcceptanceEvery = 50;

const usage = `Usage: npm run bench -- [--size S|M|L] [--seed N] [--smoke] [--duration SECONDS] [--import-rows N] [--soak MINUTES [--soak-rate N]] [--out DIR]

Fills one fresh database of DATABASE_URL's PostgreSQL with the generator (npm run generate), starts
Raccord (dist/server/src/main.js) and the hand-written baseline (dist/scripts/bench/baseline/main.js) on
it, then drives both with the same requests (autocannon) for each scenario and prints a Markdown table;
the figures are saved as JSON.

  --size S|M|L        the generator's size: S 50,000 customer subscriptions, M (default) 500,000, L 3,000,000
  --seed N            the generator's seed (default 1)
  --smoke             every scenario briefly at size S (1 s runs, small supplies); checks that each
                      completes without errors and that both servers answer the same
  --duration SECONDS  length of each measured run (default 10; smoke 1)
  --import-rows N     rows of the import scenario, per server (default 100,000; smoke 1,000)
  --soak MINUTES      instead of the scenarios, drive Raccord alone for MINUTES at a fixed rate (every read
                      scenario's requests in turn, one acceptance in ${soakAcceptanceEvery} while the supply
                      lasts) and sample its resident memory: <date>-<size>-soak.json and .md
  --soak-rate N       the soak's requests per second (default ${defaultSoakRate})
  --out DIR           where to save <date>-<size>.json and .md (default docs/bench-results; smoke: not saved unless given)`;

interface Options {
  smoke: boolean;
  /** Minutes of the soak, or null to run the scenarios. */
  soakMinutes: number | null;
  /** The soak's requests per second. */
  soakRate: number;
  size: keyof typeof sizes;
  seed: number;
  durationSeconds: number;
  importRows: number;
  outDir: string | null;
  /** INSTALLED customer subscriptions each server accepts (half as fast as it can, half at the fixed rate). */
  acceptSupply: number;
  /** Contractors whose drafts the acceptances go to. */
  supplyContractors: number;
}

const startedAt = performance.now();

/** A line on stderr saying what the run is doing, with the seconds since it started. */
function progress(what: string): void {
  process.stderr.write(`bench [${Math.round((performance.now() - startedAt) / 1000)} s]: ${what}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    fail(`--${name}: must be a whole number from ${min} to ${max} (got "${value}")`);
  return Number(value);
}

function options(): Options {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        smoke: { type: 'boolean', default: false },
        size: { type: 'string' },
        seed: { type: 'string' },
        duration: { type: 'string' },
        'import-rows': { type: 'string' },
        soak: { type: 'string' },
        'soak-rate': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const smoke = parsed.smoke ?? false;
  const size = (parsed.size ?? (smoke ? 'S' : 'M')).toUpperCase();
  if (!(size in sizes)) fail(`--size: must be S, M or L (got "${parsed.size}")`);
  if (smoke && size !== 'S') fail('--smoke runs at size S only');
  if (smoke && parsed.soak !== undefined) fail('--smoke and --soak do not go together');
  return {
    smoke,
    soakMinutes: parsed.soak === undefined ? null : wholeNumber(parsed.soak, 'soak', 10, 1, 60),
    soakRate: wholeNumber(parsed['soak-rate'], 'soak-rate', defaultSoakRate, 1, 1000),
    size: size as keyof typeof sizes,
    seed: wholeNumber(parsed.seed, 'seed', 1, 0, 2 ** 31 - 1),
    durationSeconds: wholeNumber(parsed.duration, 'duration', smoke ? 1 : 10, 1, 600),
    importRows: wholeNumber(parsed['import-rows'], 'import-rows', smoke ? 1_000 : 100_000, 1, 100_000),
    outDir: parsed.out ?? (smoke ? null : join(projectRoot, 'docs', 'bench-results')),
    acceptSupply: smoke ? 40 : 600,
    supplyContractors: smoke ? 4 : 24,
  };
}

const admin = { email: 'bench@raccord.test', password: 'bench administrator password' };
const invoiceBuyer = {
  name: 'Algérie Télécom',
  legalForm: 'SPA',
  address: 'Route Nationale n° 5, Cinq Maisons, Mohammadia, Alger',
  rcNumber: '00 B 0000000',
  nif: '000016000000000',
  nis: '000016000000000',
  taxArticle: '16000000000',
};

/** A server under test: a child process of this one. */
interface Server {
  readonly name: 'raccord' | 'baseline';
  readonly url: string;
  readonly process: ChildProcess;
}

async function waitReady(server: Server, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (
    !(await fetch(`${server.url}/readyz`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (server.process.exitCode !== null)
      throw new Error(`${server.name} exited with code ${server.process.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error(`${server.name} was not ready after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Node's flags for both servers: those `npm start` runs Raccord with (package.json). */
const serverNodeFlags = ['--max-semi-space-size=32'];

function start(name: Server['name'], script: string, env: Record<string, string>, port: number): Server {
  // The servers' own output goes to this process's stderr: stdout carries the report.
  const child = spawn(process.execPath, [...serverNodeFlags, join(projectRoot, 'dist', ...script.split('/'))], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 2, 2],
  });
  return { name, url: `http://127.0.0.1:${port}`, process: child };
}

async function stop(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

/** One measured run against one server: client-side figures, and the server's CPU, SQL, memory and event-loop delay. */
async function measure(
  server: Server,
  token: string,
  next: () => GraphQLRequest,
  load: { connections: number; durationSeconds: number; overallRate?: number; amount?: number },
): Promise<ServerRun> {
  await drained(server.url);
  await resetMetrics(server.url);
  const before = processUsage(server.process.pid!);
  // At most: autocannon's closed loop. At a fixed rate: evenly spaced arrivals, latency from each one's due time.
  const result: LoadResult =
    load.overallRate === undefined
      ? await runLoad({ url: server.url, token, next, ...load })
      : await runOpenLoad({
          url: server.url,
          token,
          next,
          rate: load.overallRate,
          durationSeconds: load.durationSeconds,
          maxInFlight: load.connections,
          ...(load.amount === undefined ? {} : { amount: load.amount }),
        });
  const metrics = await drained(server.url);
  const after = processUsage(server.process.pid!);
  // The server answers every request sent, those the load generator stopped waiting for included.
  const requests = Math.max(1, result.sent);
  return {
    ...result,
    cpuMsPerRequest: Number((((after.cpuSeconds - before.cpuSeconds) * 1000) / requests).toFixed(2)),
    sqlPerRequest: Number((metrics.sqlStatements / requests).toFixed(2)),
    rssMiB: Math.round(after.rssBytes / 1048576),
    eventLoopDelayMaxMs: metrics.eventLoopDelayMaxMs,
  };
}

/**
 * The import: one request (a plain fetch, no load generator timeout: it may take minutes), timed
 * from send to answer, with the server's CPU, SQL statements and event-loop delay over it.
 */
async function measureImport(
  server: Server,
  token: string,
  csv: string,
): Promise<ServerRun & { rowsPerSecond: number }> {
  await drained(server.url);
  await resetMetrics(server.url);
  const before = processUsage(server.process.pid!);
  const started = performance.now();
  const body = await answer(server.url, token, { query: operations.importCustomerSubscriptions, variables: { csv } });
  const ms = performance.now() - started;
  const metrics = await drained(server.url);
  const after = processUsage(server.process.pid!);
  const report = (body as { data?: { importCustomerSubscriptions?: { rows: number; errorCount: number } } }).data
    ?.importCustomerSubscriptions;
  const failed = !report || report.errorCount > 0;
  return {
    requests: 1,
    sent: 1,
    seconds: Number((ms / 1000).toFixed(2)),
    requestsPerSecond: Number((1000 / ms).toFixed(3)),
    p50Ms: Math.round(ms),
    p99Ms: Math.round(ms),
    maxMs: Math.round(ms),
    errors: failed ? 1 : 0,
    errorSamples: failed ? [JSON.stringify(body).slice(0, 300)] : [],
    cpuMsPerRequest: Math.round((after.cpuSeconds - before.cpuSeconds) * 1000),
    sqlPerRequest: metrics.sqlStatements,
    rssMiB: Math.round(after.rssBytes / 1048576),
    eventLoopDelayMaxMs: metrics.eventLoopDelayMaxMs,
    rowsPerSecond: report ? Math.round(report.rows / (ms / 1000)) : 0,
  };
}

/**
 * A read scenario: each server's throughput (as fast as it answers), then both at the same fixed rate:
 * `fixedRate` when the scenario's target names one, else 70 % of the slower server's maximum.
 */
async function readScenario(
  name: string,
  description: string,
  servers: readonly Server[],
  token: string,
  makeNext: () => () => GraphQLRequest,
  durationSeconds: number,
  warmUpSeconds: number,
  fixedRate?: number,
): Promise<ScenarioResult> {
  progress(name);
  if (warmUpSeconds > 0)
    for (const server of servers)
      await runLoad({ url: server.url, token, next: makeNext(), connections: 4, durationSeconds: warmUpSeconds });
  const max: Record<string, ServerRun> = {};
  for (const server of servers)
    max[server.name] = await measure(server, token, makeNext(), { connections: 10, durationSeconds });
  const rate =
    fixedRate ??
    Math.max(1, Math.floor(0.7 * Math.min(...servers.map((server) => max[server.name]!.requestsPerSecond))));
  const fixed: Record<string, ServerRun> = {};
  // autocannon spreads the rate over the connections: no more connections than requests per second.
  for (const server of servers)
    fixed[server.name] = await measure(server, token, makeNext(), {
      connections: Math.min(16, rate),
      durationSeconds,
      overallRate: rate,
    });
  return { name, description, rate, max, fixed };
}

/** Each request of `requests` in turn, from the start again at the end. */
function cycle(requests: readonly GraphQLRequest[]): () => () => GraphQLRequest {
  return () => {
    let index = 0;
    return () => requests[index++ % requests.length]!;
  };
}

/**
 * Fills `databaseUrl` with the generator (dist/scripts/generate.js, as `npm run generate` runs it),
 * with the buyer the servers run with; resolves with its report. Its progress goes to stderr.
 */
function generate(databaseUrl: string, size: keyof typeof sizes, seed: number): Promise<GenerationReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--max-semi-space-size=64',
        join(projectRoot, 'dist', 'scripts', 'generate.js'),
        '--size',
        size,
        '--seed',
        String(seed),
        '--database-url',
        databaseUrl,
        '--json',
      ],
      {
        env: { ...process.env, INVOICE_BUYER: JSON.stringify(invoiceBuyer), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 2],
      },
    );
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the generator exited with code ${code}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as GenerationReport);
    });
  });
}

async function deadlocks(databaseUrl: string): Promise<number> {
  const [row] = await sql<{ deadlocks: string }>(
    databaseUrl,
    'select deadlocks::text from pg_stat_database where datname = current_database()',
  );
  return Number(row!.deadlocks);
}

async function main(): Promise<void> {
  const settings = options();
  const started = new Date();
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  const name = `raccord_bench_${randomBytes(4).toString('hex')}`;
  await sql(database.url, `create database ${name}`);
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const secret = randomBytes(32).toString('hex');
  const servers: Server[] = [];
  try {
    progress(`generating size ${settings.size} (npm run generate)`);
    const generation = await generate(databaseUrl, settings.size, settings.seed);
    const raccord = start(
      'raccord',
      'server/src/main.js',
      {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        LOAD_DEMO_DATA_ON_START: 'false',
        AUTH_TOKEN_SECRET: secret,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        INVOICE_BUYER: JSON.stringify(invoiceBuyer),
        DEBUG_METRICS: 'true',
        MAX_IMPORT_BODY_BYTES: String(64 * 1024 * 1024),
      },
      await freePort(),
    );
    servers.push(raccord);
    progress('starting Raccord (migrations, reference data)');
    await waitReady(raccord, 300);
    const baseline = start(
      'baseline',
      'scripts/bench/baseline/main.js',
      { NODE_ENV: 'production', DATABASE_URL: databaseUrl, AUTH_TOKEN_SECRET: secret },
      await freePort(),
    );
    servers.push(baseline);
    await waitReady(baseline, 60);
    const token = await signIn(raccord.url, admin.email, admin.password);

    progress(`importing the benchmark's own orders through Raccord's API`);
    const communes = await loadCommunes();
    const ownOrders = await graphql<{ importCustomerSubscriptions: { created: number; errorCount: number } }>(
      raccord.url,
      token,
      operations.importCustomerSubscriptions,
      {
        csv: subscriptionsCsv(settings.smoke ? 1_000 : 10_000, communes, 'D0', 1),
      },
    );
    if (ownOrders.importCustomerSubscriptions.errorCount > 0)
      throw new Error('the benchmark data was refused by the import');
    const oran = communes.find((commune) => commune.wilayaCode === '31')!.id;
    const supplyContractors: string[] = [];
    for (let n = 1; n <= settings.supplyContractors; n += 1)
      supplyContractors.push(await activeContractor(raccord.url, token, n, '31', oran));
    const supply = await prepareInstalled(databaseUrl, {
      wilayaCode: '31',
      tag: 'D0',
      count: 2 * settings.acceptSupply,
      contractorIds: supplyContractors,
      lines: [
        { code: 'RAC-STD', quantity: '1' },
        { code: 'DRP-AER', quantity: '42.5' },
        { code: 'PTO', quantity: '1' },
      ],
    });
    // The generated contractor with the most work, and of its invoices the one whose line count is nearest 200.
    const [invoice] = await sql<{ id: string; lines: number }>(
      databaseUrl,
      `with largest as (
         select contractor_id from customer_subscription where contractor_id is not null group by contractor_id order by count(*) desc, contractor_id limit 1
       )
       select i.id::text, count(l.id)::int as lines from invoice i join invoice_line l on l.invoice_id = i.id
        where i.contractor_id = (select contractor_id from largest)
        group by i.id order by abs(count(l.id) - 200), i.id limit 1`,
    );
    if (!invoice) throw new Error('the generated data holds no invoice of the largest contractor');
    const sampleIds = (
      await sql<{ id: string }>(databaseUrl, 'select id::text from customer_subscription order by random() limit 2000')
    ).map((row) => row.id);
    // The list: the PENDING orders of the wilaya with the most of them.
    const [busiest] = await sql<{ wilaya_code: string; count: number }>(
      databaseUrl,
      `select wilaya_code, count(*)::int as count from customer_subscription where status = 'PENDING' group by wilaya_code order by count(*) desc, wilaya_code limit 1`,
    );
    const listFilter = { wilayaCode: busiest!.wilaya_code, status: 'PENDING' };
    const listed = busiest!.count;
    const [deep] = await sql<{ ordered_at: Date; id: string }>(
      databaseUrl,
      `select ordered_at, id::text from customer_subscription where wilaya_code = $1 and status = 'PENDING' order by ordered_at, id offset $2 limit 1`,
      [listFilter.wilayaCode, Math.floor(listed * 0.8)],
    );
    const deepCursor = `CustomerSubscription:orderedAt,id:${Buffer.from(JSON.stringify([deep!.ordered_at.toISOString(), deep!.id])).toString('base64url')}`;

    const reads: { name: string; description: string; requests: GraphQLRequest[]; fixedRate?: number }[] = [
      {
        name: 'a-customer-subscription',
        description: 'customerSubscription(id) with its commune (and wilaya), site and contractor; 2,000 random ids',
        requests: sampleIds.map((id) => ({ query: operations.customerSubscriptionById, variables: { id } })),
      },
      {
        name: 'b1-list-first-page',
        description: `customerSubscriptions(first: 50, filter: wilaya ${listFilter.wilayaCode}, PENDING): first page (${listed.toLocaleString('en')} match)`,
        requests: [{ query: operations.customerSubscriptionPage, variables: { first: 50, filter: listFilter } }],
      },
      {
        name: 'b2-list-deep-page',
        description: `the same list, 50 after a cursor 80 % in (row ${Math.floor(listed * 0.8).toLocaleString('en')})`,
        requests: [
          {
            query: operations.customerSubscriptionPage,
            variables: { first: 50, after: deepCursor, filter: listFilter },
          },
        ],
      },
      {
        name: 'c-dashboard',
        description: "the national dashboard, the console's document; the fixed rate is issue 18's, 100 a second",
        requests: [{ query: operations.dashboard, variables: { wilayaCode: null } }],
        ...(settings.smoke ? {} : { fixedRate: 100 }),
      },
      {
        name: 'd-invoice-200-lines',
        description: `the largest contractor's invoice with its ${invoice.lines} lines and totals`,
        requests: [{ query: operations.invoiceWithLines, variables: { id: invoice.id } }],
      },
      {
        name: 'g-console-mix',
        description:
          'the console opening its dashboard, work and invoices pages: Me, Wilayas, Dashboard, Me, CustomerSubscriptions(25), Invoices(25), in turn',
        requests: [...operations.consoleMixRequests],
      },
    ];

    const differences: string[] = [];
    for (const read of reads) {
      for (const request of read.requests.slice(0, 20)) {
        const compared = await compareAnswers(raccord.url, baseline.url, token, request);
        if (!compared.same) differences.push(`${read.name}: ${compared.difference}`);
      }
    }
    if (differences.length > 0)
      throw new Error(`Raccord and the baseline answer differently:\n${differences.slice(0, 3).join('\n')}`);

    if (settings.soakMinutes !== null) {
      progress(`soak: ${settings.soakMinutes} minutes at ${settings.soakRate} requests a second`);
      const groups = reads.map((read) => cycle(read.requests)());
      let sent = 0;
      const report = await soak({
        url: raccord.url,
        token,
        pid: raccord.process.pid!,
        rate: settings.soakRate,
        minutes: settings.soakMinutes,
        next: () => {
          sent += 1;
          const id = sent % soakAcceptanceEvery === 0 ? supply.shift() : undefined;
          if (id !== undefined)
            return { query: operations.acceptInstallation, variables: { input: { id, expectedVersion: 4 } } };
          return groups[sent % groups.length]!();
        },
      });
      const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
      const markdown = soakMarkdown(report, command, started.toISOString());
      process.stdout.write(`${markdown}\n`);
      if (settings.outDir) {
        const base = join(settings.outDir, `${started.toISOString().slice(0, 10)}-${settings.size}-soak`);
        await mkdir(settings.outDir, { recursive: true });
        await writeFile(
          `${base}.json`,
          `${JSON.stringify({ date: started.toISOString(), command, ...report }, null, 2)}\n`,
        );
        await writeFile(`${base}.md`, `${markdown}\n`);
        process.stderr.write(`bench: soak saved in ${base}.json and .md\n`);
      }
      if (report.load.errors > 0) {
        process.stderr.write(
          `bench: ${report.load.errors} soak requests failed, e.g. ${report.load.errorSamples[0]}\n`,
        );
        process.exitCode = 1;
      }
      return;
    }

    const pageSizeProbe: Record<string, Record<string, number>> = {};
    for (const server of servers) {
      pageSizeProbe[server.name] = {};
      for (const first of [10, 50, 100]) {
        await resetMetrics(server.url);
        await graphql(server.url, token, operations.customerSubscriptionPage, {
          first,
          after: deepCursor,
          filter: listFilter,
        });
        pageSizeProbe[server.name]![String(first)] = (await readMetrics(server.url)).sqlStatements;
      }
    }

    const scenarios: ScenarioResult[] = [];
    for (const read of reads)
      scenarios.push(
        await readScenario(
          read.name,
          read.description,
          servers,
          token,
          cycle(read.requests),
          settings.durationSeconds,
          settings.smoke ? 0 : 2,
          read.fixedRate,
        ),
      );

    progress('e-accept-installation');
    const half = settings.acceptSupply / 2;
    const queues: Record<string, string[]> = {
      raccord: supply.filter((_, index) => index % 2 === 0),
      baseline: supply.filter((_, index) => index % 2 === 1),
    };
    const nextAcceptance = (server: Server) => () => ({
      query: operations.acceptInstallation,
      variables: { input: { id: queues[server.name]!.shift()!, expectedVersion: 4 } },
    });
    const deadlocksBefore = await deadlocks(databaseUrl);
    const acceptMax: Record<string, ServerRun> = {};
    for (const server of servers)
      acceptMax[server.name] = await measure(server, token, nextAcceptance(server), {
        connections: Math.min(16, half),
        durationSeconds: 0,
        amount: half,
      });
    const acceptRate = Math.max(
      1,
      Math.floor(0.7 * Math.min(...servers.map((server) => acceptMax[server.name]!.requestsPerSecond))),
    );
    const acceptFixed: Record<string, ServerRun> = {};
    for (const server of servers)
      acceptFixed[server.name] = await measure(server, token, nextAcceptance(server), {
        connections: Math.min(16, half, acceptRate),
        durationSeconds: 0,
        amount: half,
        overallRate: acceptRate,
      });
    const deadlocksSeen = (await deadlocks(databaseUrl)) - deadlocksBefore;
    scenarios.push({
      name: 'e-accept-installation',
      description: `acceptInstallation from 16 concurrent writers over ${settings.supplyContractors} contractors' drafts (${half} per run and server); deadlocks seen: ${deadlocksSeen}`,
      rate: acceptRate,
      max: acceptMax,
      fixed: acceptFixed,
      deadlocks: deadlocksSeen,
    });

    progress('f-import');
    const imports: Record<string, ServerRun & { rowsPerSecond: number }> = {};
    for (const server of servers) {
      const tag = server.name === 'raccord' ? 'R' : 'B';
      imports[server.name] = await measureImport(
        server,
        token,
        subscriptionsCsv(settings.importRows, communes, tag, 7),
      );
      const [{ count: created } = { count: 0 }] = await sql<{ count: number }>(
        databaseUrl,
        'select count(*)::int as count from customer_subscription where order_reference like $1',
        [`BENCH-${tag}-%`],
      );
      if (created !== settings.importRows) {
        const run = imports[server.name]!;
        imports[server.name] = {
          ...run,
          errors: 1,
          errorSamples: [`created ${created} of ${settings.importRows} rows`, ...run.errorSamples],
        };
      }
    }
    scenarios.push({
      name: 'f-import',
      description: `importCustomerSubscriptions of ${settings.importRows.toLocaleString('en')} new rows (one request)`,
      rate: null,
      max: imports,
      fixed: null,
    });

    const [{ server_version: postgres } = { server_version: '' }] = await sql<{ server_version: string }>(
      databaseUrl,
      'show server_version',
    );
    const report: BenchReport = {
      date: started.toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      smoke: settings.smoke,
      size: {
        name: settings.size,
        seed: settings.seed,
        customerSubscriptions: sizes[settings.size].customerSubscriptions,
        contractors: sizes[settings.size].contractors,
        generatedRows: generation.totalRows,
        generationSeconds: generation.seconds,
        generationRowsPerSecond: generation.rowsPerSecond,
        importRows: settings.importRows,
        acceptSupplyPerServer: settings.acceptSupply,
        durationSeconds: settings.durationSeconds,
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres,
        load: os.loadavg().map((value) => Number(value.toFixed(2))),
      },
      pageSizeProbe,
      scenarios,
      targets: [],
    };
    report.targets = evaluateTargets(report);
    const markdown = markdownReport(report);
    process.stdout.write(`${markdown}\n`);
    if (settings.outDir) {
      const size = settings.smoke ? 'smoke' : settings.size;
      const base = join(settings.outDir, `${started.toISOString().slice(0, 10)}-${size}`);
      await mkdir(settings.outDir, { recursive: true });
      await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(`${base}.md`, `${markdown}\n`);
      process.stderr.write(`bench: figures saved in ${base}.json and .md\n`);
    }
    const failedRuns = scenarios.flatMap((scenario) =>
      [...Object.entries(scenario.max), ...Object.entries(scenario.fixed ?? {})]
        .filter(([, run]) => run.errors > 0)
        .map(([server, run]) => `${scenario.name} on ${server}: ${run.errors} errors, e.g. ${run.errorSamples[0]}`),
    );
    if (failedRuns.length > 0) {
      process.stderr.write(`bench: requests failed:\n${failedRuns.join('\n')}\n`);
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers.reverse()) await stop(server);
    await sql(database.url, `drop database if exists ${name} with (force)`);
    await database.stop();
  }
}

try {
  await main();
} catch (error) {
  // A run that cannot go on (no database, a server that did not start, answers that differ) says why in one line.
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
