import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  siteInput,
  submitInvoice,
} from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { subscribe } from '../../../test/live.js';

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
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: firm.id },
    );
    const subscription = await createCustomerSubscription(t, { siteId: site.id });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      {
        id: subscription.id,
        c: firm.id,
      },
    );
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
    }>(
      t,
      '{ sites(first: 100) { edges { node { id } } } customerSubscriptions(first: 100) { edges { node { id } } } contractors(first: 100) { edges { node { id } } } }',
    );
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
      for await (const result of client.iterate({
        query,
        variables: { site: ids['siteB'], cs: ids['csB'], firm: ids['firmB'] },
      }))
        results.push(result);
      expect(results).toEqual([other.body]);
    } finally {
      await client.dispose();
    }
  });

  it("cannot act on another firm's work: the answer is the one for an unknown id", async () => {
    const schedule =
      'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 2, appointmentAt: $at }) { customerSubscription { id } } }';
    const at = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const other = await t.graphql(schedule, { id: ids['csB'], at }, as('contractorA'));
    const missing = await t.graphql(schedule, { id: '987654', at }, as('contractorA'));
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(other.body.errors?.[0]?.message).toBe(missing.body.errors?.[0]?.message?.replace('987654', ids['csB']!));
  });

  it('reads its own bank account, not another firm’s', async () => {
    const { body } = await t.graphql<{ a: { bankAccount: string | null } }>(
      'query ($a: ID!) { a: contractor(id: $a) { bankAccount } }',
      { a: ids['firmA'] },
      as('contractorA'),
    );
    expect(body.data!.a.bankAccount).toMatch(/^\d{20}$/);
  });
});

describe('a DOT manager', () => {
  it('sees and creates work in its wilayas only', async () => {
    const { body } = await t.graphql<{ sites: { totalCount: number } }>(
      '{ sites { totalCount } }',
      undefined,
      as('dotOran'),
    );
    expect(body.data!.sites.totalCount).toBe(0);
    const outside = await t.graphql(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      { input: siteInput() },
      as('dotOran'),
    );
    expect(outside.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'communeId' });
    const inside = await t.graphql(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      { input: siteInput({ communeId: '1128' }) },
      as('dotOran'),
    );
    expect(inside.body.errors).toBeUndefined();
  });
});

describe('personal data and bank accounts', () => {
  it('are null for the roles that do not need them', async () => {
    const query =
      'query ($cs: ID!, $firm: ID!) { customerSubscription(id: $cs) { customerName customerPhone customerAddress } contractor(id: $firm) { bankAccount } }';
    const finance = await t.graphql<{
      customerSubscription: Record<string, unknown>;
      contractor: { bankAccount: string | null };
    }>(query, { cs: ids['csA'], firm: ids['firmA'] }, as('finance'));
    expect(finance.body.data!.customerSubscription).toEqual({
      customerName: null,
      customerPhone: null,
      customerAddress: null,
    });
    expect(finance.body.data!.contractor.bankAccount).toMatch(/^\d{20}$/);
    const viewer = await t.graphql<{ contractor: { bankAccount: string | null } }>(
      query,
      { cs: ids['csA'], firm: ids['firmA'] },
      as('viewer'),
    );
    expect(viewer.body.data!.contractor.bankAccount).toBeNull();
    const admin = await t.graphql<{ customerSubscription: { customerPhone: string } }>(query, {
      cs: ids['csA'],
      firm: ids['firmA'],
    });
    expect(admin.body.data!.customerSubscription.customerPhone).toMatch(/^\+213/);
  });
});

