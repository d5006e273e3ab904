import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { activeContractor, createCustomerSubscription, createSite, mustQuery, siteInput } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/** Rows scoped by who asks: something that exists but is not yours answers as something that does not exist. */
let t: TestApp;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

async function user(role: string, extra: Record<string, unknown>): Promise<string> {
  const email = `${role.toLowerCase()}-${Object.keys(tokens).length}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'scoped user password', ...extra },
  });
  return signIn(t.url, email, 'scoped user password');
}

beforeAll(async () => {
  t = await startTestApp();
  const firmA = await activeContractor(t);
  const firmB = await activeContractor(t);
  ids['firmA'] = firmA.id;
  ids['firmB'] = firmB.id;
  for (const [name, firm] of [
    ['A', firmA],
    ['B', firmB],
  ] as const) {
    const site = await createSite(t);
    await mustQuery(t, 'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }', { id: site.id, c: firm.id });
    const subscription = await createCustomerSubscription(t, { siteId: site.id });
    await mustQuery(t, 'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }', {
      id: subscription.id,
      c: firm.id,
    });
    ids[`site${name}`] = site.id;
    ids[`cs${name}`] = subscription.id;
  }
  tokens['contractorA'] = await user('CONTRACTOR', { contractorId: firmA.id });
  tokens['dotOran'] = await user('DOT_MANAGER', { wilayaCodes: ['31'] });
  tokens['finance'] = await user('FINANCE', {});
  tokens['viewer'] = await user('VIEWER', {});
});
afterAll(() => t.stop());

describe("a contractor's user", () => {
  it("sees its own firm's sites, customer subscriptions and contractor record only", async () => {
    const data = await mustQuery<{
      sites: { edges: { node: { id: string } }[] };
      customerSubscriptions: { edges: { node: { id: string } }[] };
      contractors: { edges: { node: { id: string } }[] };
    }>(t, '{ sites(first: 100) { edges { node { id } } } customerSubscriptions(first: 100) { edges { node { id } } } contractors(first: 100) { edges { node { id } } } }');
    expect(data.sites.edges.length).toBeGreaterThan(1);
    const { body } = await t.graphql<typeof data>(
      '{ sites(first: 100) { edges { node { id } } } customerSubscriptions(first: 100) { edges { node { id } } } contractors(first: 100) { edges { node { id } } } }',
      undefined,
      as('contractorA'),
    );
    expect(body.data!.sites.edges.map((e) => e.node.id)).toEqual([ids['siteA']]);
    expect(body.data!.customerSubscriptions.edges.map((e) => e.node.id)).toEqual([ids['csA']]);
    expect(body.data!.contractors.edges.map((e) => e.node.id)).toEqual([ids['firmA']]);
  });

  it("gets for another firm's records exactly what it gets for ids that do not exist, over HTTP and WebSocket", async () => {
    const query = `query ($site: ID!, $cs: ID!, $firm: ID!) {
      site(id: $site) { id } customerSubscription(id: $cs) { id } contractor(id: $firm) { id }
      auditTrail(entityType: SITE, entityId: $site) { id } }`;
    const other = await t.graphql(query, { site: ids['siteB'], cs: ids['csB'], firm: ids['firmB'] }, as('contractorA'));
    const missing = await t.graphql(query, { site: '987654', cs: '987654', firm: '987654' }, as('contractorA'));
    expect(other.body).toEqual({ data: { site: null, customerSubscription: null, contractor: null, auditTrail: [] } });
    expect(missing.body).toEqual(other.body);

    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: as('contractorA'),
    });
    try {
      const results: unknown[] = [];
      for await (const result of client.iterate({ query, variables: { site: ids['siteB'], cs: ids['csB'], firm: ids['firmB'] } })) results.push(result);
      expect(results).toEqual([other.body]);
    } finally {
      await client.dispose();
    }
  });

  it("cannot act on another firm's work: the answer is the one for an unknown id", async () => {
    const schedule = 'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 2, appointmentAt: $at }) { customerSubscription { id } } }';
    const at = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const other = await t.graphql(schedule, { id: ids['csB'], at }, as('contractorA'));
    const missing = await t.graphql(schedule, { id: '987654', at }, as('contractorA'));
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(other.body.errors?.[0]?.message).toBe(missing.body.errors?.[0]?.message?.replace('987654', ids['csB']!));
  });

  it('reads its own bank account, not another firm’s', async () => {
    const { body } = await t.graphql<{ a: { bankAccount: string | null } }>('query ($a: ID!) { a: contractor(id: $a) { bankAccount } }', { a: ids['firmA'] }, as('contractorA'));
    expect(body.data!.a.bankAccount).toMatch(/^\d{20}$/);
  });
});

describe('a DOT manager', () => {
  it('sees and creates work in its wilayas only', async () => {
    const { body } = await t.graphql<{ sites: { totalCount: number } }>('{ sites { totalCount } }', undefined, as('dotOran'));
    expect(body.data!.sites.totalCount).toBe(0);
    const outside = await t.graphql('mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }', { input: siteInput() }, as('dotOran'));
    expect(outside.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'communeId' });
    const inside = await t.graphql('mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }', { input: siteInput({ communeId: '1128' }) }, as('dotOran'));
    expect(inside.body.errors).toBeUndefined();
  });
});

describe('personal data and bank accounts', () => {
  it('are null for the roles that do not need them', async () => {
    const query = 'query ($cs: ID!, $firm: ID!) { customerSubscription(id: $cs) { customerName customerPhone customerAddress } contractor(id: $firm) { bankAccount } }';
    const finance = await t.graphql<{ customerSubscription: Record<string, unknown>; contractor: { bankAccount: string | null } }>(query, { cs: ids['csA'], firm: ids['firmA'] }, as('finance'));
    expect(finance.body.data!.customerSubscription).toEqual({ customerName: null, customerPhone: null, customerAddress: null });
    expect(finance.body.data!.contractor.bankAccount).toMatch(/^\d{20}$/);
    const viewer = await t.graphql<{ contractor: { bankAccount: string | null } }>(query, { cs: ids['csA'], firm: ids['firmA'] }, as('viewer'));
    expect(viewer.body.data!.contractor.bankAccount).toBeNull();
    const admin = await t.graphql<{ customerSubscription: { customerPhone: string } }>(query, { cs: ids['csA'], firm: ids['firmA'] });
    expect(admin.body.data!.customerSubscription.customerPhone).toMatch(/^\+213/);
  });
});

describe('holes found by trying to break access control', () => {
  it("does not show another firm's site or contractor through a nested field", async () => {
    const site = await createSite(t);
    await mustQuery(t, 'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }', { id: site.id, c: ids['firmA'] });
    const subscription = await createCustomerSubscription(t, { siteId: site.id });
    await mustQuery(t, 'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }', {
      id: subscription.id,
      c: ids['firmA'],
    });
    const reassign = await t.graphql('mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 2, contractorId: $c }) { site { id } } }', { id: site.id, c: ids['firmB'] });
    expect(reassign.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'contractorId' });
    // The API refuses to leave firm A's work on firm B's site; should it happen anyway, nothing leaks.
    await t.sql('update site set contractor_id = $1 where id = $2', [ids['firmB'], site.id]);
    const { body } = await t.graphql<{ customerSubscription: { site: unknown; contractor: { id: string } } }>(
      'query ($id: ID!) { customerSubscription(id: $id) { site { id contractor { id bankAccount } } contractor { id } } }',
      { id: subscription.id },
      as('contractorA'),
    );
    expect(body.data!.customerSubscription).toEqual({ site: null, contractor: { id: ids['firmA'] } });
  });

  it('hides personal data and bank accounts in the audit trail from the roles that may not read them', async () => {
    const trail = await t.graphql<{ auditTrail: { changes: { field: string; to: unknown }[] }[] }>(
      'query ($id: ID!) { auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) { changes { field to } } }',
      { id: ids['csA'] },
      as('viewer'),
    );
    const changes = trail.body.data!.auditTrail.flatMap((event) => event.changes);
    expect(changes.find((change) => change.field === 'customerPhone')).toEqual({ field: 'customerPhone', to: null });
    expect(changes.find((change) => change.field === 'offer')?.to).toBeTruthy();
    const firmTrail = await t.graphql<{ auditTrail: { changes: { field: string; to: unknown }[] }[] }>(
      'query ($id: ID!) { auditTrail(entityType: CONTRACTOR, entityId: $id) { changes { field to } } }',
      { id: ids['firmA'] },
      as('viewer'),
    );
    expect(firmTrail.body.data!.auditTrail.flatMap((event) => event.changes).find((change) => change.field === 'bankAccount')).toEqual({ field: 'bankAccount', to: null });
  });

  it('does not let a search reveal customer names to roles that may not read them', async () => {
    const [row] = await t.sql<{ customer_name: string }>('select customer_name from customer_subscription where id = $1', [ids['csA']]);
    const admin = await mustQuery<{ customerSubscriptions: { totalCount: number } }>(t, 'query ($s: String) { customerSubscriptions(filter: { search: $s }) { totalCount } }', {
      s: row!.customer_name,
    });
    expect(admin.customerSubscriptions.totalCount).toBeGreaterThan(0);
    const { body } = await t.graphql<{ customerSubscriptions: { totalCount: number } }>(
      'query ($s: String) { customerSubscriptions(filter: { search: $s }) { totalCount } }',
      { s: row!.customer_name },
      as('viewer'),
    );
    expect(body.data!.customerSubscriptions.totalCount).toBe(0);
  });

  it('keeps a locked account locked even for the right password', async () => {
    const email = 'lock-me@raccord.test';
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: 'Lock', role: 'VIEWER', password: 'the right password' },
    });
    const login = (password: string) =>
      t.graphql<{ login: { token: string } }>('mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }', { e: email, p: password }, { authorization: '' });
    for (let attempt = 0; attempt < 5; attempt += 1) await login(`wrong ${attempt}`);
    const right = await login('the right password');
    expect(right.body.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_ATTEMPTS');
  });
});
