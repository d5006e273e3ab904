import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { endLatestVersion, versionInForce } from '../audit/dated-version.js';
import { DomainError, ErrorCode, badUserInput } from '../../common/errors.js';
import { algiersDate, now } from '../../common/time.js';
import { inTransaction } from '../../common/transaction.js';
import { dayFrom2000To2100, parseInput, recordId, requiredText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { workSteps, type StepTarget } from './service-level-clocks.js';
import {
  PublicHoliday,
  ServiceLevelSchedule,
  ServiceLevelStep,
  ServiceLevelTarget,
  ServiceLevelTimeBasis,
} from './service-level.entity.js';

const workingDays = (days: number): [number, ServiceLevelTimeBasis] => [
  days * 1440,
  ServiceLevelTimeBasis.WORKING_DAYS,
];

/**
 * The starting service levels, proposed until AT sets its own: a target for each step, in working
 * days but for the payment (30 calendar days from approval, the payment term of today), and longer
 * firms' steps in the four wilayas of the far south (Adrar, Tamanrasset, Illizi, Tindouf).
 */
const startingTargets: [ServiceLevelStep, string | null, number, ServiceLevelTimeBasis][] = [
  [ServiceLevelStep.ORDER_TO_ASSIGNMENT, null, ...workingDays(2)],
  [ServiceLevelStep.ASSIGNMENT_TO_APPOINTMENT, null, ...workingDays(3)],
  [ServiceLevelStep.APPOINTMENT_TO_INSTALLATION, null, ...workingDays(1)],
  [ServiceLevelStep.REPORT_TO_DECISION, null, ...workingDays(2)],
  [ServiceLevelStep.REJECTION_TO_NEW_REPORT, null, ...workingDays(3)],
  [ServiceLevelStep.SUBMISSION_TO_APPROVAL, null, ...workingDays(5)],
  [ServiceLevelStep.APPROVAL_TO_PAYMENT, null, 30 * 1440, ServiceLevelTimeBasis.CALENDAR],
  ...['01', '11', '33', '37'].flatMap((wilaya): [ServiceLevelStep, string, number, ServiceLevelTimeBasis][] => [
    [ServiceLevelStep.ASSIGNMENT_TO_APPOINTMENT, wilaya, ...workingDays(5)],
    [ServiceLevelStep.REJECTION_TO_NEW_REPORT, wilaya, ...workingDays(5)],
  ]),
];

/**
 * Algeria's public holidays of 2026 and 2027: the fixed ones, and the Hijri ones at their expected
 * dates (an administrator confirms or moves them when the moon is seen: `addPublicHoliday`, `removePublicHoliday`).
 */
const startingHolidays: [day: string, name: string][] = [
  ['2026-01-01', 'Nouvel an'],
  ['2026-01-12', 'Yennayer'],
  ['2026-03-20', 'Aïd el-Fitr (1er jour)'],
  ['2026-03-21', 'Aïd el-Fitr (2e jour)'],
  ['2026-05-01', 'Fête du travail'],
  ['2026-05-27', 'Aïd el-Adha (1er jour)'],
  ['2026-05-28', 'Aïd el-Adha (2e jour)'],
  ['2026-06-16', 'Awal Moharram'],
  ['2026-06-25', 'Achoura'],
  ['2026-07-05', "Fête de l'indépendance"],
  ['2026-08-25', 'Mawlid Ennabaoui'],
  ['2026-11-01', 'Anniversaire du déclenchement de la Révolution'],
  ['2027-01-01', 'Nouvel an'],
  ['2027-01-12', 'Yennayer'],
  ['2027-03-10', 'Aïd el-Fitr (1er jour)'],
  ['2027-03-11', 'Aïd el-Fitr (2e jour)'],
  ['2027-05-01', 'Fête du travail'],
  ['2027-05-17', 'Aïd el-Adha (1er jour)'],
  ['2027-05-18', 'Aïd el-Adha (2e jour)'],
  ['2027-06-06', 'Awal Moharram'],
  ['2027-06-15', 'Achoura'],
  ['2027-07-05', "Fête de l'indépendance"],
  ['2027-08-14', 'Mawlid Ennabaoui'],
  ['2027-11-01', 'Anniversaire du déclenchement de la Révolution'],
];

/**
 * Loads the starting service levels (in force from 2026-01-01) and public holidays on a database that
 * has none; changes nothing otherwise.
 */
export async function loadStartingServiceLevels(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(ServiceLevelSchedule)) === 0) {
    const schedule = em.create(ServiceLevelSchedule, {
      name: 'Niveaux de service — proposition (à remplacer par ceux d’AT)',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      createdAt: new Date(),
    } as never);
    for (const [step, wilayaCode, targetMinutes, timeBasis] of startingTargets)
      em.create(ServiceLevelTarget, { schedule, step, wilayaCode, targetMinutes, timeBasis } as never);
  }
  if ((await em.count(PublicHoliday)) === 0)
    for (const [day, name] of startingHolidays) em.create(PublicHoliday, { day, name } as never);
  await em.flush();
}

