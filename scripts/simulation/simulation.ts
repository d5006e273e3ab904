import { randomBytes } from 'node:crypto';
import { ApiError, GraphQLClient, Tally, TransportError, actionNames, type Action } from './api.js';
import {
  SessionStore,
  SetupError,
  derivedPassword,
  dotManager,
  ensureUsers,
  financeUser,
  firmUser,
  signIn,
  type UserSpec,
} from './accounts.js';
import { Arrivals, DotManager, Finance, FirmCrew, keepWorking, type Crew } from './actors.js';
import { Dice, reportedItems } from './field.js';
import { findFirms, prepareFirms, type Firm } from './setup.js';

/** How a simulation runs; only `url`, `email` and `password` are required. */
export interface SimulationOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** An administrator's email and password: the simulation makes its users with them. */
  readonly email: string;
  readonly password: string;
  /** New orders per second, on average (fractional allowed); default 2. */
  readonly rate?: number;
  /** How long to run (ms); default: until `signal` aborts. */
  readonly durationMs?: number | null;
  /** Seed of the random draws (same seed, same draws; the server's answers may still differ in timing); default: random. */
  readonly seed?: number;
  /** Most contractor firms driven (those with the most open sites first); default 8. */
  readonly maxFirms?: number;
  /** How often each actor looks at its work (ms); default 1000. */
  readonly tickMs?: number;
  /** How often each firm submits its DRAFT invoice (ms); default 30,000. */
  readonly invoiceEveryMs?: number;
  /** Share of installations reported outside the quality thresholds; default 0.1. */
  readonly outsideShare?: number;
  /** Most requests in flight at once (and most orders under way); default 8. */
  readonly concurrency?: number;
  /** File keeping sign-in sessions between runs (null: none); default none. */
  readonly sessionsFile?: string | null;
  /** Stops the simulation cleanly: no new work, what is under way finishes. */
  readonly signal?: AbortSignal;
  /** Called about once a second with the counts so far. */
  readonly onProgress?: (progress: Progress) => void;
  /** Called once set up, before the first order. */
  readonly onStart?: (start: SimulationStart) => void;
}

/** Counts so far: actions done and errors by code (CONFLICT is expected: someone changed a record meanwhile, it was read again). */
export interface Progress {
  readonly elapsedMs: number;
  readonly actions: Readonly<Record<Action, number>>;
  readonly errors: Readonly<Record<string, number>>;
}

/** What the simulation works on, once set up. */
export interface SimulationStart {
  readonly seed: number;
  readonly rate: number;
  readonly firms: readonly { id: string; legalName: string; sites: number }[];
  readonly wilayaCodes: readonly string[];
  readonly sites: number;
  /** What was prepared because the database had no active contractor with an open site. */
  readonly prepared: readonly string[];
  readonly users: { readonly created: readonly string[]; readonly reused: readonly string[] };
}

/** The national dashboard's main figures (docs/domain.md, "What the live dashboards show"), as the API gives them. */
export interface DashboardFigures {
  readonly acceptedToday: number;
  readonly acceptedTotal: number;
  readonly firstTimeRightRate: number | null;
  readonly awaitingApproval: { readonly invoices: number; readonly amount: { readonly amount: string } };
  readonly approvedUnpaid: { readonly invoices: number; readonly amount: { readonly amount: string } };
}

/** What a finished run did. */
export interface SimulationSummary extends Progress, SimulationStart {
  readonly dashboardBefore: DashboardFigures;
  readonly dashboardAfter: DashboardFigures;
}

const dashboardQuery = `query SimulationDashboard {
  dashboard { acceptedToday acceptedTotal firstTimeRightRate awaitingApproval { invoices amount { amount } } approvedUnpaid { invoices amount { amount } } }
}`;

