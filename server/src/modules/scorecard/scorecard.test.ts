import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createCustomerSubscription, mustQuery } from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { subscribe } from '../../../test/live.js';
import { firmUser } from '../../../test/notifications.js';
import {
  assignCustomerSubscription,
  markInstallationFailed,
  scheduleInstallation,
} from '../customer-subscription/customer-subscription.service.js';
import { FailureReason } from '../customer-subscription/customer-subscription.entity.js';
import { reportInstallation } from '../customer-subscription/installation-report.service.js';
import { defaultQualityThresholds } from '../customer-subscription/installation-quality.js';
import type { Context } from '../../context.js';
import { acceptInstallation, rejectInstallation } from '../invoice/acceptance.service.js';
import { bucketBounds, bucketOf, marginOf, recordAllScorecards, reserveKey } from './scorecard.recorder.js';
import { readScorecardTrend } from './scorecard.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

/** A context at `instant` that judges reports against the default thresholds, as the test server's consumer measures margins. */
function at(instant: string): Context {
  const context = contextAt(t.app.orm, instant);
  return { ...context, settings: { ...context.settings!, qualityThresholds: defaultQualityThresholds } };
}

/** Work of `firmId` ordered Monday 9 November 2026 at 09:00 (Algiers), assigned at 11:00, its appointment set at 13:00 for the Tuesday at 09:00. */
async function scheduled(firmId: string): Promise<string> {
  const work = await createCustomerSubscription(t, { orderedAt: '2026-11-09T08:00:00Z' });
  await assignCustomerSubscription(at('2026-11-09T10:00:00Z'), work.id, 1, firmId);
  await scheduleInstallation(at('2026-11-09T12:00:00Z'), work.id, 2, new Date('2026-11-10T08:00:00Z'));
  return work.id;
}

/** Reports `id` (at `version`) at `reportedAt`, installed an hour before, class B+ at `power` dBm. */
async function report(id: string, version: number, reportedAt: string, power: string): Promise<void> {
  await reportInstallation(at(reportedAt), {
    id,
    expectedVersion: version,
    installedAt: new Date(Date.parse(reportedAt) - 3_600_000),
    technicianName: 'Walid Khelifi',
    networkClass: 'B_PLUS',
    receivedPowerDbm: power,
    lines: [{ code: 'RAC-STD', quantity: '1' }],
  });
}

const cardFields = `contractorId wilayaCode from to accepted firstTimeRight firstTimeRightRate decided rejected rejectionRate
  topReserves { reserve count } failed failureRate failuresByReason { reason count }
  qualityMargin { measured averageDb worstDb }
  steps { step owner ended onTime onTimeShare medianMinutes p90Minutes } rankMonth ranks { wilayaCode figure rank rankedFirms }`;

type Card = Record<string, unknown> & { steps: { step: string; ended: number; medianMinutes: number }[] };

async function card(
  args: { contractorId?: string; wilayaCode?: string; window?: string; month?: string },
  headers?: Record<string, string>,
) {
  return t.graphql<{ scorecard: Card }>(
    `query ($c: ID, $w: String, $window: ScorecardWindow!, $month: String) {
       scorecard(contractorId: $c, wilayaCode: $w, window: $window, month: $month) { ${cardFields} } }`,
    { c: args.contractorId, w: args.wilayaCode, window: args.window ?? 'MONTH', month: args.month },
    headers,
  );
}

/** The bound of the histogram bucket `minutes` falls in: what a median of them reads. */
const bound = (minutes: number) => bucketBounds[bucketOf(minutes)];

