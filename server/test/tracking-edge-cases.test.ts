import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  customerSubscriptionInput,
  mustQuery,
  siteInput,
} from './api.js';
import { contractorInput, nextSequence } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/** Edge cases found by trying to break the tracking API: each was a 500, a silent change or a hole. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

const createSiteMutation = 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }';
const importMutation =
  'mutation ($csv: String!) { importCustomerSubscriptions(csv: $csv) { rows created skipped errorCount errors { line field reason } } }';
const csvHeader = 'order_reference,customer_name,customer_phone,customer_address,commune_id,offer,ordered_at';
const csvRow = (reference: string, orderedAt = '2026-11-02T08:30:00Z') =>
  `${reference},Client Test,0550 11 22 33,Bt 1,554,IDOOM FIBRE 100 Mbps,${orderedAt}`;

describe('text and dates that PostgreSQL or a spreadsheet would choke on', () => {
  it.each([
    ['a lone surrogate', { name: 'a\uD800b' }, 'name'],
    ['a direction override', { name: 'abc\u202Edef' }, 'name'],
    ['a line break', { name: 'Cité\n500' }, 'name'],
    ['a formula', { name: '=HYPERLINK("x")' }, 'name'],
    ['only a zero-width space', { name: '\u200B' }, 'name'],
    ['a date before 2000', { plannedStart: '0001-01-01' }, 'plannedStart'],
    ['a date past 2100', { plannedEnd: '9999-12-31' }, 'plannedEnd'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, overrides, field) => {
    const { body } = await t.graphql(createSiteMutation, { input: siteInput(overrides) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an order taken before 2000, and reads CSV times only as ISO 8601 with an offset', async () => {
    const { body } = await t.graphql(
      'mutation ($input: CreateCustomerSubscriptionInput!) { createCustomerSubscription(input: $input) { customerSubscription { id } } }',
      { input: customerSubscriptionInput({ orderedAt: '0000-06-01T00:00:00Z' }) },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderedAt' });
    for (const loose of ['2026-02-30', '1', 'March 5', '05/03/2026', '2026-03-05T10:00', '0000-06-01T00:00:00Z']) {
      const report = await mustQuery<{ importCustomerSubscriptions: { created: number; errors: { field: string }[] } }>(
        t,
        importMutation,
        {
          csv: `${csvHeader}\n${csvRow(`LOOSE-${nextSequence()}`, loose)}\n`,
        },
      );
      expect(report.importCustomerSubscriptions.created, loose).toBe(0);
      expect(report.importCustomerSubscriptions.errors[0]?.field, loose).toBe('ordered_at');
    }
  });
});

describe('races and bulk', () => {
  it('lets one of several simultaneous creations of one code through, the others CONFLICT naming the field', async () => {
    const code = `RACE-${nextSequence()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.graphql(createSiteMutation, { input: siteInput({ code }) })),
    );
    const errors = results.map((r) => r.body.errors?.[0]?.extensions).filter(Boolean);
    expect(errors).toHaveLength(5);
    for (const error of errors) {
      expect(error).toMatchObject({ code: 'CONFLICT', field: 'code' });
      expect(error).not.toHaveProperty('constraint');
    }
  });

  it('answers two simultaneous imports of one file without a 500, and stores each row once', async () => {
    const references = Array.from({ length: 200 }, () => `TWICE-${nextSequence()}`);
    const csv = `${csvHeader}\n${references.map((reference) => csvRow(reference)).join('\n')}\n`;
    const results = await Promise.all([t.graphql(importMutation, { csv }), t.graphql(importMutation, { csv })]);
    for (const result of results)
      expect(result.body.errors?.[0]?.extensions?.['code'] ?? 'OK').not.toBe('INTERNAL_SERVER_ERROR');
    const [row] = await t.sql<{ n: number }>(
      'select count(*)::int as n from customer_subscription where order_reference like $1',
      ['TWICE-%'],
    );
    expect(row!.n).toBe(200);
  });

  it('lists at most 1,000 problems of a bad file and counts them all', async () => {
    const csv = `${csvHeader}\n${Array.from({ length: 1500 }, (_, i) => `R${i},,,,,,`).join('\n')}\n`;
    const report = await mustQuery<{
      importCustomerSubscriptions: { errorCount: number; errors: unknown[]; created: number };
    }>(t, importMutation, { csv });
    expect(report.importCustomerSubscriptions.created).toBe(0);
    expect(report.importCustomerSubscriptions.errors).toHaveLength(1000);
    expect(report.importCustomerSubscriptions.errorCount).toBeGreaterThan(1500);
  });

  it('refuses a header that names a column twice, and a contact phone without a name', async () => {
    const twice = await mustQuery<{ importCustomerSubscriptions: { errors: { reason: string }[] } }>(
      t,
      importMutation,
      {
        csv: `${csvHeader},offer\n${csvRow(`DUP-${nextSequence()}`)},IDOOM\n`,
      },
    );
    expect(twice.importCustomerSubscriptions.errors[0]?.reason).toBe('columns named twice: offer');
    const input = contractorInput();
    const header =
      'legal_name,legal_form,fiscal_regime,nif,nis,rc_number,tax_article,address,commune_id,bank_account,operating_wilaya_codes,team_capacity,contact_phone';
    const row = [
      input['legalName'],
      'SARL',
      'REAL',
      input['nif'],
      input['nis'],
      input['rcNumber'],
      input['taxArticle'],
      'Rue 1',
      '554',
      input['bankAccount'],
      '16',
      '2',
      '0550 12 34 56',
    ].join(',');
    const contractors = await mustQuery<{ importContractors: { created: number; errors: { field: string }[] } }>(
      t,
      'mutation ($csv: String!) { importContractors(csv: $csv) { created errors { field } } }',
      { csv: `${header}\n${row}\n` },
    );
    expect(contractors.importContractors.created).toBe(0);
    expect(contractors.importContractors.errors[0]?.field).toBe('contact.0.name');
  });
});

describe('work and the state of who holds it', () => {
  async function siteMutation(
    mutation: string,
    input: Record<string, unknown>,
  ): Promise<{ site?: { version: number; status: string }; errors: Errors }> {
    const type = mutation === 'assignSite' ? 'AssignSiteInput' : 'SiteTransitionInput';
    const { body } = await t.graphql<Record<string, { site: { version: number; status: string } }>>(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { site { version status } } }`,
      { input },
    );
    return { site: body.data?.[mutation]?.site, errors: body.errors as Errors };
  }

  async function contractorMutation(mutation: string, id: string, expectedVersion: number) {
    return mustQuery<Record<string, { contractor: { version: number } }>>(
      t,
      `mutation ($id: ID!, $v: Int!) { ${mutation}(input: { id: $id, expectedVersion: $v, reason: "test" }) { contractor { version } } }`,
      { id, v: expectedVersion },
    );
  }

  it('does not start a site whose contractor is no longer ACTIVE, nor let that contractor leave a wilaya where it holds work', async () => {
    const firm = await activeContractor(t);
    const site = await createSite(t);
    await siteMutation('assignSite', { id: site.id, expectedVersion: 1, contractorId: firm.id });
    const leave = await t.graphql(
      'mutation ($id: ID!, $v: Int!) { updateContractor(id: $id, expectedVersion: $v, input: { operatingWilayaCodes: ["31"] }) { contractor { id } } }',
      { id: firm.id, v: firm.version },
    );
    expect(leave.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'operatingWilayaCodes' });
    await contractorMutation('suspendContractor', firm.id, firm.version);
    const started = await siteMutation('startSite', { id: site.id, expectedVersion: 2, reason: 'ouverture' });
    expect(started.errors?.[0]?.extensions).toMatchObject({
      code: 'CONTRACTOR_NOT_ELIGIBLE',
      contractorStatus: 'SUSPENDED',
    });
  });

  it('changes nothing when a site is assigned again to the contractor it has', async () => {
    const firm = await activeContractor(t);
    const site = await createSite(t);
    await siteMutation('assignSite', { id: site.id, expectedVersion: 1, contractorId: firm.id });
    const again = await siteMutation('assignSite', { id: site.id, expectedVersion: 2, contractorId: firm.id });
    expect(again.site).toEqual({ version: 2, status: 'ASSIGNED' });
  });

  it('keeps a site with customer subscriptions in its wilaya, and a CLOSED site as it is', async () => {
    const site = await createSite(t);
    await createCustomerSubscription(t, { siteId: site.id });
    const moved = await t.graphql(
      'mutation ($id: ID!) { updateSite(id: $id, expectedVersion: 1, input: { communeId: "1128" }) { site { id } } }',
      {
        id: site.id,
      },
    );
    expect(moved.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'communeId' });
  });
});

describe('limits answer as client errors', () => {
  it('answers HTTP 400 for a query too complex or too long', async () => {
    const complex = await t.graphql('{ wilayas { communes { daira { wilaya { communes { id } } } } } }');
    expect(complex.response.status).toBe(400);
    expect(complex.body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    const long = await t.graphql(
      `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: wilaya(code: "01") { code }`).join(' ')} }`,
    );
    expect(long.response.status).toBe(400);
  });
});
