import type pg from 'pg';
import { Decimal } from 'decimal.js';
import { algiersDate } from '../../server/src/common/time.js';
import type { PriceUnit } from '../../server/src/modules/invoice/price-schedule.entity.js';
import { cumulative, Random, zipfWeights, type Cumulative } from './random.js';

/** A commune of the reference data. */
export interface WorldCommune {
  readonly id: number;
  readonly name: string;
  readonly wilayaCode: string;
}

/** A wilaya with its communes, the busiest first, and how likely each is to hold a site. */
export interface WorldWilaya {
  readonly code: string;
  readonly name: string;
  readonly communes: readonly WorldCommune[];
  readonly communeWeights: Cumulative;
}

/** An item of a price schedule version, as stored. */
export interface ScheduleItem {
  readonly code: string;
  readonly designation: string;
  readonly unit: PriceUnit;
  /** Unit price excluding tax, centimes, as a string. */
  readonly unitPriceCentimes: string;
  readonly taxCode: string;
}

/** A version of the price schedule: in force from `effectiveFrom` to the day before `effectiveTo`. */
export interface ScheduleVersion {
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  /** The same as instants (ms): from the first instant of `effectiveFrom` in Algiers, to that of `effectiveTo`. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly items: ReadonlyMap<string, ScheduleItem>;
}

/** A dated VAT rate, as stored ("19.00"). */
export interface TaxRateRow {
  readonly code: string;
  readonly ratePercent: string;
  readonly validFrom: string;
}

/** Everything the generated data is drawn on: the reference data, the price schedules and the time span. */
export interface World {
  /** The instant the data stands at: every event is at or before it. */
  readonly now: Date;
  /** The first instant work may be done: the first price schedule's first day (Algiers), a year back at most. */
  readonly start: Date;
  /** In order of how much work they get, the busiest first. */
  readonly wilayas: readonly WorldWilaya[];
  readonly wilayaWeights: Cumulative;
  readonly schedules: readonly ScheduleVersion[];
  readonly taxRates: readonly TaxRateRow[];
}

/**
 * The wilayas by how much of the roll-out they hold, the busiest first: the big cities (Alger, Oran,
 * Constantine, Sétif, Blida), then the populous north, then the high plateaux and the south. Their
 * weights fall as a Zipf law along this order (`wilayaExponent`), so that the first five hold about
 * 60 % of the work. Wilayas missing here (created later) come last.
 */
const wilayaOrder = [
  '16',
  '31',
  '25',
  '19',
  '09',
  '06',
  '15',
  '35',
  '13',
  '05',
  '23',
  '42',
  '26',
  '17',
  '10',
  '22',
  '34',
  '02',
  '14',
  '29',
  '18',
  '21',
  '43',
  '28',
  '27',
  '07',
  '12',
  '04',
  '03',
  '44',
  '48',
  '24',
  '40',
  '41',
  '30',
  '39',
  '47',
  '36',
  '46',
  '38',
  '20',
  '32',
  '45',
  '08',
  '55',
  '51',
  '57',
  '01',
  '11',
  '49',
  '58',
  '53',
  '52',
  '37',
  '33',
  '56',
  '50',
  '54',
];
const wilayaExponent = 1.2;
/** Within a wilaya, the chef-lieu and a few big communes hold most of the sites. */
const communeExponent = 1.0;

const dayMs = 86_400_000;
const algiersOffsetMs = 3_600_000;

/** The first instant (UTC) of an Algiers calendar date. */
export function algiersMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - algiersOffsetMs);
}

/**
 * Reads the reference data, price schedules and tax rates from the database.
 * @throws Error when the reference data or the price schedule is missing (the migrations and the
 * reference-data import must have run), or when `now` has no price schedule in force
 */
