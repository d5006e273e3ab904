import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { idempotencyKeyDescription } from '../../common/idempotency.js';
import { algerianPhone } from '../../common/phone.js';
import { DateTime } from '../../common/scalars.js';
import { recordId, requiredText } from '../../common/validation.js';
import { FailureReason } from './customer-subscription.entity.js';
import { NetworkClass } from './installation-report.entity.js';

@InputType({
  description: "A customer's order from AT's backlog, PENDING. Text is trimmed; the reference is upper-cased.",
})
export class CreateCustomerSubscriptionInput {
  @Field(() => String, { description: "AT's order reference: 3–40 letters, digits, '/', '-' or '_'; unique." })
  orderReference!: string;

  @Field(() => String, { description: '1–200 characters.' })
  customerName!: string;

  @Field(() => String, { description: 'Algerian phone number in any usual form; stored in E.164.' })
  customerPhone!: string;

  @Field(() => String, { description: '1–300 characters.' })
  customerAddress!: string;

  @Field(() => ID, { description: 'Commune of the home (hence its wilaya).' })
  communeId!: string;

  @Field(() => String, { description: '1–100 characters.' })
  offer!: string;

  @Field(() => ID, { nullable: true, description: 'The site the home belongs to, in the same wilaya.' })
  siteId?: string | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When AT took the order (UTC); now when left out; never in the future.',
  })
  orderedAt?: Date | null;
}

@InputType({
  description:
    'Fields to change on a customer subscription; only the fields sent are changed. ACCEPTED, FAILED and CANCELLED ones no longer change.',
})
export class UpdateCustomerSubscriptionInput {
  @Field(() => String, { nullable: true, description: 'As in CreateCustomerSubscriptionInput; left out: unchanged.' })
  customerName?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateCustomerSubscriptionInput; left out: unchanged.' })
  customerPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateCustomerSubscriptionInput; left out: unchanged.' })
  customerAddress?: string | null;

  @Field(() => ID, { nullable: true, description: 'As in CreateCustomerSubscriptionInput; left out: unchanged.' })
  communeId?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateCustomerSubscriptionInput; left out: unchanged.' })
  offer?: string | null;

  @Field(() => ID, { nullable: true, description: 'Another site, in the same wilaya.' })
  siteId?: string | null;
}

@InputType({ description: 'Which customer subscription, and the version last seen.' })
export class CustomerSubscriptionRef {
  @Field(() => ID, { description: 'The customer subscription.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` the client last saw; CONFLICT if it changed since.' })
  expectedVersion!: number;
}

@InputType({ description: 'Assign the work to a contractor: ACTIVE and operating in the wilaya.' })
export class AssignCustomerSubscriptionInput extends CustomerSubscriptionRef {
  @Field(() => ID, { description: 'The contractor, ACTIVE and operating in the wilaya.' })
  contractorId!: string;
}

@InputType({ description: 'Book the installation appointment.' })
export class ScheduleInstallationInput extends CustomerSubscriptionRef {
  @Field(() => DateTime, { description: 'Appointment (UTC), from now to a year ahead, after the order.' })
  appointmentAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why, up to 500 characters (e.g. why the appointment moved).' })
  reason?: string | null;
}

@InputType({ description: 'The connection could not be made.' })
export class MarkInstallationFailedInput extends CustomerSubscriptionRef {
  @Field(() => FailureReason, { description: 'Why the connection could not be made.' })
  failureReason!: FailureReason;

  @Field(() => String, {
    nullable: true,
    description: 'Details, up to 500 characters; required when failureReason is OTHER.',
  })
  reason?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Photos showing why (e.g. no PBO on the façade), uploaded first with PUT /photos/<id>; at most 10, each of this work and not yet attached.',
  })
  photoIds?: string[] | null;

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A measured line of work.' })
export class WorkLineInput {
  @Field(() => String, {
    description: 'Item code of the price schedule in force on the installation date, e.g. "DRP-AER".',
  })
  code!: string;

  @Field(() => String, {
    description: 'Quantity in the item\'s unit, as a decimal string ("42.5" metres; whole numbers for U and FORFAIT).',
  })
  quantity!: string;
}

