import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { jsonRows, jsonRowsSql } from '../../common/bulk-insert.js';
import { algiersDate } from '../../common/time.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { thresholdOf, type QualityThreshold } from '../customer-subscription/installation-quality.js';
import {
  clockOf,
  invoiceStepSpans,
  ownerOfStep,
  ServiceLevelClockState,
  workStepSpans,
  type StatusChange,
  type StepSpan,
} from '../service-level/service-level-clocks.js';
import { ServiceLevelOwner, ServiceLevelStep } from '../service-level/service-level.entity.js';
import { readStatusChanges } from '../service-level/service-level.loaders.js';
import { readServiceLevelRules, targetOf, type ServiceLevelRules } from '../service-level/service-level.service.js';
import { ScorecardRecordType } from './scorecard.entity.js';

/**
 * The measures a scorecard counter holds, per scope and day or month (Algiers): the day a fact
 * counts on is the day it happened (an acceptance, a rejection, a failure) or the day a step ended.
 */
export const measures = {
  /** Work accepted. */
  accepted: 'accepted',
  /** Work accepted at its first report, never rejected. */
  firstTimeRight: 'firstTimeRight',
  /** Reports decided (accepted or rejected). */
  decided: 'decided',
  /** Reports rejected. */
  rejected: 'rejected',
  /** Work failed, in all and by reason. */
  failed: 'failed',
  failedFor: (reason: string) => `failed:${reason}`,
  /** Reserves given with the rejections, by their text (trimmed, in lower case). */
  reserve: (text: string) => `reserve:${text}`,
  /** The quality margin of the accepted work: its sum and count (to average), and its least, in thousandths of a dB. */
  marginSum: 'margin.sum',
  marginCount: 'margin.count',
  marginWorst: 'margin.worst',
  /** The steps ended against their target (met or missed; stopped ones count neither way), those on time, and their times' histogram. */
  stepEnded: (step: ServiceLevelStep) => `step:${step}:ended`,
  stepOnTime: (step: ServiceLevelStep) => `step:${step}:onTime`,
  stepBucket: (step: ServiceLevelStep, bucket: number) => `step:${step}:b${bucket}`,
  /** The firms' own steps together, ended and on time: what the firms are ranked on beside first time right. */
  firmStepsEnded: 'firmSteps:ended',
  firmStepsOnTime: 'firmSteps:onTime',
} as const;

/** The reserve's text as it is counted: at most 120 characters (code points), trimmed, in lower case, spaces folded. */
export function reserveKey(text: string): string {
  // By code points, not UTF-16 units: a character outside the BMP (an emoji) is never cut in half.
  return [...text.trim().replace(/\s+/g, ' ').toLowerCase()].slice(0, 120).join('');
}

/**
 * The upper bounds (minutes) of the step-time histogram's buckets: every minute up to 10, then each
 * bound 10 % above the last, to over 20 years. A time falls in the first bucket whose bound it does
 * not pass, so a median or 90th percentile read from the histogram is the bound of its bucket: at
 * most 10 % above the exact time.
 */
export const bucketBounds: readonly number[] = (() => {
  const bounds = [0];
  while (bounds.at(-1)! < 11_000_000) {
    const last = bounds.at(-1)!;
    bounds.push(Math.max(last + 1, Math.floor(last * 1.1)));
  }
  return bounds;
})();

/** The histogram bucket of `minutes`. */
export function bucketOf(minutes: number): number {
  let low = 0;
  let high = bucketBounds.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bucketBounds[middle]! >= minutes) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * How far `receivedPowerDbm` sits inside `threshold`'s window, in thousandths of a dB: the distance
 * to its nearer edge, negative when outside (accepted by an override).
 */
export function marginOf(receivedPowerDbm: string, threshold: QualityThreshold): number {
  const power = new Decimal(receivedPowerDbm);
  const fromLow = power.minus(threshold.minReceivedPowerDbm);
  const toHigh = new Decimal(threshold.maxReceivedPowerDbm).minus(power);
  return Decimal.min(fromLow, toHigh).times(1000).round().toNumber();
}

