import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createCustomerSubscription, mustQuery } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { subscribe } from '../../../test/live.js';

/**
 * assignTechnician: a firm gives its open work to one of its technicians, or back to the firm as a whole;
 * the technicians a viewer may give work to; the list filtered by technician; a disabled technician's open work back to its firm.
 */
let t: TestApp;
const ids: Record<string, string> = {};
let contractorToken = '';
let financeToken = '';
let technicianToken = '';

const assign =
  'mutation ($id: ID!, $v: Int!, $tech: ID) { assignTechnician(input: { id: $id, expectedVersion: $v, technicianId: $tech }) { customerSubscription { id version status technician { id } } } }';

async function createUser(role: string, firm: string | null, name: string): Promise<string> {
  const email = `${name}@raccord.test`;
  const data = await mustQuery<{ createUser: { id: string } }>(
    t,
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    {
      input: {
        email,
        displayName: name,
        role,
        password: 'technician test password',
        ...(firm ? { contractorId: firm } : {}),
      },
    },
  );
  return data.createUser.id;
}

/** New work of `firm`, ASSIGNED (version 2). */
async function firmWork(firm: string): Promise<string> {
  const created = await createCustomerSubscription(t);
  await mustQuery(
    t,
    'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
    {
      id: created.id,
      c: firm,
    },
  );
  return created.id;
}

/** What a refused call must leave untouched: the row's version and technician, and its audit trail. */
async function footprint(id: string): Promise<string> {
  const [row] = await t.sql<{ version: number; technician_id: string | null; events: number }>(
    "select version, technician_id::text, (select count(*)::int from audit_event where entity_type = 'CUSTOMER_SUBSCRIPTION' and entity_id = $1::text) as events from customer_subscription where id = $1::bigint",
    [id],
  );
  return JSON.stringify(row);
}

beforeAll(async () => {
  t = await startTestApp();
  ids['firmA'] = (await activeContractor(t)).id;
  ids['firmB'] = (await activeContractor(t)).id;
  ids['techA'] = await createUser('TECHNICIAN', ids['firmA'], 'tech-a');
  ids['techA2'] = await createUser('TECHNICIAN', ids['firmA'], 'tech-a2');
  ids['techB'] = await createUser('TECHNICIAN', ids['firmB'], 'tech-b');
  ids['officeA'] = await createUser('CONTRACTOR', ids['firmA'], 'office-a');
  ids['disabledA'] = await createUser('TECHNICIAN', ids['firmA'], 'disabled-a');
  await mustQuery(
    t,
    'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "a quitté l’entreprise") { id } }',
    { id: ids['disabledA'] },
  );
  contractorToken = await signIn(t.url, 'office-a@raccord.test', 'technician test password');
  technicianToken = await signIn(t.url, 'tech-a@raccord.test', 'technician test password');
  await createUser('FINANCE', null, 'finance');
  financeToken = await signIn(t.url, 'finance@raccord.test', 'technician test password');
});
afterAll(() => t.stop());

