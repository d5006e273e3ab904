import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { ServiceLevelOwner, ServiceLevelStep, ServiceLevelTimeBasis } from './service-level.entity.js';
import { countedMinutes, dueAt } from './working-time.js';

/** Whose step each one is: a rule of the trade (DOMAIN "Time, service levels and incentives"), not data. */
export const ownerOfStep: Readonly<Record<ServiceLevelStep, ServiceLevelOwner>> = {
  ORDER_TO_ASSIGNMENT: ServiceLevelOwner.ALGERIE_TELECOM,
  ASSIGNMENT_TO_APPOINTMENT: ServiceLevelOwner.CONTRACTOR,
  APPOINTMENT_TO_INSTALLATION: ServiceLevelOwner.CONTRACTOR,
  REPORT_TO_DECISION: ServiceLevelOwner.ALGERIE_TELECOM,
  REJECTION_TO_NEW_REPORT: ServiceLevelOwner.CONTRACTOR,
  SUBMISSION_TO_APPROVAL: ServiceLevelOwner.ALGERIE_TELECOM,
  APPROVAL_TO_PAYMENT: ServiceLevelOwner.ALGERIE_TELECOM,
};

/** The steps of a customer subscription (the others are an invoice's); only they have wilaya targets. */
export const workSteps: readonly ServiceLevelStep[] = [
  ServiceLevelStep.ORDER_TO_ASSIGNMENT,
  ServiceLevelStep.ASSIGNMENT_TO_APPOINTMENT,
  ServiceLevelStep.APPOINTMENT_TO_INSTALLATION,
  ServiceLevelStep.REPORT_TO_DECISION,
  ServiceLevelStep.REJECTION_TO_NEW_REPORT,
];

export enum ServiceLevelClockState {
  RUNNING = 'RUNNING',
  RUNNING_LATE = 'RUNNING_LATE',
  MET = 'MET',
  MISSED = 'MISSED',
  STOPPED = 'STOPPED',
}
registerEnumType(ServiceLevelClockState, {
  name: 'ServiceLevelClockState',
  description: 'Where a step’s clock stands against its target.',
  valuesConfig: {
    RUNNING: { description: 'The step is under way and within its target.' },
    RUNNING_LATE: { description: 'The step is under way and past its target (`lateMinutes` grows).' },
    MET: { description: 'The step ended within its target.' },
    MISSED: {
      description:
        'The step ended past its target; or it was left another way (cancelled, failed, reassigned, rescheduled) once already late.',
    },
    STOPPED: {
      description:
        'The step was left another way (cancelled, failed, reassigned, rescheduled) before its target: it counts neither way.',
    },
  },
});

@ObjectType({
  description:
    'The clock of one step of a customer subscription or an invoice: when it started and ended, its target, the time it took, and how late. ' +
    'Times are counted as the target’s `timeBasis` says, in whole minutes; a step is measured against the service levels in force on the day (Algiers) it started, ' +
    'and the wilaya’s own target where it has one.',
})
export class ServiceLevelClock {
  @Field(() => ServiceLevelStep, { description: 'The step.' })
  step!: ServiceLevelStep;

  @Field(() => ServiceLevelOwner, { description: 'Whose step it is.' })
  owner!: ServiceLevelOwner;

  @Field(() => DateTime, { description: 'When the step started (UTC).' })
  startedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When the step ended (UTC); null while it runs.' })
  endedAt!: Date | null;

  @Field(() => ServiceLevelTimeBasis, { description: 'How its time is counted.' })
  timeBasis!: ServiceLevelTimeBasis;

  @Field(() => Int, { description: 'The target, in minutes counted as `timeBasis` says.' })
  targetMinutes!: number;

  @Field(() => DateTime, {
    description: 'When the target is reached (UTC): weekends and holidays skipped for WORKING_DAYS.',
  })
  dueAt!: Date;

  @Field(() => Int, {
    description: 'Minutes the step took (to `endedAt`, or to now while it runs), counted as `timeBasis` says.',
  })
  elapsedMinutes!: number;

  @Field(() => Int, { description: 'Minutes past the target (`elapsedMinutes − targetMinutes`), 0 when within it.' })
  lateMinutes!: number;

