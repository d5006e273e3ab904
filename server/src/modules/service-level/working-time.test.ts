import { describe, expect, it } from 'vitest';
import { clockOf, invoiceStepSpans, workStepSpans, type StatusChange } from './service-level-clocks.js';
import { ServiceLevelTimeBasis } from './service-level.entity.js';
import { countedMinutes, dueAt, isWorkingDay } from './working-time.js';

const { WORKING_DAYS, CALENDAR } = ServiceLevelTimeBasis;
/** 1 November 2026, a Sunday: the anniversary of the Revolution. */
const holidays = new Set(['2026-11-01']);
/** An instant given in Algiers time (UTC+1). */
const algiers = (local: string) => new Date(`${local}+01:00`);

describe('working time in Algiers', () => {
  it('has Sunday to Thursday as working days, Friday, Saturday and the public holidays off', () => {
    expect(
      ['2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'].map((day) => isWorkingDay(day, holidays)),
    ).toEqual([true, false, false, false, true]);
  });

  it('counts, from a Thursday at 15:00 to the Monday at 10:00, the Thursday’s 9 hours and the Monday’s 10: the weekend, the holiday and the turn of the month are skipped', () => {
    expect(countedMinutes(algiers('2026-10-29T15:00'), algiers('2026-11-02T10:00'), WORKING_DAYS, holidays)).toBe(
      19 * 60,
    );
    expect(countedMinutes(algiers('2026-10-29T15:00'), algiers('2026-11-02T10:00'), CALENDAR, holidays)).toBe(
      (3 * 24 + 19) * 60,
    );
  });

  it('counts nothing inside a weekend, and nothing backwards', () => {
    expect(countedMinutes(algiers('2026-10-30T08:00'), algiers('2026-10-31T20:00'), WORKING_DAYS, holidays)).toBe(0);
    expect(countedMinutes(algiers('2026-11-02T10:00'), algiers('2026-11-02T09:00'), WORKING_DAYS, holidays)).toBe(0);
  });

  it('counts the day in Algiers, not in UTC: 23:30 UTC on a Thursday is already the Friday in Algiers', () => {
    expect(
      countedMinutes(new Date('2026-10-29T22:30:00Z'), new Date('2026-10-29T23:30:00Z'), WORKING_DAYS, holidays),
    ).toBe(30);
  });

  it('puts two working days from a Thursday at 15:00 on the Tuesday at 15:00 when the Sunday is a holiday, on the Monday otherwise', () => {
    expect(dueAt(algiers('2026-10-29T15:00'), 2880, WORKING_DAYS, holidays)).toEqual(algiers('2026-11-03T15:00'));
    expect(dueAt(algiers('2026-10-29T15:00'), 2880, WORKING_DAYS, new Set())).toEqual(algiers('2026-11-02T15:00'));
    expect(dueAt(algiers('2026-10-29T15:00'), 2880, CALENDAR, holidays)).toEqual(algiers('2026-10-31T15:00'));
  });

  it('starts a target begun in the weekend on the next working day', () => {
    expect(dueAt(algiers('2026-10-30T09:00'), 60, WORKING_DAYS, holidays)).toEqual(algiers('2026-11-02T01:00'));
  });
});

const change = (at: string, from: string | null, to: string, appointmentAt?: string): StatusChange => ({
  at: algiers(at),
  from,
  to,
  appointmentAt: appointmentAt ? algiers(appointmentAt) : null,
});

