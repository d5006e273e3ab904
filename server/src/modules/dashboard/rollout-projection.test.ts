import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, mustQuery } from '../../../test/api.js';
import { subscribe } from '../../../test/live.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { addDays } from '../../common/time.js';
import { asDashboard, type Dashboard } from './dashboard.resolver.js';
import { readDashboard } from './dashboard.service.js';
import { RolloutStatus } from './rollout-projection.js';

let t: TestApp;
beforeAll(async () => {
  // A deadline of its own, to see that the configuration is the one the API projects against.
  t = await startTestApp({ ROLLOUT_DEADLINE: '2027-06-30' });
});
afterAll(() => t.stop());

/** Noon in Algiers on 10 January 2027: the pace is measured from 15 November 2026 to 9 January 2027. */
const instant = new Date('2027-01-10T11:00:00Z');
const today = '2027-01-10';
const deadline = '2027-12-31';

/**
 * Sets the counters of `wilayaCode` as months of work would have left them: its target, its
 * acceptances in all, and its acceptances in each of the 8 weeks before today (oldest first), put on
 * the first day of even weeks and the last day of odd ones, so that both edges of a week count.
 */
async function history(
  wilayaCode: string,
  figures: { target: number; accepted: number; weeks: readonly number[]; outside?: boolean },
): Promise<void> {
  if (figures.target > 0)
    await t.sql('insert into wilaya_target (wilaya_code, target_connections) values ($1, $2)', [
      wilayaCode,
      figures.target,
    ]);
  await t.sql("insert into wilaya_backlog (wilaya_code, status, customer_subscriptions) values ($1, 'ACCEPTED', $2)", [
    wilayaCode,
    figures.accepted,
  ]);
  const days = figures.weeks.map((accepted, week) => ({
    day: addDays(today, -56 + 7 * week + (week % 2 === 0 ? 0 : 6)),
    accepted,
  }));
  // Acceptances outside the weeks measured: the day before the first, and today (not over).
  if (figures.outside) days.push({ day: addDays(today, -57), accepted: 30 }, { day: today, accepted: 30 });
  for (const { day, accepted } of days.filter((row) => row.accepted > 0))
    await t.sql(
      'insert into wilaya_acceptance_day (wilaya_code, day, accepted, first_time_right) values ($1, $2, $3, 0)',
      [wilayaCode, day, accepted],
    );
}

const read = async (wilayaCode: string | null, until = deadline): Promise<Dashboard> =>
  asDashboard(await readDashboard(t.app.orm.em.fork(), wilayaCode, instant), until);

