import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { badUserInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { addDays, algiersDate, now } from '../../common/time.js';
import { parseInput, recordId, wilayaCode as wilayaCodeSchema } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { viewerContractorId, viewerWilayas } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { FailureReason } from '../customer-subscription/customer-subscription.entity.js';
import { checkPlaceFilter } from '../reference-data/reference-data.service.js';
import { ownerOfStep } from '../service-level/service-level-clocks.js';
import { ServiceLevelStep } from '../service-level/service-level.entity.js';
import { bucketBounds, measures } from './scorecard.recorder.js';
import {
  Scorecard,
  ScorecardRank,
  ScorecardRankFigure,
  ScorecardStep,
  ScorecardWindow,
  type ScorecardFailureCount,
  type ScorecardReserveCount,
} from './scorecard.types.js';

/** Whose scorecard: a firm (in a wilaya, or in all), a wilaya, or the country (both null). */
export interface ScorecardScope {
  readonly contractorId: string | null;
  readonly wilayaCode: string | null;
}

const scopeSchema = z.object({
  contractorId: recordId.nullish(),
  wilayaCode: wilayaCodeSchema.nullish(),
});

/**
 * The scorecard the viewer asked for, after checking it may see it: a firm's users and keys see their
 * own firm's only (in any wilaya; `contractorId` left out means theirs); a DOT manager sees its
 * wilayas' scorecards and those of the firms in them, and so must name one of its wilayas; head
 * office (administrators, finance, viewers) sees every one.
 * @throws DomainError BAD_USER_INPUT (a malformed id, a code no wilaya has), NOT_FOUND (no such firm,
 *   or another firm's for a firm's viewer), FORBIDDEN (a DOT manager outside its wilayas)
 */
export async function requireScorecardAccess(
  context: Context,
  args: { contractorId?: string | null; wilayaCode?: string | null },
): Promise<ScorecardScope> {
  const parsed = parseInput(scopeSchema, { contractorId: args.contractorId, wilayaCode: args.wilayaCode });
  const wilayaCode = parsed.wilayaCode ?? null;
  await checkPlaceFilter(context.em, { wilayaCode });
  const ownFirm = viewerContractorId(context);
  if (ownFirm !== null) {
    if (parsed.contractorId && parsed.contractorId !== ownFirm)
      throw notFound('contractorId', 'Contractor', parsed.contractorId);
    return { contractorId: ownFirm, wilayaCode };
  }
  const wilayas = viewerWilayas(context);
  if (wilayas !== null && (wilayaCode === null || !wilayas.includes(wilayaCode))) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `A DOT manager sees the scorecards of its wilayas and of their firms only (${wilayas.join(', ')}): name one of them`,
      { field: 'wilayaCode' },
    );
  }
  const contractorId = parsed.contractorId ?? null;
  if (contractorId !== null && (await context.em.count(Contractor, { id: contractorId })) === 0) {
    throw notFound('contractorId', 'Contractor', contractorId);
  }
  return { contractorId, wilayaCode };
}

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM', abort: true })
  .refine((month) => month >= '2000-01' && month <= '2100-12', { error: 'must be from 2000 to 2100' });

