import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { activeContractor, mustQuery, siteInput } from '../../../test/api.js';
import { signIn, startTestApp, testAdmin, type TestApp } from '../../../test/harness.js';

const adminEmail = testAdmin.email;
const adminPassword = testAdmin.password;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const loginMutation =
  'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token expiresAt user { id email role } } }';

async function login(email: string, password: string) {
  const { response, body } = await t.graphql<{
    login: { token: string; expiresAt: string; user: { id: string; role: string } };
  }>(loginMutation, { email, password }, { authorization: '' });
  return { response, data: body.data?.login, error: body.errors?.[0] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('sign-in', () => {
  it('signs in the first administrator, made from ADMIN_EMAIL and ADMIN_PASSWORD; me names it', async () => {
    const { data } = await login(' ADMIN@raccord.test ', adminPassword);
    expect(data!.user).toMatchObject({ email: adminEmail, role: 'ADMIN' });
    expect(new Date(data!.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.graphql<{ me: { email: string } }>('{ me { email role } }', undefined, bearer(data!.token));
    expect(me.body.data!.me).toEqual({ email: adminEmail, role: 'ADMIN' });
    const anonymous = await t.graphql<{ me: null }>('{ me { email } }', undefined, { authorization: '' });
    expect(anonymous.body.data!.me).toBeNull();
  });

  it('stores only an argon2id hash of the password', async () => {
    const [row] = await t.sql<{ password_hash: string }>('select password_hash from app_user where email = $1', [
      adminEmail,
    ]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(adminPassword);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await login(adminEmail, 'not the password');
    const unknown = await login('nobody@raccord.test', 'not the password');
    expect(wrong.error).toMatchObject({
      message: 'The email or the password is wrong',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.error).toEqual(wrong.error);
  });

  it('records the signed-in user as the actor of a change', async () => {
    const { data } = await login(adminEmail, adminPassword);
    const created = await t.graphql<{ createSite: { site: { id: string } } }>(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      { input: siteInput() },
      bearer(data!.token),
    );
    const trail = await mustQuery<{ auditTrail: { actorType: string; actorId: string }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: SITE, entityId: $id) { actorType actorId } }',
      { id: created.body.data!.createSite.site.id },
    );
    expect(trail.auditTrail).toEqual([{ actorType: 'USER', actorId: data!.user.id }]);
  });

  it('stops an account after 5 failures; aliases pack no extra attempts into one request', async () => {
    const email = 'target@raccord.test';
    // Mutations run one after the other and a failed login (non-null payload) ends the request: one attempt.
    const aliases = Array.from(
      { length: 7 },
      (_, i) => `a${i}: login(input: { email: "${email}", password: "guess-${i}" }) { token }`,
    ).join(' ');
    const { body } = await t.graphql(`mutation { ${aliases} }`, undefined, { authorization: '' });
    expect((body.errors ?? []).map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      expect((await login(email, `guess ${attempt}`)).error?.extensions?.['code'], `attempt ${attempt}`).toBe(
        'UNAUTHENTICATED',
      );
    }
    const after = await login(email, 'another guess');
    expect(after.error?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(after.error?.extensions?.['retryAfterSeconds'])).toBeGreaterThan(0);
  });
});

describe('tokens and sessions', () => {
  it('refuses a malformed, forged or revoked token with HTTP 401 UNAUTHENTICATED', async () => {
    for (const authorization of [
      'Bearer nonsense',
      'Basic abc',
      `Bearer ${'x'.repeat(20)}.${'y'.repeat(20)}.${'z'.repeat(20)}`,
    ]) {
      const { response, body } = await t.graphql('{ me { email } }', undefined, { authorization });
      expect(response.status).toBe(401);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const { data } = await login(adminEmail, adminPassword);
    expect((await t.graphql('mutation { logout }', undefined, bearer(data!.token))).body.data).toEqual({
      logout: true,
    });
    const revoked = await t.graphql('{ me { email } }', undefined, bearer(data!.token));
    expect(revoked.response.status).toBe(401);
  });

  it('refuses user management to other roles, and ends a disabled user’s sessions at once', async () => {
    const admin = (await login(adminEmail, adminPassword)).data!;
    const createUser = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id version role } }';
    const input = {
      email: 'viewer@raccord.test',
      displayName: 'Tableau de bord',
      role: 'VIEWER',
      password: 'a long enough password',
    };
    const anonymous = await t.graphql(createUser, { input }, { authorization: '' });
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const created = await t.graphql<{ createUser: { id: string; version: number } }>(
      createUser,
      { input },
      bearer(admin.token),
    );
    expect(created.body.errors).toBeUndefined();
    const viewer = (await login(input.email, input.password)).data!;
    const forbidden = await t.graphql(
      createUser,
      { input: { ...input, email: 'other@raccord.test' } },
      bearer(viewer.token),
    );
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRoles: ['ADMIN', 'CONTRACTOR'],
    });

    const user = created.body.data!.createUser;
    const disabled = await t.graphql(
      'mutation ($id: ID!, $v: Int!) { disableUser(id: $id, expectedVersion: $v, reason: "départ") { id } }',
      { id: user.id, v: user.version },
      bearer(admin.token),
    );
    expect(disabled.body.errors).toBeUndefined();
    expect((await t.graphql('{ me { email } }', undefined, bearer(viewer.token))).response.status).toBe(401);
    expect((await login(input.email, input.password)).error?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a DOT manager without a wilaya, and wilayas for another role, with the code of the reason; writes nothing', async () => {
    const admin = (await login(adminEmail, adminPassword)).data!;
    const createUser = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const input = { email: 'dot@raccord.test', displayName: 'DOT Oran', password: 'a long enough password' };
    const userCount = async () => (await t.sql<{ count: number }>('select count(*)::int as count from app_user'))[0]!;
    const before = await userCount();
    const withoutWilaya = await t.graphql(
      createUser,
      { input: { ...input, role: 'DOT_MANAGER', wilayaCodes: [] } },
      bearer(admin.token),
    );
    expect(withoutWilaya.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'wilayaCodes',
      reason: 'a DOT manager covers at least one wilaya',
      reasonCode: 'DOT_MANAGER_WITHOUT_WILAYA',
      reasonParams: {},
    });
    const viewerWithWilaya = await t.graphql(
      createUser,
      { input: { ...input, role: 'VIEWER', wilayaCodes: ['31'] } },
      bearer(admin.token),
    );
    expect(viewerWithWilaya.body.errors?.[0]?.extensions).toMatchObject({
      field: 'wilayaCodes',
      reasonCode: 'WILAYAS_ONLY_FOR_DOT_MANAGER',
    });
    expect(await userCount()).toEqual(before);
  });

  it('authenticates a WebSocket in connection_init, and refuses the connection for a bad token', async () => {
    const { token } = (await login(adminEmail, adminPassword)).data!;
    const url = `${t.url.replace('http', 'ws')}/graphql`;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    try {
      const results: unknown[] = [];
      for await (const result of client.iterate({ query: '{ me { email } }' })) results.push(result);
      expect(results).toEqual([{ data: { me: { email: adminEmail } } }]);
    } finally {
      await client.dispose();
    }
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const bad = createClient({
        url,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: 'Bearer forged.token.value' },
        on: {
          closed: (event) =>
            resolve({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }),
        },
      });
      bad.subscribe(
        { query: '{ me { email } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    expect(closed).toEqual({
      code: 4403,
      reason: 'The token or API key is invalid, expired or revoked: sign in again, or ask for a new key',
    });
    // The parameter's name in any case, as HTTP headers are.
    const capitalised = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: `Bearer ${token}` },
    });
    try {
      const results: unknown[] = [];
      for await (const result of capitalised.iterate({ query: '{ me { email } }' })) results.push(result);
      expect(results).toEqual([{ data: { me: { email: adminEmail } } }]);
    } finally {
      await capitalised.dispose();
    }
  });
});