  @Field(() => ServiceLevelClockState, { description: 'Where the clock stands.' })
  state!: ServiceLevelClockState;
}

/** A change of status of a record, as its audit trail holds it (its creation has `from` null). */
export interface StatusChange {
  /** The audit event's id (a positive integer as a decimal string), increasing with time. */
  readonly eventId?: string;
  readonly at: Date;
  readonly from: string | null;
  readonly to: string;
  /** The appointment set with a change to SCHEDULED (`appointmentAt` in its changes). */
  readonly appointmentAt?: Date | null;
  /** The installation time a report declares with a change to INSTALLED (`installedAt` in its changes). */
  readonly installedAt?: Date | null;
  /** The day (YYYY-MM-DD, Algiers) a payment was made, with a change to PAID (its `payment` change). */
  readonly paidOn?: string | null;
  /** The firm given the work by this change (null: taken from every firm); absent when it did not change the firm. */
  readonly contractorId?: string | null;
  /** Why the work failed, with a change to FAILED. */
  readonly failureReason?: string | null;
  /** The reserves given with a change to REJECTED. */
  readonly reserves?: readonly string[] | null;
}

/** One run of a step: `ended` says how it ended, DONE (its own end) or LEFT (another way); null while open. */
export interface StepSpan {
  readonly step: ServiceLevelStep;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly ended: 'DONE' | 'LEFT' | null;
  /** The change that ended it; absent while open. */
  readonly endedBy?: StatusChange;
}

/** How a run of a step ends: the statuses that end it as done, and those that leave it running. */
interface EndRule {
  readonly doneOn: readonly string[];
  readonly continuesOn?: readonly string[];
}

/** A step's rule of runs: the status that starts one, and how it ends. */
interface StepRule extends EndRule {
  readonly startsOn: string;
}

const workRules: Readonly<Partial<Record<ServiceLevelStep, StepRule>>> = {
  ASSIGNMENT_TO_APPOINTMENT: { startsOn: 'ASSIGNED', doneOn: ['SCHEDULED'] },
  APPOINTMENT_TO_INSTALLATION: { startsOn: 'SCHEDULED', doneOn: ['INSTALLED'] },
  REPORT_TO_DECISION: { startsOn: 'INSTALLED', doneOn: ['ACCEPTED', 'REJECTED'] },
  REJECTION_TO_NEW_REPORT: { startsOn: 'REJECTED', doneOn: ['INSTALLED'] },
};

const invoiceRules: Readonly<Partial<Record<ServiceLevelStep, StepRule>>> = {
  SUBMISSION_TO_APPROVAL: { startsOn: 'SUBMITTED', doneOn: ['APPROVED', 'REVISION_REQUESTED'] },
  APPROVAL_TO_PAYMENT: { startsOn: 'APPROVED', doneOn: ['PAID'], continuesOn: ['PARTIALLY_PAID'] },
};

/**
 * When a step ended by `change` was done: for the installation, the time its report declares (checked
 * against the appointment's day and the photos), not when the report reached the server, so that a
 * phone without network is no delay; for the payment, the start of the day it was made (Algiers), not
 * when finance recorded it, and never after that; for the others, the change itself.
 */
function doneAt(step: ServiceLevelStep, change: StatusChange): Date {
  if (step === ServiceLevelStep.APPOINTMENT_TO_INSTALLATION) return change.installedAt ?? change.at;
  if (step === ServiceLevelStep.APPROVAL_TO_PAYMENT && change.paidOn) {
    const paidDay = new Date(`${change.paidOn}T00:00:00+01:00`);
    return paidDay < change.at ? paidDay : change.at;
  }
  return change.at;
}

/** A run still open, with the rule that ends it. */
interface OpenSpan {
  readonly step: ServiceLevelStep;
  readonly startedAt: Date;
  readonly endsBy: EndRule;
}

/**
 * The runs of the steps `rules` describe along `changes` (in the order they happened): each change
 * ends the runs open (DONE when its status is the run's end, LEFT otherwise, unless it lets the run
 * continue) and starts the runs its status starts. `first` is a run open from the start, which no
 * status starts, ended by its own rule.
 */
