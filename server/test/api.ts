import { expect } from 'vitest';
import { contractorInput, nextSequence } from './factories.js';
import type { TestApp } from './harness.js';
import { addDays, algiersDate } from '../src/common/time.js';

/** Runs a GraphQL operation that must succeed; throws with the errors otherwise (for test setup). */
export async function mustQuery<T>(t: TestApp, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await t.graphql<T>(query, variables);
  if (body.errors) {
    const logged = body.errors
      .map((error) =>
        t.logs.find((line) => line.reqId === error.extensions?.['correlationId'] && line.msg === 'unexpected error'),
      )
      .filter(Boolean)
      .map((line) => JSON.stringify(line!['err']).slice(0, 2000));
    throw new Error(
      `GraphQL errors: ${JSON.stringify(body.errors)}${logged.length ? `\nlogged: ${logged.join('\n')}` : ''}`,
    );
  }
  return body.data!;
}

/** Creates a contractor through the API and approves it: ACTIVE, version 2. */
export async function activeContractor(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const created = await mustQuery<{ createContractor: { contractor: { id: string } } }>(
    t,
    'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id } } }',
    { input: contractorInput(overrides) },
  );
  const approved = await mustQuery<{ approveContractor: { contractor: { id: string; version: number } } }>(
    t,
    'mutation ($id: ID!) { approveContractor(input: { id: $id, expectedVersion: 1, reason: "dossier complet" }) { contractor { id version } } }',
    { id: created.createContractor.contractor.id },
  );
  return approved.approveContractor.contractor;
}

/** A valid CreateSiteInput in Ain Benian (wilaya 16), with overrides. */
export function siteInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: `alg-${nextSequence()}`,
    name: 'Cité 500 logements',
    kind: 'HOUSING_ESTATE',
    communeId: '554',
    targetConnections: 40,
    ...overrides,
  };
}

export async function createSite(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number; code: string }> {
  const data = await mustQuery<{ createSite: { site: { id: string; version: number; code: string } } }>(
    t,
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id version code } } }',
    { input: siteInput(overrides) },
  );
  return data.createSite.site;
}

/** A valid CreateCustomerSubscriptionInput in Ain Benian (wilaya 16), with overrides. */
export function customerSubscriptionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = nextSequence();
  return {
    orderReference: `cmd-16-${n}`,
    customerName: 'Yasmine Haddad',
    customerPhone: '0661 23 45 67',
    customerAddress: 'Bt 12, cité 500 logements',
    communeId: '554',
    offer: 'IDOOM FIBRE 300 Mbps',
    ...overrides,
  };
}

export async function createCustomerSubscription(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const data = await mustQuery<{
    createCustomerSubscription: { customerSubscription: { id: string; version: number } };
  }>(
    t,
    'mutation ($input: CreateCustomerSubscriptionInput!) { createCustomerSubscription(input: $input) { customerSubscription { id version } } }',
    { input: customerSubscriptionInput(overrides) },
  );
  return data.createCustomerSubscription.customerSubscription;
}

/**
 * A customer subscription of `firmId` with the subscription's `overrides`, assigned to the firm and
 * its appointment booked at `appointmentAt` (by default later today, within the hour): SCHEDULED
 * (version 3), ready for its installation report.
 */
export async function scheduledCustomerSubscription(
  t: TestApp,
  firmId: string,
  overrides: Record<string, unknown> = {},
  appointmentAt = laterToday(),
): Promise<string> {
  const created = await createCustomerSubscription(t, {
    orderedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    ...overrides,
  });
  await mustQuery(
    t,
    'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
    {
      id: created.id,
      c: firmId,
    },
  );
  await mustQuery(
    t,
    'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 2, appointmentAt: $at }) { customerSubscription { id } } }',
    {
      id: created.id,
      at: appointmentAt,
    },
  );
  return created.id;
}