/** A version of the service levels as the clocks read it: its dates, and its targets by step and wilaya. */
interface VersionRules {
  readonly effectiveFrom: string;
  readonly targets: ReadonlyMap<string, StepTarget>;
}

/** Everything a clock is measured against: the versions (oldest first) and the public holidays. */
export interface ServiceLevelRules {
  readonly versions: readonly VersionRules[];
  readonly holidays: ReadonlySet<string>;
}

const targetKey = (step: ServiceLevelStep, wilayaCode: string | null) => `${step}/${wilayaCode ?? ''}`;

/** The service-level versions with their targets, and the public holidays, read in two statements. */
export async function readServiceLevelRules(em: EntityManager): Promise<ServiceLevelRules> {
  const schedules = await em.find(
    ServiceLevelSchedule,
    {},
    { populate: ['targets'], orderBy: { effectiveFrom: 'asc' } },
  );
  const holidays = await em.find(PublicHoliday, {}, { fields: ['day'] });
  return {
    versions: schedules.map((schedule) => ({
      effectiveFrom: schedule.effectiveFrom,
      targets: new Map(
        schedule.targets.getItems().map((target) => [targetKey(target.step, target.wilayaCode), target]),
      ),
    })),
    holidays: new Set(holidays.map((holiday) => holiday.day)),
  };
}

/**
 * The target of `step` for a run started on `day` (YYYY-MM-DD, Algiers) in `wilayaCode` (null for an
 * invoice): the wilaya's own in the version then in force, else the national one. A run started before
 * the first version is measured against the first. Null when there is no version at all.
 */
export function targetOf(
  rules: ServiceLevelRules,
  step: ServiceLevelStep,
  day: string,
  wilayaCode: string | null,
): StepTarget | null {
  const version = rules.versions.findLast((candidate) => candidate.effectiveFrom <= day) ?? rules.versions[0];
  if (!version) return null;
  return (
    (wilayaCode === null ? undefined : version.targets.get(targetKey(step, wilayaCode))) ??
    version.targets.get(targetKey(step, null)) ??
    null
  );
}

/** Every version of the service levels, newest first. */
export function listServiceLevelSchedules(context: Context): Promise<ServiceLevelSchedule[]> {
  return context.em.find(ServiceLevelSchedule, {}, { orderBy: { effectiveFrom: 'desc' } });
}

/**
 * The version in force on `date` (YYYY-MM-DD, Algiers; today when null), or null before the first.
 * @throws DomainError BAD_USER_INPUT for a malformed date or one outside 2000–2100
 */
export function serviceLevelScheduleInForce(
  context: Context,
  date: string | null,
): Promise<ServiceLevelSchedule | null> {
  const day = date === null ? algiersDate() : parseInput(dayFrom2000To2100, date, 'on');
  return versionInForce(context.em, ServiceLevelSchedule, day);
}

const minutesMax = 525_600;

const newVersionSchema = z.object({
  name: requiredText(200),
  effectiveFrom: dayFrom2000To2100,
  targets: z
    .array(
      z.object({
        step: z.enum(ServiceLevelStep),
        wilayaCode: z
          .string()
          .trim()
          .regex(/^\d{2}$/, { error: 'must be two digits, such as "01"' })
          .nullish()
          .transform((code) => code ?? null),
        targetMinutes: z
          .number()
          .int()
          .min(1, { error: `must be from 1 to ${minutesMax}` })
          .max(minutesMax, { error: `must be from 1 to ${minutesMax}` }),
        timeBasis: z.enum(ServiceLevelTimeBasis),
      }),
    )
    .max(500, { error: 'must hold at most 500 targets' }),
});

/**
 * Records a new version of the service levels (ADMIN), in force from `effectiveFrom`, a day after today
 * at the earliest: a version in force never changes. It must give every step a national target; a
 * wilaya's own target is for a customer subscription's step only. The latest version ends where the
 * new one starts; the database refuses overlapping versions.
 * @throws DomainError BAD_USER_INPUT (dates, a step without a national target, a step twice, an unknown wilaya), CONFLICT (starts before the latest version)
 */