function spansOf(
  rules: Readonly<Partial<Record<ServiceLevelStep, StepRule>>>,
  changes: readonly StatusChange[],
  first: OpenSpan | null,
): StepSpan[] {
  const spans: StepSpan[] = [];
  let open: OpenSpan[] = first ? [first] : [];
  for (const change of changes) {
    // An order created PENDING: nothing ends, nothing starts.
    if (change.to === 'PENDING') continue;
    const staying: OpenSpan[] = [];
    for (const span of open) {
      if (span.endsBy.continuesOn?.includes(change.to)) {
        staying.push(span);
        continue;
      }
      const done = span.endsBy.doneOn.includes(change.to);
      const endedAt = done ? doneAt(span.step, change) : change.at;
      if (endedAt >= span.startedAt)
        spans.push({
          step: span.step,
          startedAt: span.startedAt,
          endedAt,
          ended: done ? 'DONE' : 'LEFT',
          endedBy: change,
        });
      // Done before its start (installed before the appointment's hour): it took no time.
      else if (done) spans.push({ step: span.step, startedAt: endedAt, endedAt, ended: 'DONE', endedBy: change });
      // Left before its start (rescheduled before the appointment came): the step never started.
    }
    open = staying;
    for (const [step, rule] of Object.entries(rules) as [ServiceLevelStep, StepRule][]) {
      if (rule.startsOn !== change.to) continue;
      const startedAt = step === ServiceLevelStep.APPOINTMENT_TO_INSTALLATION ? change.appointmentAt : change.at;
      if (startedAt) open.push({ step, startedAt, endsBy: rule });
    }
  }
  for (const span of open) spans.push({ step: span.step, startedAt: span.startedAt, endedAt: null, ended: null });
  return spans;
}

/**
 * The runs of a customer subscription's steps, from its order time and its changes of status: the
 * order waits for its assignment from `orderedAt`; each assignment, appointment, report and rejection
 * starts the step that follows it.
 */
export function workStepSpans(orderedAt: Date, changes: readonly StatusChange[]): StepSpan[] {
  // The order's own step starts with the order (no status starts it) and ends at its first assignment
  // (DONE), or its cancellation or failure (LEFT).
  const ordered: OpenSpan = {
    step: ServiceLevelStep.ORDER_TO_ASSIGNMENT,
    startedAt: orderedAt,
    endsBy: { doneOn: ['ASSIGNED'] },
  };
  return spansOf(workRules, changes, ordered).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** The runs of an invoice's steps: each submission waits for AT's answer, each approval for the payment in full. */
export function invoiceStepSpans(changes: readonly StatusChange[]): StepSpan[] {
  return spansOf(invoiceRules, changes, null);
}

/** A step's target: minutes and how they are counted. */
export interface StepTarget {
  readonly targetMinutes: number;
  readonly timeBasis: ServiceLevelTimeBasis;
}

/**
 * The clock of `span` against `target`, with `holidays` (YYYY-MM-DD) off for WORKING_DAYS, at `now`
 * for a step still running. A run that has not started by `now` (an appointment to come) has no clock.
 */
export function clockOf(
  span: StepSpan,
  target: StepTarget,
  holidays: ReadonlySet<string>,
  now: Date,
): ServiceLevelClock | null {
  if (span.startedAt > now) return null;
  const { targetMinutes, timeBasis } = target;
  const elapsedMinutes = countedMinutes(span.startedAt, span.endedAt ?? now, timeBasis, holidays);
  const lateMinutes = Math.max(0, elapsedMinutes - targetMinutes);
  const late = lateMinutes > 0;
  const state =
    span.ended === null
      ? late
        ? ServiceLevelClockState.RUNNING_LATE
        : ServiceLevelClockState.RUNNING
      : late
        ? ServiceLevelClockState.MISSED
        : span.ended === 'DONE'
          ? ServiceLevelClockState.MET
          : ServiceLevelClockState.STOPPED;
  return Object.assign(new ServiceLevelClock(), {
    step: span.step,
    owner: ownerOfStep[span.step],
    startedAt: span.startedAt,
    endedAt: span.endedAt,
    timeBasis,
    targetMinutes,
    dueAt: dueAt(span.startedAt, targetMinutes, timeBasis, holidays),
    elapsedMinutes,
    lateMinutes,
    state,
  });
}
