import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { addDays, algiersDate } from '../../common/time.js';
import type { Context } from '../../context.js';
import { viewerWilayas } from '../auth/scope.js';
import { CustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.entity.js';
import { openStatuses } from '../customer-subscription/customer-subscription.lifecycle.js';
import { parseInput, wilayaCode as wilayaCodeSchema } from '../../common/validation.js';
import { checkPlaceFilter } from '../reference-data/reference-data.service.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { paceWeeks, paceWindow } from './rollout-projection.js';

/** Invoices in one status: how many, how much, and how long they have waited in it. */
export interface InvoiceAgeing {
  readonly invoices: number;
  /** DZD centimes: net payable for invoices awaiting approval, balance due for those approved (paid in part or not at all). */
  readonly amountCentimes: string;
  /** Whole days the longest-waiting one has waited — since submission, or since approval — null when there is none. */
  readonly oldestDays: number | null;
  /** Mean of the whole days each one has waited, to one decimal (never above `oldestDays`); null when none. */
  readonly averageDays: number | null;
}

/** One wilaya's line in the national table and on the national map. */
export interface WilayaProgressFigures {
  readonly wilaya: Wilaya;
  readonly acceptedTotal: number;
  readonly targetConnections: number;
  /** Acceptances in each of the last `paceWeeks` full weeks (`paceWindow`), oldest first. */
  readonly weeklyAcceptances: readonly number[];
  /** Customer subscriptions in an open status (`openStatuses`). */
  readonly openWork: number;
  /** Customer subscriptions INSTALLED: installation reports waiting for AT's acceptance. */
  readonly reportsAwaitingAcceptance: number;
  /** Whole days the longest-waiting of them has waited since its report; null when none waits. */
  readonly oldestReportWaitDays: number | null;
  /** SCHEDULED work whose appointment fell on a day before today (Algiers) and still has no report. */
  readonly lateWork: number;
  /** The invoices billing work in the wilaya that are approved and not paid in full. */
  readonly approvedUnpaid: InvoiceAgeing;
}

/** The figures of docs/domain.md, "What the live dashboards show",, for a wilaya or the whole country. */
export interface DashboardFigures {
  /** The wilaya, or null for the national dashboard. */
  readonly wilaya: Wilaya | null;
  /** When these figures were read (UTC). */
  readonly computedAt: Date;
  /** "Today" in Algiers, YYYY-MM-DD. */
  readonly today: string;
  readonly acceptedToday: number;
  readonly acceptedThisMonth: number;
  readonly acceptedTotal: number;
  readonly targetConnections: number;
  /** Customer subscriptions in each status, every status listed (0 included). */
  readonly backlog: readonly { status: CustomerSubscriptionStatus; customerSubscriptions: number }[];
  readonly firstTimeRightTotal: number;
  readonly firstTimeRightThisMonth: number;
  readonly medianDaysToAcceptance: number | null;
  readonly awaitingApproval: InvoiceAgeing;
  readonly approvedUnpaid: InvoiceAgeing;
  /** Acceptances on each of the last `days` days (Algiers), oldest first, today last. */
  readonly acceptancesByDay: readonly { day: string; accepted: number }[];
  /** Acceptances in each of the last `paceWeeks` full weeks (`paceWindow`), oldest first: the sum over `wilayas` nationally. */
  readonly weeklyAcceptances: readonly number[];
  /** For the national dashboard, every wilaya's progress by code; empty for a wilaya's. */
  readonly wilayas: readonly WilayaProgressFigures[];
}

/** How many days `acceptancesByDay` covers. */
export const acceptanceHistoryDays = 28;

/**
 * The dashboard the viewer asked for, after checking it may see it: a DOT manager sees its own
 * wilayas' dashboards only, not the national one; other roles allowed by the permissions see all.
 * @returns the wilaya code, or null for the national dashboard
 * @throws DomainError BAD_USER_INPUT (not the code of a wilaya), FORBIDDEN (a DOT manager outside its wilayas)
 */
export async function requireDashboardAccess(
  context: Context,
  wilayaCode: string | null | undefined,
): Promise<string | null> {
  const code = parseInput(wilayaCodeSchema.nullish(), wilayaCode, 'wilayaCode') ?? null;
  await checkPlaceFilter(context.em, { wilayaCode: code });
  const wilayas = viewerWilayas(context);
  if (wilayas !== null && (code === null || !wilayas.includes(code))) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `A DOT manager sees the dashboards of its wilayas only (${wilayas.join(', ')})`,
      { field: 'wilayaCode' },
    );
  }
  return code;
}

