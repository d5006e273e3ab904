import { createClient, type Client } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { createCustomerSubscription, mustQuery } from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { subscribe, type LiveSubscription } from '../../../test/live.js';
import { startServerProcess, type ServerProcess } from '../../../test/processes.js';

type WorkEvent = { customerSubscriptionChanged: { change: string; customerSubscription: { id: string } | null } };
const work = 'subscription { customerSubscriptionChanged { change customerSubscription { id } } }';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `customerSubscriptionChanged` on `url` as the holder of `authorization`, closed after the test. */
async function live(url: string, authorization: string): Promise<LiveSubscription<WorkEvent>> {
  const subscription = await subscribe<WorkEvent>(url, authorization, work);
  cleanups.push(() => subscription.close());
  return subscription;
}

/** The orders a subscription was told of. */
const ordersOf = (subscription: LiveSubscription<WorkEvent>) =>
  subscription.received.map(({ data }) => data.customerSubscriptionChanged.customerSubscription?.id).filter(Boolean);

/** Creates an order on `t` and waits until `witness` is told of it; returns its id. */
async function orderSeenBy(t: TestApp, witness: LiveSubscription<WorkEvent>): Promise<string> {
  const { id } = await createCustomerSubscription(t);
  await eventually(() => expect(ordersOf(witness)).toContain(id));
  return id;
}

/** A VIEWER user made on `t`, signed in twice (two sessions): its id and both tokens. */
async function viewerWithTwoSessions(t: TestApp): Promise<{ id: string; tokens: [string, string] }> {
  const email = `viewer-${randomBytes(4).toString('hex')}@raccord.test`;
  const password = 'viewer user password';
  const { createUser } = await mustQuery<{ createUser: { id: string } }>(
    t,
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, displayName: 'Auditeur', role: 'VIEWER', password } },
  );
  const tokens: [string, string] = [
    `Bearer ${await signIn(t.url, email, password)}`,
    `Bearer ${await signIn(t.url, email, password)}`,
  ];
  return { id: createUser.id, tokens };
}

/** A key of `t` that reads customer subscriptions: its id and its bearer value. */
async function readingKey(t: TestApp): Promise<{ id: string; authorization: string }> {
  const { createApiKey } = await mustQuery<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
    t,
    'mutation { createApiKey(input: { name: "supervision", scopes: [READ_CUSTOMER_SUBSCRIPTIONS] }) { apiKey { id } secret } }',
  );
  return { id: createApiKey.apiKey.id, authorization: `Bearer ${createApiKey.secret}` };
}

const revoke = (t: TestApp, id: string) => mustQuery(t, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id });

// A check every hour: only the end's event can explain a socket closing during a test.
const noPeriodicCheck = { WS_SESSION_CHECK_SECONDS: '3600' };