/** One increment of a counter, before it is added to each of its scopes. */
interface Increment {
  readonly wilayaCode: string | null;
  readonly contractorId: string | null;
  readonly day: string;
  readonly measure: string;
  readonly value: number;
}

/** A step's clock as it is kept once ended. */
interface StepTimeRow {
  readonly recordType: ScorecardRecordType;
  readonly recordId: string;
  readonly step: ServiceLevelStep;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly endedOn: string;
  readonly contractorId: string | null;
  readonly wilayaCode: string | null;
  readonly endedStatus: string;
  readonly targetMinutes: number;
  readonly elapsedMinutes: number;
  readonly lateMinutes: number;
  readonly state: string;
}

/** What the recorder needs to know of a record beside its audit trail. */
interface RecordRow {
  id: string;
  /** The order time, as the driver gives a raw timestamp (a string or a Date). */
  ordered_at: string | Date | null;
  wilaya_code: string | null;
  contractor_id: string | null;
}

/** The firm that had the work at `at`, from the changes that gave it (or, when none says, `current`). */
function contractorAt(changes: readonly StatusChange[], at: Date, current: string | null): string | null {
  if (!changes.some((change) => change.contractorId !== undefined)) return current;
  let contractor: string | null = null;
  for (const change of changes) {
    if (change.at <= at && change.contractorId !== undefined) contractor = change.contractorId;
  }
  return contractor;
}

const isAfter = (eventId: string | undefined, through: string) =>
  eventId !== undefined && BigInt(eventId) > BigInt(through);

/** What is counted for the steps of `spans` that ended after `through`, and the clocks to keep. */
function countSpans(
  rules: ServiceLevelRules,
  type: ScorecardRecordType,
  record: RecordRow,
  changes: readonly StatusChange[],
  spans: readonly StepSpan[],
  through: string,
  increments: Increment[],
  stepTimes: StepTimeRow[],
): void {
  const wilayaCode = type === ScorecardRecordType.CUSTOMER_SUBSCRIPTION ? record.wilaya_code : null;
  for (const span of spans) {
    if (span.endedAt === null || !isAfter(span.endedBy?.eventId, through)) continue;
    const target = targetOf(rules, span.step, algiersDate(span.startedAt), wilayaCode);
    const clock = target ? clockOf(span, target, rules.holidays, span.endedAt) : null;
    if (!clock) continue;
    const contractorId =
      type === ScorecardRecordType.INVOICE
        ? record.contractor_id
        : contractorAt(changes, span.startedAt, record.contractor_id);
    const day = algiersDate(span.endedAt);
    stepTimes.push({
      recordType: type,
      recordId: record.id,
      step: span.step,
      startedAt: span.startedAt.toISOString(),
      endedAt: span.endedAt.toISOString(),
      endedOn: day,
      contractorId,
      wilayaCode,
      endedStatus: span.endedBy!.to,
      targetMinutes: clock.targetMinutes,
      elapsedMinutes: clock.elapsedMinutes,
      lateMinutes: clock.lateMinutes,
      state: clock.state,
    });
    if (clock.state === ServiceLevelClockState.STOPPED) continue;
    const onTime = clock.state === ServiceLevelClockState.MET ? 1 : 0;
    const add = (measure: string, value: number) => increments.push({ wilayaCode, contractorId, day, measure, value });
    add(measures.stepEnded(span.step), 1);
    add(measures.stepOnTime(span.step), onTime);
    add(measures.stepBucket(span.step, bucketOf(clock.elapsedMinutes)), 1);
    if (ownerOfStep[span.step] === ServiceLevelOwner.CONTRACTOR) {
      add(measures.firmStepsEnded, 1);
      add(measures.firmStepsOnTime, onTime);
    }
  }
}

