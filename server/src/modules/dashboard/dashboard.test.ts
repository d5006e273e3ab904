import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { changeLogRelayLock, createChangeLog, writeEvents } from '../../common/change-log.js';
import type { RaccordEvent } from '../../common/events.js';
import { WorkChange } from '../site/site.events.js';
import { createLogger } from '../../common/logger.js';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  expectRefusedFilter,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
  submitInvoice,
} from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { subscribe } from '../../../test/live.js';
import { DashboardFeed, dashboardPushIntervalMs, type PushClock } from './dashboard.feed.js';
import { histogramMedian } from './dashboard.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const figures = `today acceptedToday acceptedThisMonth acceptedTotal targetConnections progress backlog { status customerSubscriptions }
  firstTimeRightRate firstTimeRightRateThisMonth medianDaysToAcceptance
  awaitingApproval { invoices amount { centimes } oldestDays averageDays } approvedUnpaid { invoices amount { centimes } oldestDays averageDays }
  acceptancesByDay { day accepted } wilayas { wilaya { code } acceptedTotal targetConnections progress }`;

interface Figures {
  today: string;
  acceptedToday: number;
  acceptedThisMonth: number;
  acceptedTotal: number;
  targetConnections: number;
  progress: number | null;
  backlog: { status: string; customerSubscriptions: number }[];
  firstTimeRightRate: number | null;
  medianDaysToAcceptance: number | null;
  awaitingApproval: { invoices: number; amount: { centimes: string }; oldestDays: number | null };
  approvedUnpaid: {
    invoices: number;
    amount: { centimes: string };
    oldestDays: number | null;
    averageDays: number | null;
  };
  acceptancesByDay: { day: string; accepted: number }[];
  wilayas: { wilaya: { code: string }; acceptedTotal: number; targetConnections: number }[];
}

async function dashboard(wilayaCode?: string): Promise<Figures> {
  return (
    await mustQuery<{ dashboard: Figures }>(t, `query ($w: String) { dashboard(wilayaCode: $w) { ${figures} } }`, {
      w: wilayaCode,
    })
  ).dashboard;
}

const accept = (id: string, expectedVersion = 4) =>
  mustQuery(
    t,
    'mutation ($id: ID!, $v: Int!) { acceptInstallation(input: { id: $id, expectedVersion: $v }) { customerSubscription { status } } }',
    { id, v: expectedVersion },
  );

const backlogOf = (f: Figures) =>
  Object.fromEntries(
    f.backlog.filter((row) => row.customerSubscriptions > 0).map((row) => [row.status, row.customerSubscriptions]),
  );

/** The counters the triggers keep, against a count of the rows themselves. */
async function countersAgainstRows(): Promise<{ counters: unknown[]; rows: unknown[] }[]> {
  const pairs: [string, string][] = [
    [
      'select wilaya_code, status::text, customer_subscriptions::int as n from wilaya_backlog where customer_subscriptions <> 0 order by 1, 2',
      'select wilaya_code, status::text, count(*)::int as n from customer_subscription group by 1, 2 order by 1, 2',
    ],
    [
      "select wilaya_code, to_char(day, 'YYYY-MM-DD') as day, accepted, first_time_right from wilaya_acceptance_day order by 1, 2",
      `select wilaya_code, to_char(algiers_date(status_changed_at), 'YYYY-MM-DD') as day, count(*)::int as accepted,
              count(*) filter (where (select count(*) from installation_report r where r.customer_subscription_id = s.id) = 1)::int as first_time_right
         from customer_subscription s where status = 'ACCEPTED' group by 1, 2 order by 1, 2`,
    ],
    [
      'select wilaya_code, target_connections::int as n from wilaya_target where target_connections <> 0 order by 1',
      'select wilaya_code, sum(target_connections)::int as n from site group by 1 order by 1',
    ],
    [
      'select invoice_id::text, wilaya_code from invoice_wilaya order by 1, 2',
      'select distinct l.invoice_id::text, s.wilaya_code from invoice_line l join customer_subscription s on s.id = l.customer_subscription_id order by 1, 2',
    ],
  ];
  return Promise.all(
    pairs.map(async ([counters, rows]) => ({ counters: await t.sql(counters), rows: await t.sql(rows) })),
  );
}

describe('dashboard', () => {
  it('shows what was accepted today, this month and in all against the target, the backlog, first-time-right and the median delay', async () => {
    const firm = await activeContractor(t);
    await createSite(t, { targetConnections: 40 });
    await accept(await installedCustomerSubscription(t, firm.id));
    // Rejected once, reported again, then accepted: not first time right.
    const second = await installedCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { rejectInstallation(input: { id: $id, expectedVersion: 4, reserves: ["PTO mal posée"] }) { customerSubscription { id } } }',
      { id: second },
    );
    await mustQuery(
      t,
      'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
      {
        input: {
          id: second,
          expectedVersion: 5,
          installedAt: new Date(Date.now() - 30_000).toISOString(),
          technicianName: 'Walid Khelifi',
          networkClass: 'B_PLUS',
          receivedPowerDbm: '-20',
          lines: [{ code: 'RAC-STD', quantity: '1' }],
        },
      },
    );
    await accept(second, 6);
    await createCustomerSubscription(t);

    const national = await dashboard();
    expect(national).toMatchObject({
      acceptedToday: 2,
      acceptedThisMonth: 2,
      acceptedTotal: 2,
      targetConnections: 40,
      progress: 0.05,
      firstTimeRightRate: 0.5,
      medianDaysToAcceptance: 3,
    });
    expect(backlogOf(national)).toEqual({ ACCEPTED: 2, PENDING: 1 });
    expect(national.backlog.map((row) => row.status)).toEqual([
      'PENDING',
      'ASSIGNED',
      'SCHEDULED',
      'INSTALLED',
      'ACCEPTED',
      'REJECTED',
      'FAILED',
      'CANCELLED',
    ]);
    expect(national.acceptancesByDay).toHaveLength(28);
    expect(national.acceptancesByDay.at(-1)).toEqual({ day: national.today, accepted: 2 });
    expect(national.wilayas).toHaveLength(58);
    expect(national.wilayas.find((row) => row.wilaya.code === '16')).toMatchObject({
      acceptedTotal: 2,
      targetConnections: 40,
    });
    expect(await dashboard('16')).toMatchObject({ acceptedTotal: 2, firstTimeRightRate: 0.5, wilayas: [] });
    expect(await dashboard('31')).toMatchObject({
      acceptedTotal: 0,
      targetConnections: 0,
      progress: null,
      firstTimeRightRate: null,
      medianDaysToAcceptance: null,
    });
    for (const { counters, rows } of await countersAgainstRows()) expect(counters).toEqual(rows);
  });

  it('shows invoices awaiting approval, then approved and unpaid, nationally and in the wilayas they bill', async () => {
    const before = await dashboard();
    const firm = await activeContractor(t);
    await accept(await installedCustomerSubscription(t, firm.id));
    const { invoices } = await mustQuery<{
      invoices: { edges: { node: { id: string; version: number; netPayable: { centimes: string } } }[] };
    }>(
      t,
      'query ($c: ID!) { invoices(filter: { contractorId: $c }) { edges { node { id version netPayable { centimes } } } } }',
      { c: firm.id },
    );
    const draft = invoices.edges[0]!.node;
    const submitted = await mustQuery<{ submitInvoice: { invoice: { version: number } } }>(
      t,
      'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { version } } }',
      { id: draft.id, v: draft.version },
    );
    const waiting = await dashboard();
    expect(waiting.awaitingApproval.invoices).toBe(before.awaitingApproval.invoices + 1);
    expect(BigInt(waiting.awaitingApproval.amount.centimes) - BigInt(before.awaitingApproval.amount.centimes)).toBe(
      BigInt(draft.netPayable.centimes),
    );
    expect(waiting.awaitingApproval.oldestDays).toBeGreaterThanOrEqual(0);
    expect((await dashboard('16')).awaitingApproval.invoices).toBe(waiting.awaitingApproval.invoices);
    expect((await dashboard('31')).awaitingApproval).toMatchObject({
      invoices: 0,
      amount: { centimes: '0' },
      oldestDays: null,
    });

    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { status } } }',
      {
        id: draft.id,
        v: submitted.submitInvoice.invoice.version,
      },
    );
    const approved = await dashboard();
    expect(approved.awaitingApproval.invoices).toBe(before.awaitingApproval.invoices);
    expect(approved.approvedUnpaid).toMatchObject({ invoices: before.approvedUnpaid.invoices + 1 });
    expect(BigInt(approved.approvedUnpaid.amount.centimes) - BigInt(before.approvedUnpaid.amount.centimes)).toBe(
      BigInt(draft.netPayable.centimes),
    );
    // A part payment leaves the invoice approved and unpaid in part: it still counts, for its balance due.
    const approvedVersion = (
      await mustQuery<{ invoice: { version: number } }>(t, 'query ($id: ID!) { invoice(id: $id) { version } }', {
        id: draft.id,
      })
    ).invoice.version;
    await mustQuery(
      t,
      'mutation ($input: RecordInvoicePaymentInput!) { recordInvoicePayment(input: $input) { invoice { status } } }',
      {
        input: {
          invoiceId: draft.id,
          expectedVersion: approvedVersion,
          amount: '1000.00',
          method: 'BANK_TRANSFER',
          paidOn: approved.today,
          reference: 'VIR-1',
        },
      },
    );
    const partlyPaid = await dashboard();
    expect(partlyPaid.approvedUnpaid.invoices).toBe(before.approvedUnpaid.invoices + 1);
    expect(BigInt(partlyPaid.approvedUnpaid.amount.centimes) - BigInt(before.approvedUnpaid.amount.centimes)).toBe(
      BigInt(draft.netPayable.centimes) - 100000n,
    );
    // Days waited are whole days, the mean of whole days: never above the longest wait.
    await t.sql(
      "update invoice set approved_at = now() - interval '1 day 20 hours' where status in ('APPROVED', 'PARTIALLY_PAID')",
    );
    // Written behind the event bus's back: it shows once the shared reading has aged (DASHBOARD_QUERY_MAX_AGE_MS, 1 s).
    await expect
      .poll(async () => (await dashboard()).approvedUnpaid, { timeout: 5000, interval: 200 })
      .toMatchObject({ oldestDays: 1, averageDays: 1 });
    for (const { counters, rows } of await countersAgainstRows()) expect(counters).toEqual(rows);
  });

  it('keeps its counters right when an import adds a backlog in one statement', async () => {
    const csv = [
      'order_reference;customer_name;customer_phone;customer_address;commune_id;offer',
      ...[1, 2, 3].map((n) => `imp-dash-${n};Client ${n};0661234567;Rue ${n};554;IDOOM FIBRE 100 Mbps`),
    ].join('\n');
    const report = await mustQuery<{ importCustomerSubscriptions: { created: number } }>(
      t,
      'mutation ($csv: String!) { importCustomerSubscriptions(csv: $csv) { created } }',
      { csv },
    );
    expect(report.importCustomerSubscriptions.created).toBe(3);
    for (const { counters, rows } of await countersAgainstRows()) expect(counters).toEqual(rows);
  });

  it('is for AT: a DOT manager sees its own wilayas only, a contractor none; a wilaya code no wilaya has is refused', async () => {
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-oran@at.test',
        displayName: 'DOT Oran',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['31'],
      },
    });
    const dot = { authorization: `Bearer ${await signIn(t.url, 'dot-oran@at.test', 'dot manager password')}` };
    const ask = async (wilayaCode: string | null, headers?: Record<string, string>) =>
      (
        await t.graphql(
          'query ($w: String) { dashboard(wilayaCode: $w) { acceptedTotal } }',
          { w: wilayaCode },
          headers,
        )
      ).body;
    expect((await ask('31', dot)).data).toEqual({ dashboard: { acceptedTotal: 0 } });
    expect((await ask(null, dot)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ask('16', dot)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // A value no wilaya has, malformed or not, is refused before any figure is read.
    const query = 'query ($w: String) { dashboard(wilayaCode: $w) { acceptedTotal } }';
    for (const code of ['1', 'abc', '00', '99']) {
      const reason = await expectRefusedFilter(t, query, { w: code }, 'wilayaCode', 'wilaya_backlog');
      if (/^\d{2}$/.test(code)) expect(reason).toBe('must be the code of a wilaya, "01" to "58"');
    }
    const firm = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dash-firm@firm.test',
        displayName: 'Gérant',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: firm.id,
      },
    });
    const contractor = { authorization: `Bearer ${await signIn(t.url, 'dash-firm@firm.test', 'firm user password')}` };
    expect((await ask(null, contractor)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      subscribe(t.url, contractor.authorization, 'subscription { dashboardChanged { acceptedTotal } }'),
    ).rejects.toThrow(/FORBIDDEN/);
    await expect(
      subscribe(t.url, dot.authorization, 'subscription { dashboardChanged(wilayaCode: "16") { acceptedTotal } }'),
    ).rejects.toThrow(/FORBIDDEN/);
  });

  it('pushes nothing when a change leaves the figures as they were, from the first change on', async () => {
    const order = await createCustomerSubscription(t, { communeId: '554' });
    const live = await subscribe<{ dashboardChanged: { acceptedTotal: number; targetConnections: number } }>(
      t.url,
      `Bearer ${t.adminToken}`,
      'subscription { dashboardChanged(wilayaCode: "16") { acceptedTotal targetConnections } }',
    );
    const afterCreation = live.received.length;
    const before = live.received.at(-1)!.data.dashboardChanged.targetConnections;
    await mustQuery(
      t,
      'mutation ($id: ID!) { updateCustomerSubscription(id: $id, expectedVersion: 1, input: { customerName: "Yasmine Haddad-Belkacem" }) { customerSubscription { id } } }',
      {
        id: order.id,
      },
    );
    // A change that moves the figures afterwards: its push is the next one received, so none came between.
    await createSite(t, { targetConnections: 12 });
    await eventually(() => expect(live.received.at(-1)!.data.dashboardChanged.targetConnections).toBe(before + 12));
    expect(live.received.length).toBe(afterCreation + 1);
    await live.close();
  });

  it('pushes to the dashboard of the wilaya a site leaves, not only of the one it joins', async () => {
    const site = await createSite(t, { targetConnections: 30 });
    const [oran] = (await t.sql<{ id: string }>(
      "select id::text from commune where wilaya_code = '31' order by id limit 1",
    )) as [{ id: string }];
    const algiers = await subscribe<{ dashboardChanged: { targetConnections: number } }>(
      t.url,
      `Bearer ${t.adminToken}`,
      'subscription { dashboardChanged(wilayaCode: "16") { targetConnections } }',
    );
    const before = algiers.received[0]!.data.dashboardChanged.targetConnections;
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { updateSite(id: $id, expectedVersion: 1, input: { communeId: $c }) { site { id } } }',
      { id: site.id, c: oran.id },
    );
    expect(await algiers.waitFor(2, 3000)).toBe(2);
    expect(algiers.received[1]!.data.dashboardChanged.targetConnections).toBe(before - 30);
    await algiers.close();
  });

  it('pushes new figures when an acceptance moves them, and the last figures of a burst of acceptances', async () => {
    const firm = await activeContractor(t);
    const ids = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => installedCustomerSubscription(t, firm.id)));
    const live = await subscribe<{ dashboardChanged: { acceptedTotal: number; acceptedToday: number } }>(
      t.url,
      `Bearer ${t.adminToken}`,
      'subscription { dashboardChanged(wilayaCode: "16") { acceptedTotal acceptedToday } }',
    );
    const start = live.received[0]!.data.dashboardChanged.acceptedTotal;
    await accept(ids[0]!);
    expect(await live.waitFor(2)).toBe(2);
    expect(live.received[1]!.data.dashboardChanged.acceptedTotal).toBe(start + 1);

    await Promise.all(ids.slice(1).map((id) => accept(id)));
    // How the pushes of a burst are spaced is checked on the feed's own clock (below), not on this machine's.
    await eventually(() => expect(live.received.at(-1)!.data.dashboardChanged.acceptedTotal).toBe(start + 7));
    await live.close();
  });
});

describe('the national map’s figures per wilaya', () => {
  interface MapFigures {
    wilaya: { code: string };
    openWork: number;
    reportsAwaitingAcceptance: number;
    oldestReportWaitDays: number | null;
    lateWork: number;
    approvedUnpaid: { invoices: number; amount: { centimes: string }; oldestDays: number | null };
  }
  const mapFigures = `wilayas { wilaya { code } openWork reportsAwaitingAcceptance oldestReportWaitDays lateWork
    approvedUnpaid { invoices amount { centimes } oldestDays } }`;
  const wilayaRow = async (code: string): Promise<MapFigures> =>
    (
      await mustQuery<{ dashboard: { wilayas: MapFigures[] } }>(t, `{ dashboard { ${mapFigures} } }`)
    ).dashboard.wilayas.find((row) => row.wilaya.code === code)!;
  // Didouche Mourad, Constantine (25): a wilaya no other test works in.
  const inConstantine = { communeId: '892' };
  const noInvoice = { invoices: 0, amount: { centimes: '0' }, oldestDays: null };

  it('counts open work, reports waiting and their oldest wait, late work and unpaid approved invoices, and pushes them live', async () => {
    expect(await wilayaRow('25')).toEqual({
      wilaya: { code: '25' },
      openWork: 0,
      reportsAwaitingAcceptance: 0,
      oldestReportWaitDays: null,
      lateWork: 0,
      approvedUnpaid: noInvoice,
    });
    const firm = await activeContractor(t, { operatingWilayaCodes: ['25'] });
    await createCustomerSubscription(t, inConstantine);
    const installed = await installedCustomerSubscription(t, firm.id, undefined, undefined, inConstantine);
    const scheduled = await scheduledCustomerSubscription(t, firm.id, inConstantine);
    expect(await wilayaRow('25')).toMatchObject({
      openWork: 3,
      reportsAwaitingAcceptance: 1,
      oldestReportWaitDays: 0,
      lateWork: 0,
    });

    // Days pass (written behind the event bus's back: they show once the shared reading has aged, 1 s).
    await t.sql(
      "update customer_subscription set status_changed_at = now() - interval '3 days 2 hours' where id = $1",
      [installed],
    );
    // An appointment on a day before today with no report yet: late. One today is not.
    await t.sql("update customer_subscription set appointment_at = now() - interval '2 days' where id = $1", [
      scheduled,
    ]);
    await expect
      .poll(() => wilayaRow('25'), { timeout: 5000, interval: 200 })
      .toMatchObject({ oldestReportWaitDays: 3, lateWork: 1 });
    expect(await wilayaRow('31')).toMatchObject({ lateWork: 0, reportsAwaitingAcceptance: 0 });

    const live = await subscribe<{ dashboardChanged: { wilayas: MapFigures[] } }>(
      t.url,
      `Bearer ${t.adminToken}`,
      `subscription { dashboardChanged { ${mapFigures} } }`,
    );
    const pushedRow = () => live.received.at(-1)!.data.dashboardChanged.wilayas.find((row) => row.wilaya.code === '25');
    await accept(installed);
    await eventually(() =>
      expect(pushedRow()).toMatchObject({ openWork: 2, reportsAwaitingAcceptance: 0, oldestReportWaitDays: null }),
    );

    const invoice = await firmInvoice(t, firm.id);
    const { invoice: submitted } = await mustQuery<{
      invoice: { version: number; netPayable: { centimes: string } };
    }>(t, 'query ($id: ID!) { invoice(id: $id) { version netPayable { centimes } } }', { id: invoice.id });
    await submitInvoice(t, invoice);
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { status } } }',
      { id: invoice.id, v: submitted.version + 1 },
    );
    await eventually(() =>
      expect(pushedRow()?.approvedUnpaid).toEqual({
        invoices: 1,
        amount: { centimes: submitted.netPayable.centimes },
        oldestDays: 0,
      }),
    );
    expect((await wilayaRow('31')).approvedUnpaid).toEqual(noInvoice);
    await live.close();
  });
});

describe('a wilaya’s map', () => {
  it('places sites at their own position or their commune’s centre, and open work at its site’s or its commune’s, by status', async () => {
    // Tipaza (42): a wilaya no other test works in. Hadjout (1369), Merad (1375), and Bou Haroun (1360),
    // whose centre lies outside the wilaya in the source: not trusted, no position.
    const [merad] = await t.sql<{ latitude: number; longitude: number }>(
      'select latitude, longitude from commune where id = 1375',
    );
    expect(merad!.latitude).toBeTypeOf('number');
    const placed = await createSite(t, { communeId: '1369', latitude: 36.59, longitude: 2.45, targetConnections: 10 });
    await createSite(t, { communeId: '1375', targetConnections: 10 });
    await createSite(t, { communeId: '1360', targetConnections: 10 });
    await createCustomerSubscription(t, { communeId: '1369', siteId: placed.id });
    await createCustomerSubscription(t, { communeId: '1369', siteId: placed.id });
    await createCustomerSubscription(t, { communeId: '1375' });
    await createCustomerSubscription(t, { communeId: '1360' });

    const { wilayaMap } = await mustQuery<{ wilayaMap: Record<string, unknown> }>(
      t,
      `{ wilayaMap(wilayaCode: "42") { sites { latitude longitude status sites }
         openWork { latitude longitude status customerSubscriptions } sitesWithoutPosition openWorkWithoutPosition truncated } }`,
    );
    expect(wilayaMap).toEqual({
      sites: expect.arrayContaining([
        { latitude: 36.59, longitude: 2.45, status: 'PLANNED', sites: 1 },
        { latitude: merad!.latitude, longitude: merad!.longitude, status: 'PLANNED', sites: 1 },
      ]),
      openWork: [
        { latitude: 36.59, longitude: 2.45, status: 'PENDING', customerSubscriptions: 2 },
        { latitude: merad!.latitude, longitude: merad!.longitude, status: 'PENDING', customerSubscriptions: 1 },
      ],
      sitesWithoutPosition: 1,
      openWorkWithoutPosition: 1,
      truncated: false,
    });
    expect(wilayaMap['sites']).toHaveLength(2);
    const { body } = await t.graphql('{ wilayaMap(wilayaCode: "99") { truncated } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'wilayaCode' });
  });
});

/**
 * A clock that moves only when the test moves it, with the timers set on it: the dashboard feed's
 * pushes are spaced on it, so their spacing is checked exactly, whatever the machine's load.
 */
function testClock(start: number): PushClock & {
  /** When each timer still set will run. */
  pending(): number[];
  /** Moves the time to `to`, running the timers due by then, earliest first, each at its own time. */
  advanceTo(to: number): void;
} {
  let time = start;
  let lastId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => time,
    setTimeout(run, ms) {
      lastId += 1;
      timers.set(lastId, { at: time + ms, run });
      return lastId;
    },
    clearTimeout: (timer) => void timers.delete(timer as number),
    pending: () => [...timers.values()].map((timer) => timer.at).sort((a, b) => a - b),
    advanceTo(to) {
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= to).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].run();
      }
      time = to;
    },
  };
}

describe('dashboard pushes, on the feed’s clock', () => {
  it('pushes the first change at once, then at most one push a second, a second after the last, and nothing for figures that did not move', async () => {
    const logger = createLogger('warn');
    const events = createChangeLog({ orm: t.app.orm, databaseUrl: t.database.url, logger });
    await events.start();
    const t0 = Date.parse('2026-06-01T09:00:00Z');
    const clock = testClock(t0);
    const feed = new DashboardFeed(t.app.orm, events, logger, 0, clock);
    feed.start();
    const pushes: { at: number; targetConnections: number }[] = [];
    const dashboard = feed.subscribe('16');
    const following = (async () => {
      for await (const figures of dashboard)
        pushes.push({ at: clock.now(), targetConnections: figures.targetConnections });
    })();
    /** Logs a change of a site of wilaya 16 that moves no figure, as a change's transaction does; the feed reads it from the log. */
    const announce = async (siteId: string) => {
      const changed: RaccordEvent[] = [
        {
          topic: 'SITE_CHANGED',
          payload: {
            siteId,
            contractorId: null,
            wilayaCode: '16',
            change: WorkChange.UPDATED,
            previousStatus: null,
            previousContractorId: null,
            previousWilayaCode: null,
            record: {},
          },
        },
      ];
      await t.app.orm.em.fork().transactional((em) => writeEvents(em, changed, new Date()));
      events.publish(changed);
      await delivered();
    };
    /** Waits until the feed's change log has read every committed event, and its listeners have taken them. */
    const delivered = async () => {
      await eventually(async () => {
        const [log] = await t.sql<{ head: string; waiting: number }>(
          'select head::text, (select count(*)::int from change_event where position is null) as waiting from change_log_state',
        );
        expect([log!.waiting, events.head()]).toEqual([0, log!.head]);
      });
      // The listeners take what the log read within this turn of the event loop (promises, no I/O).
      await new Promise((resolve) => setImmediate(resolve));
    };
    /** A site of `target` connections in Algiers, its creation brought to the feed by the change log. */
    const newSite = async (target: number) => {
      await createSite(t, { targetConnections: target });
      await delivered();
    };
    const second = dashboardPushIntervalMs;
    try {
      await eventually(() => expect(pushes).toHaveLength(1));
      const base = pushes[0]!.targetConnections;

      // The first change is pushed at once.
      await newSite(10);
      await eventually(() => expect(clock.pending()).toEqual([t0]));
      clock.advanceTo(t0);
      await eventually(() => expect(pushes).toHaveLength(2));
      expect(pushes[1]).toEqual({ at: t0, targetConnections: base + 10 });

      // Two changes within the second: one push of both, exactly a second after the last push.
      clock.advanceTo(t0 + 200);
      await newSite(20);
      clock.advanceTo(t0 + 500);
      await newSite(30);
      await eventually(() => expect(clock.pending()).toEqual([t0 + second]));
      clock.advanceTo(t0 + second - 1);
      expect(pushes).toHaveLength(2);
      clock.advanceTo(t0 + second);
      await eventually(() => expect(pushes).toHaveLength(3));
      expect(pushes[2]).toEqual({ at: t0 + second, targetConnections: base + 60 });

      // After a quiet second and a half, a change is pushed at once again.
      clock.advanceTo(t0 + 2500);
      await newSite(40);
      await eventually(() => expect(clock.pending()).toEqual([t0 + 2500]));
      clock.advanceTo(t0 + 2500);
      await eventually(() => expect(pushes).toHaveLength(4));
      expect(pushes[3]).toEqual({ at: t0 + 2500, targetConnections: base + 100 });

      // An event that moves no figure is read at once but not pushed ...
      clock.advanceTo(t0 + 4000);
      await announce('0');
      await eventually(() => expect(clock.pending()).toEqual([t0 + 4000]));
      clock.advanceTo(t0 + 4000);
      // ... (the feed sets its next timer once that reading is over) ...
      await announce('0');
      await eventually(() => expect(clock.pending()).toEqual([t0 + 4000 + second]));
      // ... and the next push is the next change's, a second after that reading.
      await newSite(50);
      clock.advanceTo(t0 + 4000 + second);
      await eventually(() => expect(pushes).toHaveLength(5));
      expect(pushes[4]).toEqual({ at: t0 + 4000 + second, targetConnections: base + 150 });
      expect(pushes.map((push) => push.at - t0)).toEqual([0, 0, 1000, 2500, 5000]);
    } finally {
      await dashboard.return?.();
      await following;
      await feed.stop();
      await events.close();
    }
  });
});

describe('dashboard queries sharing one reading', () => {
  let shared: TestApp;
  beforeAll(async () => {
    shared = await startTestApp({ DASHBOARD_QUERY_MAX_AGE_MS: '60000' });
  });
  afterAll(() => shared.stop());

  const readOn = async (app: TestApp, wilayaCode: string | null) =>
    (
      await mustQuery<{ dashboard: { computedAt: string; acceptedTotal: number; targetConnections: number } }>(
        app,
        'query ($w: String) { dashboard(wilayaCode: $w) { computedAt acceptedTotal targetConnections } }',
        { w: wilayaCode },
      )
    ).dashboard;
  const read = (wilayaCode: string | null) => readOn(shared, wilayaCode);

  it('answers from one reading until a change announced on the event bus moves the figures, then reads again', async () => {
    const first = await read('16');
    // Counters changed behind the bus's back do not show: the reading is shared for DASHBOARD_QUERY_MAX_AGE_MS.
    await shared.sql("update wilaya_target set target_connections = target_connections + 5 where wilaya_code = '16'");
    const again = await read('16');
    expect(again).toEqual(first);
    const national = await read(null);

    const firm = await activeContractor(shared);
    const id = await installedCustomerSubscription(shared, firm.id);
    await mustQuery(
      shared,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
      { id },
    );
    const moved = await read('16');
    expect(moved.acceptedTotal).toBe(first.acceptedTotal + 1);
    expect(new Date(moved.computedAt).getTime()).toBeGreaterThan(new Date(first.computedAt).getTime());
    expect((await read(null)).acceptedTotal).toBe(national.acceptedTotal + 1);
    // A wilaya the change did not touch keeps its reading.
    const oran = await read('31');
    expect(await read('31')).toEqual(oran);
    await shared.sql("update wilaya_target set target_connections = target_connections - 5 where wilaya_code = '16'");
  });

  it('drops the readings a change moves before answering it, without waiting for the change log to bring the event back', async () => {
    const cut = await startTestApp({ DASHBOARD_QUERY_MAX_AGE_MS: '60000' });
    // The change log's relay held off (its advisory lock taken): no event reaches the feed through the
    // log, so only the commit itself can drop the readings.
    const holder = new pg.Client({ connectionString: cut.database.url });
    await holder.connect();
    await holder.query(`select pg_advisory_lock(${changeLogRelayLock})`);
    try {
      const before = await readOn(cut, '16');
      const national = await readOn(cut, null);
      const firm = await activeContractor(cut);
      const id = await installedCustomerSubscription(cut, firm.id);
      await mustQuery(
        cut,
        'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
        { id },
      );
      expect((await readOn(cut, '16')).acceptedTotal).toBe(before.acceptedTotal + 1);
      expect((await readOn(cut, null)).acceptedTotal).toBe(national.acceptedTotal + 1);
    } finally {
      await holder.end();
      await cut.stop();
    }
  });
});

describe('histogramMedian', () => {
  it('reads the middle observation, or the mean of the two middle ones', () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ value: 3, count: 1 }])).toBe(3);
    expect(
      histogramMedian([
        { value: 9, count: 1 },
        { value: 1, count: 2 },
      ]),
    ).toBe(1);
    expect(
      histogramMedian([
        { value: 2, count: 1 },
        { value: 5, count: 1 },
      ]),
    ).toBe(3.5);
    expect(
      histogramMedian([
        { value: 0, count: 5 },
        { value: 10, count: 4 },
        { value: 20, count: 2 },
      ]),
    ).toBe(10);
  });
});