export async function createServiceLevelScheduleVersion(
  context: Context,
  input: unknown,
): Promise<ServiceLevelSchedule> {
  const values = parseInput(newVersionSchema, input);
  const keys = values.targets.map((target) => targetKey(target.step, target.wilayaCode));
  const repeated = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (repeated >= 0)
    throw badUserInput(
      `targets.${repeated}`,
      `gives step ${values.targets[repeated]!.step} a second target for the same place`,
    );
  const missing = Object.values(ServiceLevelStep).find((step) => !keys.includes(targetKey(step, null)));
  if (missing) throw badUserInput('targets', `must give step ${missing} a national target (no wilayaCode)`);
  const invoiceOnly = values.targets.findIndex(
    (target) => target.wilayaCode !== null && !workSteps.includes(target.step),
  );
  if (invoiceOnly >= 0)
    throw badUserInput(
      `targets.${invoiceOnly}.wilayaCode`,
      'must be left out: the step of an invoice has a national target only',
    );
  return inTransaction(context, async (em) => {
    const codes = [...new Set(values.targets.flatMap((target) => target.wilayaCode ?? []))];
    const known = new Set((await em.find(Wilaya, { code: { $in: codes } }, { fields: ['code'] })).map((w) => w.code));
    const unknown = values.targets.findIndex((target) => target.wilayaCode !== null && !known.has(target.wilayaCode));
    if (unknown >= 0)
      throw badUserInput(`targets.${unknown}.wilayaCode`, `no wilaya with code ${values.targets[unknown]!.wilayaCode}`);
    await endLatestVersion(em, context, ServiceLevelSchedule, AuditEntityType.SERVICE_LEVEL_SCHEDULE, values);
    const schedule = em.create(ServiceLevelSchedule, {
      name: values.name,
      effectiveFrom: values.effectiveFrom,
      effectiveTo: null,
      createdAt: new Date(),
    } as never);
    for (const target of values.targets) em.create(ServiceLevelTarget, { schedule, ...target } as never);
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.SERVICE_LEVEL_SCHEDULE,
      entityId: schedule.id,
      action: AuditAction.CREATE,
      changes: changedFields({}, values, ['name', 'effectiveFrom', 'targets']),
    });
    return schedule;
  });
}

const yearSchema = z
  .number()
  .int()
  .min(2000, { error: 'must be from 2000 to 2100' })
  .max(2100, { error: 'must be from 2000 to 2100' });

/**
 * The public holidays of `year` (all when null), by day.
 * @throws DomainError BAD_USER_INPUT for a year outside 2000–2100
 */
export function listPublicHolidays(context: Context, year: number | null): Promise<PublicHoliday[]> {
  if (year === null) return context.em.find(PublicHoliday, {}, { orderBy: { day: 'asc' } });
  const from = `${parseInput(yearSchema, year, 'year')}-01-01`;
  return context.em.find(PublicHoliday, { day: { $gte: from, $lt: `${year + 1}-01-01` } }, { orderBy: { day: 'asc' } });
}

const holidaySchema = z.object({ day: dayFrom2000To2100, name: requiredText(100) });

/**
 * Adds a public holiday (ADMIN), after today: a clock already counted never changes under it.
 * @throws DomainError BAD_USER_INPUT (a day not after today, no name), CONFLICT (the day is one already)
 */
export async function addPublicHoliday(context: Context, input: unknown): Promise<PublicHoliday> {
  const values = parseInput(holidaySchema, input);
  if (values.day <= algiersDate(now(context)))
    throw badUserInput('day', 'must be after today: clocks already counted never change');
  return inTransaction(context, async (em) => {
    if (await em.findOne(PublicHoliday, { day: values.day }))
      throw new DomainError(ErrorCode.CONFLICT, `day: ${values.day} is already a public holiday`, { field: 'day' });
    const holiday = em.create(PublicHoliday, values as never);
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.PUBLIC_HOLIDAY,
      entityId: holiday.id,
      action: AuditAction.CREATE,
      changes: changedFields({}, values, ['day', 'name']),
    });
    return holiday;
  });
}

/** Whether `holiday` may still be removed: its day is after today (Algiers), as clocks already counted never change. */
export function isPublicHolidayRemovable(context: Context, holiday: PublicHoliday): boolean {
  return holiday.day > algiersDate(now(context));
}

/**
 * Removes a public holiday still to come (ADMIN): a Hijri holiday moved by the moon's sighting is
 * removed and added on its day.
 * @throws DomainError BAD_USER_INPUT (an id that is no id, a day today or past), NOT_FOUND
 */
export async function removePublicHoliday(context: Context, id: string): Promise<PublicHoliday> {
  const holidayId = parseInput(recordId, id, 'id');
  return inTransaction(context, async (em) => {
    const holiday = await em.findOne(PublicHoliday, { id: holidayId });
    if (!holiday) throw new DomainError(ErrorCode.NOT_FOUND, `no public holiday ${holidayId}`, { field: 'id' });
    if (!isPublicHolidayRemovable(context, holiday))
      throw badUserInput('id', 'is a holiday today or past, which stays: clocks already counted never change');
    recordAudit(em, context, {
      entityType: AuditEntityType.PUBLIC_HOLIDAY,
      entityId: holiday.id,
      action: AuditAction.DELETE,
      changes: changedFields({ day: holiday.day, name: holiday.name }, {}, ['day', 'name']),
    });
    em.remove(holiday);
    await em.flush();
    return holiday;
  });
}