/** What is counted for the decisions and failures of `changes` after `through`. */
function countWorkFacts(
  record: RecordRow,
  changes: readonly StatusChange[],
  through: string,
  margin: number | null,
  increments: Increment[],
): void {
  let rejectedBefore = false;
  for (const change of changes) {
    const counted = isAfter(change.eventId, through);
    if (counted) {
      const add = (measure: string, value = 1) =>
        increments.push({
          wilayaCode: record.wilaya_code,
          contractorId: contractorAt(changes, change.at, record.contractor_id),
          day: algiersDate(change.at),
          measure,
          value,
        });
      if (change.to === 'ACCEPTED') {
        add(measures.accepted);
        add(measures.decided);
        if (!rejectedBefore) add(measures.firstTimeRight);
        if (margin !== null) {
          add(measures.marginSum, margin);
          add(measures.marginCount);
          add(measures.marginWorst, margin);
        }
      } else if (change.to === 'REJECTED') {
        add(measures.rejected);
        add(measures.decided);
        for (const reserve of new Set((change.reserves ?? []).map(reserveKey))) add(measures.reserve(reserve));
      } else if (change.to === 'FAILED') {
        add(measures.failed);
        add(measures.failedFor(change.failureReason ?? 'OTHER'));
      }
    }
    if (change.to === 'REJECTED') rejectedBefore = true;
  }
}

/** The four scopes an increment counts in: the firm in the wilaya, the firm, the wilaya, the country. */
function scopesOf(increment: Increment): [string, string][] {
  const wilayas = increment.wilayaCode === null ? [''] : [increment.wilayaCode, ''];
  const firms = increment.contractorId === null ? ['0'] : [increment.contractorId, '0'];
  return wilayas.flatMap((wilaya) => firms.map((firm) => [wilaya, firm] as [string, string]));
}

/** The measures firms are ranked on, and their column in `scorecard_firm_month` (as the rows are keyed: a, f, e, o). */
const rankedFigures: Readonly<Record<string, 'a' | 'f' | 'e' | 'o'>> = {
  [measures.accepted]: 'a',
  [measures.firstTimeRight]: 'f',
  [measures.firmStepsEnded]: 'e',
  [measures.firmStepsOnTime]: 'o',
};

/** Adds `increments` to their counters, each on its day and in its month (and a firm's month's ranked figures to `scorecard_firm_month`). */
async function addToCounters(em: EntityManager, increments: readonly Increment[]): Promise<void> {
  const rows = new Map<string, { w: string; c: string; p: 'D' | 'M'; d: string; m: string; v: number }>();
  for (const increment of increments) {
    const worst = increment.measure.endsWith('.worst');
    for (const [w, c] of scopesOf(increment)) {
      for (const [p, d] of [
        ['D', increment.day],
        ['M', `${increment.day.slice(0, 7)}-01`],
      ] as const) {
        const key = `${w}/${c}/${p}/${d}/${increment.measure}`;
        const row = rows.get(key);
        if (!row) rows.set(key, { w, c, p, d, m: increment.measure, v: increment.value });
        else row.v = worst ? Math.min(row.v, increment.value) : row.v + increment.value;
      }
    }
  }
  if (rows.size === 0) return;
  // In key order, so that two batches never wait on each other's rows crosswise.
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const firmMonths = new Map<string, { m: string; w: string; c: string; a: number; f: number; e: number; o: number }>();
  for (const row of sorted) {
    const figure = rankedFigures[row.m];
    if (row.p !== 'M' || row.c === '0' || !figure) continue;
    const key = `${row.d}/${row.w}/${row.c}`;
    const firmMonth = firmMonths.get(key) ?? { m: row.d, w: row.w, c: row.c, a: 0, f: 0, e: 0, o: 0 };
    firmMonth[figure] += row.v;
    firmMonths.set(key, firmMonth);
  }
  if (firmMonths.size > 0) {
    await em.execute(
      `insert into scorecard_firm_month (month, wilaya_code, contractor_id, accepted, first_time_right, steps_ended, steps_on_time)
       select (r->>'m')::date, r->>'w', (r->>'c')::bigint, (r->>'a')::bigint, (r->>'f')::bigint, (r->>'e')::bigint, (r->>'o')::bigint
         from jsonb_array_elements(${jsonRowsSql}) r
       on conflict (month, wilaya_code, contractor_id) do update
          set accepted = scorecard_firm_month.accepted + excluded.accepted,
              first_time_right = scorecard_firm_month.first_time_right + excluded.first_time_right,
              steps_ended = scorecard_firm_month.steps_ended + excluded.steps_ended,
              steps_on_time = scorecard_firm_month.steps_on_time + excluded.steps_on_time`,
      [jsonRows([...firmMonths.values()])],
    );
  }
  await em.execute(
    `insert into scorecard_counter (wilaya_code, contractor_id, period, day, measure, value)
     select r->>'w', (r->>'c')::bigint, r->>'p', (r->>'d')::date, r->>'m', (r->>'v')::bigint
       from jsonb_array_elements(${jsonRowsSql}) r
     on conflict (wilaya_code, contractor_id, period, day, measure) do update
        set value = case when excluded.measure like '%.worst' then least(scorecard_counter.value, excluded.value)
                         else scorecard_counter.value + excluded.value end`,
    [jsonRows(sorted)],
  );
}

