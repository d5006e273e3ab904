import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  installationReportInput,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../../test/api.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { algiersDate } from '../../common/time.js';

let t: TestApp;
let firm: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  firm = await activeContractor(t);
});
afterAll(() => t.stop());

async function scheduled(): Promise<{ id: string; version: number }> {
  return { id: await scheduledCustomerSubscription(t, firm.id), version: 3 };
}

const report = (id: string, overrides: Record<string, unknown> = {}) =>
  installationReportInput(id, {
    spliceLossDb: '0.05',
    lines: [
      { code: 'RAC-STD', quantity: '1' },
      { code: 'DRP-AER', quantity: '42.5' },
      { code: 'PTO', quantity: '1' },
    ],
    photos: [{ takenAt: new Date(Date.now() - 120_000).toISOString(), latitude: 36.79, longitude: 2.9 }],
    ...overrides,
  });

const mutation = `mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { status version
  latestInstallationReport { networkClass receivedPowerDbm spliceLossDb qualityIssues lines { code quantity } photos { latitude } } } } }`;

describe('reportInstallation', () => {
  it('records the work and measurements of a SCHEDULED installation → INSTALLED, within thresholds', async () => {
    const subscription = await scheduled();
    const { body } = await t.graphql<{ reportInstallation: { customerSubscription: Record<string, unknown> } }>(
      mutation,
      { input: report(subscription.id) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.reportInstallation.customerSubscription).toMatchObject({
      status: 'INSTALLED',
      version: 4,
      latestInstallationReport: {
        networkClass: 'B_PLUS',
        receivedPowerDbm: '-21.5',
        qualityIssues: [],
        lines: [
          { code: 'RAC-STD', quantity: '1' },
          { code: 'DRP-AER', quantity: '42.5' },
          { code: 'PTO', quantity: '1' },
        ],
      },
    });
  });

  it('flags a report outside the thresholds of its class, and says why', async () => {
    const subscription = await scheduled();
    const { body } = await t.graphql<{
      reportInstallation: { customerSubscription: { latestInstallationReport: { qualityIssues: string[] } } };
    }>(mutation, {
      input: report(subscription.id, { receivedPowerDbm: '-28.2' }),
    });
    expect(body.data!.reportInstallation.customerSubscription.latestInstallationReport.qualityIssues).toEqual([
      'received power -28.2 dBm is outside -27 to -8 dBm (class B_PLUS)',
    ]);
  });

  it.each([
    ['lines.0.code', { lines: [{ code: 'NOPE', quantity: '1' }] }],
    ['lines.0.quantity', { lines: [{ code: 'PTO', quantity: '1.5' }] }],
    ['lines.0.quantity', { lines: [{ code: 'PTO', quantity: '0' }] }],
    [
      'lines',
      {
        lines: [
          { code: 'PTO', quantity: '1' },
          { code: 'PTO', quantity: '2' },
        ],
      },
    ],
    ['receivedPowerDbm', { receivedPowerDbm: '-21,5' }],
    ['installedAt', { installedAt: new Date(Date.now() + 86_400_000).toISOString() }],
    ['photos.0.latitude', { photos: [{ takenAt: new Date().toISOString(), latitude: 48.8, longitude: 2.3 }] }],
  ])('refuses a bad %s with BAD_USER_INPUT, writing nothing', async (field, overrides) => {
    const subscription = await scheduled();
    const { body } = await t.graphql(mutation, { input: report(subscription.id, overrides) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [row] = await t.sql<{ status: string; reports: number }>(
      'select status, (select count(*)::int from installation_report where customer_subscription_id = $1) as reports from customer_subscription where id = $1',
      [subscription.id],
    );
    expect(row).toEqual({ status: 'SCHEDULED', reports: 0 });
  });

  it("refuses an installation dated before the appointment's day (Algiers), naming that day, and shows the day on the work", async () => {
    const appointmentAt = new Date(Date.now() + 2 * 86_400_000);
    const id = await scheduledCustomerSubscription(t, firm.id, {}, appointmentAt.toISOString());
    const appointmentDay = algiersDate(appointmentAt);
    const { customerSubscription } = await mustQuery<{ customerSubscription: { earliestInstallationDay: string } }>(
      t,
      'query ($id: ID!) { customerSubscription(id: $id) { earliestInstallationDay } }',
      { id },
    );
    expect(customerSubscription.earliestInstallationDay).toBe(appointmentDay);
    const { body } = await t.graphql(mutation, { input: report(id) });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'installedAt',
      reason: `must not be before the appointment's day (${appointmentDay}, Algiers)`,
      reasonCode: 'NOT_BEFORE_APPOINTMENT_DAY',
      reasonParams: { appointmentDay },
    });
    const [row] = await t.sql<{ status: string; reports: number }>(
      'select status, (select count(*)::int from installation_report where customer_subscription_id = $1) as reports from customer_subscription where id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'SCHEDULED', reports: 0 });
  });

  it('refuses a report on work that is not SCHEDULED', async () => {
    const created = await createCustomerSubscription(t);
    const { body } = await t.graphql(mutation, { input: report(created.id, { expectedVersion: 1 }) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'PENDING' });
  });
});

describe('latestInstallationReport', () => {
  const reject = (id: string) =>
    `r: rejectInstallation(input: { id: "${id}", expectedVersion: 4, reserves: ["PTO mal fixée"] }) {
       customerSubscription { latestInstallationReport { receivedPowerDbm } } }`;
  const reportAgain = `n: reportInstallation(input: $input) { customerSubscription { latestInstallationReport { receivedPowerDbm } } }`;

  it("reads a page's latest reports in one statement, the newest report of each", async () => {
    const owner = await activeContractor(t);
    const reported = [
      await installedCustomerSubscription(t, owner.id, '-20.0'),
      await installedCustomerSubscription(t, owner.id, '-21.0'),
      await installedCustomerSubscription(t, owner.id, '-22.0'),
    ];
    await mustQuery(t, `mutation ($input: ReportInstallationInput!) { ${reject(reported[1]!)} ${reportAgain} }`, {
      input: installationReportInput(reported[1]!, { expectedVersion: 5, receivedPowerDbm: '-19.0' }),
    });
    const { body } = await t.graphql<{
      customerSubscriptions: {
        edges: { node: { id: string; latestInstallationReport: { receivedPowerDbm: string } } }[];
      };
    }>(
      'query ($c: ID!) { customerSubscriptions(first: 10, filter: { contractorId: $c }) { edges { node { id latestInstallationReport { receivedPowerDbm } } } } }',
      { c: owner.id },
      { 'x-request-id': 'latest-reports-page' },
    );
    expect(body.errors).toBeUndefined();
    expect(
      Object.fromEntries(
        body.data!.customerSubscriptions.edges.map(({ node }) => [
          node.id,
          node.latestInstallationReport.receivedPowerDbm,
        ]),
      ),
    ).toEqual({ [reported[0]!]: '-20.0', [reported[1]!]: '-19.0', [reported[2]!]: '-22.0' });
    expect(t.sqlOf('latest-reports-page').filter((sql) => /from "installation_report"/.test(sql))).toHaveLength(1);
  });

  it('shows, after a report in the same operation, the report just written', async () => {
    const id = await installedCustomerSubscription(t, firm.id, '-23.0');
    const data = await mustQuery<Record<'r' | 'n', { customerSubscription: { latestInstallationReport: unknown } }>>(
      t,
      `mutation ($input: ReportInstallationInput!) { ${reject(id)} ${reportAgain} }`,
      { input: installationReportInput(id, { expectedVersion: 5, receivedPowerDbm: '-18.0' }) },
    );
    expect(data.r.customerSubscription.latestInstallationReport).toEqual({ receivedPowerDbm: '-23.0' });
    expect(data.n.customerSubscription.latestInstallationReport).toEqual({ receivedPowerDbm: '-18.0' });
  });
});
