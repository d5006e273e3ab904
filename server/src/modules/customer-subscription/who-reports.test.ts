import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  installationReportInput,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/**
 * Who may still report work (reportInstallation): the firm the work is assigned to (its office, or its
 * technician the work is given to, or given to no one in particular), while the work is SCHEDULED or
 * REJECTED; not a disabled technician, not a firm the work was taken from, not a technician of the firm
 * the work was given to someone else. A refusal writes nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const report =
  'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id status version } } }';
const password = 'who reports password';

/** A user of `firm` with `role`, signed in: its id and Authorization header. */
async function firmUser(role: string, firm: string): Promise<{ id: string; authorization: string }> {
  const email = `reports-${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@raccord.test`;
  const { createUser } = await mustQuery<{ createUser: { id: string } }>(
    t,
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, displayName: role, role, password, contractorId: firm } },
  );
  return { id: createUser.id, authorization: `Bearer ${await signIn(t.url, email, password)}` };
}

/** The work's status, version and reports, as a refused call must leave them. */
async function footprint(id: string): Promise<unknown> {
  return t.sql(
    `select status, version, (select count(*)::int from installation_report r where r.customer_subscription_id = s.id) as reports
       from customer_subscription s where id = $1`,
    [id],
  );
}

/** Reports `id` (at `expectedVersion`) as the holder of `authorization`: the error code, or 'OK'. */
async function reportAs(id: string, expectedVersion: number, authorization: string): Promise<unknown> {
  const { body } = await t.graphql(
    report,
    { input: installationReportInput(id, { expectedVersion }) },
    { authorization },
  );
  return body.errors?.[0]?.extensions?.['code'] ?? 'OK';
}

const giveTo = (id: string, version: number, technicianId: string | null) =>
  mustQuery(
    t,
    'mutation ($id: ID!, $v: Int!, $tech: ID) { assignTechnician(input: { id: $id, expectedVersion: $v, technicianId: $tech }) { customerSubscription { id } } }',
    { id, v: version, tech: technicianId },
  );

describe('who may still report work', () => {
  it('lets the firm’s office and its technician given the work report it, SCHEDULED or REJECTED', async () => {
    const firm = await activeContractor(t);
    const office = await firmUser('CONTRACTOR', firm.id);
    const technician = await firmUser('TECHNICIAN', firm.id);
    expect(await reportAs(await scheduledCustomerSubscription(t, firm.id), 3, office.authorization)).toBe('OK');
    const given = await scheduledCustomerSubscription(t, firm.id);
    await giveTo(given, 3, technician.id);
    expect(await reportAs(given, 4, technician.authorization)).toBe('OK');
    // Rejected work is reported again by the firm.
    const rejected = await installedCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { rejectInstallation(input: { id: $id, expectedVersion: 4, reserves: ["PTO mal fixée"] }) { customerSubscription { id } } }',
      { id: rejected },
    );
    expect(await reportAs(rejected, 5, office.authorization)).toBe('OK');
  });

  it('refuses work that is not SCHEDULED or REJECTED: an ACCEPTED one is not reported again', async () => {
    const firm = await activeContractor(t);
    const office = await firmUser('CONTRACTOR', firm.id);
    const accepted = await installedCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: accepted },
    );
    const before = await footprint(accepted);
    expect(await reportAs(accepted, 5, office.authorization)).toBe('INVALID_TRANSITION');
    expect(await footprint(accepted)).toEqual(before);
  });

  it('refuses a disabled technician, writing nothing', async () => {
    const firm = await activeContractor(t);
    const technician = await firmUser('TECHNICIAN', firm.id);
    const work = await scheduledCustomerSubscription(t, firm.id);
    await giveTo(work, 3, technician.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "a quitté l’entreprise") { id } }',
      { id: technician.id },
    );
    const before = await footprint(work);
    expect(await reportAs(work, 5, technician.authorization)).toBe('UNAUTHENTICATED');
    expect(await footprint(work)).toEqual(before);
  });

  it('refuses a firm the work was taken from, and a technician of the firm when the work is given to another', async () => {
    const firm = await activeContractor(t);
    const other = await activeContractor(t);
    const office = await firmUser('CONTRACTOR', firm.id);
    const technician = await firmUser('TECHNICIAN', firm.id);
    const colleague = await firmUser('TECHNICIAN', firm.id);

    const taken = await scheduledCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 3, contractorId: $c }) { customerSubscription { id } } }',
      { id: taken, c: other.id },
    );
    const beforeTaken = await footprint(taken);
    expect(await reportAs(taken, 4, office.authorization)).toBe('NOT_FOUND');
    expect(await reportAs(taken, 4, technician.authorization)).toBe('NOT_FOUND');
    expect(await footprint(taken)).toEqual(beforeTaken);

    const givenToColleague = await scheduledCustomerSubscription(t, firm.id);
    await giveTo(givenToColleague, 3, colleague.id);
    const beforeGiven = await footprint(givenToColleague);
    expect(await reportAs(givenToColleague, 4, technician.authorization)).toBe('NOT_FOUND');
    expect(await footprint(givenToColleague)).toEqual(beforeGiven);
  });
});