describe('assignTechnician', () => {
  it('names a technician of the work’s firm and gives the work back to the firm, each audited with a new version', async () => {
    const id = await firmWork(ids['firmA']!);
    const named = await mustQuery<{
      assignTechnician: {
        customerSubscription: { version: number; status: string; technician: { id: string } | null };
      };
    }>(t, assign, {
      id,
      v: 2,
      tech: ids['techA'],
    });
    expect(named.assignTechnician.customerSubscription).toMatchObject({
      version: 3,
      status: 'ASSIGNED',
      technician: { id: ids['techA'] },
    });
    const back = await mustQuery<{
      assignTechnician: { customerSubscription: { version: number; technician: unknown } };
    }>(t, assign, { id, v: 3, tech: null });
    expect(back.assignTechnician.customerSubscription).toMatchObject({ version: 4, technician: null });
    const trail = await mustQuery<{
      auditTrail: { action: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) { action changes { field from to } } }',
      { id },
    );
    expect(trail.auditTrail.filter((event) => event.changes.some((change) => change.field === 'technicianId'))).toEqual(
      [
        { action: 'UPDATE', changes: [{ field: 'technicianId', from: null, to: ids['techA'] }] },
        { action: 'UPDATE', changes: [{ field: 'technicianId', from: ids['techA'], to: null }] },
      ],
    );
  });

  it('lets a firm name its own technicians on its own work, and answers for another firm’s work as for a missing one', async () => {
    const own = await firmWork(ids['firmA']!);
    const other = await firmWork(ids['firmB']!);
    const ok = await t.graphql(
      assign,
      { id: own, v: 2, tech: ids['techA2'] },
      { authorization: `Bearer ${contractorToken}` },
    );
    expect(ok.body.errors).toBeUndefined();
    const before = await footprint(other);
    const refused = await t.graphql(
      assign,
      { id: other, v: 2, tech: ids['techB'] },
      { authorization: `Bearer ${contractorToken}` },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await footprint(other)).toBe(before);
  });

  it.each([
    ['a technician of another firm', 'techB', 'NOT_FOUND'],
    ['a user who is not a technician', 'officeA', 'TECHNICIAN_NOT_ELIGIBLE'],
    ['a disabled technician', 'disabledA', 'TECHNICIAN_NOT_ELIGIBLE'],
    ['an unknown user', null, 'NOT_FOUND'],
  ])('refuses %s, writing nothing', async (_what, who, code) => {
    const id = await firmWork(ids['firmA']!);
    const before = await footprint(id);
    const { body } = await t.graphql(assign, { id, v: 2, tech: who ? ids[who] : '987654' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field: 'technicianId' });
    expect(await footprint(id)).toBe(before);
  });

  it('refuses closed work, work not yet given to a firm and a stale version, writing nothing', async () => {
    const cancelled = await firmWork(ids['firmA']!);
    await mustQuery(
      t,
      'mutation ($id: ID!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: 2, reason: "client parti" }) { customerSubscription { id } } }',
      {
        id: cancelled,
      },
    );
    const pending = (await createCustomerSubscription(t)).id;
    const stale = await firmWork(ids['firmA']!);
    for (const [id, version, code] of [
      [cancelled, 3, 'INVALID_TRANSITION'],
      [pending, 1, 'INVALID_TRANSITION'],
      [stale, 1, 'CONFLICT'],
    ] as const) {
      const before = await footprint(id);
      const { body } = await t.graphql(assign, { id, v: version, tech: ids['techA'] });
      expect(body.errors?.[0]?.extensions?.['code'], `${id} ${code}`).toBe(code);
      expect(await footprint(id)).toBe(before);
    }
  });

  it('is cleared when the work goes to another firm, and the change is audited', async () => {
    const id = await firmWork(ids['firmA']!);
    await mustQuery(t, assign, { id, v: 2, tech: ids['techA'] });
    const moved = await mustQuery<{
      assignCustomerSubscription: { customerSubscription: { technician: unknown; contractor: { id: string } } };
    }>(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 3, contractorId: $c }) { customerSubscription { technician { id } contractor { id } } } }',
      { id, c: ids['firmB'] },
    );
    expect(moved.assignCustomerSubscription.customerSubscription).toEqual({
      technician: null,
      contractor: { id: ids['firmB'] },
    });
    const [event] = await t.sql<{ changes: { field: string; from: unknown; to: unknown }[] }>(
      "select changes from audit_event where entity_type = 'CUSTOMER_SUBSCRIPTION' and entity_id = $1 order by id desc limit 1",
      [id],
    );
    expect(event!.changes).toContainEqual({ field: 'technicianId', from: ids['techA'], to: null });
  });
});