describe('the steps of a customer subscription and their clocks', () => {
  const orderedAt = algiers('2026-10-27T09:00');
  const trail = [
    change('2026-10-27T09:00', null, 'PENDING'),
    change('2026-10-29T15:00', 'PENDING', 'ASSIGNED'),
    change('2026-11-02T10:00', 'ASSIGNED', 'SCHEDULED', '2026-11-03T09:00'),
    change('2026-11-03T08:00', 'SCHEDULED', 'SCHEDULED', '2026-11-04T09:00'),
    change('2026-11-05T16:00', 'SCHEDULED', 'INSTALLED'),
    change('2026-11-08T09:00', 'INSTALLED', 'REJECTED'),
    change('2026-11-09T09:00', 'REJECTED', 'INSTALLED'),
  ];

  it('runs each step from the change that starts it to the one that ends it; a rescheduling before the appointment came never starts its step', () => {
    expect(
      workStepSpans(orderedAt, trail).map((span) => [span.step, span.startedAt, span.endedAt, span.ended]),
    ).toEqual([
      ['ORDER_TO_ASSIGNMENT', orderedAt, algiers('2026-10-29T15:00'), 'DONE'],
      ['ASSIGNMENT_TO_APPOINTMENT', algiers('2026-10-29T15:00'), algiers('2026-11-02T10:00'), 'DONE'],
      ['APPOINTMENT_TO_INSTALLATION', algiers('2026-11-04T09:00'), algiers('2026-11-05T16:00'), 'DONE'],
      ['REPORT_TO_DECISION', algiers('2026-11-05T16:00'), algiers('2026-11-08T09:00'), 'DONE'],
      ['REJECTION_TO_NEW_REPORT', algiers('2026-11-08T09:00'), algiers('2026-11-09T09:00'), 'DONE'],
      ['REPORT_TO_DECISION', algiers('2026-11-09T09:00'), null, null],
    ]);
  });

  it('gives each clock its time, lateness and state against the target, at the given now', () => {
    const spans = workStepSpans(orderedAt, trail);
    const oneDay = { targetMinutes: 1440, timeBasis: WORKING_DAYS };
    const clocks = spans.map((span) => clockOf(span, oneDay, holidays, algiers('2026-11-11T09:00')));
    expect(clocks.map((clock) => [clock!.elapsedMinutes, clock!.lateMinutes, clock!.state])).toEqual([
      // Tuesday 09:00 to Thursday 15:00: 15 h + 24 h + 15 h.
      [54 * 60, 30 * 60, 'MISSED'],
      // Thursday 15:00 to Monday 10:00 (Friday, Saturday and the Sunday holiday off).
      [19 * 60, 0, 'MET'],
      // Wednesday 09:00 to Thursday 16:00.
      [31 * 60, 7 * 60, 'MISSED'],
      // Thursday 16:00 to Sunday 09:00: 8 h + 9 h.
      [17 * 60, 0, 'MET'],
      [24 * 60, 0, 'MET'],
      // Monday 09:00 to Wednesday 09:00, still waiting.
      [48 * 60, 24 * 60, 'RUNNING_LATE'],
    ]);
    expect(clocks[0]).toMatchObject({ owner: 'ALGERIE_TELECOM', dueAt: algiers('2026-10-28T09:00') });
    expect(clocks[2]).toMatchObject({ owner: 'CONTRACTOR', dueAt: algiers('2026-11-05T09:00') });
  });

  it('runs the order’s own step from the order time, which no status starts: still open while the order waits, done at once when the order comes assigned', () => {
    const spansOf = (changes: StatusChange[]) =>
      workStepSpans(orderedAt, changes).map((span) => [span.step, span.startedAt, span.endedAt, span.ended]);
    expect(spansOf([change('2026-10-27T09:00', null, 'PENDING')])).toEqual([
      ['ORDER_TO_ASSIGNMENT', orderedAt, null, null],
    ]);
    expect(spansOf([change('2026-10-27T09:00', null, 'ASSIGNED')])).toEqual([
      ['ORDER_TO_ASSIGNMENT', orderedAt, orderedAt, 'DONE'],
      ['ASSIGNMENT_TO_APPOINTMENT', orderedAt, null, null],
    ]);
  });

  it('stops a step left before its target (a cancellation) without counting it, and counts it missed when already late', () => {
    const cancelled = [change('2026-10-27T09:00', null, 'PENDING'), change('2026-10-27T11:00', 'PENDING', 'CANCELLED')];
    const [span] = workStepSpans(orderedAt, cancelled);
    expect(clockOf(span!, { targetMinutes: 1440, timeBasis: WORKING_DAYS }, holidays, new Date())).toMatchObject({
      elapsedMinutes: 120,
      state: 'STOPPED',
    });
    expect(clockOf(span!, { targetMinutes: 60, timeBasis: WORKING_DAYS }, holidays, new Date())).toMatchObject({
      lateMinutes: 60,
      state: 'MISSED',
    });
  });

  it('has no clock yet for an appointment still to come, and counts no time for an installation reported before its hour', () => {
    const early = [
      change('2026-11-02T10:00', null, 'ASSIGNED'),
      change('2026-11-02T11:00', 'ASSIGNED', 'SCHEDULED', '2026-11-03T14:00'),
    ];
    const waiting = workStepSpans(orderedAt, early).find((span) => span.step === 'APPOINTMENT_TO_INSTALLATION')!;
    expect(
      clockOf(waiting, { targetMinutes: 1440, timeBasis: WORKING_DAYS }, holidays, algiers('2026-11-03T13:00')),
    ).toBeNull();
    const installed = workStepSpans(orderedAt, [...early, change('2026-11-03T09:00', 'SCHEDULED', 'INSTALLED')]).find(
      (span) => span.step === 'APPOINTMENT_TO_INSTALLATION',
    )!;
    expect(
      clockOf(installed, { targetMinutes: 1440, timeBasis: WORKING_DAYS }, holidays, algiers('2026-11-03T13:00')),
    ).toMatchObject({
      elapsedMinutes: 0,
      state: 'MET',
    });
  });
});