describe('scorecards, counted from the work as it moves, with a controlled clock', () => {
  let firm: { id: string };
  let rival: { id: string };

  beforeAll(async () => {
    firm = await activeContractor(t);
    rival = await activeContractor(t);
    // A: first time right, −21.5 dBm (5.5 dB inside B+'s −27 to −8). Reported on the Tuesday at
    // 12:00, installed at 11:00; accepted on the Wednesday at 10:00.
    const a = await scheduled(firm.id);
    await report(a, 3, '2026-11-10T11:00:00Z', '-21.5');
    await acceptInstallation(at('2026-11-11T09:00:00Z'), { id: a, expectedVersion: 4 });
    // B: rejected on the Thursday at 11:00 with two reserves, reported again on the Sunday at
    // 11:00 at −25 dBm (2 dB inside), accepted on the Monday at 10:00.
    const b = await scheduled(firm.id);
    await report(b, 3, '2026-11-10T11:00:00Z', '-21.5');
    await rejectInstallation(at('2026-11-12T10:00:00Z'), {
      id: b,
      expectedVersion: 4,
      reserves: ['Photo floue', '  PTO  mal fixée '],
    });
    await report(b, 5, '2026-11-15T10:00:00Z', '-25');
    await acceptInstallation(at('2026-11-16T09:00:00Z'), { id: b, expectedVersion: 6 });
    // C: the customer was absent an hour into the appointment.
    const c = await scheduled(firm.id);
    await markInstallationFailed(at('2026-11-10T09:00:00Z'), c, 3, { failureReason: FailureReason.CUSTOMER_ABSENT });
    // The rival firm: one piece of work, first time right.
    const d = await scheduled(rival.id);
    await report(d, 3, '2026-11-10T11:00:00Z', '-20');
    await acceptInstallation(at('2026-11-11T09:00:00Z'), { id: d, expectedVersion: 4 });
    // The change log's consumer counts them a moment after they commit.
    await eventually(async () => {
      const { body } = await card({ contractorId: rival.id, month: '2026-11' });
      expect(body.data?.scorecard.accepted).toBe(1);
      const mine = await card({ contractorId: firm.id, month: '2026-11' });
      expect(mine.body.data?.scorecard.accepted).toBe(2);
      expect(mine.body.data?.scorecard.failed).toBe(1);
    });
  });

  it("gives a firm's month: volume, first time right, rejections and their reserves, failures, quality margin, each step's times, and its ranks", async () => {
    const { body } = await card({ contractorId: firm.id, month: '2026-11' });
    expect(body.errors).toBeUndefined();
    const scorecard = body.data!.scorecard;
    expect(scorecard).toMatchObject({
      contractorId: firm.id,
      wilayaCode: null,
      from: '2026-11-01',
      to: '2026-11-30',
      accepted: 2,
      firstTimeRight: 1,
      firstTimeRightRate: '0.5000',
      decided: 3,
      rejected: 1,
      rejectionRate: '0.3333',
      topReserves: [
        { reserve: 'photo floue', count: 1 },
        { reserve: 'pto mal fixée', count: 1 },
      ],
      failed: 1,
      failureRate: '0.3333',
      failuresByReason: [{ reason: 'CUSTOMER_ABSENT', count: 1 }],
      // 5.5 dB and 2 dB inside the window.
      qualityMargin: { measured: 2, averageDb: '3.750', worstDb: '2.000' },
      rankMonth: '2026-11',
    });
    // The order's step is AT's before any firm has the work: it counts for the wilaya and the country, not the firm.
    expect(scorecard.steps).toEqual([
      // Assigned 11:00, appointment set 13:00: two hours, for each of the three.
      {
        step: 'ASSIGNMENT_TO_APPOINTMENT',
        owner: 'CONTRACTOR',
        ended: 3,
        onTime: 3,
        onTimeShare: '1.0000',
        medianMinutes: bound(120),
        p90Minutes: bound(120),
      },
      // Appointment 09:00, installed 11:00; C's appointment was left by its failure within the target: counted neither way.
      {
        step: 'APPOINTMENT_TO_INSTALLATION',
        owner: 'CONTRACTOR',
        ended: 2,
        onTime: 2,
        onTimeShare: '1.0000',
        medianMinutes: bound(120),
        p90Minutes: bound(120),
      },
      // A: Tuesday 12:00 to Wednesday 10:00 (22 h); B: to Thursday 11:00 (47 h), then Sunday 11:00 to Monday 10:00 (23 h).
      {
        step: 'REPORT_TO_DECISION',
        owner: 'ALGERIE_TELECOM',
        ended: 3,
        onTime: 3,
        onTimeShare: '1.0000',
        medianMinutes: bound(23 * 60),
        p90Minutes: bound(47 * 60),
      },
      // Thursday 11:00 to Sunday 11:00 in working time: 13 h on the Thursday, 11 h on the Sunday.
      {
        step: 'REJECTION_TO_NEW_REPORT',
        owner: 'CONTRACTOR',
        ended: 1,
        onTime: 1,
        onTimeShare: '1.0000',
        medianMinutes: bound(24 * 60),
        p90Minutes: bound(24 * 60),
      },
    ]);
    // The rival's first time right is 1, this firm's 0.5: second of two, in Algiers and in the country; both on time.
    expect(scorecard['ranks']).toEqual([
      { wilayaCode: null, figure: 'FIRST_TIME_RIGHT', rank: 2, rankedFirms: 2 },
      { wilayaCode: null, figure: 'ON_TIME', rank: 1, rankedFirms: 2 },
      { wilayaCode: '16', figure: 'FIRST_TIME_RIGHT', rank: 2, rankedFirms: 2 },
      { wilayaCode: '16', figure: 'ON_TIME', rank: 1, rankedFirms: 2 },
    ]);
  });

  it("gives the wilaya's and the country's, with AT's own step of the order; the month before and after are empty", async () => {
    const wilaya = (await card({ wilayaCode: '16', month: '2026-11' })).body.data!.scorecard;
    expect(wilaya).toMatchObject({ contractorId: null, wilayaCode: '16', accepted: 3, firstTimeRight: 2, ranks: [] });
    expect(wilaya.steps[0]).toEqual({
      step: 'ORDER_TO_ASSIGNMENT',
      owner: 'ALGERIE_TELECOM',
      ended: 4,
      onTime: 4,
      onTimeShare: '1.0000',
      medianMinutes: bound(120),
      p90Minutes: bound(120),
    });
    const country = (await card({ month: '2026-11' })).body.data!.scorecard;
    expect(country).toMatchObject({ accepted: 3, firstTimeRight: 2, decided: 4, failed: 1 });
    for (const month of ['2026-10', '2027-01']) {
      expect((await card({ month })).body.data!.scorecard).toMatchObject({ accepted: 0, steps: [], topReserves: [] });
    }
    // Each month of the trend, up to the current one, is that month's scorecard.
    const trend = await readScorecardTrend(
      t.app.orm.em.fork(),
      { contractorId: firm.id, wilayaCode: null },
      3,
      '2026-12-07',
    );
    expect(trend.map((month) => [month.from, month.to, month.accepted, month.firstTimeRightRate])).toEqual([
      ['2026-10-01', '2026-10-31', 0, null],
      ['2026-11-01', '2026-11-30', 2, '0.5000'],
      ['2026-12-01', '2026-12-31', 0, null],
    ]);
  });

  it('counts each change once, however often the consumer reads it', async () => {
    const before = (await card({ contractorId: firm.id, month: '2026-11' })).body.data!.scorecard;
    expect(await recordAllScorecards(t.app.orm, {})).toBeGreaterThan(0);
    const after = (await card({ contractorId: firm.id, month: '2026-11' })).body.data!.scorecard;
    expect(after).toEqual(before);
    const [kept] = await t.sql<{ runs: string; distinct_runs: string }>(
      `select count(*)::text as runs, count(distinct (record_id, step, started_at))::text as distinct_runs from service_level_step_time`,
    );
    expect(kept!.runs).toBe(kept!.distinct_runs);
  });

  it('counts the same from scratch, a batch at a time, as the consumer counted change by change', async () => {
    // Ten more orders, so that ids pass from one digit to two within the batches.
    for (let order = 0; order < 10; order++) await createCustomerSubscription(t);
    const records = async () =>
      (
        await t.sql<{ work: string; counted: string }>(
          `select (select count(*) from customer_subscription)::text as work,
                  (select count(*) from scorecard_progress where record_type = 'CUSTOMER_SUBSCRIPTION')::text as counted`,
        )
      )[0]!;
    await eventually(async () => {
      const { work, counted } = await records();
      expect(counted).toBe(work);
    });
    const cards = async () => [
      (await card({ contractorId: firm.id, month: '2026-11' })).body.data!.scorecard,
      (await card({ wilayaCode: '16', month: '2026-11' })).body.data!.scorecard,
      (await card({ month: '2026-11' })).body.data!.scorecard,
    ];
    const counted = await cards();
    await t.sql('truncate scorecard_counter, scorecard_firm_month, scorecard_progress, service_level_step_time');
    expect(await recordAllScorecards(t.app.orm, defaultQualityThresholds, 3)).toBeGreaterThanOrEqual(14);
    expect(await cards()).toEqual(counted);
    const { work, counted: recounted } = await records();
    expect(recounted).toBe(work);
  });

  it("pushes a firm's scorecard at once, then when its work is accepted, and refuses another firm's", async () => {
    const user = await firmUser(t, rival.id, false);
    const query = `subscription ($window: ScorecardWindow!, $month: String) {
      scorecardChanged(window: $window, month: $month) { contractorId accepted firstTimeRight } }`;
    const live = await subscribe<{ scorecardChanged: { contractorId: string; accepted: number } }>(
      t.url,
      user.authorization,
      query,
      { window: 'MONTH', month: '2026-11' },
    );
    try {
      expect(live.received[0]!.data.scorecardChanged).toEqual({
        contractorId: rival.id,
        accepted: 1,
        firstTimeRight: 1,
      });
      const work = await scheduled(rival.id);
      await report(work, 3, '2026-11-10T11:00:00Z', '-20');
      await acceptInstallation(at('2026-11-20T09:00:00Z'), { id: work, expectedVersion: 4 });
      await eventually(() =>
        expect(live.received.at(-1)!.data.scorecardChanged).toEqual({
          contractorId: rival.id,
          accepted: 2,
          firstTimeRight: 2,
        }),
      );
    } finally {
      await live.close();
    }
    await expect(
      subscribe(
        t.url,
        user.authorization,
        `subscription { scorecardChanged(contractorId: "${firm.id}") { accepted } }`,
      ),
    ).rejects.toThrow(/NOT_FOUND|Contractor/);
  });

  it("shows a firm its own scorecard only, a DOT manager its wilayas' only, and refuses bad input with a code", async () => {
    const user = await firmUser(t, firm.id, false);
    const own = await card({ month: '2026-11' }, { authorization: user.authorization });
    expect(own.body.data?.scorecard).toMatchObject({ contractorId: firm.id, accepted: 2 });
    const other = await card({ contractorId: rival.id, month: '2026-11' }, { authorization: user.authorization });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contractorId' });

    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-scorecards@at.test',
        displayName: 'DOT Oran',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['31'],
      },
    });
    const dot = { authorization: `Bearer ${await signIn(t.url, 'dot-scorecards@at.test', 'dot manager password')}` };
    expect((await card({ wilayaCode: '31', month: '2026-11' }, dot)).body.data?.scorecard.accepted).toBe(0);
    // A DOT manager of Algiers sees a firm's places among Algiers' firms, not the country's nor another wilaya's.
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-alger-scorecards@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });
    const algiers = {
      authorization: `Bearer ${await signIn(t.url, 'dot-alger-scorecards@at.test', 'dot manager password')}`,
    };
    const seen = await card({ contractorId: firm.id, wilayaCode: '16', month: '2026-11' }, algiers);
    expect(seen.body.data?.scorecard['ranks']).toEqual([
      { wilayaCode: '16', figure: 'FIRST_TIME_RIGHT', rank: 2, rankedFirms: 2 },
      { wilayaCode: '16', figure: 'ON_TIME', rank: 1, rankedFirms: 2 },
    ]);
    for (const args of [{}, { wilayaCode: '16' }, { contractorId: firm.id }]) {
      const { body } = await card({ ...args, month: '2026-11' }, dot);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'wilayaCode' });
    }

    const refused = async (args: Parameters<typeof card>[0], field: string, reason: string) => {
      const { body } = await card(args);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reasonCode: reason });
    };
    await refused({ window: 'MONTH' }, 'month', 'REQUIRED');
    await refused({ window: 'LAST_30_DAYS', month: '2026-11' }, 'month', 'MONTH_WINDOW_ONLY');
    await refused({ month: '2026-13' }, 'month', 'MONTH');
    await refused({ month: '0000-01' }, 'month', 'YEAR_RANGE');
    await refused({ wilayaCode: '99', month: '2026-11' }, 'wilayaCode', 'WILAYA_CODE_RANGE');
    await refused({ contractorId: 'abc', month: '2026-11' }, 'contractorId', 'RECORD_ID');
    const missing = await card({ contractorId: '999999999', month: '2026-11' });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    // A null window or number of months is the default, as leaving it out.
    const { body: defaults } = await t.graphql(
      'query ($w: ScorecardWindow, $n: Int) { scorecard(window: $w) { from to } scorecardTrend(months: $n) { from } }',
      { w: null, n: null },
    );
    expect(defaults.errors).toBeUndefined();
    expect((defaults.data as { scorecardTrend: unknown[] }).scorecardTrend).toHaveLength(12);
    const { body: months } = await t.graphql('query { scorecardTrend(months: 25) { from } }');
    expect(months.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
  });
});

