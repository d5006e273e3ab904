import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  expectRefusedFilter,
  mustQuery,
  siteInput,
} from '../../../test/api.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => t.sql<T>(text, values);

async function counts() {
  return (
    await sql('select (select count(*)::int from site) as sites, (select count(*)::int from audit_event) as events')
  )[0];
}

async function siteMutation(mutation: string, input: Record<string, unknown>) {
  const { body } = await t.graphql<Record<string, { site: Record<string, unknown> }>>(
    `mutation ($input: ${mutation === 'assignSite' ? 'AssignSiteInput' : 'SiteTransitionInput'}!) { ${mutation}(input: $input) { site { id version status statusReason contractor { id } } } }`,
    { input },
  );
  return { site: body.data?.[mutation]?.site, errors: body.errors as Errors };
}

describe('createSite', () => {
  it('creates a PLANNED site with its code upper-cased, in the wilaya of its commune', async () => {
    const { body } = await t.graphql<{ createSite: { site: Record<string, unknown> } }>(
      `mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { code name kind status version targetConnections latitude longitude
        plannedStart plannedEnd commune { name } wilaya { code } contractor { id } acceptedConnections progress } } }`,
      {
        input: siteInput({
          code: ' alg-bab-0042 ',
          latitude: 36.79,
          longitude: 2.9,
          plannedStart: '2026-12-01',
          plannedEnd: '2027-03-31',
        }),
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.createSite.site).toEqual({
      code: 'ALG-BAB-0042',
      name: 'Cité 500 logements',
      kind: 'HOUSING_ESTATE',
      status: 'PLANNED',
      version: 1,
      targetConnections: 40,
      latitude: 36.79,
      longitude: 2.9,
      plannedStart: '2026-12-01',
      plannedEnd: '2027-03-31',
      commune: { name: 'Ain Benian' },
      wilaya: { code: '16' },
      contractor: null,
      acceptedConnections: 0,
      progress: 0,
    });
  });

  it.each([
    ['code', { code: 'a' }],
    ['code', { code: 'ALG 0042' }],
    ['longitude', { latitude: 36.7 }],
    ['latitude', { latitude: 48.8, longitude: 2.3 }],
    ['plannedEnd', { plannedStart: '2027-01-10', plannedEnd: '2027-01-09' }],
    ['targetConnections', { targetConnections: 0 }],
    ['name', { name: '' }],
  ])('refuses a bad %s with BAD_USER_INPUT, writing nothing', async (field, overrides) => {
    const before = await counts();
    const { body } = await t.graphql(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      {
        input: siteInput(overrides),
      },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('refuses a code already taken with CONFLICT, whatever its case', async () => {
    const site = await createSite(t);
    const { body } = await t.graphql(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      {
        input: siteInput({ code: site.code.toLowerCase() }),
      },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'code', existingId: site.id });
  });
});

describe('site lifecycle', () => {
  it('assigns an active contractor of the wilaya, then runs PLANNED → … → CLOSED with a suspension resumed to where it was', async () => {
    const contractor = await activeContractor(t);
    const site = await createSite(t);
    const assigned = await siteMutation('assignSite', { id: site.id, expectedVersion: 1, contractorId: contractor.id });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.site).toMatchObject({ status: 'ASSIGNED', version: 2, contractor: { id: contractor.id } });

    let version = 2;
    for (const [mutation, status] of [
      ['startSite', 'IN_PROGRESS'],
      ['suspendSite', 'SUSPENDED'],
      ['resumeSite', 'IN_PROGRESS'],
      ['completeSite', 'COMPLETED'],
      ['closeSite', 'CLOSED'],
    ] as const) {
      const result = await siteMutation(mutation, {
        id: site.id,
        expectedVersion: version,
        reason: `pour ${mutation}`,
      });
      expect(result.errors, mutation).toBeUndefined();
      expect(result.site).toMatchObject({ status, version: version + 1, statusReason: `pour ${mutation}` });
      version += 1;
    }
    const trail = await mustQuery<{
      auditTrail: { fromStatus: string | null; toStatus: string; changes: unknown[] }[];
    }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: SITE, entityId: $id) { fromStatus toStatus changes { field from to } } }',
      { id: site.id },
    );
    expect(trail.auditTrail.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      'null→PLANNED',
      'PLANNED→ASSIGNED',
      'ASSIGNED→IN_PROGRESS',
      'IN_PROGRESS→SUSPENDED',
      'SUSPENDED→IN_PROGRESS',
      'IN_PROGRESS→COMPLETED',
      'COMPLETED→CLOSED',
    ]);
    expect(trail.auditTrail[1]!.changes).toEqual([{ field: 'contractorId', from: null, to: contractor.id }]);
  });

  it('refuses a contractor that is not ACTIVE or not in the wilaya, writing nothing', async () => {
    const pending = (
      await mustQuery<{ createContractor: { contractor: { id: string } } }>(
        t,
        'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id } } }',
        { input: (await import('../../../test/factories.js')).contractorInput() },
      )
    ).createContractor.contractor;
    const elsewhere = await activeContractor(t, { operatingWilayaCodes: ['31'] });
    const site = await createSite(t);
    const before = await counts();
    const notActive = await siteMutation('assignSite', { id: site.id, expectedVersion: 1, contractorId: pending.id });
    expect(notActive.errors?.[0]?.extensions).toMatchObject({
      code: 'CONTRACTOR_NOT_ELIGIBLE',
      contractorStatus: 'PENDING_APPROVAL',
    });
    const notHere = await siteMutation('assignSite', { id: site.id, expectedVersion: 1, contractorId: elsewhere.id });
    expect(notHere.errors?.[0]?.extensions).toMatchObject({ code: 'CONTRACTOR_NOT_ELIGIBLE', wilayaCode: '16' });
    const unknown = await siteMutation('assignSite', { id: site.id, expectedVersion: 1, contractorId: '987654' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contractorId' });
    expect(await counts()).toEqual(before);
  });

  it('refuses an illegal transition naming the current status, and a stale version, writing nothing', async () => {
    const site = await createSite(t);
    const before = await counts();
    const illegal = await siteMutation('completeSite', { id: site.id, expectedVersion: 1, reason: 'fini' });
    expect(illegal.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'PLANNED' });
    const stale = await siteMutation('suspendSite', { id: site.id, expectedVersion: 7, reason: 'intempéries' });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(await counts()).toEqual(before);
  });
});