describe('the payment step of an invoice whose payment was recorded days after it was made', () => {
  it('ends at the start of the day the payment says it was made (Algiers), not when finance recorded it', () => {
    const spans = invoiceStepSpans([
      change('2026-11-05T10:00', 'SUBMITTED', 'APPROVED'),
      { ...change('2026-12-10T10:00', 'APPROVED', 'PAID'), paidOn: '2026-12-03' },
    ]);
    expect(spans.map((span) => [span.step, span.startedAt, span.endedAt])).toEqual([
      ['APPROVAL_TO_PAYMENT', algiers('2026-11-05T10:00'), algiers('2026-12-03T00:00')],
    ]);
  });
});

describe('the installation step of work reported late from a phone without network', () => {
  it('ends at the installation time the report declares, not when the report reached the server; AT’s decision waits from its arrival', () => {
    const spans = workStepSpans(algiers('2026-11-02T09:00'), [
      change('2026-11-02T10:00', null, 'ASSIGNED'),
      change('2026-11-02T11:00', 'ASSIGNED', 'SCHEDULED', '2026-11-03T09:00'),
      { ...change('2026-11-05T18:00', 'SCHEDULED', 'INSTALLED'), installedAt: algiers('2026-11-03T11:00') },
    ]);
    expect(
      spans
        .filter((span) => span.step !== 'ORDER_TO_ASSIGNMENT' && span.step !== 'ASSIGNMENT_TO_APPOINTMENT')
        .map((span) => [span.step, span.startedAt, span.endedAt]),
    ).toEqual([
      ['APPOINTMENT_TO_INSTALLATION', algiers('2026-11-03T09:00'), algiers('2026-11-03T11:00')],
      ['REPORT_TO_DECISION', algiers('2026-11-05T18:00'), null],
    ]);
  });
});

describe('the steps of an invoice', () => {
  it('waits for AT’s answer from each submission, and for the payment in full from the approval (a part payment keeps it running)', () => {
    const spans = invoiceStepSpans([
      change('2026-10-01T00:00', null, 'DRAFT'),
      change('2026-11-01T00:30', 'DRAFT', 'SUBMITTED'),
      change('2026-11-03T10:00', 'SUBMITTED', 'REVISION_REQUESTED'),
      change('2026-11-04T10:00', 'REVISION_REQUESTED', 'SUBMITTED'),
      change('2026-11-05T10:00', 'SUBMITTED', 'APPROVED'),
      change('2026-11-20T10:00', 'APPROVED', 'PARTIALLY_PAID'),
      change('2026-12-10T10:00', 'PARTIALLY_PAID', 'PAID'),
    ]);
    expect(spans.map((span) => [span.step, span.startedAt, span.endedAt])).toEqual([
      ['SUBMISSION_TO_APPROVAL', algiers('2026-11-01T00:30'), algiers('2026-11-03T10:00')],
      ['SUBMISSION_TO_APPROVAL', algiers('2026-11-04T10:00'), algiers('2026-11-05T10:00')],
      ['APPROVAL_TO_PAYMENT', algiers('2026-11-05T10:00'), algiers('2026-12-10T10:00')],
    ]);
  });
});
