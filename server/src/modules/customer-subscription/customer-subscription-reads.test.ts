import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createCustomerSubscription, createSite, mustQuery } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/**
 * `customerSubscription(id)` and `customerSubscriptions` answer from rows, with no entity made: every
 * field, nested ones included, as a mutation's payload (an entity) answers it, for each role.
 */
let t: TestApp;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const as = (who: string): Record<string, string> => (who === 'admin' ? {} : { authorization: `Bearer ${tokens[who]}` });

const fields = `
  id version orderReference customerName customerPhone customerAddress offer status orderedAt appointmentAt
  statusChangedAt createdAt updatedAt failureReason statusReason reserves
  commune { id name nameAr latitude longitude wilaya { code name nameAr } daira { id name nameAr wilaya { code } } }
  wilaya { code name nameAr }
  position { latitude longitude source }
  site {
    id version code name kind latitude longitude targetConnections plannedStart plannedEnd status statusReason
    statusChangedAt createdAt updatedAt acceptedConnections progress
    commune { id name } wilaya { code name } contractor { id legalName }
  }
  contractor {
    id version legalName tradeName legalForm fiscalRegime nif nis rcNumber autoEntrepreneurCardNumber taxArticle
    address teamCapacity status statusReason statusChangedAt createdAt updatedAt siteCount
    contacts { name role phone email } commune { id name wilaya { code } } operatingWilayas { code name }
  }`;

type Work = Record<string, unknown> & { id: string };

async function user(role: string, extra: Record<string, unknown>): Promise<string> {
  const email = `${role.toLowerCase()}-${Object.keys(tokens).length}@reads.raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'reading user password', ...extra },
  });
  return signIn(t.url, email, 'reading user password');
}

/** The work as the entity a mutation returns shows it (assigning it again to its firm changes nothing). */
async function asEntity(name: 'A' | 'B'): Promise<Work> {
  const data = await mustQuery<{ assignCustomerSubscription: { customerSubscription: Work } }>(
    t,
    `mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 2, contractorId: $c }) { customerSubscription { ${fields} } } }`,
    { id: ids[`cs${name}`], c: ids[`firm${name}`] },
  );
  return data.assignCustomerSubscription.customerSubscription;
}

/** What `who` reads of the work: by id, and in the list. */
async function read(who: string): Promise<{ byId: Record<string, Work | null>; list: Work[] }> {
  const { body } = await t.graphql<{
    a: Work | null;
    b: Work | null;
    list: { totalCount: number; edges: { node: Work }[] };
  }>(
    `query ($a: ID!, $b: ID!) {
       a: customerSubscription(id: $a) { ${fields} }
       b: customerSubscription(id: $b) { ${fields} }
       list: customerSubscriptions(first: 10) { totalCount edges { node { ${fields} } } }
     }`,
    { a: ids['csA'], b: ids['csB'] },
    as(who),
  );
  expect(body.errors).toBeUndefined();
  const list = body.data!.list.edges.map((edge) => edge.node);
  expect(body.data!.list.totalCount).toBe(list.length);
  return { byId: { A: body.data!.a, B: body.data!.b }, list };
}

const withoutCustomer = (work: Work): Work => ({
  ...work,
  customerName: null,
  customerPhone: null,
  customerAddress: null,
});

beforeAll(async () => {
  t = await startTestApp();
  for (const name of ['A', 'B'] as const) {
    const firm = await activeContractor(t);
    const site = await createSite(t, { latitude: 36.8, longitude: 2.9 });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: firm.id },
    );
    const work = await createCustomerSubscription(t, { siteId: site.id });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id: work.id, c: firm.id },
    );
    ids[`firm${name}`] = firm.id;
    ids[`cs${name}`] = work.id;
  }
  tokens['firmA'] = await user('CONTRACTOR', { contractorId: ids['firmA'] });
  tokens['dotAlger'] = await user('DOT_MANAGER', { wilayaCodes: ['16'] });
  tokens['dotOran'] = await user('DOT_MANAGER', { wilayaCodes: ['31'] });
  tokens['finance'] = await user('FINANCE', {});
  tokens['viewer'] = await user('VIEWER', {});
});
afterAll(() => t.stop());

describe('customer subscriptions read from rows', () => {
  it('answer every field, nested ones included, as the entity does: by id and in the list', async () => {
    const entities = { A: await asEntity('A'), B: await asEntity('B') };
    expect(entities.A.site).not.toBeNull();
    expect(entities.A.contractor).not.toBeNull();
    const { byId, list } = await read('admin');
    expect(byId).toEqual(entities);
    expect(list).toEqual([entities.A, entities.B]);
  });

  it('hide the customer from FINANCE and VIEWER, and show them the rest as it is', async () => {
    const entities = { A: await asEntity('A'), B: await asEntity('B') };
    for (const who of ['finance', 'viewer']) {
      const { byId, list } = await read(who);
      expect(byId).toEqual({ A: withoutCustomer(entities.A), B: withoutCustomer(entities.B) });
      expect(list).toEqual([withoutCustomer(entities.A), withoutCustomer(entities.B)]);
    }
  });

  it("show a firm its own work only, and a DOT manager its wilayas' work only", async () => {
    const entities = { A: await asEntity('A'), B: await asEntity('B') };
    const firm = await read('firmA');
    expect(firm.byId).toEqual({ A: entities.A, B: null });
    expect(firm.list).toEqual([entities.A]);
    const alger = await read('dotAlger');
    expect(alger.byId).toEqual(entities);
    expect(alger.list).toEqual([entities.A, entities.B]);
    const oran = await read('dotOran');
    expect(oran.byId).toEqual({ A: null, B: null });
    expect(oran.list).toEqual([]);
  });
});