/**
 * Replays field activity against a running Raccord server through its public GraphQL API only,
 * as a third-party application would, until `durationMs` has passed or `signal` aborts:
 * 1. signs the administrator in (it must be an ADMIN); finds the ACTIVE contractors with open
 *    sites (preparing some when there are none: `prepareFirms`) and drives up to `maxFirms`;
 * 2. makes — or reuses, on the next run — a DOT manager per wilaya of those sites, a finance user
 *    and a user per firm (`raccord-simulation.invalid` addresses, passwords derived from the
 *    administrator's), and signs each in;
 * 3. lets orders arrive at `rate` a second while each role does its part at its pace: DOT managers
 *    assign and inspect (accept, or reject with reserves), firms schedule, install and report
 *    (`outsideShare` outside the thresholds), fail some, fix rejected work, submit and resubmit
 *    invoices; finance approves, requests revisions and pays, in part or in full. Money-moving
 *    mutations carry idempotency keys; every change names the version read, and a CONFLICT is
 *    answered by reading the record again.
 * Returns the counts, the errors by code and the national dashboard before and after.
 * @throws SetupError when the server cannot be reached, the credentials are refused or are not an
 *         administrator's, or no contractor can be driven
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const url = options.url.replace(/\/+$/, '');
  const rate = options.rate ?? 2;
  const seed = options.seed ?? randomBytes(4).readUInt32BE();
  const maxFirms = options.maxFirms ?? 8;
  const tickMs = options.tickMs ?? 1000;
  const concurrency = options.concurrency ?? 8;
  const tally = new Tally();
  const client = new GraphQLClient(url, tally, concurrency);
  const store = new SessionStore(options.sessionsFile ?? null);
  await store.load();

  // The administrator signs in every run: its password is checked, and the users' are derived from it.
  const admin = await signIn(client, new SessionStore(null), options.email, options.password);
  if (admin.role !== 'ADMIN')
    throw new SetupError(
      `${options.email} is a ${admin.role} user: the simulation needs an administrator's credentials`,
    );
  const asAdmin = <T>(query: string, variables: Record<string, unknown> = {}) =>
    client.request<T>(query, variables, admin.token).catch((error: unknown) => {
      if (error instanceof TransportError) throw new SetupError(error.message);
      if (error instanceof ApiError)
        throw new SetupError(`the server refused the simulation's setup: ${error.message} (${error.code})`);
      throw error;
    });

  const wilayaNames = new Map(
    (
      await asAdmin<{ wilayas: { code: string; name: string }[] }>('query SimulationWilayas { wilayas { code name } }')
    ).wilayas.map((w) => [w.code, w.name]),
  );
  const created: string[] = [];
  const reused: string[] = [];
  const tokens = new Map<string, string>();
  /** Makes sure the users exist, then signs each in (once per run). */
  const actAs = async (users: readonly UserSpec[]): Promise<void> => {
    const missing = users.filter((user) => !tokens.has(user.email));
    const made = await ensureUsers(client, admin.token, options.password, missing).catch((error: unknown) => {
      if (error instanceof ApiError || error instanceof TransportError)
        throw new SetupError(`cannot make the simulation's users: ${error.message}`);
      throw error;
    });
    created.push(...made.created);
    reused.push(...made.reused);
    for (const user of missing)
      tokens.set(
        user.email,
        (await signIn(client, store, user.email, derivedPassword(options.password, user.email))).token,
      );
    await store.save();
  };
  const dotSpec = (wilayaCode: string) => dotManager(wilayaCode, wilayaNames.get(wilayaCode) ?? '');

  let firms: Firm[];
  let prepared: string[] = [];
  try {
    firms = await findFirms(client, admin.token, maxFirms);
    if (firms.length === 0) {
      prepared = await prepareFirms(
        client,
        {
          admin: admin.token,
          dot: async (wilayaCode) => (await actAs([dotSpec(wilayaCode)]), tokens.get(dotSpec(wilayaCode).email)!),
        },
        maxFirms,
      );
      firms = await findFirms(client, admin.token, maxFirms);
    }
  } catch (error) {
    if (error instanceof ApiError || error instanceof TransportError)
      throw new SetupError(`cannot find or prepare the contractors to drive: ${error.message}`);
    throw error;
  }
  if (firms.length === 0) throw new SetupError('no ACTIVE contractor has an open site, and none could be prepared');
  const sites = firms.flatMap((firm) => firm.sites);
  const wilayaCodes = [...new Set(sites.map((site) => site.wilayaCode))].sort();
  await actAs([...wilayaCodes.map(dotSpec), financeUser(), ...firms.map((firm) => firmUser(firm.id, firm.legalName))]);

  const schedule = await asAdmin<{ priceScheduleInForce: { items: { code: string }[] } | null }>(
    'query SimulationSchedule { priceScheduleInForce { items { code } } }',
  );
  const items = new Set(
    (schedule.priceScheduleInForce?.items ?? [])
      .map((item) => item.code)
      .filter((code) => (reportedItems as readonly string[]).includes(code)),
  );
  if (!items.has('RAC-STD'))
    throw new SetupError(
      'the price schedule in force has no RAC-STD (standard connection): the simulation reports against the ' +
        'starting price schedule (docs/domain.md)',
    );
  const dashboard = async () => (await asAdmin<{ dashboard: DashboardFigures }>(dashboardQuery)).dashboard;
  const dashboardBefore = await dashboard();

  const dice = new Dice(seed);
  const crew: Crew = { client, tally, dice, tickMs, items, outsideShare: options.outsideShare ?? 0.1 };
  const dots = new Map(
    wilayaCodes.map((code) => [
      code,
      new DotManager(
        crew,
        code,
        tokens.get(dotSpec(code).email)!,
        sites.filter((site) => site.wilayaCode === code),
      ),
    ]),
  );
  const actors = [
    ...dots.values(),
    new Finance(crew, tokens.get(financeUser().email)!),
    ...firms.map(
      (firm) =>
        new FirmCrew(
          crew,
          firm,
          tokens.get(firmUser(firm.id, firm.legalName).email)!,
          options.invoiceEveryMs ?? 30_000,
        ),
    ),
  ];
  const start: SimulationStart = {
    seed,
    rate,
    firms: firms.map((firm) => ({ id: firm.id, legalName: firm.legalName, sites: firm.sites.length })),
    wilayaCodes,
    sites: sites.length,
    prepared,
    users: { created, reused },
  };
  options.onStart?.(start);

  const stop = new AbortController();
  const signals = [
    stop.signal,
    ...(options.signal ? [options.signal] : []),
    ...(options.durationMs ? [AbortSignal.timeout(options.durationMs)] : []),
  ];
  const signal = AbortSignal.any(signals);
  const startedAt = performance.now();
  const progress = (): Progress => ({ elapsedMs: performance.now() - startedAt, ...tally.snapshot() });
  const ticker = setInterval(() => options.onProgress?.(progress()), 1000);
  const referencePrefix = `SIM-${Date.now().toString(36).toUpperCase()}`;
  try {
    // A bug in one actor stops them all (stop.abort), then surfaces.
    const running = [
      new Arrivals(crew, sites, dots, rate, referencePrefix, concurrency).run(signal),
      ...actors.map((actor) => keepWorking(actor, crew, signal)),
    ];
    const outcomes = await Promise.allSettled(
      running.map((work) => work.catch((error: unknown) => (stop.abort(), Promise.reject(error)))),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    await client.idle();
  } finally {
    clearInterval(ticker);
  }
  const finished = progress();
  options.onProgress?.(finished);
  return { ...start, ...finished, dashboardBefore, dashboardAfter: await dashboard() };
}