const ageingRow = z.object({
  key: z.string(),
  invoices: z.coerce.number(),
  amount: z.string(),
  oldest: z.coerce.number().nullable(),
  average: z.coerce.number().nullable(),
});

/**
 * Reads the dashboard of `wilayaCode` (null: national) at `instant`, from the counters the triggers
 * keep (a few hundred rows at most) and from the invoices awaiting approval or payment (through the
 * (status, status_changed_at) index): its cost does not grow with the number of customer subscriptions.
 */
export async function readDashboard(
  em: EntityManager,
  wilayaCode: string | null,
  instant: Date,
): Promise<DashboardFigures> {
  const connection = em.getConnection();
  const today = algiersDate(instant);
  const monthStart = `${today.slice(0, 8)}01`;
  const firstDay = addDays(today, 1 - acceptanceHistoryDays);
  const where = wilayaCode === null ? '' : 'where "wilaya_code" = ?';
  const and = wilayaCode === null ? '' : 'and "wilaya_code" = ?';
  const only = wilayaCode === null ? [] : [wilayaCode];

  const [backlogRows, dayRows, delayRows, targetRows, awaitingRows, unpaidRows, wilaya, weekly] = await Promise.all([
    connection.execute<{ status: CustomerSubscriptionStatus; total: string }[]>(
      `select "status", sum("customer_subscriptions")::text as "total" from "wilaya_backlog" ${where} group by "status"`,
      only,
    ),
    connection.execute<{ today: string; month: string; month_first_time_right: string; first_time_right: string }[]>(
      `select coalesce(sum("accepted") filter (where "day" = ?), 0)::text as "today",
              coalesce(sum("accepted") filter (where "day" >= ?), 0)::text as "month",
              coalesce(sum("first_time_right") filter (where "day" >= ?), 0)::text as "month_first_time_right",
              coalesce(sum("first_time_right"), 0)::text as "first_time_right"
         from "wilaya_acceptance_day" ${where}`,
      [today, monthStart, monthStart, ...only],
    ),
    connection.execute<{ days: number; accepted: string }[]>(
      `select "days", sum("accepted")::text as "accepted" from "wilaya_acceptance_delay" ${where} group by "days" order by "days"`,
      only,
    ),
    connection.execute<{ target: string }[]>(
      `select coalesce(sum("target_connections"), 0)::text as "target" from "wilaya_target" ${where}`,
      only,
    ),
    invoiceAgeingOf(em, awaitingApprovalRule, wilayaCode, instant),
    invoiceAgeingOf(em, approvedUnpaidRule, wilayaCode, instant),
    wilayaCode === null ? Promise.resolve(null) : em.findOneOrFail(Wilaya, { code: wilayaCode }),
    weeklyAcceptances(em, wilayaCode, today),
  ]);
  const byDay = await connection.execute<{ day: string; accepted: string }[]>(
    `select to_char("day", 'YYYY-MM-DD') as "day", sum("accepted")::text as "accepted" from "wilaya_acceptance_day" where "day" >= ? ${and} group by "day"`,
    [firstDay, ...only],
  );

  const counts = new Map(backlogRows.map((row) => [row.status, Number(row.total)]));
  const days = dayRows[0]!;
  const accepted = new Map(byDay.map((row) => [row.day, Number(row.accepted)]));
  return {
    wilaya,
    computedAt: instant,
    today,
    acceptedToday: Number(days.today),
    acceptedThisMonth: Number(days.month),
    acceptedTotal: counts.get(CustomerSubscriptionStatus.ACCEPTED) ?? 0,
    targetConnections: Number(targetRows[0]!.target),
    backlog: Object.values(CustomerSubscriptionStatus).map((status) => ({
      status,
      customerSubscriptions: counts.get(status) ?? 0,
    })),
    firstTimeRightTotal: Number(days.first_time_right),
    firstTimeRightThisMonth: Number(days.month_first_time_right),
    medianDaysToAcceptance: histogramMedian(delayRows.map((row) => ({ value: row.days, count: Number(row.accepted) }))),
    awaitingApproval: awaitingRows,
    approvedUnpaid: unpaidRows,
    acceptancesByDay: Array.from({ length: acceptanceHistoryDays }, (_, index) => {
      const day = addDays(firstDay, index);
      return { day, accepted: accepted.get(day) ?? 0 };
    }),
    weeklyAcceptances: weekly.get(wilayaCode ?? '') ?? Array<number>(paceWeeks).fill(0),
    wilayas: wilayaCode === null ? await wilayaProgress(em, weekly, today, instant) : [],
  };
}