/** Where the counters of the records they changed stand, for `ScorecardChangedEvent`. */
export interface CountedScopes {
  readonly contractorIds: ReadonlySet<string>;
  readonly wilayaCodes: ReadonlySet<string>;
}

/**
 * Counts into the scorecards what happened to the records of `type` with `ids` since they were last
 * counted (`scorecard_progress`): the steps that ended (each one's clock kept once, in
 * `service_level_step_time`), and for work its decisions and failures, with the quality margin of
 * what was accepted against `thresholds`. Run in the caller's transaction; counting a record twice
 * adds nothing. Returns the firms and wilayas whose figures moved.
 */
export async function recordScorecards(
  em: EntityManager,
  rules: ServiceLevelRules,
  thresholds: Readonly<Record<string, QualityThreshold>>,
  type: ScorecardRecordType,
  ids: readonly string[],
): Promise<CountedScopes> {
  const contractorIds = new Set<string>();
  const wilayaCodes = new Set<string>();
  if (ids.length === 0) return { contractorIds, wilayaCodes };
  const unique = [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const work = type === ScorecardRecordType.CUSTOMER_SUBSCRIPTION;
  // The records' progress rows, locked: a record is counted by one transaction at a time.
  await em.execute(
    `insert into scorecard_progress (record_type, record_id, counted_through)
     select ?::scorecard_record_type, id, 0 from unnest(array[?]::bigint[]) id on conflict do nothing`,
    [type, unique],
  );
  const progress = await em.execute<{ record_id: string; counted_through: string }[]>(
    `select record_id::text, counted_through::text from scorecard_progress
      where record_type = ? and record_id in (?) order by scorecard_progress.record_id for update`,
    [type, unique],
  );
  const records = await em.execute<RecordRow[]>(
    work
      ? `select id::text, ordered_at, wilaya_code, contractor_id::text from customer_subscription where id in (?)`
      : `select id::text, null as ordered_at, null as wilaya_code, contractor_id::text from invoice where id in (?)`,
    [unique],
  );
  const changesById = await readStatusChanges(
    em,
    work ? AuditEntityType.CUSTOMER_SUBSCRIPTION : AuditEntityType.INVOICE,
    unique,
  );
  const margins = work ? await acceptedMargins(em, changesById, progress, thresholds) : new Map<string, number>();
  const throughById = new Map(progress.map((row) => [row.record_id, row.counted_through]));
  const increments: Increment[] = [];
  const stepTimes: StepTimeRow[] = [];
  const moved: { id: string; through: string }[] = [];
  for (const record of records) {
    const changes = changesById.get(record.id) ?? [];
    const through = throughById.get(record.id) ?? '0';
    const last = changes.at(-1)?.eventId;
    if (!isAfter(last, through)) continue;
    const before = increments.length;
    const spans = work ? workStepSpans(new Date(record.ordered_at!), changes) : invoiceStepSpans(changes);
    countSpans(rules, type, record, changes, spans, through, increments, stepTimes);
    if (work) countWorkFacts(record, changes, through, margins.get(record.id) ?? null, increments);
    for (const increment of increments.slice(before)) {
      if (increment.contractorId !== null) contractorIds.add(increment.contractorId);
      if (increment.wilayaCode !== null) wilayaCodes.add(increment.wilayaCode);
    }
    moved.push({ id: record.id, through: last! });
  }
  if (stepTimes.length > 0) {
    await em.execute(
      `insert into service_level_step_time (record_type, record_id, step, started_at, ended_at, ended_on, contractor_id,
              wilaya_code, ended_status, target_minutes, elapsed_minutes, late_minutes, state)
       select (r->>'recordType')::scorecard_record_type, (r->>'recordId')::bigint, (r->>'step')::service_level_step, (r->>'startedAt')::timestamptz, (r->>'endedAt')::timestamptz,
              (r->>'endedOn')::date, (r->>'contractorId')::bigint, r->>'wilayaCode', r->>'endedStatus',
              (r->>'targetMinutes')::int, (r->>'elapsedMinutes')::int, (r->>'lateMinutes')::int, r->>'state'
         from jsonb_array_elements(${jsonRowsSql}) r
       on conflict do nothing`,
      [jsonRows(stepTimes)],
    );
  }
  await addToCounters(em, increments);
  if (moved.length > 0) {
    await em.execute(
      `update scorecard_progress p set counted_through = (r->>'through')::bigint
         from jsonb_array_elements(${jsonRowsSql}) r
        where p.record_type = ? and p.record_id = (r->>'id')::bigint`,
      [jsonRows(moved), type],
    );
  }
  return { contractorIds, wilayaCodes };
}

/**
 * The quality margin (`marginOf`) of the report each record accepted since it was last counted, by
 * record id: the latest report's received power against its class's thresholds.
 */
async function acceptedMargins(
  em: EntityManager,
  changesById: ReadonlyMap<string, readonly StatusChange[]>,
  progress: readonly { record_id: string; counted_through: string }[],
  thresholds: Readonly<Record<string, QualityThreshold>>,
): Promise<Map<string, number>> {
  const accepted = progress
    .filter((row) =>
      (changesById.get(row.record_id) ?? []).some(
        (change) => change.to === 'ACCEPTED' && isAfter(change.eventId, row.counted_through),
      ),
    )
    .map((row) => row.record_id);
  const margins = new Map<string, number>();
  if (accepted.length === 0) return margins;
  const reports = await em.execute<{ work_id: string; network_class: string; received_power_dbm: string }[]>(
    `select distinct on (r.customer_subscription_id) r.customer_subscription_id::text as work_id, r.network_class,
            r.received_power_dbm::text as received_power_dbm
       from installation_report r where r.customer_subscription_id in (?)
      order by r.customer_subscription_id, r.id desc`,
    [accepted],
  );
  for (const report of reports) {
    const threshold = thresholdOf(report.network_class, thresholds);
    if (threshold) margins.set(report.work_id, marginOf(report.received_power_dbm, threshold));
  }
  return margins;
}

/** How many records a batch of `recordAllScorecards` counts in one transaction. */
const backfillBatch = 2_000;

/**
 * Counts every record not yet counted into the scorecards, a batch per transaction, oldest first:
 * what loads the scorecards of work written without the change log (the demo data, generated data).
 * Records already counted add nothing. Returns how many records were read.
 */
export async function recordAllScorecards(
  orm: { em: { fork(): EntityManager } },
  thresholds: Readonly<Record<string, QualityThreshold>>,
  batch = backfillBatch,
): Promise<number> {
  const rules = await readServiceLevelRules(orm.em.fork());
  let read = 0;
  for (const [type, table] of [
    [ScorecardRecordType.CUSTOMER_SUBSCRIPTION, 'customer_subscription'],
    [ScorecardRecordType.INVOICE, 'invoice'],
  ] as const) {
    let after = '0';
    for (;;) {
      const ids = (
        await orm.em
          .fork()
          .execute<{ id: string }[]>(`select id::text from ${table} where id > ? order by ${table}.id limit ?`, [
            after,
            batch,
          ])
      ).map((row) => row.id);
      if (ids.length === 0) break;
      await orm.em.fork().transactional((em) => recordScorecards(em, rules, thresholds, type, ids));
      read += ids.length;
      after = ids.at(-1)!;
    }
  }
  return read;
}

/**
 * Whether the database holds work or invoices but has never counted any into the scorecards: a
 * database from before them, or loaded without the change log (the demo data), to count once at start.
 */
export async function scorecardsNeverCounted(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ never: boolean }[]>(
    `select not exists (select 1 from scorecard_progress)
            and (exists (select 1 from customer_subscription) or exists (select 1 from invoice)) as never`,
  );
  return row!.never;
}
