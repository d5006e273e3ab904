import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { badUserInput, notFound } from '../../common/errors.js';
import { idempotencyKey, idempotent } from '../../common/idempotency.js';
import { algiersDate, now } from '../../common/time.js';
import { loadForChange } from '../audit/tracked.service.js';
import { changeCustomerSubscriptionStatus } from './customer-subscription.events.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, optionalText, parseInput, recordId, requiredText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { workScope } from '../auth/scope.js';
import { checkContractorActive } from '../contractor/contractor.service.js';
import { findInForce, requireQuantityFitsUnit } from '../invoice/price-schedule.service.js';
import { PhotoKind } from '../photo/photo.entity.js';
import { attachPhotos } from '../photo/photo.service.js';
import { CustomerSubscription } from './customer-subscription.entity.js';
import { customerSubscriptionLifecycle } from './customer-subscription.lifecycle.js';
import { quantityIssues } from './field-checks.js';
import { defaultQualityThresholds, qualityIssues } from './installation-quality.js';
import { InstallationReport, NetworkClass } from './installation-report.entity.js';

const decimal = (pattern: RegExp, message: string) => z.string().trim().regex(pattern, { error: message });
const withinAlgeria = { error: 'must be within Algeria' };
const latitude = z.number().min(18.9, withinAlgeria).max(37.2, withinAlgeria);
const longitude = z.number().min(-8.7, withinAlgeria).max(12.0, withinAlgeria);
const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

const reportSchema = z
  .object({
    id: recordId,
    expectedVersion,
    installedAt: z
      .date({ error: 'must be a date and time' })
      .refine((date) => date.getTime() <= Date.now() + 5 * 60_000, { error: 'must not be in the future' }),
    technicianName: requiredText(200),
    remarks: optionalText(1000),
    networkClass: z.enum(NetworkClass),
    receivedPowerDbm: decimal(/^-?\d{1,2}(\.\d{1,3})?$/, 'must be a power in dBm such as "-21.5"'),
    spliceLossDb: decimal(/^\d(\.\d{1,3})?$/, 'must be a loss in dB such as "0.05"')
      .nullish()
      .transform((value) => value ?? null),
    lines: z
      .array(
        z.object({
          code: z.string().trim().min(1).max(20),
          quantity: decimal(/^\d{1,6}(\.\d{1,3})?$/, 'must be a quantity such as "42.5"'),
        }),
      )
      .min(1, { error: 'must hold at least one line of work' })
      .max(50, { error: 'must hold at most 50 lines' }),
    photos: z
      .array(
        z.object({
          takenAt: z.date({ error: 'must be a date and time' }),
          latitude,
          longitude,
        }),
      )
      .max(20, { error: 'must hold at most 20 photos' })
      .nullish()
      .transform((value) => value ?? []),
    photoIds: z
      .array(z.string())
      .max(50, { error: 'must hold at most 50 photos' })
      .nullish()
      .transform((value) => value ?? []),
    ontSerialNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, { error: 'must be 4–40 letters, digits or "-", as printed on the ONT' })
      .transform((value) => value.toUpperCase())
      .nullish()
      .transform(orNull),
    latitude: latitude.nullish().transform(orNull),
    longitude: longitude.nullish().transform(orNull),
    positionAccuracyMetres: z
      .number()
      .min(0, { error: 'must be from 0 to 100000 metres' })
      .max(100_000, { error: 'must be from 0 to 100000 metres' })
      .nullish()
      .transform(orNull),
    signatureMissingReason: optionalText(500).transform(orNull),
    idempotencyKey,
  })
  .refine((report) => (report.latitude === null) === (report.longitude === null), {
    path: ['longitude'],
    error: 'must be given with latitude, or neither',
  })
  .refine((report) => report.latitude !== null || report.positionAccuracyMetres === null, {
    path: ['positionAccuracyMetres'],
    error: 'goes with a position only',
  });

type ReportValues = z.output<typeof reportSchema>;

/**
 * Records the installation report of a SCHEDULED (or REJECTED, reported again) customer
 * subscription: SCHEDULED | REJECTED → INSTALLED. Each line names an item of the price schedule in
 * force on the installation date (Algiers), in its unit (whole numbers for U and FORFAIT). The quality
 * gate compares the measurements with the thresholds of the network class; a report outside them is
 * flagged (`qualityIssues`), and accepting it will need an explicit override. The photos uploaded
 * for it are attached to it; the customer's signature is a SIGNATURE photo, or a reason why there is
 * none. With an idempotency key, a report sent again (the answer was lost on the way) is recorded once.
 * @throws DomainError INVALID_TRANSITION, CONTRACTOR_NOT_ELIGIBLE (contractor not ACTIVE), BAD_USER_INPUT, NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED
 */