describe('holes found by trying to break access control', () => {
  it("does not show another firm's site or contractor through a nested field", async () => {
    const site = await createSite(t);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: ids['firmA'] },
    );
    const subscription = await createCustomerSubscription(t, { siteId: site.id });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      {
        id: subscription.id,
        c: ids['firmA'],
      },
    );
    const reassign = await t.graphql(
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 2, contractorId: $c }) { site { id } } }',
      { id: site.id, c: ids['firmB'] },
    );
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
    expect(
      firmTrail.body
        .data!.auditTrail.flatMap((event) => event.changes)
        .find((change) => change.field === 'bankAccount'),
    ).toEqual({ field: 'bankAccount', to: null });
  });

  it('does not let a search reveal customer names to roles that may not read them', async () => {
    const [row] = await t.sql<{ customer_name: string }>(
      'select customer_name from customer_subscription where id = $1',
      [ids['csA']],
    );
    const admin = await mustQuery<{ customerSubscriptions: { totalCount: number } }>(
      t,
      'query ($s: String) { customerSubscriptions(filter: { search: $s }) { totalCount } }',
      {
        s: row!.customer_name,
      },
    );
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
      t.graphql<{ login: { token: string } }>(
        'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
        { e: email, p: password },
        { authorization: '' },
      );
    for (let attempt = 0; attempt < 5; attempt += 1) await login(`wrong ${attempt}`);
    const right = await login('the right password');
    expect(right.body.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('a technician', () => {
  const work: Record<string, string> = {};
  const assignTechnician =
    'mutation ($id: ID!, $v: Int!, $tech: ID) { assignTechnician(input: { id: $id, expectedVersion: $v, technicianId: $tech }) { customerSubscription { id } } }';

  /** New work of `firm`, ASSIGNED (version 2), then given to `technician` when one is named (version 3). */
  async function firmWork(firm: string, technician: string | null = null): Promise<string> {
    const { id } = await createCustomerSubscription(t);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id, c: firm },
    );
    if (technician) await mustQuery(t, assignTechnician, { id, v: 2, tech: technician });
    return id;
  }

  async function userId(token: string): Promise<string> {
    const { body } = await t.graphql<{ me: { id: string } }>('{ me { id } }', undefined, {
      authorization: `Bearer ${token}`,
    });
    return body.data!.me.id;
  }

  beforeAll(async () => {
    tokens['firmAdminA'] = await user('CONTRACTOR', { contractorId: ids['firmA'], isContractorAdmin: true });
    tokens['tech1'] = await user('TECHNICIAN', { contractorId: ids['firmA'] });
    tokens['tech2'] = await user('TECHNICIAN', { contractorId: ids['firmA'] });
    ids['tech1'] = await userId(tokens['tech1']);
    ids['tech2'] = await userId(tokens['tech2']);
    work['unnamed'] = await firmWork(ids['firmA']!);
    work['own'] = await firmWork(ids['firmA']!, ids['tech1']!);
    work['colleague'] = await firmWork(ids['firmA']!, ids['tech2']!);
    work['closed'] = await firmWork(ids['firmA']!);
    await mustQuery(
      t,
      'mutation ($id: ID!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: 2, reason: "client parti" }) { customerSubscription { id } } }',
      {
        id: work['closed'],
      },
    );
    work['otherFirm'] = await firmWork(ids['firmB']!);
  });

  it("sees its firm's open work given to it or to no one: not a colleague's, not closed work, not another firm's — over HTTP and WebSocket alike", async () => {
    const query =
      '{ customerSubscriptions(first: 100) { totalCount edges { node { id status contractor { id } technician { id } } } } }';
    const { body } = await t.graphql<{
      customerSubscriptions: {
        edges: {
          node: { id: string; status: string; contractor: { id: string }; technician: { id: string } | null };
        }[];
      };
    }>(query, undefined, as('tech1'));
    const nodes = body.data!.customerSubscriptions.edges.map((edge) => edge.node);
    const seen = nodes.map((node) => node.id);
    expect(seen).toEqual(expect.arrayContaining([work['unnamed'], work['own'], ids['csA']]));
    for (const hidden of [work['colleague'], work['closed'], work['otherFirm'], ids['csB']])
      expect(seen).not.toContain(hidden);
    for (const node of nodes) {
      expect(node.contractor.id).toBe(ids['firmA']);
      expect(['ASSIGNED', 'SCHEDULED', 'INSTALLED', 'REJECTED']).toContain(node.status);
      expect([null, ids['tech1']]).toContainEqual(node.technician?.id ?? null);
    }
    const byId =
      'query ($id: ID!) { customerSubscription(id: $id) { id } auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) { id } }';
    for (const hidden of [work['colleague'], work['closed'], work['otherFirm']]) {
      const other = await t.graphql(byId, { id: hidden }, as('tech1'));
      const missing = await t.graphql(byId, { id: '987654' }, as('tech1'));
      expect(other.body).toEqual({ data: { customerSubscription: null, auditTrail: [] } });
      expect(missing.body).toEqual(other.body);
    }
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: as('tech1'),
    });
    try {
      const results: unknown[] = [];
      for await (const result of client.iterate({ query })) results.push(result);
      expect(results).toEqual([body]);
    } finally {
      await client.dispose();
    }
  });

  it("reads the customer's name, phone and address and its firm's name, never the firm's bank account; the work's technician is itself", async () => {
    const { body } = await t.graphql<{ customerSubscription: Record<string, unknown> }>(
      'query ($id: ID!) { customerSubscription(id: $id) { customerName customerPhone customerAddress contractor { id legalName bankAccount } technician { id } } }',
      { id: work['own'] },
      as('tech1'),
    );
    expect(body.data!.customerSubscription).toMatchObject({
      customerName: 'Yasmine Haddad',
      customerPhone: expect.stringMatching(/^\+213/),
      customerAddress: expect.any(String),
      contractor: { id: ids['firmA'], bankAccount: null },
      technician: { id: ids['tech1'] },
    });
    const firm = await t.graphql<{ contractor: { bankAccount: string | null } }>(
      'query ($id: ID!) { contractor(id: $id) { bankAccount } }',
      { id: ids['firmA'] },
      as('tech1'),
    );
    expect(firm.body.data!.contractor.bankAccount).toBeNull();
    const finance = await t.graphql<{ customerSubscription: { technician: unknown } }>(
      'query ($id: ID!) { customerSubscription(id: $id) { technician { id } } }',
      { id: work['own'] },
      as('finance'),
    );
    expect(finance.body.data!.customerSubscription.technician).toBeNull();
  });

  it('cannot read invoices, amounts, prices, the dashboard, users or keys — over HTTP and WebSocket', async () => {
    const refused = [
      '{ invoices { totalCount } }',
      'query { invoice(id: "1") { id } }',
      '{ priceSchedules { id } }',
      '{ priceScheduleInForce { id } }',
      '{ dashboard { acceptedToday } }',
      '{ users { totalCount } }',
      '{ apiKeys { id } }',
    ];
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: as('tech1'),
    });
    try {
      for (const query of refused) {
        const { body } = await t.graphql(query, undefined, as('tech1'));
        expect(body.errors?.[0]?.extensions?.['code'], query).toBe('FORBIDDEN');
        const results: { errors?: { extensions?: Record<string, unknown> }[] }[] = [];
        for await (const result of client.iterate({ query })) results.push(result as never);
        expect(results[0]?.errors?.[0]?.extensions?.['code'], `${query} over WebSocket`).toBe('FORBIDDEN');
      }
      for (const query of [
        'subscription { invoiceChanged { change } }',
        'subscription { dashboardChanged { acceptedToday } }',
      ]) {
        const errors: unknown[] = [];
        try {
          for await (const result of client.iterate({ query })) errors.push(result);
        } catch (error) {
          errors.push(error);
        }
        expect(JSON.stringify(errors), query).toMatch(/FORBIDDEN/);
      }
    } finally {
      await client.dispose();
    }
  });

  it("does not see its firm's invoices through the audit trail", async () => {
    const installed = await installedCustomerSubscription(t, ids['firmA']!);
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: installed },
    );
    const invoice = await firmInvoice(t, ids['firmA']!);
    await submitInvoice(t, invoice);
    const query = 'query ($id: ID!) { auditTrail(entityType: INVOICE, entityId: $id) { id } }';
    const office = await t.graphql<{ auditTrail: unknown[] }>(query, { id: invoice.id }, as('contractorA'));
    expect(office.body.data!.auditTrail.length).toBeGreaterThan(0);
    const technician = await t.graphql<{ auditTrail: unknown[] }>(query, { id: invoice.id }, as('tech1'));
    expect(technician.body).toEqual({ data: { auditTrail: [] } });
  });

  it('is told what it may do to the work, from the server’s rules', async () => {
    const query =
      'query ($id: ID!) { customerSubscription(id: $id) { viewerCan { assign assignTechnician schedule report fail cancel accept reject } } }';
    const can = async (who: string | null) =>
      (
        await t.graphql<{ customerSubscription: { viewerCan: Record<string, boolean> } }>(
          query,
          { id: work['own'] },
          who ? as(who) : undefined,
        )
      ).body.data!.customerSubscription.viewerCan;
    const none = {
      assign: false,
      assignTechnician: false,
      schedule: false,
      report: false,
      fail: false,
      cancel: false,
      accept: false,
      reject: false,
    };
    expect(await can('tech1')).toEqual({ ...none, schedule: true, fail: true });
    expect(await can('contractorA')).toEqual({ ...none, assignTechnician: true, schedule: true, fail: true });
    expect(await can(null)).toEqual({
      ...none,
      assign: true,
      assignTechnician: true,
      schedule: true,
      fail: true,
      cancel: true,
    });
    expect(await can('viewer')).toEqual(none);
  });

  it('receives over WebSocket only the events of work it sees now; work leaving its sight comes as REMOVED', async () => {
    const unnamed = await firmWork(ids['firmA']!);
    const colleague = await firmWork(ids['firmA']!, ids['tech2']!);
    const own = await firmWork(ids['firmA']!, ids['tech1']!);
    const otherFirm = await firmWork(ids['firmB']!);
    const live = await subscribe<{
      customerSubscriptionChanged: {
        change: string;
        customerSubscriptionId: string | null;
        customerSubscription: { id: string } | null;
      };
    }>(
      t.url,
      `Bearer ${tokens['tech1']}`,
      'subscription { customerSubscriptionChanged { change customerSubscriptionId customerSubscription { id } } }',
    );
    try {
      const at = new Date(Date.now() + 5 * 86_400_000).toISOString();
      const schedule =
        'mutation ($id: ID!, $v: Int!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: $v, appointmentAt: $at }) { customerSubscription { id } } }';
      await mustQuery(t, schedule, { id: otherFirm, v: 2, at });
      await mustQuery(t, schedule, { id: colleague, v: 3, at });
      await mustQuery(t, assignTechnician, { id: unnamed, v: 2, tech: ids['tech2'] });
      await mustQuery(t, assignTechnician, { id: colleague, v: 4, tech: null });
      await mustQuery(t, schedule, { id: own, v: 3, at });
      await mustQuery(
        t,
        'mutation ($id: ID!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: 4, reason: "client parti" }) { customerSubscription { id } } }',
        { id: own },
      );
      // A later change of work the technician sees: its event, received sixth, is the sign that none came between.
      await mustQuery(t, schedule, { id: colleague, v: 5, at: new Date(Date.parse(at) + 86_400_000).toISOString() });
      expect(await live.waitFor(6)).toBe(6);
      expect(live.received.at(-1)!.data.customerSubscriptionChanged.customerSubscriptionId).toBe(colleague);
      expect(live.received.slice(0, 5).map((result) => result.data.customerSubscriptionChanged)).toEqual([
        { change: 'RESYNC', customerSubscriptionId: null, customerSubscription: null },
        { change: 'REMOVED', customerSubscriptionId: unnamed, customerSubscription: null },
        { change: 'UPDATED', customerSubscriptionId: colleague, customerSubscription: { id: colleague } },
        { change: 'STATUS_CHANGED', customerSubscriptionId: own, customerSubscription: { id: own } },
        { change: 'REMOVED', customerSubscriptionId: own, customerSubscription: null },
      ]);
    } finally {
      await live.close();
    }
  });

  it("is created by its firm's admin for its own firm only", async () => {
    const create = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id role } }';
    const input = (extra: Record<string, unknown>) => ({
      email: `field-${Math.random().toString(36).slice(2)}@raccord.test`,
      displayName: 'Technicien',
      role: 'TECHNICIAN',
      password: 'field technician password',
      ...extra,
    });
    const own = await t.graphql<{ createUser: { id: string; role: string } }>(
      create,
      { input: input({ contractorId: ids['firmA'] }) },
      as('firmAdminA'),
    );
    expect(own.body.data!.createUser.role).toBe('TECHNICIAN');
    const other = await t.graphql(create, { input: input({ contractorId: ids['firmB'] }) }, as('firmAdminA'));
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'contractorId' });
    const viewer = await t.graphql(create, { input: input({ role: 'VIEWER' }) }, as('firmAdminA'));
    expect(viewer.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'role' });
    const noFirm = await t.graphql(create, { input: input({}) });
    expect(noFirm.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contractorId' });
    const admin = await t.graphql(create, { input: input({ contractorId: ids['firmA'], isContractorAdmin: true }) });
    expect(admin.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'isContractorAdmin' });
    const users = await t.graphql<{ users: { edges: { node: { id: string } }[] } }>(
      '{ users(first: 100) { edges { node { id } } } }',
      undefined,
      as('firmAdminA'),
    );
    expect(users.body.data!.users.edges.map((edge) => edge.node.id)).toContain(own.body.data!.createUser.id);
  });
});
