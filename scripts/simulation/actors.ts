import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Decimal } from 'decimal.js';
import PQueue from 'p-queue';
import { algiersDate } from '../../server/src/common/time.js';
import { ApiError, TransportError, type GraphQLClient, type Tally } from './api.js';
import {
  cancellations,
  customerOrder,
  failures,
  lineRejections,
  measurements,
  overrideReasons,
  photos,
  qualityReserves,
  technician,
  workLines,
  workmanshipReserves,
  type Dice,
} from './field.js';
import type { Firm, OpenSite } from './setup.js';

/** What every actor shares. */
export interface Crew {
  readonly client: GraphQLClient;
  readonly tally: Tally;
  readonly dice: Dice;
  /** How often each actor looks at its work (ms): a day's pace, compressed. */
  readonly tickMs: number;
  /** Item codes of the price schedule in force that crews may report. */
  readonly items: ReadonlySet<string>;
  /** Share of installations reported outside the quality thresholds (0 to 1). */
  readonly outsideShare: number;
}

/** Someone who looks at their work once a tick and does some of it, as a person at a desk or in the field. */
export interface Actor {
  readonly name: string;
  tick(): Promise<void>;
}

/** Each item of a worklist is handled at a tick with these chances: people do not clear their list at once. */
const pace = {
  assign: 0.5,
  cancel: 0.03,
  schedule: 0.5,
  visit: 0.6,
  fail: 0.05,
  inspect: 0.5,
  rejectOutside: 0.75,
  rejectWithin: 0.05,
  fixReserves: 0.25,
  answerRevision: 0.4,
  review: 0.3,
  requestRevision: 0.2,
  pay: 0.2,
  payInFull: 0.5,
} as const;

interface Connection<T> {
  edges: { node: T }[];
}

const nodes = <T>(connection: Connection<T> | undefined): T[] => connection?.edges.map((edge) => edge.node) ?? [];

/** An API refusal or a network failure (already counted by the client) ends one action, not the simulation. */
function expected(error: unknown): boolean {
  return error instanceof ApiError || error instanceof TransportError;
}

/** Runs the actions of one tick side by side; a refused one does not stop the others. */
async function all(actions: Promise<void>[]): Promise<void> {
  await Promise.all(
    actions.map((action) =>
      action.catch((error: unknown) => {
        if (!expected(error)) throw error;
      }),
    ),
  );
}

/**
 * Acts on a record as read; when the server answers CONFLICT (someone changed it meanwhile), reads
 * it again and, while it still calls for the action, acts on the version now stored (three tries at
 * most). `reread` answers null once the record no longer calls for the action.
 */
async function withRereads<R extends { version: number }>(
  record: R,
  reread: () => Promise<R | null>,
  act: (current: R) => Promise<void>,
): Promise<void> {
  let current: R | null = record;
  for (let attempt = 0; current && attempt < 3; attempt += 1) {
    try {
      await act(current);
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
      current = await reread();
    }
  }
}

/**
 * Runs `actor.tick()` over and over, a tick apart (± 20 %), until `signal` aborts; the tick under way
 * finishes first. A worklist that could not be read is tried again at the next tick.
 */
export async function keepWorking(actor: Actor, crew: Crew, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await actor.tick();
    } catch (error) {
      if (!expected(error)) throw error;
    }
    try {
      await sleep(crew.tickMs * crew.dice.between(0.8, 1.2), undefined, { signal });
    } catch {
      return;
    }
  }
}

interface Work {
  id: string;
  version: number;
  status: string;
  orderedAt: string;
  site: { latitude: number | null; longitude: number | null } | null;
  latestInstallationReport: { qualityIssues: string[] } | null;
}

const workFields = 'id version status orderedAt site { latitude longitude } latestInstallationReport { qualityIssues }';
const payload = `{ customerSubscription { ${workFields} } }`;

/** A reader of one customer subscription that answers null unless it is in one of `statuses`. */
function workReader(
  client: GraphQLClient,
  token: string,
  id: string,
  statuses: readonly string[],
): () => Promise<Work | null> {
  return async () => {
    const data = await client.request<{ customerSubscription: Work | null }>(
      `query SimulationWork($id: ID!) { customerSubscription(id: $id) { ${workFields} } }`,
      { id },
      token,
    );
    return data.customerSubscription && statuses.includes(data.customerSubscription.status)
      ? data.customerSubscription
      : null;
  };
}