describe('technicians', () => {
  const query = 'query ($c: ID) { technicians(contractorId: $c) { id displayName enabled } }';
  type Technicians = { technicians: { id: string; displayName: string; enabled: boolean }[] };

  it("lists a firm's technicians by name, enabled or not, and no other user, to an ADMIN naming the firm", async () => {
    const data = await mustQuery<Technicians>(t, query, { c: ids['firmA'] });
    expect(data.technicians).toEqual([
      { id: ids['disabledA'], displayName: 'disabled-a', enabled: false },
      { id: ids['techA'], displayName: 'tech-a', enabled: true },
      { id: ids['techA2'], displayName: 'tech-a2', enabled: true },
    ]);
  });

  it("lists its own firm's technicians to any of the firm's CONTRACTOR users, and another firm's as nothing", async () => {
    const office = { authorization: `Bearer ${contractorToken}` };
    const own = await t.graphql<Technicians>(query, {}, office);
    expect(own.body.data?.technicians.map((technician) => technician.id)).toEqual([
      ids['disabledA'],
      ids['techA'],
      ids['techA2'],
    ]);
    const named = await t.graphql<Technicians>(query, { c: ids['firmA'] }, office);
    expect(named.body.data?.technicians).toHaveLength(3);
    const other = await t.graphql<Technicians>(query, { c: ids['firmB'] }, office);
    expect(other.body).toEqual({ data: { technicians: [] } });
  });

  it('gives nothing but the id, the name and whether it is enabled', async () => {
    const data = await mustQuery<{ __type: { fields: { name: string; description: string }[] } }>(
      t,
      '{ __type(name: "Technician") { fields { name description } } }',
    );
    expect(data.__type.fields.map((field) => field.name)).toEqual(['id', 'displayName', 'enabled']);
    expect(data.__type.fields.every((field) => field.description.length > 0)).toBe(true);
  });

  it.each([
    ['no firm, from a viewer of no firm', {}, 'contractorId'],
    ['a malformed firm id', { c: 'firm-a' }, 'contractorId'],
  ])('refuses %s', async (_what, variables, field) => {
    const { body } = await t.graphql(query, variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("lists a firm's key its own firm's technicians, and refuses a key of no firm", async () => {
    const create =
      'mutation ($c: ID) { createApiKey(input: { name: "dispatch", scopes: [READ_CUSTOMER_SUBSCRIPTIONS], contractorId: $c }) { secret } }';
    const firmKey = (await mustQuery<{ createApiKey: { secret: string } }>(t, create, { c: ids['firmA'] })).createApiKey
      .secret;
    const own = await t.graphql<Technicians>(query, {}, { authorization: `Bearer ${firmKey}` });
    expect(own.body.data?.technicians).toHaveLength(3);
    const other = await t.graphql<Technicians>(query, { c: ids['firmB'] }, { authorization: `Bearer ${firmKey}` });
    expect(other.body).toEqual({ data: { technicians: [] } });
    const atKey = (await mustQuery<{ createApiKey: { secret: string } }>(t, create, {})).createApiKey.secret;
    const refused = await t.graphql(query, { c: ids['firmA'] }, { authorization: `Bearer ${atKey}` });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('is refused to a technician and to finance', async () => {
    for (const token of [technicianToken, financeToken]) {
      const { body } = await t.graphql(query, { c: ids['firmA'] }, { authorization: `Bearer ${token}` });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });
});

describe('customerSubscriptions filtered by technician', () => {
  const query =
    'query ($tech: ID) { customerSubscriptions(first: 100, filter: { technicianId: $tech }) { totalCount edges { node { id technician { id } } } } }';
  type List = {
    customerSubscriptions: { totalCount: number; edges: { node: { id: string; technician: { id: string } | null } }[] };
  };

  it("gives the office the work of one of its technicians, and nothing for another firm's", async () => {
    const mine = await firmWork(ids['firmA']!);
    await mustQuery(t, assign, { id: mine, v: 2, tech: ids['techA2'] });
    const others = await firmWork(ids['firmB']!);
    await mustQuery(t, assign, { id: others, v: 2, tech: ids['techB'] });
    const office = { authorization: `Bearer ${contractorToken}` };
    const own = await t.graphql<List>(query, { tech: ids['techA2'] }, office);
    const listed = own.body.data!.customerSubscriptions.edges.map((edge) => edge.node);
    expect(listed.map((node) => node.id)).toContain(mine);
    expect(listed.every((node) => node.technician?.id === ids['techA2'])).toBe(true);
    const other = await t.graphql<List>(query, { tech: ids['techB'] }, office);
    expect(other.body.data!.customerSubscriptions).toEqual({ totalCount: 0, edges: [] });
    const admin = await mustQuery<List>(t, query, { tech: ids['techB'] });
    expect(admin.customerSubscriptions.edges.map((edge) => edge.node)).toEqual([
      { id: others, technician: { id: ids['techB'] } },
    ]);
  });

  it('refuses a malformed technician id, and the filter to roles that may not read technicians', async () => {
    const malformed = await t.graphql(query, { tech: 'tech-a' });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.technicianId',
    });
    const finance = await t.graphql(query, { tech: ids['techA'] }, { authorization: `Bearer ${financeToken}` });
    expect(finance.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.technicianId' });
  });
});

describe('disabling a technician', () => {
  const disable =
    'mutation ($id: ID!, $v: Int!) { disableUser(id: $id, expectedVersion: $v, reason: "a quitté l’entreprise") { id disabledAt } }';
  const schedule =
    'mutation ($id: ID!, $v: Int!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: $v, appointmentAt: $at }) { customerSubscription { id } } }';

  it('gives its open work back to the firm, each change audited with the reason and announced; its closed work keeps its name', async () => {
    const leaving = await createUser('TECHNICIAN', ids['firmA']!, 'leaving-a');
    const assigned = await firmWork(ids['firmA']!);
    await mustQuery(t, assign, { id: assigned, v: 2, tech: leaving });
    const scheduled = await firmWork(ids['firmA']!);
    await mustQuery(t, assign, { id: scheduled, v: 2, tech: leaving });
    await mustQuery(t, schedule, { id: scheduled, v: 3, at: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const cancelled = await firmWork(ids['firmA']!);
    await mustQuery(t, assign, { id: cancelled, v: 2, tech: leaving });
    await mustQuery(
      t,
      'mutation ($id: ID!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: 3, reason: "client parti" }) { customerSubscription { id } } }',
      { id: cancelled },
    );
    const closedBefore = await footprint(cancelled);
    const live = await subscribe<{
      customerSubscriptionChanged: {
        change: string;
        customerSubscriptionId: string;
        customerSubscription: { technician: unknown } | null;
      };
    }>(
      t.url,
      `Bearer ${contractorToken}`,
      'subscription { customerSubscriptionChanged { change customerSubscriptionId customerSubscription { technician { id } } } }',
    );
    try {
      await mustQuery(t, disable, { id: leaving, v: 1 });
      expect(await live.waitFor(3)).toBe(3);
      expect(live.received.slice(1).map((result) => result.data.customerSubscriptionChanged)).toEqual(
        expect.arrayContaining([
          { change: 'UPDATED', customerSubscriptionId: assigned, customerSubscription: { technician: null } },
          { change: 'UPDATED', customerSubscriptionId: scheduled, customerSubscription: { technician: null } },
        ]),
      );
    } finally {
      await live.close();
    }
    const rows = await t.sql<{ id: string; version: number; status: string; technician_id: string | null }>(
      'select id::text, version, status, technician_id::text from customer_subscription where id = any($1::bigint[]) order by id',
      [[assigned, scheduled]],
    );
    expect(rows).toEqual([
      { id: assigned, version: 4, status: 'ASSIGNED', technician_id: null },
      { id: scheduled, version: 5, status: 'SCHEDULED', technician_id: null },
    ]);
    for (const id of [assigned, scheduled]) {
      const [event] = await t.sql<{ action: string; changes: unknown; reason: string; actor_type: string }>(
        "select action, changes, reason, actor_type from audit_event where entity_type = 'CUSTOMER_SUBSCRIPTION' and entity_id = $1 order by id desc limit 1",
        [id],
      );
      expect(event).toEqual({
        action: 'UPDATE',
        changes: [{ field: 'technicianId', from: leaving, to: null }],
        reason: 'a quitté l’entreprise',
        actor_type: 'USER',
      });
    }
    expect(await footprint(cancelled)).toBe(closedBefore);
  });

  it('writes nothing when the disable is refused, and nothing more when the technician is disabled again', async () => {
    const leaving = await createUser('TECHNICIAN', ids['firmA']!, 'stale-a');
    const work = await firmWork(ids['firmA']!);
    await mustQuery(t, assign, { id: work, v: 2, tech: leaving });
    const before = await footprint(work);
    const stale = await t.graphql(disable, { id: leaving, v: 7 });
    expect(stale.body.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    const office = await t.graphql(disable, { id: leaving, v: 1 }, { authorization: `Bearer ${contractorToken}` });
    expect(office.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await footprint(work)).toBe(before);
    await mustQuery(t, disable, { id: leaving, v: 1 });
    const released = await footprint(work);
    expect(released).not.toBe(before);
    await mustQuery(t, disable, { id: leaving, v: 2 });
    expect(await footprint(work)).toBe(released);
  });
});