describe('a session or key that ends on one process', () => {
  let a: TestApp;
  let b: ServerProcess;
  beforeAll(async () => {
    a = await startTestApp(noPeriodicCheck);
    b = await startServerProcess(a.database.url, noPeriodicCheck);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('revokeApiKey: its sockets on the other process close with 4401 and receive nothing more; the others carry on', async () => {
    const key = await readingKey(a);
    const keyLive = await live(b.url, key.authorization);
    const witness = await live(b.url, `Bearer ${a.adminToken}`);
    await revoke(a, key.id);
    await eventually(() => expect(keyLive.closeCodes).toEqual([4401]));
    const after = await orderSeenBy(a, witness);
    expect(ordersOf(keyLive)).not.toContain(after);
    expect(witness.closeCodes).toEqual([]);
  });

  it('disableUser: the sockets of every session of the user close with 4401 on the other process', async () => {
    const viewer = await viewerWithTwoSessions(a);
    const sessions = [await live(b.url, viewer.tokens[0]), await live(b.url, viewer.tokens[1])];
    const witness = await live(b.url, `Bearer ${a.adminToken}`);
    const [{ version }] = (await a.sql<{ version: number }>('select version from app_user where id = $1', [
      viewer.id,
    ])) as [{ version: number }];
    await mustQuery(
      a,
      'mutation ($id: ID!, $v: Int!) { disableUser(id: $id, expectedVersion: $v, reason: "a quitté la DOT") { id } }',
      { id: viewer.id, v: version },
    );
    await eventually(() => expect(sessions.map((session) => session.closeCodes)).toEqual([[4401], [4401]]));
    const after = await orderSeenBy(a, witness);
    for (const session of sessions) expect(ordersOf(session)).not.toContain(after);
  });

  it("logout: that session's sockets close with 4401 on the other process, the user's other session carries on", async () => {
    const viewer = await viewerWithTwoSessions(a);
    const [ending, staying] = [await live(b.url, viewer.tokens[0]), await live(b.url, viewer.tokens[1])];
    await a.graphql('mutation { logout }', undefined, { authorization: viewer.tokens[0] });
    await eventually(() => expect(ending.closeCodes).toEqual([4401]));
    const after = await orderSeenBy(a, staying);
    expect(ordersOf(ending)).not.toContain(after);
    expect(staying.closeCodes).toEqual([]);
  });
});

describe('when the database does not answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WS_SESSION_CHECK_SECONDS: '1' });
  });
  afterAll(() => t?.stop());

  /** Runs `sql` on the test server's maintenance database (not the app's, which is cut off). */
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // No new connection to the app's database, even a superuser's, and those it holds ended: an outage.
  const cutOff = async () => {
    await onServer(`ALTER DATABASE ${t.database.name} ALLOW_CONNECTIONS false`);
    await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.database.name}'`);
  };
  const restore = () => onServer(`ALTER DATABASE ${t.database.name} ALLOW_CONNECTIONS true`);
  afterEach(restore);

  /** A graphql-ws client of the administrator on `t`, which notes the close codes, disposed after the test. */
  const client = (options: { retryWait?: () => Promise<void>; closeCodes: number[] }): Client => {
    const created = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: t.adminConnectionParams,
      lazy: false,
      retryAttempts: options.retryWait ? 5 : 0,
      retryWait: options.retryWait ?? (() => Promise.resolve()),
      on: { closed: (event) => options.closeCodes.push((event as { code: number }).code) },
    });
    cleanups.push(async () => created.dispose());
    return created;
  };

  /** The changes `client` is told of, as `customerSubscriptionChanged` sends them. */
  const changesOn = (live: Client) => {
    const changes: string[] = [];
    live.subscribe<WorkEvent>(
      { query: work },
      {
        next: (result) => changes.push(result.data?.customerSubscriptionChanged.change ?? 'ERROR'),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return changes;
  };

  it('refuses a socket signing in meanwhile with 1013, which graphql-ws clients retry: it connects once the database is back', async () => {
    await cutOff();
    let databaseBack!: () => void;
    const back = new Promise<void>((resolve) => (databaseBack = resolve));
    const closeCodes: number[] = [];
    const changes = changesOn(client({ retryWait: () => back, closeCodes }));
    await eventually(() => expect(closeCodes).toEqual([1013]));
    await restore();
    databaseBack();
    await eventually(() => expect(changes).toEqual(['RESYNC']));
    expect(closeCodes).toEqual([1013]);
  });

  it('answers requests during the outage with SERVICE_UNAVAILABLE (HTTP 503, Retry-After), which a client retries, not an internal error', async () => {
    await cutOff();
    // Refused while checking who asks (a token), and while running (a sign-in has no token to check).
    const requests: [string, Record<string, string>][] = [
      ['{ me { email } }', {}],
      ['{ sites(first: 5) { totalCount } }', {}],
      [
        'mutation { login(input: { email: "admin@raccord.test", password: "not checked" }) { token } }',
        { authorization: '' },
      ],
    ];
    for (const [query, headers] of requests) {
      const { response, body } = await t.graphql<unknown>(query, {}, headers);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((body as { errors: { extensions: Record<string, unknown> }[] }).errors).toEqual([
        { message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ]);
    }
    await restore();
    await eventually(async () => expect((await t.graphql('{ me { email } }')).response.status).toBe(200));
  });

  it('does not send an event the database could not resolve: the socket closes with 1013, and resuming after the last position gives it whole', async () => {
    const query =
      'subscription ($after: String) { customerSubscriptionChanged(after: $after) { change position customerSubscription { id photos { id } } } }';
    type Changed = { customerSubscriptionChanged: { change: string; position: string } };
    const received: Changed[] = [];
    const closeCodes: number[] = [];
    const live = client({ closeCodes });
    live.subscribe<Changed>(
      { query },
      { next: (result) => received.push(result.data!), error: () => undefined, complete: () => undefined },
    );
    await eventually(() => expect(received.map((r) => r.customerSubscriptionChanged.change)).toEqual(['RESYNC']));
    const resumeAfter = received[0]!.customerSubscriptionChanged.position;

    // The event's photos cannot be read: the table is locked, and the backend waiting on it is cut off.
    const locker = new pg.Client({ connectionString: t.database.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table photo in access exclusive mode');
      await createCustomerSubscription(t);
      // Read outside the locking transaction, whose view of pg_stat_activity would stay as first read.
      const waiting = () =>
        t.sql<{ pid: number }>(
          `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%"photo"%'`,
        );
      await eventually(async () => expect(await waiting()).toHaveLength(1));
      await locker.query('select pg_terminate_backend($1)', [(await waiting())[0]!.pid]);
      await eventually(() => expect(closeCodes).toEqual([1013]));
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expect(received.map((r) => r.customerSubscriptionChanged.change)).toEqual(['RESYNC']);

    const resumed: Changed[] = [];
    client({ closeCodes: [] }).subscribe<Changed>(
      { query, variables: { after: resumeAfter } },
      { next: (result) => resumed.push(result.data!), error: () => undefined, complete: () => undefined },
    );
    await eventually(() => expect(resumed.map((r) => r.customerSubscriptionChanged.change)).toEqual(['CREATED']));
  });

  it('keeps a socket open when its periodic check fails, fails only the operations it starts meanwhile, and delivers again once the database is back', async () => {
    const closeCodes: number[] = [];
    const live = client({ closeCodes });
    const changes = changesOn(live);
    await eventually(() => expect(changes).toEqual(['RESYNC']));
    const checksFailed = () => t.logs.filter((line) => line.msg?.startsWith('websocket session check failed')).length;
    const failedBefore = checksFailed();
    await cutOff();
    await eventually(() => expect(checksFailed()).toBeGreaterThan(failedBefore));
    const during = await new Promise<unknown>((resolve) =>
      live.subscribe({ query: '{ me { email } }' }, { next: resolve, error: resolve, complete: () => undefined }),
    );
    expect(during).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) }),
    ]);
    await restore();
    await createCustomerSubscription(t);
    await eventually(() => expect(changes).toEqual(['RESYNC', 'CREATED']));
    expect(closeCodes).toEqual([]);
  });
});