/** How many sites one worklist request covers: two aliased lists each, within the API's 15 aliases. */
const sitesPerRequest = 7;

/**
 * The DOT manager of one wilaya: takes the customers' orders on its open sites, assigns them to
 * the site's contractor (now and then cancels one), and inspects reported installations: accepts
 * them (with a justification, sometimes, when outside the thresholds) or rejects them with reserves.
 */
export class DotManager implements Actor {
  constructor(
    private readonly crew: Crew,
    readonly wilayaCode: string,
    readonly token: string,
    private readonly sites: readonly OpenSite[],
  ) {}

  get name(): string {
    return `DOT ${this.wilayaCode}`;
  }

  /** Records a new customer's order on `site`, as the wilaya's commercial agency passes it on. */
  async takeOrder(site: OpenSite, orderReference: string): Promise<void> {
    await this.crew.client.request(
      'mutation SimulationOrder($input: CreateCustomerSubscriptionInput!) { createCustomerSubscription(input: $input) { customerSubscription { id } } }',
      { input: customerOrder(this.crew.dice, orderReference, site.communeId, site.id) },
      this.token,
      { priority: 1 },
    );
    this.crew.tally.count('ordered');
  }

  async tick(): Promise<void> {
    for (let start = 0; start < this.sites.length; start += sitesPerRequest) {
      const chunk = this.sites.slice(start, start + sitesPerRequest);
      const lists = chunk
        .map(
          (_, i) =>
            `p${i}: customerSubscriptions(first: 20, filter: { siteId: $s${i}, status: PENDING }) { edges { node { ${workFields} } } }
             i${i}: customerSubscriptions(first: 20, filter: { siteId: $s${i}, status: INSTALLED }) { edges { node { ${workFields} } } }`,
        )
        .join('\n');
      const data = await this.crew.client.request<Record<string, Connection<Work>>>(
        `query DotWorklist(${chunk.map((_, i) => `$s${i}: ID!`).join(', ')}) { ${lists} }`,
        Object.fromEntries(chunk.map((site, i) => [`s${i}`, site.id])),
        this.token,
      );
      const { dice } = this.crew;
      await all(
        chunk.flatMap((site, i) => [
          ...nodes(data[`p${i}`])
            .filter(() => dice.chance(pace.assign))
            .map((work) => (dice.chance(pace.cancel) ? this.cancel(work) : this.assign(work, site.contractorId))),
          ...nodes(data[`i${i}`])
            .filter(() => dice.chance(pace.inspect))
            .map((work) => this.inspect(work)),
        ]),
      );
    }
  }

  private assign(work: Work, contractorId: string): Promise<void> {
    return withRereads(work, workReader(this.crew.client, this.token, work.id, ['PENDING']), async (current) => {
      await this.crew.client.request(
        `mutation SimulationAssign($id: ID!, $v: Int!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: $v, contractorId: $c }) ${payload} }`,
        { id: current.id, v: current.version, c: contractorId },
        this.token,
      );
      this.crew.tally.count('assigned');
    });
  }

  private cancel(work: Work): Promise<void> {
    const reason = this.crew.dice.pick(cancellations);
    return withRereads(work, workReader(this.crew.client, this.token, work.id, ['PENDING']), async (current) => {
      await this.crew.client.request(
        `mutation SimulationCancel($id: ID!, $v: Int!, $r: String!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: $v, reason: $r }) ${payload} }`,
        { id: current.id, v: current.version, r: reason },
        this.token,
      );
      this.crew.tally.count('cancelled');
    });
  }