/** The days of `window` (`month` for MONTH) on `today`, and the counters' period to read. */
export function windowDays(
  window: ScorecardWindow,
  month: string | null | undefined,
  today: string,
): { from: string; to: string; period: 'D' | 'M'; rankMonth: string } {
  if (window === ScorecardWindow.MONTH) {
    if (month === null || month === undefined) throw badUserInput('month', 'is required');
    const first = `${parseInput(monthSchema, month, 'month')}-01`;
    const next = new Date(`${first}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { from: first, to: addDays(next.toISOString().slice(0, 10), -1), period: 'M', rankMonth: month };
  }
  if (month !== null && month !== undefined) throw badUserInput('month', 'goes with window MONTH only');
  const days = window === ScorecardWindow.LAST_30_DAYS ? 30 : 90;
  return { from: addDays(today, -(days - 1)), to: today, period: 'D', rankMonth: today.slice(0, 7) };
}

/** `part / whole` as a decimal string with 4 decimals, null when `whole` is 0. */
function ratio(part: number, whole: number): string | null {
  return whole === 0 ? null : new Decimal(part).dividedBy(whole).toFixed(4, Decimal.ROUND_HALF_UP);
}

/** The time at `share` (0.5 for the median) of a step-time histogram, as the bound of its bucket; null when empty. */
function percentile(histogram: ReadonlyMap<number, number>, total: number, share: number): number | null {
  if (total === 0) return null;
  const wanted = Math.ceil(total * share);
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket)!;
    if (seen >= wanted) return bucketBounds[bucket]!;
  }
  return null;
}

const stepOrder = Object.values(ServiceLevelStep);

/**
 * Reads the scorecard of `scope` over `window` from the counters (`scorecard_counter`): one indexed
 * range of a scope's rows, never the work itself; for a firm, also its ranks that month.
 */
export async function readScorecard(
  em: EntityManager,
  scope: ScorecardScope,
  window: ScorecardWindow,
  month: string | null | undefined,
  today: string,
  rankPlaces: readonly string[] | null = null,
): Promise<Scorecard> {
  const days = windowDays(window, month, today);
  const rows = await em.execute<{ measure: string; value: string }[]>(
    `select measure, (case when measure like '%.worst' then min(value) else sum(value) end)::text as value
       from scorecard_counter
      where wilaya_code = ? and contractor_id = ? and period = ? and day between ? and ?
      group by measure`,
    [scope.wilayaCode ?? '', scope.contractorId ?? '0', days.period, days.from, days.to],
  );
  const ranks =
    scope.contractorId === null ? [] : await firmRanks(em, scope.contractorId, `${days.rankMonth}-01`, rankPlaces);
  return Object.assign(scorecardOf(scope, days, new Map(rows.map((row) => [row.measure, Number(row.value)]))), {
    rankMonth: ranks.length > 0 ? days.rankMonth : null,
    ranks,
  });
}

/** The scorecard of `scope` over `days` from its counters' values by measure, without ranks. */
function scorecardOf(
  scope: ScorecardScope,
  days: { readonly from: string; readonly to: string },
  value: ReadonlyMap<string, number>,
): Scorecard {
  const count = (measure: string) => value.get(measure) ?? 0;
  const reserves: ScorecardReserveCount[] = [];
  const failures: ScorecardFailureCount[] = [];
  const histograms = new Map<ServiceLevelStep, Map<number, number>>();
  for (const [measure, amount] of value) {
    if (amount <= 0) continue;
    if (measure.startsWith('reserve:')) reserves.push({ reserve: measure.slice('reserve:'.length), count: amount });
    else if (measure.startsWith('failed:')) {
      const reason = measure.slice('failed:'.length) as FailureReason;
      if (Object.values(FailureReason).includes(reason)) failures.push({ reason, count: amount });
    } else {
      const bucket = /^step:([A-Z_]+):b(\d+)$/.exec(measure);
      if (bucket) {
        const step = bucket[1] as ServiceLevelStep;
        const histogram = histograms.get(step) ?? new Map<number, number>();
        histogram.set(Number(bucket[2]), amount);
        histograms.set(step, histogram);
      }
    }
  }
  const steps = stepOrder
    .filter((step) => count(measures.stepEnded(step)) > 0)
    .map((step) => {
      const ended = count(measures.stepEnded(step));
      const onTime = count(measures.stepOnTime(step));
      const histogram = histograms.get(step) ?? new Map<number, number>();
      return Object.assign(new ScorecardStep(), {
        step,
        owner: ownerOfStep[step],
        ended,
        onTime,
        onTimeShare: ratio(onTime, ended),
        medianMinutes: percentile(histogram, ended, 0.5),
        p90Minutes: percentile(histogram, ended, 0.9),
      });
    });
  const accepted = count(measures.accepted);
  const firstTimeRight = count(measures.firstTimeRight);
  const decided = count(measures.decided);
  const rejected = count(measures.rejected);
  const failed = count(measures.failed);
  const measured = count(measures.marginCount);
  const inDb = (thousandths: Decimal.Value) =>
    new Decimal(thousandths).dividedBy(1000).toFixed(3, Decimal.ROUND_HALF_UP);
  return Object.assign(new Scorecard(), {
    contractorId: scope.contractorId,
    wilayaCode: scope.wilayaCode,
    from: days.from,
    to: days.to,
    accepted,
    firstTimeRight,
    firstTimeRightRate: ratio(firstTimeRight, accepted),
    decided,
    rejected,
    rejectionRate: ratio(rejected, decided),
    topReserves: reserves.sort((a, b) => b.count - a.count || a.reserve.localeCompare(b.reserve)).slice(0, 5),
    failed,
    failureRate: ratio(failed, accepted + failed),
    failuresByReason: failures.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    qualityMargin: {
      measured,
      averageDb: measured === 0 ? null : inDb(new Decimal(count(measures.marginSum)).dividedBy(measured)),
      worstDb: measured === 0 ? null : inDb(count(measures.marginWorst)),
    },
    steps,
    rankMonth: null,
    ranks: [],
  });
}

/**
 * The places of firm `contractorId` in the month starting `monthStart`: among the country's firms and
 * among those of each wilaya it works in (its operating wilayas), those of `among` only when given
 * (a DOT manager's: its own wilayas, not the country). Ratios are compared exactly (cross products).
 */
async function firmRanks(
  em: EntityManager,
  contractorId: string,
  monthStart: string,
  among: readonly string[] | null,
): Promise<ScorecardRank[]> {
  const operating = await em.execute<{ wilaya_code: string }[]>(
    'select wilaya_code from contractor_wilaya where contractor_id = ?',
    [contractorId],
  );
  const places = ['', ...operating.map((row) => row.wilaya_code)].filter(
    (code) => among === null || among.includes(code),
  );
  if (places.length === 0) return [];
  const rows = await em.execute<
    { wilaya_code: string; figure: ScorecardRankFigure; rank: number | null; ranked: number }[]
  >(
    `with "firms" as (
       select wilaya_code, contractor_id, accepted, first_time_right, steps_ended as ended, steps_on_time as on_time
         from scorecard_firm_month where month = ? and wilaya_code in (?)
     ), "own" as (select * from "firms" where contractor_id = ?)
     select f.wilaya_code, 'FIRST_TIME_RIGHT' as figure,
            case when o.accepted > 0 then 1 + count(*) filter (where f.accepted > 0 and f.first_time_right * o.accepted > o.first_time_right * f.accepted) end::int as rank,
            count(*) filter (where f.accepted > 0)::int as ranked
       from "firms" f join "own" o on o.wilaya_code = f.wilaya_code
      group by f.wilaya_code, o.accepted
     union all
     select f.wilaya_code, 'ON_TIME',
            case when o.ended > 0 then 1 + count(*) filter (where f.ended > 0 and f.on_time * o.ended > o.on_time * f.ended) end::int,
            count(*) filter (where f.ended > 0)::int
       from "firms" f join "own" o on o.wilaya_code = f.wilaya_code
      group by f.wilaya_code, o.ended
      order by 1, 2`,
    [monthStart, places, contractorId],
  );
  return rows.map((row) =>
    Object.assign(new ScorecardRank(), {
      wilayaCode: row.wilaya_code === '' ? null : row.wilaya_code,
      figure: row.figure,
      rank: row.rank,
      rankedFirms: row.ranked,
    }),
  );
}

/**
 * The scorecard of `scope` in each of the `months` calendar months up to the current one (Algiers),
 * oldest first, without ranks: one read of the months' counters.
 */
export async function readScorecardTrend(
  em: EntityManager,
  scope: ScorecardScope,
  months: number,
  today: string,
): Promise<Scorecard[]> {
  const firstDays = Array.from({ length: months }, (_, back) => {
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - (months - 1 - back));
    return first.toISOString().slice(0, 10);
  });
  const rows = await em.execute<{ day: string; measure: string; value: string }[]>(
    `select to_char(day, 'YYYY-MM-DD') as day, measure, value::text
       from scorecard_counter
      where wilaya_code = ? and contractor_id = ? and period = 'M' and day between ? and ?`,
    [scope.wilayaCode ?? '', scope.contractorId ?? '0', firstDays[0], firstDays.at(-1)],
  );
  const byMonth = new Map(firstDays.map((day) => [day, new Map<string, number>()]));
  for (const row of rows) byMonth.get(row.day)?.set(row.measure, Number(row.value));
  return firstDays.map((first) => {
    const days = windowDays(ScorecardWindow.MONTH, first.slice(0, 7), today);
    return scorecardOf(scope, days, byMonth.get(first)!);
  });
}

/**
 * The scorecard of `scope` (checked by `requireScorecardAccess`) over `window` for the viewer of
 * `context`, today by its clock: a DOT manager sees a firm's ranks in its own wilayas only.
 */
export function viewerScorecard(
  context: Context,
  scope: ScorecardScope,
  window: ScorecardWindow | null,
  month: string | null,
): Promise<Scorecard> {
  return readScorecard(
    context.em,
    scope,
    window ?? ScorecardWindow.LAST_30_DAYS,
    month,
    todayOf(context),
    viewerWilayas(context),
  );
}

/** Today in Algiers by the context's clock. */
export function todayOf(context: Context): string {
  return algiersDate(now(context));
}
