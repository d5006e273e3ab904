import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createCustomerSubscription, mustQuery } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/** assignTechnician: a firm gives its open work to one of its technicians, or back to the firm as a whole. */
let t: TestApp;
const ids: Record<string, string> = {};
let contractorToken = '';

const assign =
  'mutation ($id: ID!, $v: Int!, $tech: ID) { assignTechnician(input: { id: $id, expectedVersion: $v, technicianId: $tech }) { customerSubscription { id version status technician { id } } } }';

async function createUser(role: string, firm: string | null, name: string): Promise<string> {
  const email = `${name}@raccord.test`;
  const data = await mustQuery<{ createUser: { id: string } }>(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: name, role, password: 'technician test password', ...(firm ? { contractorId: firm } : {}) },
  });
  return data.createUser.id;
}

/** New work of `firm`, ASSIGNED (version 2). */
async function firmWork(firm: string): Promise<string> {
  const created = await createCustomerSubscription(t);
  await mustQuery(t, 'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }', {
    id: created.id,
    c: firm,
  });
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
  await mustQuery(t, 'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "a quitté l’entreprise") { id } }', { id: ids['disabledA'] });
  contractorToken = await signIn(t.url, 'office-a@raccord.test', 'technician test password');
});
afterAll(() => t.stop());

describe('assignTechnician', () => {
  it('names a technician of the work’s firm and gives the work back to the firm, each audited with a new version', async () => {
    const id = await firmWork(ids['firmA']!);
    const named = await mustQuery<{ assignTechnician: { customerSubscription: { version: number; status: string; technician: { id: string } | null } } }>(t, assign, {
      id,
      v: 2,
      tech: ids['techA'],
    });
    expect(named.assignTechnician.customerSubscription).toMatchObject({ version: 3, status: 'ASSIGNED', technician: { id: ids['techA'] } });
    const back = await mustQuery<{ assignTechnician: { customerSubscription: { version: number; technician: unknown } } }>(t, assign, { id, v: 3, tech: null });
    expect(back.assignTechnician.customerSubscription).toMatchObject({ version: 4, technician: null });
    const trail = await mustQuery<{ auditTrail: { action: string; changes: { field: string; from: unknown; to: unknown }[] }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) { action changes { field from to } } }',
      { id },
    );
    expect(trail.auditTrail.filter((event) => event.changes.some((change) => change.field === 'technicianId'))).toEqual([
      { action: 'UPDATE', changes: [{ field: 'technicianId', from: null, to: ids['techA'] }] },
      { action: 'UPDATE', changes: [{ field: 'technicianId', from: ids['techA'], to: null }] },
    ]);
  });

  it('lets a firm name its own technicians on its own work, and answers for another firm’s work as for a missing one', async () => {
    const own = await firmWork(ids['firmA']!);
    const other = await firmWork(ids['firmB']!);
    const ok = await t.graphql(assign, { id: own, v: 2, tech: ids['techA2'] }, { authorization: `Bearer ${contractorToken}` });
    expect(ok.body.errors).toBeUndefined();
    const before = await footprint(other);
    const refused = await t.graphql(assign, { id: other, v: 2, tech: ids['techB'] }, { authorization: `Bearer ${contractorToken}` });
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
    await mustQuery(t, 'mutation ($id: ID!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: 2, reason: "client parti" }) { customerSubscription { id } } }', {
      id: cancelled,
    });
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
    const moved = await mustQuery<{ assignCustomerSubscription: { customerSubscription: { technician: unknown; contractor: { id: string } } } }>(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 3, contractorId: $c }) { customerSubscription { technician { id } contractor { id } } } }',
      { id, c: ids['firmB'] },
    );
    expect(moved.assignCustomerSubscription.customerSubscription).toEqual({ technician: null, contractor: { id: ids['firmB'] } });
    const [event] = await t.sql<{ changes: { field: string; from: unknown; to: unknown }[] }>(
      "select changes from audit_event where entity_type = 'CUSTOMER_SUBSCRIPTION' and entity_id = $1 order by id desc limit 1",
      [id],
    );
    expect(event!.changes).toContainEqual({ field: 'technicianId', from: ids['techA'], to: null });
  });
});