  /** Accepts or rejects an installation on its report: outside the thresholds mostly rejected, sometimes accepted with a justification. */
  private inspect(work: Work): Promise<void> {
    const { dice } = this.crew;
    return withRereads(work, workReader(this.crew.client, this.token, work.id, ['INSTALLED']), async (current) => {
      const issues = current.latestInstallationReport?.qualityIssues ?? [];
      const outside = issues.length > 0 || !current.latestInstallationReport;
      if (
        outside ? dice.chance(pace.rejectOutside) || !current.latestInstallationReport : dice.chance(pace.rejectWithin)
      ) {
        const reserves = outside ? [dice.pick(qualityReserves)] : [dice.pick(workmanshipReserves)];
        await this.crew.client.request(
          `mutation SimulationReject($id: ID!, $v: Int!, $r: [String!]!) { rejectInstallation(input: { id: $id, expectedVersion: $v, reserves: $r }) ${payload} }`,
          { id: current.id, v: current.version, r: reserves },
          this.token,
        );
        this.crew.tally.count('rejected');
        return;
      }
      const overrideReason = outside ? dice.pick(overrideReasons) : null;
      await this.crew.client.request(
        `mutation SimulationAccept($input: AcceptInstallationInput!) { acceptInstallation(input: $input) ${payload} }`,
        {
          input: {
            id: current.id,
            expectedVersion: current.version,
            idempotencyKey: randomUUID(),
            ...(overrideReason ? { overrideReason } : {}),
          },
        },
        this.token,
        { retry: true },
      );
      this.crew.tally.count('accepted');
      if (overrideReason) this.crew.tally.count('acceptedWithOverride');
    });
  }
}

interface InvoiceRef {
  id: string;
  version: number;
  status: string;
  issuedOn: string | null;
  totalExcludingTax: { centimes: string };
  balanceDue: { centimes: string };
}

interface InvoiceLine {
  id: string;
  unit: string;
  quantity: string;
  creditedQuantity: string;
  rejectionReason: string | null;
}

const invoiceFields = 'id version status issuedOn totalExcludingTax { centimes } balanceDue { centimes }';

/** A reader of one invoice that answers null unless it is in one of `statuses`. */
function invoiceReader(
  client: GraphQLClient,
  token: string,
  id: string,
  statuses: readonly string[],
): () => Promise<InvoiceRef | null> {
  return async () => {
    const data = await client.request<{ invoice: InvoiceRef | null }>(
      `query SimulationInvoice($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`,
      { id },
      token,
    );
    return data.invoice && statuses.includes(data.invoice.status) ? data.invoice : null;
  };
}

async function invoiceLines(client: GraphQLClient, token: string, id: string): Promise<InvoiceLine[]> {
  const data = await client.request<{ invoice: { lines: InvoiceLine[] } | null }>(
    'query SimulationInvoiceLines($id: ID!) { invoice(id: $id) { lines { id unit quantity creditedQuantity rejectionReason } } }',
    { id },
    token,
  );
  return data.invoice?.lines ?? [];
}

const firmWorklist = `query FirmWorklist($c: ID!, $now: DateTimeISO!) {
  assigned: customerSubscriptions(first: 20, filter: { contractorId: $c, status: ASSIGNED }) { edges { node { ${workFields} } } }
  due: customerSubscriptions(first: 20, filter: { contractorId: $c, status: SCHEDULED, appointmentBefore: $now }) { edges { node { ${workFields} } } }
  rejected: customerSubscriptions(first: 20, filter: { contractorId: $c, status: REJECTED }) { edges { node { ${workFields} } } }
  drafts: invoices(first: 5, filter: { contractorId: $c, status: DRAFT }) { edges { node { ${invoiceFields} } } }
  revisions: invoices(first: 10, filter: { contractorId: $c, status: REVISION_REQUESTED }) { edges { node { ${invoiceFields} } } }
}`;

/**
 * A contractor firm (its office and its crews): books appointments for the work assigned to it,
 * installs at the appointment (or fails: customer absent, no infrastructure…) and reports the
 * measured work, fixes rejected work and reports it again, submits its DRAFT invoice every
 * `invoiceEveryMs` and answers revision requests line by line.
 */
export class FirmCrew implements Actor {
  private nextInvoiceAt: number;

  constructor(
    private readonly crew: Crew,
    readonly firm: Firm,
    readonly token: string,
    private readonly invoiceEveryMs: number,
  ) {
    this.nextInvoiceAt = Date.now() + invoiceEveryMs * crew.dice.between(0.3, 1);
  }

  get name(): string {
    return this.firm.legalName;
  }