/**
 * An appointment later today in Algiers: in an hour, or at the last minute of the day when that is
 * sooner, so that an installation reported now is not before the appointment's day.
 */
function laterToday(): string {
  const lastMinute = Date.parse(`${addDays(algiersDate(), 1)}T00:00:00+01:00`) - 60_000;
  return new Date(Math.min(Date.now() + 3_600_000, lastMinute)).toISOString();
}

/**
 * A ReportInstallationInput for `id`, SCHEDULED (version 3): installed a minute ago by Walid Khelifi,
 * class B+ at -21.5 dBm, one RAC-STD; `fields` add to it or replace its values.
 */
export function installationReportInput(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    expectedVersion: 3,
    installedAt: new Date(Date.now() - 60_000).toISOString(),
    technicianName: 'Walid Khelifi',
    networkClass: 'B_PLUS',
    receivedPowerDbm: '-21.5',
    lines: [{ code: 'RAC-STD', quantity: '1' }],
    ...fields,
  };
}

/**
 * A customer subscription of `firmId`, taken through to INSTALLED (version 4) with a report of
 * `lines` (by default the standard one) and the subscription's `overrides`: RAC-STD × 1, DRP-AER × 42.5 m, PTO × 1 = 7,312.50 DA
 * excluding tax at the starting schedule. `report` overrides the report's other fields (class B+ by default).
 */
export async function installedCustomerSubscription(
  t: TestApp,
  firmId: string,
  receivedPowerDbm = '-21.5',
  lines: { code: string; quantity: string }[] = [
    { code: 'RAC-STD', quantity: '1' },
    { code: 'DRP-AER', quantity: '42.5' },
    { code: 'PTO', quantity: '1' },
  ],
  overrides: Record<string, unknown> = {},
  report: Record<string, unknown> = {},
): Promise<string> {
  const id = await scheduledCustomerSubscription(t, firmId, overrides);
  await mustQuery(
    t,
    'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
    {
      input: installationReportInput(id, { receivedPowerDbm, lines, ...report }),
    },
  );
  return id;
}

/** Accepts installed work `id` (INSTALLED, version 4) through the API, as AT's DOT manager would. */
export async function acceptInstalled(t: TestApp, id: string): Promise<void> {
  await mustQuery(
    t,
    'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
    { id },
  );
}

/** The invoice of `firmId` as it stands (in a test, its only one: the month's draft until submitted). */
export async function firmInvoice(t: TestApp, firmId: string): Promise<{ id: string; version: number }> {
  const { invoices } = await mustQuery<{ invoices: { edges: { node: { id: string; version: number } }[] } }>(
    t,
    'query ($c: ID!) { invoices(filter: { contractorId: $c }) { edges { node { id version } } } }',
    { c: firmId },
  );
  return invoices.edges[0]!.node;
}

/** Submits `invoice` (a draft, at its current version) for approval, as its contractor would. */
export async function submitInvoice(t: TestApp, invoice: { id: string; version: number }): Promise<void> {
  await mustQuery(
    t,
    'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
    { id: invoice.id, v: invoice.version },
  );
}

/**
 * Asks `query` under a request id of its own and checks that it is refused with BAD_USER_INPUT
 * naming `field`, with a reason, and that none of the request's statements read `table` (the list's
 * records: a refused filter reads nothing). Returns the reason.
 */
export async function expectRefusedFilter(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  field: string,
  table: string,
): Promise<string> {
  const requestId = `refused-filter-${nextSequence()}`;
  const { body } = await t.graphql(query, variables, { 'x-request-id': requestId });
  const label = `${query} ${JSON.stringify(variables)}`;
  expect(body.data ?? null, label).toBeNull();
  expect(body.errors?.[0]?.extensions, label).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(
    t.sqlOf(requestId).filter((sql) => sql.includes(`"${table}"`)),
    label,
  ).toEqual([]);
  return String(body.errors![0]!.extensions!['reason']);
}
