import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createCustomerSubscription, createSite, mustQuery, siteInput } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let firm: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  firm = await activeContractor(t);
});
afterAll(() => t.stop());

const createKey =
  'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix scopes expiresAt lastUsedAt } } }';
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function newKey(
  input: Record<string, unknown>,
  token?: string,
): Promise<{ secret: string; apiKey: { id: string; prefix: string } }> {
  const { body } = await t.graphql<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string } } }>(
    createKey,
    { input },
    token ? bearer(token) : {},
  );
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.createApiKey;
}

describe('API keys', () => {
  it('are shown once and stored as a SHA-256 hash', async () => {
    const { secret, apiKey } = await newKey({ name: 'ERP finance', scopes: ['READ_SITES'] });
    expect(secret).toMatch(/^rk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const [row] = await t.sql<{ secret_hash: string }>('select secret_hash from api_key where id = $1', [apiKey.id]);
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.sql('select * from api_key'))).not.toContain(secret.split('_')[2]);
    const listed = await mustQuery<{ apiKeys: Record<string, unknown>[] }>(t, '{ apiKeys { prefix } }');
    expect(JSON.stringify(listed)).not.toContain(secret.split('_')[2]);
  });

  it('do what their scopes allow and nothing else, and record their use', async () => {
    const { secret, apiKey } = await newKey({ name: 'Tableau de bord', scopes: ['READ_SITES', 'READ_REFERENCE_DATA'] });
    const allowed = await t.graphql<{ sites: { totalCount: number } }>(
      '{ sites { totalCount } wilaya(code: "16") { name } }',
      undefined,
      bearer(secret),
    );
    expect(allowed.body.errors).toBeUndefined();
    const denied = await t.graphql('{ customerSubscriptions { totalCount } }', undefined, bearer(secret));
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredScope: 'READ_CUSTOMER_SUBSCRIPTIONS',
    });
    const write = await t.graphql(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      { input: siteInput() },
      bearer(secret),
    );
    expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'WRITE_CREATE_SITE' });
    const users = await t.graphql('{ apiKeys { id } }', undefined, bearer(secret));
    expect(users.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const [row] = await t.sql<{ last_used_at: Date | null }>('select last_used_at from api_key where id = $1', [
      apiKey.id,
    ]);
    expect(row!.last_used_at).not.toBeNull();
  });

  it('write as themselves in the audit trail, and stop at once when revoked', async () => {
    const { secret, apiKey } = await newKey({
      name: 'SI commercial',
      scopes: ['WRITE_CREATE_SITE', 'READ_AUDIT_TRAIL'],
    });
    const created = await t.graphql<{ createSite: { site: { id: string } } }>(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      { input: siteInput() },
      bearer(secret),
    );
    const trail = await mustQuery<{ auditTrail: { actorType: string; actorId: string }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: SITE, entityId: $id) { actorType actorId } }',
      {
        id: created.body.data!.createSite.site.id,
      },
    );
    expect(trail.auditTrail).toEqual([{ actorType: 'API_KEY', actorId: apiKey.id }]);
    await mustQuery(t, 'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    const after = await t.graphql('{ auditTrail(entityType: SITE, entityId: "1") { id } }', undefined, bearer(secret));
    expect(after.response.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it("of a firm see that firm's work only; a firm's admin makes them with a contractor's scopes only", async () => {
    const own = await createSite(t);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: own.id, c: firm.id },
    );
    await createCustomerSubscription(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'gerant@firm.test',
        displayName: 'Gérant',
        role: 'CONTRACTOR',
        password: 'firm admin password',
        contractorId: firm.id,
        isContractorAdmin: true,
      },
    });
    const firmAdmin = await signIn(t.url, 'gerant@firm.test', 'firm admin password');
    const tooMuch = await t.graphql(
      createKey,
      { input: { name: 'x', scopes: ['WRITE_CREATE_SITE'] } },
      bearer(firmAdmin),
    );
    expect(tooMuch.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'scopes' });
    const { secret } = await newKey({ name: 'Appli terrain', scopes: ['READ_SITES'] }, firmAdmin);
    const sites = await t.graphql<{ sites: { edges: { node: { id: string; contractor: unknown } }[] } }>(
      '{ sites(first: 100) { edges { node { id contractor { id } } } } }',
      undefined,
      bearer(secret),
    );
    // read:sites only: the site's contractor needs read:contractors, even through a nested field.
    expect(sites.body.data!.sites.edges.map((e) => e.node)).toEqual([{ id: own.id, contractor: null }]);
  });

  it('refuse an unknown scope, and a key that has expired', async () => {
    const unknown = await t.graphql(createKey, { input: { name: 'x', scopes: ['READ_EVERYTHING'] } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes.0' });
    const { secret, apiKey } = await newKey({
      name: 'court',
      scopes: ['READ_SITES'],
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await t.sql("update api_key set expires_at = now() - interval '1 minute' where id = $1", [apiKey.id]);
    expect((await t.graphql('{ sites { totalCount } }', undefined, bearer(secret))).response.status).toBe(401);
  });
});

describe("a firm's admin", () => {
  it("manages its own firm's users only", async () => {
    const other = await activeContractor(t);
    const firmAdmin = await signIn(t.url, 'gerant@firm.test', 'firm admin password');
    const createUser = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id version } }';
    const teamMember = {
      email: 'equipe@firm.test',
      displayName: 'Chef d’équipe',
      role: 'CONTRACTOR',
      password: 'team member password',
      contractorId: firm.id,
    };
    const created = await t.graphql<{ createUser: { id: string; version: number } }>(
      createUser,
      { input: teamMember },
      bearer(firmAdmin),
    );
    expect(created.body.errors).toBeUndefined();
    const elsewhere = await t.graphql(
      createUser,
      { input: { ...teamMember, email: 'x@other.test', contractorId: other.id } },
      bearer(firmAdmin),
    );
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'contractorId' });
    const promoted = await t.graphql(
      createUser,
      { input: { ...teamMember, email: 'boss@firm.test', role: 'ADMIN', contractorId: null } },
      bearer(firmAdmin),
    );
    expect(promoted.body.errors?.[0]?.extensions?.['code']).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    const adminRow = await t.sql<{ id: string }>("select id::text from app_user where email = 'admin@raccord.test'");
    const disableAdmin = await t.graphql(
      'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "test") { id } }',
      { id: adminRow[0]!.id },
      bearer(firmAdmin),
    );
    expect(disableAdmin.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const disabled = await t.graphql(
      'mutation ($id: ID!, $v: Int!) { disableUser(id: $id, expectedVersion: $v, reason: "départ") { disabledAt } }',
      { id: created.body.data!.createUser.id, v: created.body.data!.createUser.version },
      bearer(firmAdmin),
    );
    expect(disabled.body.errors).toBeUndefined();
  });
});
