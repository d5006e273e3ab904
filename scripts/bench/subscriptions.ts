import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { createLogger } from '../../server/src/common/logger.js';
import { freePort } from '../../server/src/common/net.js';
import { projectRoot } from '../../server/src/common/paths.js';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/database/database.js';
import { ribKey } from '../../server/src/modules/contractor/identifiers.js';

/**
 * `npm run bench:subscriptions [N …]` (default 100 1000 5000): how one server process delivers live
 * updates to N WebSocket subscribers. The server is the built one (`dist/server/src/main.js`, as
 * `npm start` runs it) on a fresh database of DATABASE_URL's PostgreSQL (or the embedded one), in a
 * process of its own; the subscribers are graphql-ws clients in this process. For each N, every
 * subscriber watches `invoiceChanged` for one contractor, then `EVENTS` installations of that
 * contractor are accepted one after the other, each once every subscriber received the previous
 * one's event (or after 30 s). Measured, per N:
 * - latency from commit to receipt, p50 and p99 over every delivery (ms): receipt time in this
 *   process minus the invoice's `updatedAt`, set at flush inside the committing transaction (same clock);
 * - the server's CPU time (user + system, from /proc) over the acceptances, per delivered event (µs);
 * - the server's resident memory growth per connected subscriber (KiB);
 * - delivered ÷ expected (N × EVENTS), which must be exactly 1.
 * Prints one JSON line per N. `EVENTS` sets the acceptances per N (default 20);
 * `BENCH_SERVER_NODE_FLAGS` passes flags to the server's node (e.g. `--cpu-prof` to profile it).
 */
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const subscriberCounts = sizes.length > 0 ? sizes : [100, 1000, 5000];
const EVENTS = Number(process.env['EVENTS'] ?? 20);
const admin = { email: 'bench@raccord.test', password: 'bench administrator password' };