@InputType({ description: 'Time and place of a photo of the work.' })
export class PhotoMetadataInput {
  @Field(() => DateTime, { description: 'When the photo was taken (UTC).' })
  takenAt!: Date;

  @Field(() => Float, { description: 'Latitude in decimal degrees, within Algeria.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees, within Algeria.' })
  longitude!: number;
}

@InputType({ description: 'The installation report: SCHEDULED (or REJECTED) → INSTALLED.' })
export class ReportInstallationInput extends CustomerSubscriptionRef {
  @Field(() => DateTime, { description: 'When the installation was done (UTC), not in the future.' })
  installedAt!: Date;

  @Field(() => String, { description: 'Technician, 1–200 characters.' })
  technicianName!: string;

  @Field(() => String, { nullable: true, description: 'Remarks, up to 1,000 characters.' })
  remarks?: string | null;

  @Field(() => NetworkClass, { description: 'Network class the thresholds come from.' })
  networkClass!: NetworkClass;

  @Field(() => String, { description: 'Power received at the ONT at 1490 nm, in dBm, as a decimal string ("-21.5").' })
  receivedPowerDbm!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Splice loss in dB, as a decimal string ("0.05"), when measured.',
  })
  spliceLossDb?: string | null;

  @Field(() => [WorkLineInput], { description: 'Work measured (attachement), 1 to 50 lines, each item once.' })
  lines!: WorkLineInput[];

  @Field(() => [PhotoMetadataInput], {
    nullable: true,
    description:
      'Time and place of photos kept elsewhere, up to 20 (before photos were files); send the photos themselves with photoIds instead.',
  })
  photos?: PhotoMetadataInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The photos of the work, uploaded first with PUT /photos/<id>: at most 10, each of this work and not yet attached. The PBO, the PTO and the power meter ' +
      '(fieldSettings.requiredPhotoKinds) are expected: a report without one is flagged (missingPhotoKinds). A SIGNATURE photo is the customer’s signature.',
  })
  photoIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Serial number of the ONT installed (what AT provisions the line with): 4–40 letters, digits or "-"; upper-cased.',
  })
  ontSerialNumber?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Latitude where the report was made, decimal degrees within Algeria; with longitude, or neither. Without a position the report is flagged.',
  })
  latitude?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Longitude where the report was made, decimal degrees within Algeria; with latitude, or neither.',
  })
  longitude?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The position's accuracy as the phone reported it, in metres (0 to 100,000); only with a position.",
  })
  positionAccuracyMetres?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the customer did not sign that the line works, 1–500 characters: only when no SIGNATURE photo is attached.',
  })
  signatureMissingReason?: string | null;

  @Field(() => String, { nullable: true, description: idempotencyKeyDescription })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Cancel the order.' })
export class CancelCustomerSubscriptionInput extends CustomerSubscriptionRef {
  @Field(() => String, { description: 'Why, 1–500 characters.' })
  reason!: string;
}

/** Every field of a customer subscription set at creation or by an update. */
export const customerSubscriptionSchema = z.object({
  orderReference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9/_-]{2,39}$/, { error: "must be 3–40 letters (A–Z), digits, '/', '-' or '_'" })
    .transform((value) => value.toUpperCase()),
  customerName: requiredText(200),
  customerPhone: algerianPhone,
  customerAddress: requiredText(300),
  communeId: recordId,
  offer: requiredText(100),
  siteId: recordId.nullish().transform((value) => value ?? null),
  orderedAt: z
    .date({ error: 'must be a date and time in ISO 8601, e.g. 2026-11-02T08:30:00Z' })
    .refine((date) => date.getTime() <= Date.now() + 60_000, { error: 'must not be in the future' })
    .refine((date) => date.getTime() >= Date.UTC(2000, 0, 1), { error: 'must not be before 2000' })
    .nullish()
    .transform((value) => value ?? new Date()),
});

export type CustomerSubscriptionValues = z.output<typeof customerSubscriptionSchema>;

/** The fields an update may change (the reference and order time are AT's and stay). */
export const updatableFields = [
  'customerName',
  'customerPhone',
  'customerAddress',
  'communeId',
  'offer',
  'siteId',
] as const;
