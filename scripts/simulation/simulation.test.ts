import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/common/net.js';
import { projectRoot } from '../../server/src/common/paths.js';
import { mustQuery } from '../../server/test/api.js';
import { startTestApp, testAdmin, type TestApp } from '../../server/test/harness.js';
import { expectedErrorCodes, runSimulation, type Progress, type SimulationSummary } from './simulation.js';

interface Dashboard {
  acceptedTotal: number;
}

const dashboardOf = async (t: TestApp) =>
  (await mustQuery<{ dashboard: Dashboard }>(t, '{ dashboard { acceptedTotal } }')).dashboard;

/** Every page of a connection, through the API as the test's administrator. */
async function everything<T>(
  t: TestApp,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T[]> {
  const found: T[] = [];
  type Page = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };
  for (let after: string | null = null; ;) {
    const page: Page = (await mustQuery<Record<string, Page>>(t, query, { ...variables, after }))[field]!;
    found.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

/** Statuses each record passed through, from its audit trail. */
async function statusHistory(
  t: TestApp,
  entityType: 'INVOICE' | 'CUSTOMER_SUBSCRIPTION',
  ids: readonly string[],
): Promise<string[][]> {
  const histories: string[][] = [];
  for (const id of ids) {
    const data = await mustQuery<{ auditTrail: { toStatus: string | null }[] }>(
      t,
      'query ($type: AuditEntityType!, $id: ID!) { auditTrail(entityType: $type, entityId: $id) { toStatus } }',
      {
        type: entityType,
        id,
      },
    );
    histories.push(
      data.auditTrail.map((event) => event.toStatus).filter((status): status is string => status !== null),
    );
  }
  return histories;
}

const unexpectedErrors = (summary: SimulationSummary) =>
  Object.keys(summary.errors).filter((code) => !expectedErrorCodes.includes(code));

describe('npm run simulate, run as a function against the real app', () => {
  let t: TestApp;
  let folder: string;
  let sessionsFile: string;
  let first: SimulationSummary;

  beforeAll(async () => {
    t = await startTestApp();
    folder = await mkdtemp(join(tmpdir(), 'raccord-simulation-'));
    sessionsFile = join(folder, 'sessions.json');
  });
  afterAll(async () => {
    await t?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'on a database without contractors, prepares firms and sites, then moves work and money through every role',
    { timeout: 240_000 },
    async () => {
      const before = await dashboardOf(t);
      const stop = new AbortController();
      // Runs until every kind of event the test checks has happened (two minutes at most): a slow machine takes longer, not fails.
      const enough = (progress: Progress) =>
        progress.actions.accepted >= 10 &&
        progress.actions.rejected >= 1 &&
        progress.actions.submitted >= 3 &&
        progress.actions.approved >= 2 &&
        progress.actions.paidInPart + progress.actions.paidInFull >= 1;
      first = await runSimulation({
        url: t.url,
        email: testAdmin.email,
        password: testAdmin.password,
        rate: 3,
        tickMs: 200,
        invoiceEveryMs: 1500,
        seed: 2026,
        sessionsFile,
        durationMs: 120_000,
        signal: stop.signal,
        onProgress: (progress) => {
          if (enough(progress)) stop.abort();
        },
      });

      expect(first.prepared.filter((line) => line.startsWith('registered contractor'))).toHaveLength(3);
      expect(first.firms).toHaveLength(3);
      expect(first.wilayaCodes).toEqual(['16', '31']);
      expect(enough(first), JSON.stringify(first.actions)).toBe(true);
      expect(unexpectedErrors(first)).toEqual([]);

      // The dashboard moved by exactly what the simulation accepted.
      const after = await dashboardOf(t);
      expect(after.acceptedTotal).toBe(before.acceptedTotal + first.actions.accepted);
      expect(first.dashboardAfter.acceptedTotal).toBe(after.acceptedTotal);

      // Every order it counted is there; the rejections it counted are in the orders' audit trails.
      const orders = await everything<{ id: string; status: string }>(
        t,
        'customerSubscriptions',
        'query ($after: String) { customerSubscriptions(first: 100, after: $after, filter: { search: "SIM-" }) { pageInfo { hasNextPage endCursor } edges { node { id status } } } }',
      );
      expect(orders).toHaveLength(first.actions.ordered);
      const orderHistories = await statusHistory(
        t,
        'CUSTOMER_SUBSCRIPTION',
        orders.map((order) => order.id),
      );
      expect(orderHistories.flat().filter((status) => status === 'REJECTED')).toHaveLength(first.actions.rejected);
      expect(orderHistories.flat().filter((status) => status === 'ACCEPTED')).toHaveLength(first.actions.accepted);

      // Invoices in several statuses; submitted, approved and paid ones among them.
      const invoices = await everything<{
        id: string;
        status: string;
        number: string | null;
        payments: { amount: { centimes: string } }[];
      }>(
        t,
        'invoices',
        'query ($after: String) { invoices(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id status number payments { amount { centimes } } } } } }',
      );
      expect(new Set(invoices.map((invoice) => invoice.status)).size).toBeGreaterThanOrEqual(2);
      const invoiceHistories = await statusHistory(
        t,
        'INVOICE',
        invoices.map((invoice) => invoice.id),
      );
      for (const status of ['SUBMITTED', 'APPROVED'])
        expect(
          invoiceHistories.some((history) => history.includes(status)),
          status,
        ).toBe(true);
      expect(invoiceHistories.flat().filter((status) => status === 'APPROVED')).toHaveLength(first.actions.approved);
      const payments = invoices.flatMap((invoice) => invoice.payments);
      expect(payments).toHaveLength(first.actions.paidInPart + first.actions.paidInFull);
      expect(payments.every((payment) => BigInt(payment.amount.centimes) > 0n)).toBe(true);

      // Its users: a DOT manager per wilaya, finance, a user per firm.
      const users = await everything<{ email: string; role: string }>(
        t,
        'users',
        'query ($after: String) { users(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { email role } } } }',
      );
      const simulated = users.filter((user) => user.email.endsWith('@raccord-simulation.invalid'));
      expect(simulated.map((user) => user.role).sort()).toEqual([
        'CONTRACTOR',
        'CONTRACTOR',
        'CONTRACTOR',
        'DOT_MANAGER',
        'DOT_MANAGER',
        'FINANCE',
      ]);
      expect([...first.users.created].sort()).toEqual(simulated.map((user) => user.email).sort());
      expect((await stat(sessionsFile)).mode & 0o777).toBe(0o600);
    },
  );

  it('a second run reuses the firms, sites and users of the first', { timeout: 60_000 }, async () => {
    expect(first).toBeDefined();
    const usersBefore = (await mustQuery<{ users: { totalCount: number } }>(t, '{ users { totalCount } }')).users
      .totalCount;
    const second = await runSimulation({
      url: t.url,
      email: testAdmin.email,
      password: testAdmin.password,
      rate: 8,
      tickMs: 200,
      seed: 7,
      sessionsFile,
      durationMs: 3000,
    });
    expect(second.prepared).toEqual([]);
    expect(second.firms.map((firm) => firm.id).sort()).toEqual(first.firms.map((firm) => firm.id).sort());
    expect(second.users.created).toEqual([]);
    expect([...second.users.reused].sort()).toEqual([...first.users.created].sort());
    expect((await mustQuery<{ users: { totalCount: number } }>(t, '{ users { totalCount } }')).users.totalCount).toBe(
      usersBefore,
    );
    expect(second.actions.ordered).toBeGreaterThan(0);
    expect(unexpectedErrors(second)).toEqual([]);
  });

  describe('the command (node dist/scripts/simulate.js, built by the global setup when stale)', () => {
    const simulateJs = join(projectRoot, 'dist', 'scripts', 'simulate.js');

    function run(
      args: string[],
      env: Record<string, string> = {},
    ): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [simulateJs, ...args], {
          cwd: folder,
          env: { PATH: process.env['PATH'] ?? '', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', (code) => resolve({ code, stdout, stderr }));
      });
    }

    const credentials = ['--email', testAdmin.email, '--password', testAdmin.password];

    it('exits 2 with a clear message and the usage for a bad flag', async () => {
      for (const [args, message] of [
        [['--rate', 'fast', ...credentials], '--rate must be a number of orders per second'],
        [['--rate', '0', ...credentials], '--rate must be a number of orders per second'],
        [['--duration', '10', ...credentials], '--duration must be a duration of at least 1 s with its unit'],
        [['--url', 'ftp://example.dz', ...credentials], '--url must be an http(s) URL'],
        [['--seed', '1.5', ...credentials], '--seed must be a whole number'],
        [['--speed', '3', ...credentials], "Unknown option '--speed'"],
        [['--rate', '2'], "an administrator's --email and --password are required"],
      ] as const) {
        const { code, stderr } = await run([...args]);
        expect(code, args.join(' ')).toBe(2);
        expect(stderr).toContain(message);
        expect(stderr).toContain('usage: npm run simulate');
        expect(stderr).not.toContain('    at ');
      }
    });

    it('exits 1 saying so when the server cannot be reached or refuses the credentials', async () => {
      const nowhere = await run([
        '--url',
        `http://127.0.0.1:${await freePort()}`,
        '--sessions',
        'none',
        ...credentials,
      ]);
      expect(nowhere.code).toBe(1);
      expect(nowhere.stderr).toMatch(
        /cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): is the server running\?/,
      );
      const refused = await run([
        '--url',
        t.url,
        '--sessions',
        'none',
        '--email',
        'nobody@raccord.test',
        '--password',
        'not the password',
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('sign-in refused for nobody@raccord.test: The email or the password is wrong');
    });
  });
});
