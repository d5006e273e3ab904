import {
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DatedVersion } from '../audit/dated-version.js';
import { LocalDate } from '../../common/scalars.js';

/** The steps that carry a service level (DOMAIN "Time, service levels and incentives"), each owned by one side. */
export enum ServiceLevelStep {
  ORDER_TO_ASSIGNMENT = 'ORDER_TO_ASSIGNMENT',
  ASSIGNMENT_TO_APPOINTMENT = 'ASSIGNMENT_TO_APPOINTMENT',
  APPOINTMENT_TO_INSTALLATION = 'APPOINTMENT_TO_INSTALLATION',
  REPORT_TO_DECISION = 'REPORT_TO_DECISION',
  REJECTION_TO_NEW_REPORT = 'REJECTION_TO_NEW_REPORT',
  SUBMISSION_TO_APPROVAL = 'SUBMISSION_TO_APPROVAL',
  APPROVAL_TO_PAYMENT = 'APPROVAL_TO_PAYMENT',
}
registerEnumType(ServiceLevelStep, {
  name: 'ServiceLevelStep',
  description:
    'A step of the work or of an invoice that has a target time, and whose step it is (`ServiceLevelOwner`). ' +
    'The first five are steps of a customer subscription, the last two of an invoice.',
  valuesConfig: {
    ORDER_TO_ASSIGNMENT: {
      description: 'Algérie Télécom: from the order (`orderedAt`) to its assignment to a firm.',
    },
    ASSIGNMENT_TO_APPOINTMENT: {
      description: 'The firm: from its assignment to an appointment set with the customer (SCHEDULED).',
    },
    APPOINTMENT_TO_INSTALLATION: {
      description:
        'The firm: from the appointment (`appointmentAt`) to the installation, at the time its report declares (`installedAt`, not when the report reached the server); starts only once the appointment has come.',
    },
    REPORT_TO_DECISION: {
      description: 'Algérie Télécom: from an installation report to its acceptance or rejection.',
    },
    REJECTION_TO_NEW_REPORT: {
      description: 'The firm: from a rejection (reserves) to its new installation report.',
    },
    SUBMISSION_TO_APPROVAL: {
      description:
        'Algérie Télécom: from an invoice submitted (or submitted again) to its approval or a request for revision.',
    },
    APPROVAL_TO_PAYMENT: {
      description:
        'Algérie Télécom: from an invoice’s approval to its payment in full, on the day the payment says it was made (from 00:00 in Algiers), not when it was recorded.',
    },
  },
});

/** Whose step it is. */
export enum ServiceLevelOwner {
  ALGERIE_TELECOM = 'ALGERIE_TELECOM',
  CONTRACTOR = 'CONTRACTOR',
}
registerEnumType(ServiceLevelOwner, {
  name: 'ServiceLevelOwner',
  description: 'The side a step belongs to, and whose delay a late step is.',
  valuesConfig: {
    ALGERIE_TELECOM: { description: 'Algérie Télécom (the DOT, the acceptance, the finance department).' },
    CONTRACTOR: { description: 'The contracting firm the work is assigned to.' },
  },
});

/** How a step's time is counted. */
export enum ServiceLevelTimeBasis {
  CALENDAR = 'CALENDAR',
  WORKING_DAYS = 'WORKING_DAYS',
}
registerEnumType(ServiceLevelTimeBasis, {
  name: 'ServiceLevelTimeBasis',
  description: 'How the time of a step is counted against its target.',
  valuesConfig: {
    CALENDAR: { description: 'Every minute counts, day and night, weekends and public holidays included.' },
    WORKING_DAYS: {
      description:
        'Only the minutes of working days count, midnight to midnight in Algiers (UTC+1): Sunday to Thursday, ' +
        'public holidays (`publicHolidays`) excluded. A target of 2880 minutes is two working days.',
    },
  },
});

/**
 * A version of the service levels, in force from `effectiveFrom` to the day before `effectiveTo`
 * (open-ended when null). Versions never overlap (an exclusion constraint says so in the database); a
 * version in force never changes: new targets make a new version, as for the price schedule.
 */
@ObjectType({
  description:
    'A version of the service levels: a target for each step, nationally and optionally per wilaya, in force over a range of dates no other version overlaps. ' +
    'A step is measured against the version in force on the day (Algiers) it started.',
})
@Entity({ tableName: 'service_level_schedule' })
@Check({
  name: 'service_level_schedule_ends_after_start',
  expression: 'effective_to is null or effective_to > effective_from',
})
@Index({
  name: 'service_level_schedule_no_overlap',
  expression:
    'alter table "service_level_schedule" add constraint "service_level_schedule_no_overlap" exclude using gist (daterange("effective_from", "effective_to", \'[)\') with &&)',
})
export class ServiceLevelSchedule extends DatedVersion {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @OneToMany(() => ServiceLevelTarget, (target) => target.schedule)
  targets = new Collection<ServiceLevelTarget>(this);
}

/** One step's target in a version: national (no wilaya) or a wilaya's own. */
@ObjectType({
  description:
    'The target time of one step in a version of the service levels: the national one, or a wilaya’s own (which replaces the national one for the work of that wilaya).',
})
@Entity({ tableName: 'service_level_target' })
@Unique({
  name: 'service_level_target_unique',
  expression:
    'create unique index "service_level_target_unique" on "service_level_target" ("schedule_id", "step", coalesce("wilaya_code", \'\'))',
})
@Check({ name: 'service_level_target_minutes_positive', expression: 'target_minutes > 0' })
export class ServiceLevelTarget {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceLevelSchedule, { ref: true, deleteRule: 'cascade' })
  schedule!: Ref<ServiceLevelSchedule>;

  @Field(() => ServiceLevelStep, { description: 'The step.' })
  @Enum({ items: () => ServiceLevelStep, nativeEnumName: 'service_level_step' })
  step!: ServiceLevelStep;

  @Field(() => String, {
    nullable: true,
    description:
      'Code of the wilaya (2 digits, e.g. "11") whose own target this is; null for the national target. Only the steps of a customer subscription have wilaya targets.',
  })
  @Property({ type: 'string', length: 2, nullable: true })
  wilayaCode: string | null = null;

  @Field(() => Int, { description: 'Target time in minutes, counted as `timeBasis` says (1 to 525600).' })
  @Property({ type: 'integer' })
  targetMinutes!: number;

  @Field(() => ServiceLevelTimeBasis, { description: 'How the step’s time is counted.' })
  @Enum({ items: () => ServiceLevelTimeBasis, nativeEnumName: 'service_level_time_basis' })
  timeBasis!: ServiceLevelTimeBasis;
}

/** A public holiday of Algeria: dated data, never a computed constant (the Hijri ones move each year). */
@ObjectType({
  description:
    'A public holiday in Algeria (a day off in working-day service levels). Dated data: the fixed ones and the Hijri ones (the two Eids, Awal Muharram, Ashura, Mawlid), whose dates an administrator confirms each year.',
})
@Entity({ tableName: 'public_holiday' })
export class PublicHoliday {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => LocalDate, { description: 'The day (Algiers), YYYY-MM-DD.' })
  @Property({ type: 'string', columnType: 'date', unique: 'public_holiday_day_unique' })
  day!: string;

  @Field(() => String, { description: 'Its name as AT writes it, e.g. "Aïd el-Fitr (1er jour)".' })
  @Property({ type: 'string', length: 100 })
  name!: string;
}