/** The codes of errors that a run expects: CONFLICT (a record changed meanwhile; read again and retried). */
export const expectedErrorCodes: readonly string[] = ['CONFLICT'];

const labels: Record<Action, string> = {
  ordered: 'orders',
  assigned: 'assigned',
  cancelled: 'cancelled',
  scheduled: 'scheduled',
  failed: 'failed',
  reported: 'reported',
  reportedOutsideThresholds: 'outside thresholds',
  accepted: 'accepted',
  acceptedWithOverride: 'with override',
  rejected: 'rejected',
  submitted: 'invoices submitted',
  approved: 'approved',
  revisionRequested: 'revisions asked',
  resubmitted: 'resubmitted',
  paidInPart: 'paid in part',
  paidInFull: 'paid in full',
};

/** One line of counts: `[  12 s] orders 24 · assigned 23 · … | invoices submitted 3 · … | errors: CONFLICT 1`. */
export function formatProgress(progress: Progress): string {
  const a = progress.actions;
  const errors = Object.entries(progress.errors)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([code, count]) => `${code} ${count}`);
  return [
    `[${String(Math.round(progress.elapsedMs / 1000)).padStart(4)} s] orders ${a.ordered} · assigned ${a.assigned} · cancelled ${a.cancelled} · scheduled ${a.scheduled} · failed ${a.failed}`,
    ` · reported ${a.reported} (${a.reportedOutsideThresholds} outside) · accepted ${a.accepted} (${a.acceptedWithOverride} override) · rejected ${a.rejected}`,
    ` | invoices submitted ${a.submitted} · approved ${a.approved} · revisions ${a.revisionRequested} · resubmitted ${a.resubmitted} · paid ${a.paidInPart} part ${a.paidInFull} full`,
    ` | errors: ${errors.length > 0 ? errors.join(', ') : 'none'}`,
  ].join('');
}

/** The summary printed at the end of a run, several lines. */
export function formatSummary(summary: SimulationSummary): string {
  const seconds = summary.elapsedMs / 1000;
  const before = summary.dashboardBefore;
  const after = summary.dashboardAfter;
  const unexpected = Object.entries(summary.errors).filter(([code]) => !expectedErrorCodes.includes(code));
  const rate = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);
  return [
    `Ran ${seconds.toFixed(1)} s: ${summary.actions.ordered} orders (${(summary.actions.ordered / Math.max(seconds, 0.001)).toFixed(2)} a second; asked ${summary.rate}), seed ${summary.seed}.`,
    ...actionNames.map((name) => `  ${labels[name].padEnd(20)} ${summary.actions[name]}`),
    `Errors by code: ${
      Object.keys(summary.errors).length === 0
        ? 'none'
        : Object.entries(summary.errors)
            .map(([code, count]) => `${code} ${count}`)
            .join(', ')
    }${unexpected.length === 0 ? '' : ` (unexpected: ${unexpected.map(([code]) => code).join(', ')})`}`,
    'National dashboard, before → after:',
    `  accepted in total    ${before.acceptedTotal} → ${after.acceptedTotal}`,
    `  accepted today       ${before.acceptedToday} → ${after.acceptedToday}`,
    `  first time right     ${rate(before.firstTimeRightRate)} → ${rate(after.firstTimeRightRate)}`,
    `  awaiting approval    ${before.awaitingApproval.invoices} invoices, ${before.awaitingApproval.amount.amount} DA → ${after.awaitingApproval.invoices} invoices, ${after.awaitingApproval.amount.amount} DA`,
    `  approved, unpaid     ${before.approvedUnpaid.invoices} invoices, ${before.approvedUnpaid.amount.amount} DA → ${after.approvedUnpaid.invoices} invoices, ${after.approvedUnpaid.amount.amount} DA`,
  ].join('\n');
}