describe('site progress', () => {
  it('is derived from the ACCEPTED customer subscriptions of the site', async () => {
    const site = await createSite(t, { targetConnections: 4 });
    const subscriptions = [];
    for (let i = 0; i < 3; i += 1) subscriptions.push(await createCustomerSubscription(t, { siteId: site.id }));
    await sql("update customer_subscription set status = 'ACCEPTED' where id = any($1::bigint[])", [
      subscriptions.slice(0, 2).map((s) => s.id),
    ]);
    const data = await mustQuery<{ site: { acceptedConnections: number; progress: number } }>(
      t,
      'query ($id: ID!) { site(id: $id) { acceptedConnections progress } }',
      { id: site.id },
    );
    expect(data.site).toEqual({ acceptedConnections: 2, progress: 0.5 });
  });
});

describe('sites list', () => {
  const nested = `edges { cursor node { id code status acceptedConnections progress commune { name wilaya { code } } wilaya { name }
    contractor { legalName commune { name wilaya { code } } operatingWilayas { code } siteCount workCounts { status count } } } }
    pageInfo { hasNextPage endCursor }`;

  beforeAll(async () => {
    const contractors = [await activeContractor(t), await activeContractor(t)];
    for (let i = 0; i < 110; i += 1) {
      const site = await createSite(t, { code: `LIST-${String(i).padStart(3, '0')}` });
      if (i % 2 === 0)
        await siteMutation('assignSite', {
          id: site.id,
          expectedVersion: 1,
          contractorId: contractors[i % 4 === 0 ? 0 : 1]!.id,
        });
    }
  });

  it('answers a page of 100 with nested fields in as many SQL statements as a page of 10', async () => {
    const query = `query ($first: Int) { sites(first: $first, filter: { search: "LIST-" }) { ${nested} } }`;
    const ten = await t.graphql<{ sites: { edges: unknown[] } }>(query, { first: 10 }, { 'x-request-id': 'sites-10' });
    const hundred = await t.graphql<{ sites: { edges: unknown[] } }>(
      query,
      { first: 100 },
      { 'x-request-id': 'sites-100' },
    );
    expect(ten.body.errors).toBeUndefined();
    expect(hundred.body.data!.sites.edges).toHaveLength(100);
    expect(t.sqlOf('sites-100').length).toBe(t.sqlOf('sites-10').length);
  });

  it('walks every page once, in code order, with keyset cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: {
        sites: { edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } = await mustQuery(
        t,
        'query ($after: String) { sites(first: 25, after: $after, filter: { search: "list-" }) { edges { node { code } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...data.sites.edges.map((e) => e.node.code));
      if (!data.sites.pageInfo.hasNextPage) break;
      after = data.sites.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 110 }, (_, i) => `LIST-${String(i).padStart(3, '0')}`));
  });

  it('filters by status, contractor and wilaya, and counts the matches', async () => {
    const assigned = await mustQuery<{ sites: { totalCount: number } }>(
      t,
      '{ sites(filter: { status: ASSIGNED, search: "LIST-" }) { totalCount } }',
    );
    expect(assigned.sites.totalCount).toBe(55);
    const oran = await mustQuery<{ sites: { totalCount: number } }>(
      t,
      '{ sites(filter: { wilayaCode: "31" }) { totalCount } }',
    );
    expect(oran.sites.totalCount).toBe(0);
  });

  it('refuses forged cursors whose keys do not have their types, before any SQL', async () => {
    await createCustomerSubscription(t);
    // Each list's own prefix (its entity and order), taken from a cursor it gave: only the keys are forged.
    const prefixes = new Map<string, string>();
    for (const list of ['sites', 'contractors', 'customerSubscriptions']) {
      const data = await mustQuery<Record<string, { pageInfo: { endCursor: string } }>>(
        t,
        `{ ${list}(first: 1) { pageInfo { endCursor } } }`,
      );
      const cursor = data[list]!.pageInfo.endCursor;
      prefixes.set(list, cursor.slice(0, cursor.lastIndexOf(':') + 1));
    }
    const forge = (list: string, keys: unknown[]) =>
      `${prefixes.get(list)!}${Buffer.from(JSON.stringify(keys)).toString('base64url')}`;
    const cases: [string, unknown[]][] = [
      ['sites', [1, 2]],
      ['sites', ['A', 'abc']],
      ['sites', [null, '1']],
      ['sites', [{ $ne: 'x' }, '1']],
      ['sites', ['A', '1e400']],
      ['contractors', [1, '2']],
      ['customerSubscriptions', ['not a date', '1']],
      ['customerSubscriptions', [12345, '1']],
      ['customerSubscriptions', ['+300000-01-01T00:00:00.000Z', '1']],
      // Found by an adversarial trial: instants JavaScript reads and PostgreSQL refuses answered 500.
      ['customerSubscriptions', ['2026-02-29T00:00:00Z', '5']],
      ['customerSubscriptions', ['2026-04-31T00:00:00.000Z', '5']],
      ['customerSubscriptions', ['2026-01-01T00:00:00+23:59', '5']],
      ['customerSubscriptions', ['2026-01-01T00:00:00-16:00', '5']],
    ];
    for (const [list, keys] of cases) {
      const { body } = await t.graphql(`query ($after: String) { ${list}(after: $after) { totalCount } }`, {
        after: forge(list, keys),
      });
      expect(body.errors?.[0]?.extensions, `${list} ${JSON.stringify(keys)}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('pages past a name that reads like an instant', async () => {
    // Found by an adversarial trial: the cursor of "2026-01-01T00:00:00.000 SARL Fibre" was decoded as a date and refused.
    const names = ['2026-01-01T00:00:00.000 Horodate Fibre A', '2026-01-01T00:00:00.000 Horodate Fibre B'];
    for (const legalName of names) await activeContractor(t, { legalName });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: {
        contractors: {
          edges: { node: { legalName: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await mustQuery(
        t,
        'query ($after: String) { contractors(first: 1, after: $after, filter: { search: "Horodate Fibre" }) { edges { node { legalName } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...data.contractors.edges.map((edge) => edge.node.legalName));
      after = data.contractors.pageInfo.hasNextPage ? data.contractors.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(names);
  });

  it('pages customer subscriptions by order time with real cursors', async () => {
    for (let i = 0; i < 3; i += 1) await createCustomerSubscription(t, { customerName: 'Cursor Paging' });
    const first = await mustQuery<{
      customerSubscriptions: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };
    }>(
      t,
      '{ customerSubscriptions(first: 2, filter: { search: "Cursor Paging" }) { edges { node { id } } pageInfo { endCursor } } }',
    );
    const next = await mustQuery<{ customerSubscriptions: { edges: { node: { id: string } }[] } }>(
      t,
      'query ($after: String) { customerSubscriptions(first: 2, after: $after, filter: { search: "Cursor Paging" }) { edges { node { id } } } }',
      { after: first.customerSubscriptions.pageInfo.endCursor },
    );
    expect(first.customerSubscriptions.edges).toHaveLength(2);
    expect(next.customerSubscriptions.edges).toHaveLength(1);
  });

  it("refuses another list's cursor", async () => {
    const contractors = await mustQuery<{ contractors: { pageInfo: { endCursor: string } } }>(
      t,
      '{ contractors(first: 1) { pageInfo { endCursor } } }',
    );
    const { body } = await t.graphql('query ($after: String) { sites(after: $after) { totalCount } }', {
      after: contractors.contractors.pageInfo.endCursor,
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a page over 100, a foreign cursor and a malformed filter with BAD_USER_INPUT', async () => {
    for (const [query, field] of [
      ['{ sites(first: 101) { totalCount } }', 'first'],
      ['{ sites(first: 0) { totalCount } }', 'first'],
      ['{ sites(after: "not-a-cursor") { totalCount } }', 'after'],
      ['{ sites(after: "Site:W1siYSJdXQ") { totalCount } }', 'after'],
      ['{ sites(filter: { wilayaCode: "1" }) { totalCount } }', 'filter.wilayaCode'],
      ['{ sites(filter: { contractorId: "x" }) { totalCount } }', 'filter.contractorId'],
    ] as const) {
      const { body } = await t.graphql(query);
      expect(body.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
  it('refuses a place no wilaya or commune is, or a commune outside the wilaya, before reading any site', async () => {
    const list = 'query ($filter: SiteFilterInput) { sites(filter: $filter) { totalCount } }';
    for (const [filter, field, reason] of [
      [{ wilayaCode: 'abc' }, 'filter.wilayaCode', 'must be two digits, such as "01"'],
      [{ wilayaCode: '59' }, 'filter.wilayaCode', 'must be the code of a wilaya, "01" to "58"'],
      [{ communeId: '1542' }, 'filter.communeId', 'must be the id of a commune'],
      [
        { wilayaCode: '31', communeId: '554' },
        'filter.communeId',
        'must be a commune of wilaya 31: it is in wilaya 16',
      ],
      [{ contractorId: '4.2' }, 'filter.contractorId', 'must be an id such as "42"'],
    ] as const) {
      expect(await expectRefusedFilter(t, list, { filter }, field, 'site')).toBe(reason);
    }
    const unseen = await t.graphql(list, { filter: { contractorId: '999999999', wilayaCode: '16', communeId: '554' } });
    expect(unseen.body).toEqual({ data: { sites: { totalCount: 0 } } });
  });

  it('refuses a code no wilaya has in the change feed, as in the list', async () => {
    const feed = 'query ($w: String) { siteChanges(after: "0", wilayaCode: $w) { position } }';
    expect(await expectRefusedFilter(t, feed, { w: '99' }, 'wilayaCode', 'change_event')).toBe(
      'must be the code of a wilaya, "01" to "58"',
    );
  });
});
