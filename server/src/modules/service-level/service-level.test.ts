import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  firmInvoice,
  installationReportInput,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
  submitInvoice,
} from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { addDays, algiersDate } from '../../common/time.js';
import {
  assignCustomerSubscription,
  cancelCustomerSubscription,
  scheduleInstallation,
} from '../customer-subscription/customer-subscription.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const clockFields = 'step owner startedAt endedAt timeBasis targetMinutes dueAt elapsedMinutes lateMinutes state';

describe('service-level clocks through the API, with a controlled clock', () => {
  it('counts each step in Algiers working days across a weekend, a public holiday and the turn of a month, against the starting service levels', async () => {
    const firm = await activeContractor(t);
    // Ordered Wednesday 28 October 2026 at 11:00 in Algiers; assigned on the Thursday at 15:00; the
    // appointment set on Monday 2 November at 10:00 (Friday, Saturday and Sunday 1 November, a
    // holiday, in between) for the Tuesday at 09:00; cancelled on the Thursday at 12:00.
    const work = await createCustomerSubscription(t, { orderedAt: '2026-10-28T10:00:00Z' });
    await assignCustomerSubscription(contextAt(t.app.orm, '2026-10-29T14:00:00Z'), work.id, 1, firm.id);
    await scheduleInstallation(
      contextAt(t.app.orm, '2026-11-02T09:00:00Z'),
      work.id,
      2,
      new Date('2026-11-03T08:00:00Z'),
    );
    await cancelCustomerSubscription(contextAt(t.app.orm, '2026-11-05T11:00:00Z'), work.id, 3, 'Client injoignable');

    const { customerSubscription } = await mustQuery<{ customerSubscription: { serviceLevelClocks: unknown[] } }>(
      t,
      `query ($id: ID!) { customerSubscription(id: $id) { serviceLevelClocks { ${clockFields} } } }`,
      { id: work.id },
    );
    expect(customerSubscription.serviceLevelClocks).toEqual([
      {
        step: 'ORDER_TO_ASSIGNMENT',
        owner: 'ALGERIE_TELECOM',
        startedAt: '2026-10-28T10:00:00.000Z',
        endedAt: '2026-10-29T14:00:00.000Z',
        timeBasis: 'WORKING_DAYS',
        targetMinutes: 2880,
        // Wednesday 11:00 + 2 working days: the Thursday's 15 hours are not enough; Friday, Saturday and
        // the Sunday holiday are skipped; due on Monday 2 November at 11:00 (10:00 UTC).
        dueAt: '2026-11-02T10:00:00.000Z',
        // Wednesday 11:00–24:00 and Thursday 00:00–15:00.
        elapsedMinutes: 28 * 60,
        lateMinutes: 0,
        state: 'MET',
      },
      {
        step: 'ASSIGNMENT_TO_APPOINTMENT',
        owner: 'CONTRACTOR',
        startedAt: '2026-10-29T14:00:00.000Z',
        endedAt: '2026-11-02T09:00:00.000Z',
        timeBasis: 'WORKING_DAYS',
        targetMinutes: 4320,
        dueAt: '2026-11-04T14:00:00.000Z',
        // Thursday 15:00–24:00 and Monday 00:00–10:00: four calendar days, 19 working hours.
        elapsedMinutes: 19 * 60,
        lateMinutes: 0,
        state: 'MET',
      },
      {
        step: 'APPOINTMENT_TO_INSTALLATION',
        owner: 'CONTRACTOR',
        startedAt: '2026-11-03T08:00:00.000Z',
        endedAt: '2026-11-05T11:00:00.000Z',
        timeBasis: 'WORKING_DAYS',
        targetMinutes: 1440,
        dueAt: '2026-11-04T08:00:00.000Z',
        // Tuesday 09:00 to Thursday 12:00, no report: cancelled once a day and 3 hours late.
        elapsedMinutes: 51 * 60,
        lateMinutes: 27 * 60,
        state: 'MISSED',
      },
    ]);
  });

  it('ends the installation step at the installation time the report declares, not at the report’s arrival', async () => {
    const firm = await activeContractor(t);
    const work = await scheduledCustomerSubscription(t, firm.id);
    const report = installationReportInput(work);
    await mustQuery(
      t,
      'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
      { input: report },
    );
    const { customerSubscription } = await mustQuery<{
      customerSubscription: { serviceLevelClocks: { step: string; endedAt: string | null }[] };
    }>(t, 'query ($id: ID!) { customerSubscription(id: $id) { serviceLevelClocks { step endedAt } } }', { id: work });
    expect(
      customerSubscription.serviceLevelClocks.find((clock) => clock.step === 'APPOINTMENT_TO_INSTALLATION')?.endedAt,
    ).toBe(new Date(report['installedAt'] as string).toISOString());
  });

  it('reads the changes in the order they happened when their audit ids pass a power of ten (99 → 100)', async () => {
    const firm = await activeContractor(t);
    // The next audit event is one like 998, two below a power of ten: the work's creation and
    // assignment are audited below it, its appointment and report at it and above (1000, 1001).
    await t.sql(
      `select setval('audit_event_id_seq', power(10, length((select max(id) from audit_event)::text) + 1)::bigint - 3)`,
    );
    const work = await installedCustomerSubscription(t, firm.id);
    const ids = await t.sql<{ id: string }>(
      `select id::text from audit_event where entity_type = 'CUSTOMER_SUBSCRIPTION' and entity_id = $1 order by id`,
      [work],
    );
    expect(new Set(ids.map((row) => row.id.length)).size).toBe(2);
    const { customerSubscription } = await mustQuery<{
      customerSubscription: { serviceLevelClocks: { step: string; state: string }[] };
    }>(t, 'query ($id: ID!) { customerSubscription(id: $id) { serviceLevelClocks { step state } } }', { id: work });
    expect(customerSubscription.serviceLevelClocks.map((clock) => clock.step)).toEqual([
      'ORDER_TO_ASSIGNMENT',
      'APPOINTMENT_TO_INSTALLATION',
      'ASSIGNMENT_TO_APPOINTMENT',
      'REPORT_TO_DECISION',
    ]);
    expect(customerSubscription.serviceLevelClocks.at(-1)!.state).toBe('RUNNING');
  });

  it('ends the payment step at the start of the day the payment was made, not when finance recorded it', async () => {
    const firm = await activeContractor(t);
    const work = await installedCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: work },
    );
    const draft = await firmInvoice(t, firm.id);
    await submitInvoice(t, draft);
    const submitted = await mustQuery<{ invoice: { version: number } }>(
      t,
      'query ($id: ID!) { invoice(id: $id) { version } }',
      { id: draft.id },
    );
    const approved = await mustQuery<{
      approveInvoice: { invoice: { version: number; balanceDue: { amount: string } } };
    }>(
      t,
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { version balanceDue { amount } } } }',
      { id: draft.id, v: submitted.invoice.version },
    );
    const today = algiersDate();
    await mustQuery(
      t,
      'mutation ($input: RecordInvoicePaymentInput!) { recordInvoicePayment(input: $input) { invoice { status } } }',
      {
        input: {
          invoiceId: draft.id,
          expectedVersion: approved.approveInvoice.invoice.version,
          paidOn: today,
          amount: approved.approveInvoice.invoice.balanceDue.amount,
          method: 'BANK_TRANSFER',
          reference: 'VIR-BNA-000777',
        },
      },
    );
    const { invoice } = await mustQuery<{
      invoice: { status: string; serviceLevelClocks: { step: string; endedAt: string | null }[] };
    }>(t, 'query ($id: ID!) { invoice(id: $id) { status serviceLevelClocks { step endedAt } } }', { id: draft.id });
    expect(invoice.status).toBe('PAID');
    expect(invoice.serviceLevelClocks.find((clock) => clock.step === 'APPROVAL_TO_PAYMENT')?.endedAt).toBe(
      new Date(`${today}T00:00:00+01:00`).toISOString(),
    );
  });

  it('measures a step against the wilaya’s own target where the version has one (the far south’s longer appointment step)', async () => {
    const firm = await activeContractor(t, { operatingWilayaCodes: ['16', '11'] });
    const tamanrasset = await t.sql<{ id: string }>("select id::text from commune where wilaya_code = '11' limit 1");
    const work = await createCustomerSubscription(t, { communeId: tamanrasset[0]!.id });
    await assignCustomerSubscription(contextAt(t.app.orm, new Date().toISOString()), work.id, 1, firm.id);
    const { customerSubscription } = await mustQuery<{
      customerSubscription: { serviceLevelClocks: { step: string; targetMinutes: number; state: string }[] };
    }>(t, `query ($id: ID!) { customerSubscription(id: $id) { serviceLevelClocks { step targetMinutes state } } }`, {
      id: work.id,
    });
    expect(customerSubscription.serviceLevelClocks.find((clock) => clock.step === 'ASSIGNMENT_TO_APPOINTMENT')).toEqual(
      {
        step: 'ASSIGNMENT_TO_APPOINTMENT',
        targetMinutes: 5 * 1440,
        state: 'RUNNING',
      },
    );
  });
});