export async function loadWorld(client: pg.Client, now: Date, seed: number): Promise<World> {
  const wilayaRows = (
    await client.query<{ code: string; name: string }>('select "code", "name" from "wilaya" order by "code"')
  ).rows;
  const communeRows = (
    await client.query<{ id: number; name: string; wilaya_code: string }>(
      'select "id", "name", "wilaya_code" from "commune" order by "id"',
    )
  ).rows;
  if (wilayaRows.length === 0 || communeRows.length === 0) {
    throw new Error(
      'The database holds no wilayas or communes: load the reference data first (npm run reference-data:import)',
    );
  }
  const random = Random.of(seed ^ 0x77);
  const ordered = [...wilayaRows].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
  const wilayas: WorldWilaya[] = [];
  for (const wilaya of ordered) {
    const own = communeRows.filter((commune) => commune.wilaya_code === wilaya.code);
    if (own.length === 0) continue;
    // The chef-lieu (the commune named after its wilaya: "Oran", "Alger Centre") first, then the others in a seeded order.
    const head = own.filter((commune) => commune.name.toLowerCase().startsWith(wilaya.name.toLowerCase()));
    const rest = random.shuffled(own.filter((commune) => !head.includes(commune)));
    const communes = [...head, ...rest].map((commune) => ({
      id: commune.id,
      name: commune.name,
      wilayaCode: commune.wilaya_code,
    }));
    wilayas.push({
      code: wilaya.code,
      name: wilaya.name,
      communes,
      communeWeights: cumulative(zipfWeights(communes.length, communeExponent)),
    });
  }

  const scheduleRows = (
    await client.query<{ id: string; effective_from: string; effective_to: string | null }>(
      `select "id", to_char("effective_from", 'YYYY-MM-DD') as "effective_from", to_char("effective_to", 'YYYY-MM-DD') as "effective_to"
         from "price_schedule" order by "effective_from"`,
    )
  ).rows;
  const itemRows = (
    await client.query<{
      schedule_id: string;
      code: string;
      designation: string;
      unit: PriceUnit;
      unit_price_centimes: string;
      tax_code: string;
    }>(
      'select "schedule_id", "code", "designation", "unit", "unit_price_centimes", "tax_code" from "price_schedule_item" order by "schedule_id", "id"',
    )
  ).rows;
  const taxRates = (
    await client.query<{ code: string; rate_percent: string; valid_from: string }>(
      `select "code", "rate_percent", to_char("valid_from", 'YYYY-MM-DD') as "valid_from" from "tax_rate" order by "valid_from" desc, "id" desc`,
    )
  ).rows.map((row) => ({ code: row.code, ratePercent: row.rate_percent, validFrom: row.valid_from }));
  const schedules = scheduleRows.map((schedule) => ({
    effectiveFrom: schedule.effective_from,
    effectiveTo: schedule.effective_to,
    fromMs: algiersMidnight(schedule.effective_from).getTime(),
    toMs: schedule.effective_to === null ? Infinity : algiersMidnight(schedule.effective_to).getTime(),
    items: new Map(
      itemRows
        .filter((item) => item.schedule_id === schedule.id)
        .map((item) => [
          item.code,
          {
            code: item.code,
            designation: item.designation,
            unit: item.unit,
            unitPriceCentimes: item.unit_price_centimes,
            taxCode: item.tax_code,
          },
        ]),
    ),
  }));
  if (schedules.length === 0)
    throw new Error(
      'The database holds no price schedule: start the server once, or load one, before generating work to bill',
    );
  if (!scheduleOn(schedules, algiersDate(now)))
    throw new Error(`No price schedule is in force today (${algiersDate(now)}): work done now could not be billed`);

  const firstDay = algiersMidnight(schedules[0]!.effectiveFrom);
  const start = new Date(Math.max(firstDay.getTime(), now.getTime() - 365 * dayMs));
  return {
    now,
    start,
    wilayas,
    wilayaWeights: cumulative(zipfWeights(wilayas.length, wilayaExponent)),
    schedules,
    taxRates,
  };
}

function rank(code: string): number {
  const index = wilayaOrder.indexOf(code);
  return index === -1 ? wilayaOrder.length : index;
}

/** The version in force on `day` (YYYY-MM-DD, Algiers), as the app's `findInForce` picks it, or undefined. */
export function scheduleOn(schedules: readonly ScheduleVersion[], day: string): ScheduleVersion | undefined {
  return schedules.find(
    (schedule) => schedule.effectiveFrom <= day && (schedule.effectiveTo === null || schedule.effectiveTo > day),
  );
}

/** The version in force at `instant` (its Algiers date), as `scheduleOn` finds it, without formatting the date. */
export function scheduleAt(schedules: readonly ScheduleVersion[], instant: Date): ScheduleVersion | undefined {
  const ms = instant.getTime();
  return schedules.find((schedule) => schedule.fromMs <= ms && ms < schedule.toMs);
}

/**
 * The VAT rate of `taxCode` on `day`, as acceptance bills it: the latest rate of that code valid on
 * that day, written as the app writes it on a line ("19", not "19.00").
 * @throws Error when the code has no rate on that day (the app could not bill it either)
 */
export function vatRateOn(taxRates: readonly TaxRateRow[], taxCode: string, day: string): string {
  const rate = taxRates.find((candidate) => candidate.code === taxCode && candidate.validFrom <= day);
  if (!rate) throw new Error(`Tax code ${taxCode} has no rate in force on ${day}`);
  return new Decimal(rate.ratePercent).toString();
}