/** CPU seconds (user + system) and resident memory (bytes) of process `pid`, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuSeconds: ticks / 100, rssBytes: rssPages * 4096 };
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

let sequence = 0;

/** A customer subscription of `firmId` reported INSTALLED (version 4), through the API. */
async function installed(url: string, token: string, firmId: string): Promise<string> {
  sequence += 1;
  const created = await graphql<{ createCustomerSubscription: { customerSubscription: { id: string } } }>(
    url,
    'mutation ($input: CreateCustomerSubscriptionInput!) { createCustomerSubscription(input: $input) { customerSubscription { id } } }',
    {
      input: {
        orderReference: `bench-${sequence}-${randomBytes(3).toString('hex')}`,
        customerName: 'Client Bench',
        customerPhone: '0661 23 45 67',
        customerAddress: `${sequence} rue du Banc`,
        communeId: '554',
        offer: 'IDOOM FIBRE 300 Mbps',
        orderedAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
    },
    token,
  );
  const id = created.createCustomerSubscription.customerSubscription.id;
  await graphql(url, 'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }', { id, c: firmId }, token);
  await graphql(url, 'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 2, appointmentAt: $at }) { customerSubscription { id } } }', { id, at: new Date(Date.now() + 3_600_000).toISOString() }, token);
  await graphql(
    url,
    'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
    {
      input: {
        id,
        expectedVersion: 3,
        installedAt: new Date(Date.now() - 60_000).toISOString(),
        technicianName: 'Technicien Bench',
        networkClass: 'B_PLUS',
        receivedPowerDbm: '-21.5',
        lines: [
          { code: 'RAC-STD', quantity: '1' },
          { code: 'PTO', quantity: '1' },
        ],
      },
    },
    token,
  );
  return id;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(url: string, pid: number, token: string, firmId: string, subscribers: number) {
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i += 1) ids.push(await installed(url, token, firmId));

  const before = usage(pid);
  const clients: Client[] = [];
  const latencies: number[] = [];
  const receivedPerEvent = new Map<string, number>();
  let delivered = 0;
  let subscribed = 0;
  const failures: string[] = [];
  const query = 'subscription ($c: ID) { invoiceChanged(contractorId: $c) { change invoice { id updatedAt netPayable { centimes } } } }';
  for (let i = 0; i < subscribers; i += 1) {
    const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    clients.push(client);
    client.subscribe<{ invoiceChanged: { change: string; invoice: { updatedAt: string } | null } }>(
      { query, variables: { c: firmId } },
      {
        next: (result) => {
          const event = result.data?.invoiceChanged;
          if (!event) {
            failures.push(`subscriber ${i}: ${JSON.stringify(result)}`);
            return;
          }
          if (event.change === 'RESYNC') {
            subscribed += 1;
            return;
          }
          const at = Date.now();
          delivered += 1;
          latencies.push(at - Date.parse(event.invoice!.updatedAt));
          receivedPerEvent.set(event.invoice!.updatedAt, (receivedPerEvent.get(event.invoice!.updatedAt) ?? 0) + 1);
        },
        error: (error) => {
          const closed = error as { code?: number; reason?: string };
          failures.push(`subscriber ${i}: ${error instanceof Error ? error.message : `socket closed (${closed.code} ${closed.reason})`}`);
        },
        complete: () => undefined,
      },
    );
    // Connect in waves, as users arrive, rather than all in the same millisecond.
    if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const deadline = Date.now() + 120_000;
  while (subscribed < subscribers && failures.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (subscribed < subscribers) {
    await Promise.all(clients.map((client) => client.dispose()));
    throw new Error(`only ${subscribed} of ${subscribers} subscribers were registered: ${failures.slice(0, 3).join('; ')}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const connected = usage(pid);

  for (const id of ids) {
    const target = delivered + subscribers;
    await graphql(url, 'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }', { id }, token);
    const waitUntil = Date.now() + 30_000;
    while (delivered < target && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = usage(pid);
  await Promise.all(clients.map((client) => client.dispose()));

  if (failures.length > 0) throw new Error(`${failures.length} subscriptions failed: ${failures.slice(0, 3).join('; ')}`);
  latencies.sort((a, b) => a - b);
  const expected = subscribers * EVENTS;
  return {
    bench: 'subscriptions',
    subscribers,
    events: EVENTS,
    expected,
    delivered,
    deliveredRatio: delivered / expected,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencyMaxMs: latencies.at(-1),
    serverCpuPerDeliveryMicros: Math.round(((after.cpuSeconds - connected.cpuSeconds) / delivered) * 1e6),
    serverCpuPerEventMs: Math.round(((after.cpuSeconds - connected.cpuSeconds) / EVENTS) * 1000),
    serverMemoryPerSubscriberKiB: Math.round((connected.rssBytes - before.rssBytes) / subscribers / 1024),
    serverRssMiB: Math.round(connected.rssBytes / 1048576),
    cpus: os.cpus().length,
    node: process.version,
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger);
  const name = `raccord_bench_${randomBytes(4).toString('hex')}`;
  const pgAdmin = new pg.Client({ connectionString: database.url });
  await pgAdmin.connect();
  await pgAdmin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(database.url);
  databaseUrl.pathname = `/${name}`;
  const port = await freePort();
  const serverFlags = (process.env['BENCH_SERVER_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...serverFlags, join(projectRoot, 'dist', 'server', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl.toString(),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOAD_DEMO_DATA_ON_START: 'false',
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    const ready = Date.now() + 120_000;
    while (!(await fetch(`${url}/readyz`).then((response) => response.ok, () => false))) {
      if (Date.now() > ready || server.exitCode !== null) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const token = (await graphql<{ login: { token: string } }>(url, 'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }', { e: admin.email, p: admin.password })).login.token;
    const firm = await graphql<{ createContractor: { contractor: { id: string } } }>(
      url,
      'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id } } }',
      {
        input: {
          legalName: 'SARL Bench Fibre',
          legalForm: 'SARL',
          fiscalRegime: 'REAL',
          nif: '000016099999999',
          nis: '099160000000001',
          rcNumber: '16/00-0000001B21',
          taxArticle: '16000000001',
          address: '1 rue du Banc',
          communeId: '554',
          contacts: [{ name: 'Gérant Bench', role: 'gérant', phone: '0550 12 34 56', email: 'bench@example.dz' }],
          bankAccount: `00799999${'0000000001'}${ribKey('99999', '0000000001')}`,
          operatingWilayaCodes: ['16'],
          teamCapacity: 8,
        },
      },
      token,
    );
    const firmId = firm.createContractor.contractor.id;
    await graphql(url, 'mutation ($id: ID!) { approveContractor(input: { id: $id, expectedVersion: 1, reason: "bench" }) { contractor { id } } }', { id: firmId }, token);
    for (const subscribers of subscriberCounts) {
      process.stdout.write(`${JSON.stringify(await measure(url, server.pid!, token, firmId, subscribers))}\n`);
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    await pgAdmin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await pgAdmin.end();
    await database.stop();
  }
}

await main();