/**
 * Acceptances in each of the last `paceWeeks` full weeks before `today` (oldest first), by wilaya
 * code, and their sum under '' for the national dashboard; a wilaya with none is absent. Reads at
 * most `paceWeeks` × 7 days of counters per wilaya (through the day index).
 */
async function weeklyAcceptances(
  em: EntityManager,
  wilayaCode: string | null,
  today: string,
): Promise<Map<string, number[]>> {
  const window = paceWindow(today);
  const rows = await em.getConnection().execute<{ code: string; weeks_ago: number; accepted: string }[]>(
    `select "wilaya_code" as "code", ((?::date - "day" - 1) / 7)::int as "weeks_ago", sum("accepted")::text as "accepted"
       from "wilaya_acceptance_day" where "day" between ? and ? ${wilayaCode === null ? '' : 'and "wilaya_code" = ?'}
      group by 1, 2`,
    [today, window.from, window.to, ...(wilayaCode === null ? [] : [wilayaCode])],
  );
  const weeks = new Map<string, number[]>();
  const add = (key: string, weeksAgo: number, accepted: number) => {
    let counts = weeks.get(key);
    if (!counts) weeks.set(key, (counts = Array<number>(paceWeeks).fill(0)));
    counts[paceWeeks - 1 - weeksAgo]! += accepted;
  };
  for (const row of rows) {
    add(row.code, row.weeks_ago, Number(row.accepted));
    if (wilayaCode === null) add('', row.weeks_ago, Number(row.accepted));
  }
  return weeks;
}

/** The invoices a figure counts: their statuses, the amount expression and the column their wait starts from. */
interface AgeingRule {
  readonly statuses: readonly ('SUBMITTED' | 'APPROVED' | 'PARTIALLY_PAID')[];
  readonly amount: string;
  readonly since: string;
}

const awaitingApprovalRule: AgeingRule = {
  statuses: ['SUBMITTED'],
  amount: '"net_payable_centimes"',
  since: '"status_changed_at"',
};

const approvedUnpaidRule: AgeingRule = {
  statuses: ['APPROVED', 'PARTIALLY_PAID'],
  amount: '"net_payable_centimes" - "credited_centimes" - "paid_centimes"',
  since: '"approved_at"',
};

const noInvoice: InvoiceAgeing = { invoices: 0, amountCentimes: '0', oldestDays: null, averageDays: null };

/**
 * Invoices of `rule`: count, sum of its amount, and days since its `since` column, at `instant`; for
 * `wilayaCode` only (those billing work in it), for every invoice (null), or per wilaya ('each', by
 * wilaya code: an invoice billing several wilayas counts in each; wilayas with none left out).
 */
async function invoiceAgeing(
  em: EntityManager,
  rule: AgeingRule,
  wilayaCode: string | null | 'each',
  instant: Date,
): Promise<Map<string, InvoiceAgeing>> {
  const join =
    wilayaCode === null
      ? ''
      : `join "invoice_wilaya" w on w."invoice_id" = i."id"${wilayaCode === 'each' ? '' : ' and w."wilaya_code" = ?'}`;
  const group = wilayaCode === 'each' ? 'group by w."wilaya_code"' : '';
  const rows = await em.getConnection().execute(
    `select ${wilayaCode === 'each' ? 'w."wilaya_code"' : "''"} as "key", count(*) as "invoices", coalesce(sum(${rule.amount}), 0)::text as "amount",
            floor(max(extract(epoch from (?::timestamptz - i.${rule.since}))) / 86400) as "oldest",
            round(avg(floor(extract(epoch from (?::timestamptz - i.${rule.since})) / 86400)), 1) as "average"
       from "invoice" i ${join} where i."status" in (${rule.statuses.map(() => '?').join(', ')}) ${group}`,
    [
      instant.toISOString(),
      instant.toISOString(),
      ...(wilayaCode === null || wilayaCode === 'each' ? [] : [wilayaCode]),
      ...rule.statuses,
    ],
  );
  return new Map(
    rows.map((raw) => {
      const row = ageingRow.parse(raw);
      return [
        row.key,
        { invoices: row.invoices, amountCentimes: row.amount, oldestDays: row.oldest, averageDays: row.average },
      ];
    }),
  );
}