describe('the arithmetic of the counters', () => {
  it('reads a time from its histogram bucket at most 10 % above it, and exactly up to 20 minutes', () => {
    for (let minutes = 0; minutes <= 20; minutes++) expect(bound(minutes)).toBe(minutes);
    for (const minutes of [21, 119, 120, 1440, 2820, 43_200, 525_600, 10_000_000]) {
      expect(bound(minutes)).toBeGreaterThanOrEqual(minutes);
      expect(bound(minutes)).toBeLessThanOrEqual(Math.ceil(minutes * 1.1));
    }
  });

  it('measures the quality margin to the nearer edge of the window, exactly, negative outside it', () => {
    const bPlus = { minReceivedPowerDbm: '-27', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' };
    expect(marginOf('-21.5', bPlus)).toBe(5500);
    expect(marginOf('-9.999', bPlus)).toBe(1999);
    expect(marginOf('-27.3', bPlus)).toBe(-300);
  });

  it('counts a reserve by its text, trimmed, folded and in lower case', () => {
    expect(reserveKey('  PTO\tmal   fixée ')).toBe('pto mal fixée');
    // Cut at 120 characters, not UTF-16 units: an emoji there stays whole (half of one made every later count fail).
    expect(reserveKey(`${'a'.repeat(119)}😀 et la suite`)).toBe(`${'a'.repeat(119)}😀`);
  });
});
