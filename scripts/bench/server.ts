import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createLogger } from '../../server/src/common/logger.js';
import { freePort } from '../../server/src/common/net.js';
import { projectRoot } from '../../server/src/common/paths.js';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/database/database.js';
import { ribKey } from '../../shared/identifiers.js';

/** The administrator of a bench server. */
export const benchAdmin = { email: 'bench@raccord.test', password: 'bench administrator password' } as const;

/** A built Raccord server (`dist/server/src/main.js`, as `npm start` runs it) in a process of its own, on a fresh database. */
export interface BenchServer {
  readonly url: string;
  /** The server's own database (a bench may read or fill it directly). */
  readonly databaseUrl: string;
  readonly process: ChildProcess;
  /** The administrator's token. */
  readonly token: string;
  stop(): Promise<void>;
}

/** CPU seconds (user + system) and resident memory (bytes) of process `pid`, from /proc. */
export function usage(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuSeconds: ticks / 100, rssBytes: rssPages * 4096 };
}

/** POSTs a GraphQL operation; its data, or an error with the GraphQL errors. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Starts the built server on a new database of DATABASE_URL's PostgreSQL (or the embedded one), with
 * `env` added, waits until it is ready and signs its administrator in. `stop` ends the server and
 * drops the database. `BENCH_SERVER_NODE_FLAGS` passes flags to the server's node (e.g. `--cpu-prof`).
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
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
      ADMIN_EMAIL: benchAdmin.email,
      ADMIN_PASSWORD: benchAdmin.password,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await pgAdmin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await pgAdmin.end();
    await database.stop();
  };
  try {
    const ready = Date.now() + 120_000;
    while (
      !(await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > ready || server.exitCode !== null) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const login = await graphql<{ login: { token: string } }>(
      url,
      'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
      {
        e: benchAdmin.email,
        p: benchAdmin.password,
      },
    );
    return { url, databaseUrl: databaseUrl.toString(), process: server, token: login.login.token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** An ACTIVE contractor operating in wilaya 16, created and approved through the API; its id. `n` tells several firms apart (their identifiers are unique). */
export async function benchFirm(url: string, token: string, n = 0): Promise<string> {
  const account = String(n + 1).padStart(10, '0');
  const firm = await graphql<{ createContractor: { contractor: { id: string } } }>(
    url,
    'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id } } }',
    {
      input: {
        legalName: n === 0 ? 'SARL Bench Fibre' : `SARL Bench Fibre ${n}`,
        legalForm: 'SARL',
        fiscalRegime: 'REAL',
        nif: `0000160${String(99999999 - n).padStart(8, '0')}`,
        nis: `0991600${String(n + 1).padStart(8, '0')}`,
        rcNumber: '16/00-0000001B21',
        taxArticle: '16000000001',
        address: '1 rue du Banc',
        communeId: '554',
        contacts: [{ name: 'Gérant Bench', role: 'gérant', phone: '0550 12 34 56', email: 'bench@example.dz' }],
        bankAccount: `00799999${account}${ribKey('99999', account)}`,
        operatingWilayaCodes: ['16'],
        teamCapacity: 8,
      },
    },
    token,
  );
  const firmId = firm.createContractor.contractor.id;
  await graphql(
    url,
    'mutation ($id: ID!) { approveContractor(input: { id: $id, expectedVersion: 1, reason: "bench" }) { contractor { id } } }',
    { id: firmId },
    token,
  );
  return firmId;
}

let sequence = 0;

/** A customer subscription of `firmId` in Ain Benian (commune 554), assigned and its appointment booked: SCHEDULED (version 3). */
export async function scheduledWork(url: string, token: string, firmId: string): Promise<string> {
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
  await graphql(
    url,
    'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
    { id, c: firmId },
    token,
  );
  await graphql(
    url,
    'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 2, appointmentAt: $at }) { customerSubscription { id } } }',
    { id, at: new Date(Date.now() + 3_600_000).toISOString() },
    token,
  );
  return id;
}

/** The p-th percentile (nearest rank) of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