/** The figures of `rule` for `wilayaCode` (null: every invoice). */
async function invoiceAgeingOf(
  em: EntityManager,
  rule: AgeingRule,
  wilayaCode: string | null,
  instant: Date,
): Promise<InvoiceAgeing> {
  return (await invoiceAgeing(em, rule, wilayaCode, instant)).get('') ?? noInvoice;
}

/**
 * Every wilaya's line of the national dashboard at `instant` (`today` its Algiers date): the backlog
 * and target counters, its weekly acceptances (`weekly`), plus per wilaya one index lookup for its
 * oldest waiting report, the late work (through the (status, appointment_at) index: the late rows
 * only) and its unpaid approved invoices.
 */
async function wilayaProgress(
  em: EntityManager,
  weekly: ReadonlyMap<string, readonly number[]>,
  today: string,
  instant: Date,
): Promise<WilayaProgressFigures[]> {
  const connection = em.getConnection();
  const [wilayas, rows, lateRows, unpaid] = await Promise.all([
    em.find(Wilaya, {}, { orderBy: { code: 'asc' } }),
    connection.execute<
      { code: string; accepted: string; open: string; installed: string; target: string; oldest: number | null }[]
    >(
      `select w."code",
              coalesce((select sum(b."customer_subscriptions") from "wilaya_backlog" b where b."wilaya_code" = w."code" and b."status" = 'ACCEPTED'), 0)::text as "accepted",
              coalesce((select sum(b."customer_subscriptions") from "wilaya_backlog" b where b."wilaya_code" = w."code" and b."status" in (${openStatuses.map(() => '?').join(', ')})), 0)::text as "open",
              coalesce((select sum(b."customer_subscriptions") from "wilaya_backlog" b where b."wilaya_code" = w."code" and b."status" = 'INSTALLED'), 0)::text as "installed",
              coalesce(t."target_connections", 0)::text as "target",
              floor(extract(epoch from (?::timestamptz - (select min(c."status_changed_at") from "customer_subscription" c
                 where c."wilaya_code" = w."code" and c."status" = 'INSTALLED'))) / 86400)::int as "oldest"
         from "wilaya" w
         left join "wilaya_target" t on t."wilaya_code" = w."code"`,
      [...openStatuses, instant.toISOString()],
    ),
    connection.execute<{ code: string; late: string }[]>(
      `select "wilaya_code" as "code", count(*)::text as "late" from "customer_subscription"
        where "status" = 'SCHEDULED' and "appointment_at" < (?::date)::timestamp at time zone 'Africa/Algiers'
        group by "wilaya_code"`,
      [today],
    ),
    invoiceAgeing(em, approvedUnpaidRule, 'each', instant),
  ]);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const late = new Map(lateRows.map((row) => [row.code, Number(row.late)]));
  return wilayas.map((wilaya) => {
    const row = byCode.get(wilaya.code);
    return {
      wilaya,
      acceptedTotal: Number(row?.accepted ?? 0),
      targetConnections: Number(row?.target ?? 0),
      weeklyAcceptances: weekly.get(wilaya.code) ?? Array<number>(paceWeeks).fill(0),
      openWork: Number(row?.open ?? 0),
      reportsAwaitingAcceptance: Number(row?.installed ?? 0),
      oldestReportWaitDays: row?.oldest ?? null,
      lateWork: late.get(wilaya.code) ?? 0,
      approvedUnpaid: unpaid.get(wilaya.code) ?? noInvoice,
    };
  });
}

/** The median of a histogram (`count` observations of each `value`), the mean of the two middle ones for an even total; null when empty. */
export function histogramMedian(histogram: readonly { value: number; count: number }[]): number | null {
  const sorted = [...histogram].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  /** The value of the observation at 0-based `rank`. */
  const at = (rank: number): number => {
    let seen = 0;
    for (const bucket of sorted) {
      seen += bucket.count;
      if (rank < seen) return bucket.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