  async tick(): Promise<void> {
    const { client, dice } = this.crew;
    const data = await client.request<{
      assigned: Connection<Work>;
      due: Connection<Work>;
      rejected: Connection<Work>;
      drafts: Connection<InvoiceRef>;
      revisions: Connection<InvoiceRef>;
    }>(firmWorklist, { c: this.firm.id, now: new Date().toISOString() }, this.token);
    const invoicing = Date.now() >= this.nextInvoiceAt;
    if (invoicing) this.nextInvoiceAt = Date.now() + this.invoiceEveryMs * dice.between(0.8, 1.2);
    await all([
      ...nodes(data.assigned)
        .filter(() => dice.chance(pace.schedule))
        .map((work) => this.schedule(work)),
      ...nodes(data.due)
        .filter(() => dice.chance(pace.visit))
        .map((work) =>
          dice.chance(pace.fail) ? this.fail(work) : this.report(work, ['SCHEDULED'], this.crew.outsideShare),
        ),
      ...nodes(data.rejected)
        .filter(() => dice.chance(pace.fixReserves))
        .map((work) => this.report(work, ['REJECTED'], 0)),
      ...(invoicing ? nodes(data.drafts).filter((invoice) => invoice.totalExcludingTax.centimes !== '0') : []).map(
        (invoice) => this.submit(invoice),
      ),
      ...nodes(data.revisions)
        .filter(() => dice.chance(pace.answerRevision))
        .map((invoice) => this.resubmit(invoice)),
    ]);
  }

  /** Books the appointment a moment ahead (the compressed day). */
  private schedule(work: Work): Promise<void> {
    const ahead = this.crew.tickMs * this.crew.dice.between(0.5, 3);
    return withRereads(work, workReader(this.crew.client, this.token, work.id, ['ASSIGNED']), async (current) => {
      const at = new Date(Math.max(Date.now() + ahead, Date.parse(current.orderedAt) + 1000));
      await this.crew.client.request(
        `mutation SimulationSchedule($id: ID!, $v: Int!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: $v, appointmentAt: $at }) ${payload} }`,
        { id: current.id, v: current.version, at: at.toISOString() },
        this.token,
      );
      this.crew.tally.count('scheduled');
    });
  }

  private fail(work: Work): Promise<void> {
    const failure = this.crew.dice.weighted(failures, (candidate) => candidate.weight);
    return withRereads(work, workReader(this.crew.client, this.token, work.id, ['SCHEDULED']), async (current) => {
      await this.crew.client.request(
        `mutation SimulationFail($id: ID!, $v: Int!, $f: FailureReason!, $r: String) { markInstallationFailed(input: { id: $id, expectedVersion: $v, failureReason: $f, reason: $r }) ${payload} }`,
        { id: current.id, v: current.version, f: failure.failureReason, r: failure.reason ?? null },
        this.token,
      );
      this.crew.tally.count('failed');
    });
  }

  /** Reports the installation: its measured work and its optical measurements (`outsideShare` of them outside the thresholds). */
  private report(work: Work, statuses: readonly string[], outsideShare: number): Promise<void> {
    const { dice } = this.crew;
    const measured = measurements(dice, outsideShare);
    const lines = workLines(dice, this.crew.items);
    const signedBy = technician(dice);
    return withRereads(work, workReader(this.crew.client, this.token, work.id, statuses), async (current) => {
      const data = await this.crew.client.request<{ reportInstallation: { customerSubscription: Work } }>(
        `mutation SimulationReport($input: ReportInstallationInput!) { reportInstallation(input: $input) ${payload} }`,
        {
          input: {
            id: current.id,
            expectedVersion: current.version,
            installedAt: new Date(Math.max(Date.now() - 1000, Date.parse(current.orderedAt))).toISOString(),
            technicianName: signedBy,
            ...measured,
            lines,
            photos: photos(dice, current.site ?? { latitude: null, longitude: null }),
            ...(current.status === 'REJECTED' ? { remarks: 'Reprise des réserves effectuée' } : {}),
          },
        },
        this.token,
      );
      this.crew.tally.count('reported');
      if (data.reportInstallation.customerSubscription.latestInstallationReport?.qualityIssues.length)
        this.crew.tally.count('reportedOutsideThresholds');
    });
  }

  private submit(invoice: InvoiceRef): Promise<void> {
    return withRereads(invoice, invoiceReader(this.crew.client, this.token, invoice.id, ['DRAFT']), async (current) => {
      await this.crew.client.request(
        'mutation SimulationSubmit($input: InvoiceTransitionInput!) { submitInvoice(input: $input) { invoice { id } } }',
        { input: { id: current.id, expectedVersion: current.version, idempotencyKey: randomUUID() } },
        this.token,
        { retry: true },
      );
      this.crew.tally.count('submitted');
    });
  }