describe('the service levels and public holidays as dated data', () => {
  const national = (minutes: number) =>
    [
      'ORDER_TO_ASSIGNMENT',
      'ASSIGNMENT_TO_APPOINTMENT',
      'APPOINTMENT_TO_INSTALLATION',
      'REPORT_TO_DECISION',
      'REJECTION_TO_NEW_REPORT',
      'SUBMISSION_TO_APPROVAL',
      'APPROVAL_TO_PAYMENT',
    ].map((step) => ({
      step,
      targetMinutes: minutes,
      timeBasis: 'WORKING_DAYS',
    }));
  const create = (input: Record<string, unknown>) =>
    t.graphql<{ createServiceLevelScheduleVersion: { serviceLevelSchedule: { effectiveFrom: string } } }>(
      'mutation ($input: CreateServiceLevelScheduleVersionInput!) { createServiceLevelScheduleVersion(input: $input) { serviceLevelSchedule { effectiveFrom targets { step wilayaCode targetMinutes } } } }',
      { input },
    );
  const versions = async () =>
    (
      await mustQuery<{ serviceLevelSchedules: { effectiveFrom: string; effectiveTo: string | null }[] }>(
        t,
        '{ serviceLevelSchedules { effectiveFrom effectiveTo } }',
      )
    ).serviceLevelSchedules;

  it('gives each target whose step it is: Algérie Télécom’s or the firm’s', async () => {
    const { serviceLevelScheduleInForce } = await mustQuery<{
      serviceLevelScheduleInForce: { targets: { step: string; wilayaCode: string | null; owner: string }[] };
    }>(t, '{ serviceLevelScheduleInForce { targets { step wilayaCode owner } } }');
    const owners = serviceLevelScheduleInForce.targets
      .filter((target) => target.wilayaCode === null)
      .map((target) => [target.step, target.owner]);
    expect(owners).toEqual([
      ['ORDER_TO_ASSIGNMENT', 'ALGERIE_TELECOM'],
      ['ASSIGNMENT_TO_APPOINTMENT', 'CONTRACTOR'],
      ['APPOINTMENT_TO_INSTALLATION', 'CONTRACTOR'],
      ['REPORT_TO_DECISION', 'ALGERIE_TELECOM'],
      ['REJECTION_TO_NEW_REPORT', 'CONTRACTOR'],
      ['SUBMISSION_TO_APPROVAL', 'ALGERIE_TELECOM'],
      ['APPROVAL_TO_PAYMENT', 'ALGERIE_TELECOM'],
    ]);
  });

  it('refuses a version that misses a step, gives one twice, a wilaya target to an invoice step or names no wilaya, with a coded reason, writing nothing', async () => {
    const before = await versions();
    const tomorrow = addDays(algiersDate(), 1);
    const refused = [
      [{ name: 'Sans paiement', effectiveFrom: tomorrow, targets: national(1440).slice(0, 6) }, 'STEP_NATIONAL_TARGET'],
      [{ name: 'Double', effectiveFrom: tomorrow, targets: [...national(1440), national(60)[0]] }, 'STEP_TARGET_TWICE'],
      [
        {
          name: 'Sud',
          effectiveFrom: tomorrow,
          targets: [...national(1440), { ...national(60)[6], wilayaCode: '11' }],
        },
        'INVOICE_STEP_NATIONAL_ONLY',
      ],
      [
        {
          name: 'Inconnue',
          effectiveFrom: tomorrow,
          targets: [...national(1440), { ...national(60)[1], wilayaCode: '99' }],
        },
        'NO_WILAYA',
      ],
      [{ name: 'Hier', effectiveFrom: algiersDate(), targets: national(1440) }, 'EFFECTIVE_AFTER_TODAY'],
      [{ name: 'Zéro', effectiveFrom: tomorrow, targets: national(0) }, 'VALUE_RANGE'],
    ] as const;
    for (const [input, reasonCode] of refused) {
      const { body } = await create(input);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasonCode });
    }
    expect(await versions()).toEqual(before);
  });

  it('answers BAD_USER_INPUT for a day outside 2000–2100, writing nothing: year 0000 (which PostgreSQL refuses) and 9999 (a version there would leave no later day for the next)', async () => {
    const before = await versions();
    const holidays = await t.sql<{ count: string }>('select count(*)::text as count from public_holiday');
    for (const on of ['0000-01-01', '1999-12-31', '2101-01-01']) {
      const { body } = await t.graphql('query ($on: LocalDate) { serviceLevelScheduleInForce(on: $on) { id } }', {
        on,
      });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasonCode: 'YEAR_RANGE' });
    }
    const { body: far } = await create({ name: 'Lointaine', effectiveFrom: '9999-12-31', targets: national(1440) });
    expect(far.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasonCode: 'YEAR_RANGE' });
    const { body: holiday } = await t.graphql(
      'mutation ($input: AddPublicHolidayInput!) { addPublicHoliday(input: $input) { publicHoliday { id } } }',
      { input: { day: '9999-12-31', name: 'Lointain' } },
    );
    expect(holiday.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasonCode: 'YEAR_RANGE' });
    expect(await versions()).toEqual(before);
    expect(await t.sql('select count(*)::text as count from public_holiday')).toEqual(holidays);
  });

  it('answers BAD_USER_INPUT for an id that is no id, as every mutation does, and NOT_FOUND for an id that names none', async () => {
    for (const id of ['abc', '-1', '26.0', '0x1a', '1234567890123456789', 'x'.repeat(10_000)]) {
      const { body } = await t.graphql(
        'mutation ($id: ID!) { removePublicHoliday(id: $id) { publicHoliday { day } } }',
        { id },
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasonCode: 'RECORD_ID' });
    }
    const { body } = await t.graphql('mutation ($id: ID!) { removePublicHoliday(id: $id) { publicHoliday { day } } }', {
      id: '999999999999999999',
    });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('records a new version from a later day, ending the one in force there, and refuses one that starts before the latest', async () => {
    const from = addDays(algiersDate(), 30);
    const { body } = await create({ name: 'Niveaux 2027', effectiveFrom: from, targets: national(2880) });
    expect(body.errors).toBeUndefined();
    expect((await versions()).slice(0, 2)).toEqual([
      { effectiveFrom: from, effectiveTo: null },
      { effectiveFrom: '2026-01-01', effectiveTo: from },
    ]);
    const { body: again } = await create({ name: 'Avant', effectiveFrom: addDays(from, -1), targets: national(2880) });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  it('lists a year’s public holidays, adds one to come and removes it, and keeps the days already past', async () => {
    const { publicHolidays } = await mustQuery<{ publicHolidays: { day: string; name: string; removable: boolean }[] }>(
      t,
      '{ publicHolidays(year: 2026) { day name removable } }',
    );
    expect(publicHolidays.map((holiday) => holiday.day)).toContain('2026-11-01');
    const today = algiersDate();
    for (const holiday of publicHolidays) expect(holiday.removable).toBe(holiday.day > today);
    const day = addDays(algiersDate(), 10);
    const added = await mustQuery<{ addPublicHoliday: { publicHoliday: { id: string } } }>(
      t,
      'mutation ($input: AddPublicHolidayInput!) { addPublicHoliday(input: $input) { publicHoliday { id } } }',
      { input: { day, name: 'Jour férié exceptionnel' } },
    );
    const twice = await t.graphql(
      'mutation ($input: AddPublicHolidayInput!) { addPublicHoliday(input: $input) { publicHoliday { id } } }',
      { input: { day, name: 'Encore' } },
    );
    expect(twice.body.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    const listed = await mustQuery<{ publicHolidays: { day: string; removable: boolean }[] }>(
      t,
      'query ($year: Int!) { publicHolidays(year: $year) { day removable } }',
      { year: Number(day.slice(0, 4)) },
    );
    expect(listed.publicHolidays.find((holiday) => holiday.day === day)?.removable).toBe(true);
    await mustQuery(t, 'mutation ($id: ID!) { removePublicHoliday(id: $id) { publicHoliday { day } } }', {
      id: added.addPublicHoliday.publicHoliday.id,
    });
    const trail = await mustQuery<{ auditTrail: { action: string }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: PUBLIC_HOLIDAY, entityId: $id) { action } }',
      { id: added.addPublicHoliday.publicHoliday.id },
    );
    expect(trail.auditTrail.map((event) => event.action)).toEqual(['CREATE', 'DELETE']);

    const past = await t.sql<{ id: string }>("select id::text from public_holiday where day = '2026-11-01'");
    const { body } = await t.graphql('mutation ($id: ID!) { removePublicHoliday(id: $id) { publicHoliday { day } } }', {
      id: past[0]!.id,
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasonCode: 'HOLIDAY_PAST_STAYS' });
  });
});
