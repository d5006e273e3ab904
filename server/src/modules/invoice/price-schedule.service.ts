import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { endLatestVersion, versionInForce } from '../audit/dated-version.js';
import { badUserInput } from '../../common/errors.js';
import { algiersDate } from '../../common/time.js';
import { inTransaction } from '../../common/transaction.js';
import { dayFrom2000To2100, parseInput, requiredText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { PriceSchedule, PriceScheduleItem, PriceUnit, TaxRate } from './price-schedule.entity.js';

/**
 * The starting schedule of docs/domain.md ("The starting price schedule"), with proposed prices in DZD until AT's
 * real BPU is loaded.
 */
const startingItems: [code: string, designation: string, unit: PriceUnit, price: string][] = [
  ['RAC-STD', 'Raccordement standard (forfait)', PriceUnit.FORFAIT, '4500.00'],
  ['DRP-AER', 'Câble de branchement aérien', PriceUnit.M, '45.00'],
  ['DRP-SOU', 'Câble de branchement souterrain en fourreau', PriceUnit.M, '60.00'],
  ['CAB-INT', 'Câblage intérieur', PriceUnit.M, '35.00'],
  ['PTO', 'Prise terminale optique (PTO)', PriceUnit.U, '900.00'],
  ['EPI-PBO', 'Épissure par fusion au PBO', PriceUnit.U, '400.00'],
  ['BRA-PM', 'Brassage au point de mutualisation', PriceUnit.U, '300.00'],
  ['ONT', "Installation et mise en service de l'ONT", PriceUnit.U, '600.00'],
  ['TRV-MUR', 'Traversée de mur et calfeutrement', PriceUnit.U, '500.00'],
  ['GC-MICRO', 'Génie civil en micro-tranchée', PriceUnit.M, '800.00'],
  ['GC-TRAN', 'Tranchée classique', PriceUnit.M, '1500.00'],
  ['PBO', "Pose d'un point de branchement optique (PBO)", PriceUnit.U, '3500.00'],
  ['MES-PUI', 'Rapport de mesure au photomètre', PriceUnit.U, '250.00'],
  ['MES-OTDR', 'Mesure réflectométrique (OTDR)', PriceUnit.U, '1200.00'],
];

/** "4500.00" DA → 450000 centimes. */
function centimesOf(price: string): string {
  const [whole, fraction = ''] = price.split('.');
  return (BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'))).toString();
}

/**
 * Loads the VAT rates (19 % and 9 %, in force since 2017) and the starting price schedule (in force
 * from 2026-01-01) on a database that has none; changes nothing otherwise.
 */
export async function loadStartingPriceSchedule(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(TaxRate)) === 0) {
    em.create(TaxRate, { code: 'TVA19', ratePercent: '19.00', validFrom: '2017-01-01' } as never);
    em.create(TaxRate, { code: 'TVA9', ratePercent: '9.00', validFrom: '2017-01-01' } as never);
  }
  if ((await em.count(PriceSchedule)) === 0) {
    const schedule = em.create(PriceSchedule, {
      name: 'BPU raccordement FTTH — proposition (à remplacer par le BPU d’AT)',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      createdAt: new Date(),
    } as never);
    for (const [code, designation, unit, price] of startingItems) {
      em.create(PriceScheduleItem, {
        schedule,
        code,
        designation,
        unit,
        unitPriceCentimes: centimesOf(price),
        taxCode: 'TVA19',
      } as never);
    }
  }
  await em.flush();
}

/** Every version, newest first. */
export function listPriceSchedules(context: Context): Promise<PriceSchedule[]> {
  return context.em.find(PriceSchedule, {}, { orderBy: { effectiveFrom: 'desc' } });
}

/**
 * The version in force on `date` (YYYY-MM-DD, Algiers; today when null), or null before the first.
 * @throws DomainError BAD_USER_INPUT for a malformed date
 */
export function priceScheduleInForce(context: Context, date: string | null): Promise<PriceSchedule | null> {
  return findInForce(context.em, date === null ? algiersDate() : parseInput(dayFrom2000To2100, date, 'on'));
}

declare module '../../context.js' {
  interface Settings {
    /** The prices this process read for each installation day (`DayPrices`); absent in scripts: read each time. */
    readonly prices?: PriceCache;
  }
}

/** What prices the work installed on a day: the items of the schedule version then in force, and the VAT rates then. */
export interface DayPrices {
  /** The version's items by code. */
  readonly items: ReadonlyMap<
    string,
    Pick<PriceScheduleItem, 'code' | 'designation' | 'unit' | 'unitPriceCentimes' | 'taxCode'>
  >;
  /** The rate in percent of each tax code in force that day (a decimal string, e.g. "19.00"). */
  readonly vatRates: ReadonlyMap<string, string>;
}

/** The prices of the work installed on `day` (YYYY-MM-DD, Algiers), read from the database. */
async function readDayPrices(em: EntityManager, day: string): Promise<DayPrices> {
  const schedule = await findInForce(em, day);
  const items = await schedule!.items.loadItems();
  const rates = await em.find(TaxRate, { validFrom: { $lte: day } }, { orderBy: { validFrom: 'desc' } });
  const vatRates = new Map<string, string>();
  // Newest first: the first rate of a code is the one in force.
  for (const rate of rates) if (!vatRates.has(rate.code)) vatRates.set(rate.code, rate.ratePercent);
  return {
    items: new Map(
      items.map(({ code, designation, unit, unitPriceCentimes, taxCode }) => [
        code,
        { code, designation, unit, unitPriceCentimes, taxCode },
      ]),
    ),
    vatRates,
  };
}