  /** Answers a revision request: for each rejected line, maintains it, claims fewer metres, or withdraws it. */
  private resubmit(invoice: InvoiceRef): Promise<void> {
    const { client, dice } = this.crew;
    return withRereads(
      invoice,
      invoiceReader(client, this.token, invoice.id, ['REVISION_REQUESTED']),
      async (current) => {
        const rejected = (await invoiceLines(client, this.token, current.id)).filter(
          (line) => line.rejectionReason !== null,
        );
        const revisedLines = rejected.map((line) => {
          const remaining = new Decimal(line.quantity).minus(line.creditedQuantity);
          if (dice.chance(0.5)) return { lineId: line.id, quantity: remaining.toString() };
          const claimed =
            line.unit === 'M'
              ? remaining.times(dice.between(0.5, 0.9)).toDecimalPlaces(1, Decimal.ROUND_DOWN)
              : new Decimal(0);
          return { lineId: line.id, quantity: claimed.toString() };
        });
        await client.request(
          'mutation SimulationResubmit($input: ResubmitInvoiceInput!) { resubmitInvoice(input: $input) { invoice { id } } }',
          { input: { id: current.id, expectedVersion: current.version, revisedLines, idempotencyKey: randomUUID() } },
          this.token,
          { retry: true },
        );
        this.crew.tally.count('resubmitted');
      },
    );
  }
}

const financeWorklist = `query FinanceWorklist {
  submitted: invoices(first: 20, filter: { status: SUBMITTED }) { edges { node { ${invoiceFields} } } }
  approved: invoices(first: 20, filter: { status: APPROVED }) { edges { node { ${invoiceFields} } } }
  partiallyPaid: invoices(first: 20, filter: { status: PARTIALLY_PAID }) { edges { node { ${invoiceFields} } } }
}`;

/** Centimes as the API's decimal amount: 123456n → "1234.56". */
function amountOf(centimes: bigint): string {
  return `${centimes / 100n}.${String(centimes % 100n).padStart(2, '0')}`;
}

/**
 * AT's finance: reviews submitted invoices — approves most, sends some back with a reason for a
 * line or two — and pays approved ones, in full or in part then the rest.
 */
export class Finance implements Actor {
  readonly name = 'finance';

  constructor(
    private readonly crew: Crew,
    readonly token: string,
  ) {}

  async tick(): Promise<void> {
    const { dice } = this.crew;
    const data = await this.crew.client.request<{
      submitted: Connection<InvoiceRef>;
      approved: Connection<InvoiceRef>;
      partiallyPaid: Connection<InvoiceRef>;
    }>(financeWorklist, {}, this.token);
    await all([
      ...nodes(data.submitted)
        .filter(() => dice.chance(pace.review))
        .map((invoice) => (dice.chance(pace.requestRevision) ? this.requestRevision(invoice) : this.approve(invoice))),
      ...nodes(data.approved)
        .filter(() => dice.chance(pace.pay))
        .map((invoice) => this.pay(invoice, dice.chance(pace.payInFull) ? 1 : dice.between(0.3, 0.7))),
      ...nodes(data.partiallyPaid)
        .filter(() => dice.chance(pace.pay))
        .map((invoice) => this.pay(invoice, 1)),
    ]);
  }

  private approve(invoice: InvoiceRef): Promise<void> {
    return withRereads(
      invoice,
      invoiceReader(this.crew.client, this.token, invoice.id, ['SUBMITTED']),
      async (current) => {
        await this.crew.client.request(
          'mutation SimulationApprove($input: InvoiceTransitionInput!) { approveInvoice(input: $input) { invoice { id } } }',
          { input: { id: current.id, expectedVersion: current.version, idempotencyKey: randomUUID() } },
          this.token,
          { retry: true },
        );
        this.crew.tally.count('approved');
      },
    );
  }

