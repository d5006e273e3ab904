import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, mustQuery } from '../../../test/api.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

interface Event {
  actor_type: string;
  actor_id: string | null;
  entity_id: string;
  action: string;
  changes: { field: string; from: unknown; to: unknown }[];
  reason: string | null;
  occurred_at: Date;
}

const eventsOf = (entityType: string, entityId: string) =>
  t.sql<Event>(
    `select actor_type::text, actor_id, entity_id, action::text, changes, reason, occurred_at
     from audit_event where entity_type::text = $1 and entity_id = $2 order by id`,
    [entityType, entityId],
  );

const changed = (event: Event | undefined) =>
  Object.fromEntries((event?.changes ?? []).map((change) => [change.field, [change.from, change.to]]));

describe('the audit trail of access and prices', () => {
  it('records a user’s creation and its disabling with the administrator and the time, never its password or hash', async () => {
    const { me } = await mustQuery<{ me: { id: string } }>(t, '{ me { id } }');
    const firm = await activeContractor(t);
    const password = 'a technician password';
    const before = new Date();
    const { createUser: user } = await mustQuery<{ createUser: { id: string; version: number } }>(
      t,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id version } }',
      {
        input: {
          email: 'karim.technicien@raccord.test',
          displayName: 'Karim Technicien',
          role: 'TECHNICIAN',
          password,
          contractorId: firm.id,
        },
      },
    );
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { disableUser(id: $id, expectedVersion: $v, reason: "a quitté la firme") { id } }',
      {
        id: user.id,
        v: user.version,
      },
    );
    const [created, disabled, ...rest] = await eventsOf('USER', user.id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ actor_type: 'USER', actor_id: me.id, action: 'CREATE' });
    expect(changed(created)).toEqual({
      email: [null, 'karim.technicien@raccord.test'],
      displayName: [null, 'Karim Technicien'],
      role: [null, 'TECHNICIAN'],
      wilayaCodes: [null, []],
      contractorId: [null, firm.id],
      isContractorAdmin: [null, false],
    });
    expect(disabled).toMatchObject({
      actor_type: 'USER',
      actor_id: me.id,
      action: 'UPDATE',
      reason: 'a quitté la firme',
    });
    expect(Object.keys(changed(disabled))).toEqual(['disabledAt']);
    expect(created!.occurred_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const [{ hash }] = (await t.sql<{ hash: string }>('select password_hash as hash from app_user where id = $1', [
      user.id,
    ])) as [{ hash: string }];
    const written = JSON.stringify([created, disabled]);
    expect(written).not.toContain(password);
    expect(written).not.toContain(hash);
    expect(written).not.toMatch(/password/i);

    const trail = await mustQuery<{ auditTrail: { action: string }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: USER, entityId: $id) { action } }',
      { id: user.id },
    );
    expect(trail.auditTrail.map((event) => event.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('records an API key’s creation and revocation, never its secret or hash', async () => {
    const { me } = await mustQuery<{ me: { id: string } }>(t, '{ me { id } }');
    const { createApiKey: created } = await mustQuery<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      t,
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
      { input: { name: 'SIG Algérie Télécom', scopes: ['READ_SITES'] } },
    );
    await mustQuery(t, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: created.apiKey.id });
    const [creation, revocation, ...rest] = await eventsOf('API_KEY', created.apiKey.id);
    expect(rest).toEqual([]);
    expect(creation).toMatchObject({ actor_type: 'USER', actor_id: me.id, action: 'CREATE' });
    expect(changed(creation)).toEqual({
      name: [null, 'SIG Algérie Télécom'],
      prefix: [null, created.secret.slice(0, 11)],
      scopes: [null, ['read:sites']],
    });
    expect(revocation).toMatchObject({ actor_type: 'USER', actor_id: me.id, action: 'UPDATE' });
    expect(Object.keys(changed(revocation))).toEqual(['revokedAt']);
    const [{ hash }] = (await t.sql<{ hash: string }>('select secret_hash as hash from api_key where id = $1', [
      created.apiKey.id,
    ])) as [{ hash: string }];
    const written = JSON.stringify([creation, revocation]);
    expect(written).not.toContain(created.secret.slice(12));
    expect(written).not.toContain(hash);
  });

  it('records a new version of the price schedule with its items, by whom', async () => {
    const { me } = await mustQuery<{ me: { id: string } }>(t, '{ me { id } }');
    const { createPriceScheduleVersion: version } = await mustQuery<{ createPriceScheduleVersion: { id: string } }>(
      t,
      'mutation ($input: CreatePriceScheduleVersionInput!) { createPriceScheduleVersion(input: $input) { id } }',
      {
        input: {
          name: 'BPU 2030',
          effectiveFrom: '2030-01-01',
          items: [
            {
              code: 'RAC-STD',
              designation: 'Raccordement standard',
              unit: 'FORFAIT',
              unitPrice: '4750.50',
              taxCode: 'TVA19',
            },
          ],
        },
      },
    );
    const [created, ...rest] = await eventsOf('PRICE_SCHEDULE', version.id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ actor_type: 'USER', actor_id: me.id, action: 'CREATE' });
    expect(changed(created)).toEqual({
      name: [null, 'BPU 2030'],
      effectiveFrom: [null, '2030-01-01'],
      items: [
        null,
        [
          {
            code: 'RAC-STD',
            designation: 'Raccordement standard',
            unit: 'FORFAIT',
            unitPrice: '4750.50',
            taxCode: 'TVA19',
          },
        ],
      ],
    });
  });
});