/**
 * An SQL expression whose value changes with any version of the price schedule or any VAT rate
 * added or changed (through the API or by hand), whoever wrote it: a `PriceCache` keeps what it read
 * while it stays the same. The items of a version never change (a new price makes a new version).
 */
export const pricesStampSql = `(select coalesce(string_agg(concat_ws(':', id, effective_from, effective_to), ',' order by id), '') from price_schedule)
  || '/' || (select coalesce(string_agg(concat_ws(':', id, code, rate_percent, valid_from), ',' order by id), '') from tax_rate)`;

/** Days a `PriceCache` holds at most: past it, it starts again (work is accepted within weeks of its installation). */
const cachedDaysMax = 1000;

/**
 * The prices of each installation day, read once per server process: an acceptance reads the stamp
 * of the prices (`pricesStampSql`) with its own first statement, and the days read under another
 * stamp are forgotten. The cost of reading a schedule, its items and the rates is then paid once a day
 * billed, not once an acceptance.
 */
export class PriceCache {
  private stamp: string | null = null;
  private readonly days = new Map<string, DayPrices>();

  /** The prices of `day`, as read under `stamp` (read with `em` when not yet held). */
  async on(em: EntityManager, stamp: string, day: string): Promise<DayPrices> {
    if (stamp !== this.stamp || this.days.size >= cachedDaysMax) {
      this.days.clear();
      this.stamp = stamp;
    }
    const held = this.days.get(day);
    if (held) return held;
    const read = await readDayPrices(em, day);
    // A read made under an older stamp than the one now held is not kept.
    if (this.stamp === stamp) this.days.set(day, read);
    return read;
  }
}

/**
 * The prices of the work installed on `day`: from the process's `PriceCache` under `stamp`, or read
 * from the database where there is none (scripts).
 */
export function dayPrices(context: Context, em: EntityManager, stamp: string, day: string): Promise<DayPrices> {
  return context.settings?.prices?.on(em, stamp, day) ?? readDayPrices(em, day);
}

/** The version in force on `date` (YYYY-MM-DD), or null. */
export function findInForce(em: EntityManager, date: string): Promise<PriceSchedule | null> {
  return versionInForce(em, PriceSchedule, date);
}

const newVersionSchema = z.object({
  name: requiredText(200),
  effectiveFrom: dayFrom2000To2100,
  items: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, { error: 'must be 2–20 capitals, digits or "-"' }),
        designation: requiredText(200),
        unit: z.enum(PriceUnit),
        unitPrice: z
          .string()
          .trim()
          .regex(/^\d{1,12}(\.\d{1,2})?$/, { error: 'must be an amount in DA such as "4500.00"' }),
        taxCode: z.string().trim().min(1).max(20),
      }),
    )
    .min(1, { error: 'must hold at least one item' })
    .max(500, { error: 'must hold at most 500 items' }),
});

/**
 * Records a new version of the price schedule (ADMIN), in force from `effectiveFrom`, a day after
 * today at the earliest: a version in force is never changed. The latest version ends where the new
 * one starts; the database refuses overlapping versions.
 * @throws DomainError BAD_USER_INPUT (dates, items, duplicate codes, unknown tax codes)
 */
export async function createPriceScheduleVersion(context: Context, input: unknown): Promise<PriceSchedule> {
  const values = parseInput(newVersionSchema, input);
  const codes = values.items.map((item) => item.code);
  const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
  if (repeated) throw badUserInput('items', `code ${repeated} appears twice`);
  return inTransaction(context, async (em) => {
    const taxCodes = new Set((await em.find(TaxRate, {})).map((rate) => rate.code));
    const unknown = values.items.find((item) => !taxCodes.has(item.taxCode));
    if (unknown) throw badUserInput(`items.${values.items.indexOf(unknown)}.taxCode`, `no tax code ${unknown.taxCode}`);
    await endLatestVersion(em, context, PriceSchedule, AuditEntityType.PRICE_SCHEDULE, values);
    const schedule = em.create(PriceSchedule, {
      name: values.name,
      effectiveFrom: values.effectiveFrom,
      effectiveTo: null,
      createdAt: new Date(),
    } as never);
    for (const item of values.items) {
      em.create(PriceScheduleItem, {
        schedule,
        code: item.code,
        designation: item.designation,
        unit: item.unit,
        unitPriceCentimes: centimesOf(item.unitPrice),
        taxCode: item.taxCode,
      } as never);
    }
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.PRICE_SCHEDULE,
      entityId: schedule.id,
      action: AuditAction.CREATE,
      changes: changedFields({}, values, ['name', 'effectiveFrom', 'items']),
    });
    return schedule;
  });
}

/**
 * The schedule's rule for quantities (reports, credits, revisions): whole for an item priced per
 * unit or lump sum (u, forfait); metres may have decimals.
 * @throws DomainError BAD_USER_INPUT naming `field`
 */
export function requireQuantityFitsUnit(unit: PriceUnit, quantity: Decimal.Value, field: string): void {
  if (unit !== PriceUnit.M && !new Decimal(quantity).isInteger())
    throw badUserInput(field, `must be a whole number for an item priced per ${unit.toLowerCase()}`);
}