  private requestRevision(invoice: InvoiceRef): Promise<void> {
    const { client, dice } = this.crew;
    return withRereads(invoice, invoiceReader(client, this.token, invoice.id, ['SUBMITTED']), async (current) => {
      const open = (await invoiceLines(client, this.token, current.id)).filter((line) =>
        new Decimal(line.quantity).greaterThan(line.creditedQuantity),
      );
      if (open.length === 0) return;
      const chosen = new Set(Array.from({ length: dice.whole(1, 2) }, () => dice.pick(open).id));
      await client.request(
        'mutation SimulationRevision($input: RequestInvoiceRevisionInput!) { requestInvoiceRevision(input: $input) { invoice { id } } }',
        {
          input: {
            id: current.id,
            expectedVersion: current.version,
            rejectedLines: [...chosen].map((lineId) => ({ lineId, reason: dice.pick(lineRejections) })),
          },
        },
        this.token,
      );
      this.crew.tally.count('revisionRequested');
    });
  }

  /** Records a payment of `share` (0 to 1) of the balance due, dated today (Algiers). */
  private pay(invoice: InvoiceRef, share: number): Promise<void> {
    const { dice } = this.crew;
    const method = dice.weighted(
      [
        { method: 'BANK_TRANSFER', prefix: 'VIR', weight: 70 },
        { method: 'CCP_TRANSFER', prefix: 'CCP', weight: 25 },
        { method: 'CHEQUE', prefix: 'CHQ', weight: 5 },
      ],
      (candidate) => candidate.weight,
    );
    const reference = `${method.prefix}-${algiersDate().replaceAll('-', '')}-${dice.whole(100_000, 999_999)}`;
    return withRereads(
      invoice,
      invoiceReader(this.crew.client, this.token, invoice.id, ['APPROVED', 'PARTIALLY_PAID']),
      async (current) => {
        const balance = BigInt(current.balanceDue.centimes);
        const part = (balance * BigInt(Math.round(share * 100))) / 100n;
        const amount = part > 0n ? part : balance;
        if (amount <= 0n) return;
        const today = algiersDate();
        const data = await this.crew.client.request<{ recordInvoicePayment: { invoice: { status: string } } }>(
          'mutation SimulationPay($input: RecordInvoicePaymentInput!) { recordInvoicePayment(input: $input) { invoice { status } } }',
          {
            input: {
              invoiceId: current.id,
              expectedVersion: current.version,
              paidOn: current.issuedOn && current.issuedOn > today ? current.issuedOn : today,
              amount: amountOf(amount),
              method: method.method,
              reference,
              idempotencyKey: randomUUID(),
            },
          },
          this.token,
          { retry: true },
        );
        this.crew.tally.count(data.recordInvoicePayment.invoice.status === 'PAID' ? 'paidInFull' : 'paidInPart');
      },
    );
  }
}

/**
 * New customers' orders, `rate` a second (fractional allowed), spread over the open sites in
 * proportion to their targets; each recorded by the DOT manager of the site's wilaya. A p-queue
 * starts them `1 / rate` apart, at most `inFlight` at once; their requests go before the others
 * (the rest of the work waits when the server is short), and a server too slow even for them lowers
 * the rate achieved rather than piling orders up.
 */
export class Arrivals {
  private readonly queue: PQueue;
  private sequence = 0;

  constructor(
    private readonly crew: Crew,
    private readonly sites: readonly OpenSite[],
    private readonly dots: ReadonlyMap<string, DotManager>,
    rate: number,
    private readonly referencePrefix: string,
    inFlight: number,
  ) {
    // Strict: a sliding window, never two orders closer than 1 / rate, even after the event loop lagged.
    this.queue = new PQueue({ interval: 1000 / rate, intervalCap: 1, strict: true, concurrency: inFlight });
  }

  /**
   * Adds orders until `signal` aborts, then waits for those under way.
   * @throws the first error of an order that is neither an API refusal nor a network failure (a bug)
   */
  async run(signal: AbortSignal): Promise<void> {
    let failure: unknown = null;
    while (!signal.aborted && failure === null) {
      this.queue
        .add(() => this.order(), { signal })
        .catch((error: unknown) => {
          // An order still waiting for its turn when the run stops is dropped: the queue rejects it with the signal's reason.
          if (!expected(error) && !(signal.aborted && error === signal.reason)) failure ??= error;
        });
      await this.queue.onSizeLessThan(1);
    }
    await this.queue.onIdle();
    if (failure !== null) throw failure;
  }

  private async order(): Promise<void> {
    const site = this.crew.dice.weighted(this.sites, (candidate) => Math.max(candidate.targetConnections, 1));
    this.sequence += 1;
    await this.dots.get(site.wilayaCode)!.takeOrder(site, `${this.referencePrefix}-${this.sequence}`);
  }
}