describe('where the roll-out stands against its deadline', () => {
  beforeAll(async () => {
    await history('01', { target: 1000, accepted: 200, weeks: [18, 22, 18, 22, 18, 22, 18, 22] });
    await history('02', { target: 700, accepted: 200, weeks: [5, 15, 5, 15, 5, 15, 5, 15] });
    await history('03', { target: 700, accepted: 200, weeks: [2, 2, 2, 2, 2, 2, 2, 2] });
    await history('04', { target: 100, accepted: 10, weeks: [0, 0, 0, 0, 0, 0, 0, 0], outside: true });
    await history('05', { target: 50, accepted: 50, weeks: [0, 0, 5, 0, 0, 0, 0, 0] });
    await history('06', { target: 0, accepted: 3, weeks: [1, 0, 0, 0, 0, 0, 0, 2] });
    await history('07', { target: 300, accepted: 200, weeks: [0, 0, 0, 0, 0, 0, 0, 40] });
  });

  it('projects a steady pace that even at its slow end makes the deadline: ON_TRACK, with the pace it needs', async () => {
    const { projection } = await read('01');
    // mean 20, standard deviation √(32/7), margin 1.8946 × √(32/7) ÷ √8 = 1.4322.
    expect(projection).toMatchObject({
      deadline,
      targetConnections: 1000,
      acceptedTotal: 200,
      remaining: 800,
      paceFrom: '2026-11-15',
      paceTo: '2027-01-09',
      weeklyAcceptances: [18, 22, 18, 22, 18, 22, 18, 22],
      weeklyPace: 20,
      // 800 × 7 ÷ 21.4322 = 261.3 days: the 262nd day from today; 800 × 7 ÷ 18.5678 = 301.6: the 302nd.
      earliestCompletion: '2027-09-28',
      latestCompletion: '2027-11-07',
      status: RolloutStatus.ON_TRACK,
    });
    expect(projection.weeklyPaceLow).toBeCloseTo(18.5678, 3);
    expect(projection.weeklyPaceHigh).toBeCloseTo(21.4322, 3);
    // 800 in the 356 days from 10 January to 31 December 2027, both counted: 800 ÷ (356 ÷ 7) a week.
    expect(projection.neededWeeklyPace).toBeCloseTo(15.7303, 3);
  });

  it('says AT_RISK when the interval straddles the deadline, BEHIND when even its fast end misses it', async () => {
    const risky = (await read('02')).projection;
    // mean 10 ± 1.8946 × √(200/7) ÷ √8 = 3.5804; 500 left needs 9.83 a week.
    expect(risky.weeklyPaceLow).toBeCloseTo(6.4196, 3);
    expect(risky.weeklyPaceHigh).toBeCloseTo(13.5804, 3);
    expect(risky.neededWeeklyPace).toBeCloseTo(9.8315, 3);
    expect(risky).toMatchObject({ status: RolloutStatus.AT_RISK, earliestCompletion: '2027-09-24' });
    expect(risky.latestCompletion! > deadline).toBe(true);

    const behind = (await read('03')).projection;
    // 2 a week, with no spread: 500 × 7 ÷ 2 = 1750 days.
    expect(behind).toMatchObject({
      weeklyPace: 2,
      weeklyPaceLow: 2,
      weeklyPaceHigh: 2,
      earliestCompletion: addDays(today, 1749),
      latestCompletion: addDays(today, 1749),
      status: RolloutStatus.BEHIND,
    });
  });

  it('gives no date at a slow end of 0, and none at all with nothing accepted in the weeks measured', async () => {
    const spiky = (await read('07')).projection;
    // One week of 40 in eight: mean 5, margin 9.4730, the slow end 0.
    expect(spiky.weeklyPaceLow).toBe(0);
    expect(spiky.weeklyPaceHigh).toBeCloseTo(14.473, 3);
    expect(spiky).toMatchObject({ weeklyPace: 5, latestCompletion: null, status: RolloutStatus.AT_RISK });
    expect(spiky.earliestCompletion).toBe(addDays(today, Math.ceil(700 / spiky.weeklyPaceHigh) - 1));

    // Acceptances the day before the weeks measured and today do not count.
    expect((await read('04')).projection).toMatchObject({
      remaining: 90,
      weeklyAcceptances: [0, 0, 0, 0, 0, 0, 0, 0],
      weeklyPace: 0,
      weeklyPaceLow: 0,
      weeklyPaceHigh: 0,
      earliestCompletion: null,
      latestCompletion: null,
      neededWeeklyPace: (90 * 7) / 356,
      status: RolloutStatus.NO_PACE,
    });
  });

  it('says REACHED once the target is met and NO_TARGET without one', async () => {
    expect((await read('05')).projection).toMatchObject({
      remaining: 0,
      earliestCompletion: null,
      latestCompletion: null,
      neededWeeklyPace: 0,
      status: RolloutStatus.REACHED,
    });
    expect((await read('06')).projection).toMatchObject({
      targetConnections: 0,
      weeklyAcceptances: [1, 0, 0, 0, 0, 0, 0, 2],
      status: RolloutStatus.NO_TARGET,
    });
  });

  it('projects the country from the sum over its wilayas, and each wilaya in the national table', async () => {
    const national = await read(null);
    const rows = national.wilayas.map((row) => row.projection);
    const sum = (pick: (projection: (typeof rows)[number]) => number) =>
      rows.reduce((total, projection) => total + pick(projection), 0);
    expect(national.projection).toMatchObject({
      targetConnections: sum((row) => row.targetConnections),
      acceptedTotal: sum((row) => row.acceptedTotal),
      weeklyAcceptances: [26, 39, 30, 39, 25, 39, 25, 81],
    });
    // 2850 − 863 = 1987 left needs 39.07 a week; 38 a week ± 1.8946 × 18.51 ÷ √8 straddles it.
    expect(national.projection).toMatchObject({
      targetConnections: 2850,
      acceptedTotal: 863,
      weeklyPace: 38,
      earliestCompletion: '2027-10-12',
      latestCompletion: '2028-07-06',
      status: RolloutStatus.AT_RISK,
    });
    expect(national.projection.neededWeeklyPace).toBeCloseTo(39.0702, 3);
    expect(
      Object.fromEntries(
        national.wilayas
          .filter((row) => row.projection.status !== RolloutStatus.NO_TARGET)
          .map((row) => [row.wilaya.code, row.projection.status]),
      ),
    ).toEqual({
      '01': RolloutStatus.ON_TRACK,
      '02': RolloutStatus.AT_RISK,
      '03': RolloutStatus.BEHIND,
      '04': RolloutStatus.NO_PACE,
      '05': RolloutStatus.REACHED,
      '07': RolloutStatus.AT_RISK,
    });
    expect(national.wilayas.find((row) => row.wilaya.code === '01')!.projection).toEqual((await read('01')).projection);
  });

  it('needs no pace, and is BEHIND, once the deadline has passed with connections remaining', async () => {
    expect((await read('01', '2026-12-31')).projection).toMatchObject({
      earliestCompletion: '2027-09-28',
      neededWeeklyPace: null,
      status: RolloutStatus.BEHIND,
    });
  });

  it('projects against the configured deadline in the API', async () => {
    const { dashboard } = await mustQuery<{
      dashboard: { projection: { deadline: string; status: string }; wilayas: { projection: { status: string } }[] };
    }>(t, 'query { dashboard { projection { deadline status } wilayas { projection { status } } } }');
    expect(dashboard.projection.deadline).toBe('2027-06-30');
    expect(Object.values(RolloutStatus)).toContain(dashboard.projection.status);
    expect(dashboard.wilayas).toHaveLength(58);
  });

  it('moves live: a site added pushes the projection with its target', async () => {
    type Pushed = { dashboardChanged: { projection: { targetConnections: number; remaining: number } } };
    const live = await subscribe<Pushed>(
      t.url,
      `Bearer ${t.adminToken}`,
      'subscription { dashboardChanged { projection { targetConnections remaining } } }',
    );
    const before = live.received[0]!.data.dashboardChanged.projection;
    await createSite(t, { targetConnections: 40 });
    expect(await live.waitFor(2)).toBe(2);
    expect(live.received[1]!.data.dashboardChanged.projection).toEqual({
      targetConnections: before.targetConnections + 40,
      remaining: before.remaining + 40,
    });
    await live.close();
  });
});