export async function reportInstallation(context: Context, input: unknown): Promise<CustomerSubscription> {
  const values = parseInput(reportSchema, input);
  const codes = values.lines.map((line) => line.code);
  const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
  if (repeated) throw badUserInput('lines', `item ${repeated} appears twice`);
  const subscription = await inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'reportInstallation',
      values,
      () => recordReport(em, context, values),
      (id) => replayed(em, context, id),
    ),
  );
  context.loaders.customerSubscriptions.latestReports.clear(subscription.id);
  return subscription;
}

/**
 * The earliest day (YYYY-MM-DD, Algiers) an installation report may give: the appointment's day, as
 * the installation follows the appointment (docs/domain.md, "Lifecycle"); null without an appointment.
 */
export function earliestInstallationDay(subscription: Pick<CustomerSubscription, 'appointmentAt'>): string | null {
  return subscription.appointmentAt ? algiersDate(subscription.appointmentAt) : null;
}

/**
 * The work a replayed report or failure recorded, as the viewer may see it now: a technician no longer
 * sees work once it is closed (accepted, failed, cancelled) or given to another.
 * @throws DomainError NOT_FOUND when the viewer may no longer see it
 */
export async function replayed(em: EntityManager, context: Context, id: string): Promise<CustomerSubscription> {
  const subscription = await em.findOne(CustomerSubscription, { $and: [{ id }, workScope(context)] });
  if (!subscription) throw notFound('id', 'customer subscription', id);
  return subscription;
}

async function recordReport(em: EntityManager, context: Context, values: ReportValues): Promise<CustomerSubscription> {
  const subscription = await loadForChange(
    em,
    CustomerSubscription,
    'customer subscription',
    values.id,
    values.expectedVersion,
    { scope: workScope(context) },
  );
  customerSubscriptionLifecycle.next('REPORT_INSTALLATION', subscription.status);
  if (values.installedAt.getTime() < subscription.orderedAt.getTime())
    throw badUserInput('installedAt', 'must not be before the order was taken');
  const day = algiersDate(values.installedAt);
  const appointmentDay = earliestInstallationDay(subscription);
  if (appointmentDay && day < appointmentDay)
    throw badUserInput('installedAt', `must not be before the appointment's day (${appointmentDay}, Algiers)`);
  const schedule = await findInForce(em, day);
  if (!schedule) throw badUserInput('installedAt', `no price schedule is in force on ${day}`);
  const items = new Map((await schedule.items.loadItems()).map((item) => [item.code, item]));
  values.lines.forEach((line, index) => {
    const item = items.get(line.code);
    if (!item)
      throw badUserInput(`lines.${index}.code`, `no item ${line.code} in the price schedule in force on ${day}`);
    const quantity = new Decimal(line.quantity);
    if (quantity.isZero()) throw badUserInput(`lines.${index}.quantity`, 'must be more than 0');
    requireQuantityFitsUnit(item.unit, quantity, `lines.${index}.quantity`);
  });
  if (subscription.contractor) await checkContractorActive(em, subscription.contractor.id);
  const issues = [
    ...qualityIssues(values, context.settings?.qualityThresholds ?? defaultQualityThresholds),
    ...quantityIssues(values.lines.map((line) => ({ ...line, unit: items.get(line.code)!.unit }))),
  ];
  const report = em.create(InstallationReport, {
    customerSubscription: subscription,
    installedAt: values.installedAt,
    technicianName: values.technicianName,
    reportedBy: context.viewer?.kind === 'user' ? context.viewer.user.id : null,
    ontSerialNumber: values.ontSerialNumber,
    latitude: values.latitude,
    longitude: values.longitude,
    positionAccuracyMetres: values.positionAccuracyMetres,
    signatureMissingReason: values.signatureMissingReason,
    remarks: values.remarks ?? null,
    networkClass: values.networkClass,
    receivedPowerDbm: values.receivedPowerDbm,
    spliceLossDb: values.spliceLossDb,
    lines: values.lines,
    photos: values.photos.map((photo) => ({ ...photo, takenAt: photo.takenAt.toISOString() })),
    qualityIssues: issues,
    createdAt: now(context),
  } as never) as InstallationReport;
  const photos = await attachPhotos(em, context, subscription, values.photoIds, report);
  const signed = photos.some((photo) => photo.kind === PhotoKind.SIGNATURE);
  if (signed && values.signatureMissingReason !== null) {
    throw badUserInput(
      'signatureMissingReason',
      'the customer signed (a SIGNATURE photo is attached): leave the reason out',
    );
  }
  changeCustomerSubscriptionStatus(
    em,
    context,
    subscription,
    'REPORT_INSTALLATION',
    issues.length > 0 ? `quality: ${issues.join('; ')}` : null,
    {
      changes: [{ field: 'installedAt', from: null, to: values.installedAt.toISOString() }],
    },
  );
  return subscription;
}

/** The latest installation report of a customer subscription, or null: batched for the operation's parents. */
export function latestInstallationReport(context: Context, subscriptionId: string): Promise<InstallationReport | null> {
  return context.loaders.customerSubscriptions.latestReports.load(subscriptionId);
}