describe('WebSocket sessions and origins', () => {
  let quick: TestApp;
  beforeAll(async () => {
    quick = await startTestApp({ WS_SESSION_CHECK_SECONDS: '1', ALLOWED_ORIGINS: 'https://console.raccord.dz' });
  });
  afterAll(() => quick.stop());

  it('closes a signed-in socket with 4401 once its session is revoked', async () => {
    const token = await signIn(quick.url, testAdmin.email, testAdmin.password);
    const socket = new WebSocket(`${quick.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    await quick.graphql('mutation { logout }', undefined, { authorization: `Bearer ${token}` });
    expect(await closed).toBe(4401);
  });

  it("refuses a browser page from another origin, and accepts Raccord's own and the allowed ones", async () => {
    const url = `${quick.url.replace('http', 'ws')}/graphql`;
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws', { origin });
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('error', () => resolve('refused'));
      });
    expect(await attempt('https://evil.example')).toBe('refused');
    expect(await attempt('https://console.raccord.dz')).toBe('open');
    expect(await attempt(quick.url)).toBe('open');
  });
});

describe('users', () => {
  it("lists every user for an ADMIN, its own firm's for a firm's admin, and none for a firm's other users", async () => {
    const firm = await activeContractor(t);
    const other = await activeContractor(t);
    const create = (email: string, contractorId: string, isContractorAdmin: boolean) =>
      mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: {
          email,
          displayName: email,
          role: 'CONTRACTOR',
          password: 'firm user password',
          contractorId,
          isContractorAdmin,
        },
      });
    await create('firm-admin@users.test', firm.id, true);
    await create('firm-member@users.test', firm.id, false);
    await create('other-member@users.test', other.id, false);
    const list = async (authorization: string) =>
      (
        await t.graphql<{ users: { totalCount: number; edges: { node: { email: string } }[] } }>(
          '{ users(first: 100) { totalCount edges { node { email } } } }',
          {},
          { authorization },
        )
      ).body;

    const all = await list(`Bearer ${t.adminToken}`);
    expect(all.data!.users.edges.map((edge) => edge.node.email)).toEqual(
      expect.arrayContaining(['firm-admin@users.test', 'firm-member@users.test', 'other-member@users.test']),
    );
    const firmAdmin = await list(`Bearer ${await signIn(t.url, 'firm-admin@users.test', 'firm user password')}`);
    expect(firmAdmin.data!.users.edges.map((edge) => edge.node.email).sort()).toEqual([
      'firm-admin@users.test',
      'firm-member@users.test',
    ]);
    const member = await list(`Bearer ${await signIn(t.url, 'firm-member@users.test', 'firm user password')}`);
    expect(member.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('viewerOperations', () => {
  const query = '{ viewerOperations }';

  it('gives an anonymous caller the public operations only', async () => {
    const { body } = await t.graphql<{ viewerOperations: string[] }>(query, {}, { authorization: '' });
    expect(body.data!.viewerOperations).toEqual([
      'Mutation.login',
      'Mutation.requestPasswordReset',
      'Mutation.resetPassword',
      'Query.me',
      'Query.passwordResetAvailable',
      'Query.viewerCan',
      'Query.viewerOperations',
    ]);
  });

  it('gives each role what the server lets it run: a technician its field work and no money, an administrator invoices and users', async () => {
    const firm = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'technician-operations@users.test',
        displayName: 'Technicien',
        role: 'TECHNICIAN',
        contractorId: firm.id,
        password: 'technician password',
      },
    });
    const technician = await t.graphql<{ viewerOperations: string[] }>(
      query,
      {},
      bearer(await signIn(t.url, 'technician-operations@users.test', 'technician password')),
    );
    const operations = technician.body.data!.viewerOperations;
    expect(operations).toEqual(
      expect.arrayContaining([
        'Http.uploadPhoto',
        'Mutation.reportInstallation',
        'Mutation.markInstallationFailed',
        'Query.customerSubscriptions',
        'Query.workItems',
      ]),
    );
    expect(
      operations.filter((operation) =>
        /invoice|dashboard|priceSchedule|users|apiKeys|acceptInstallation/i.test(operation),
      ),
    ).toEqual([]);
    expect(operations).toEqual([...operations].sort());
    const admin = await t.graphql<{ viewerOperations: string[] }>(query);
    expect(admin.body.data!.viewerOperations).toEqual(
      expect.arrayContaining([
        'Query.invoices',
        'Query.users',
        'Mutation.acceptInstallation',
        'Mutation.createPriceScheduleVersion',
      ]),
    );
  });
});

describe('viewerCan', () => {
  const query = '{ viewerCan { manageAccess grantRoles seeTechnicians wilayas fieldOnly } }';

  it('answers an anonymous caller that it may do none of it, and an administrator from its rules', async () => {
    const anonymous = await t.graphql<{ viewerCan: unknown }>(query, {}, { authorization: '' });
    expect(anonymous.body.errors).toBeUndefined();
    expect(anonymous.body.data!.viewerCan).toEqual({
      manageAccess: false,
      grantRoles: [],
      seeTechnicians: false,
      wilayas: [],
      fieldOnly: false,
    });
    const admin = await t.graphql<{ viewerCan: unknown }>(query);
    expect(admin.body.data!.viewerCan).toEqual({
      manageAccess: true,
      grantRoles: ['ADMIN', 'DOT_MANAGER', 'FINANCE', 'CONTRACTOR', 'TECHNICIAN', 'VIEWER'],
      seeTechnicians: true,
      wilayas: null,
      fieldOnly: false,
    });
  });
});
