import { createClient } from 'graphql-ws';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../test/api.js';
import {
  createTestDatabase,
  signIn,
  startTestApp,
  testAdmin,
  type TestApp,
  type TestDatabase,
} from '../../test/harness.js';
import { subscribe } from '../../test/live.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The connection each SQL statement of request `requestId` ran on: `write` (the primary) or the replica's name. */
function connectionsOf(t: TestApp, requestId: string): { sql: string; connection: string }[] {
  return t.logs
    .filter((line) => line.reqId === requestId && line.msg === 'sql')
    .map((line) => ({ sql: String(line['sql']), connection: String(line['connection']) }));
}

/** POSTs an operation with a request id of the test's choosing, as `authorization` (the administrator by default). */
async function run(
  t: TestApp,
  requestId: string,
  query: string,
  variables: Record<string, unknown> = {},
  authorization = `Bearer ${t.adminToken}`,
) {
  const { body } = await t.graphql(query, variables, { 'x-request-id': requestId, authorization });
  return body;
}

const list =
  'query List { customerSubscriptions(first: 50) { totalCount edges { node { id status site { code } commune { name wilaya { name } } contractor { legalName operatingWilayas { code } } } } } }';

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('serve the reads of queries, on a connection of their own; mutations, sign-in, session checks and subscription events stay on the primary', async () => {
    // No streaming replication here: the "replica" is the same database reached by a second pool, named apart.
    const t = await startTestApp((database) => ({
      DATABASE_REPLICA_URLS: `${database.url}?application_name=raccord-replica`,
    }));
    cleanups.push(() => t.stop());
    const firm = await activeContractor(t);
    const installed = await Promise.all([1, 2].map(() => installedCustomerSubscription(t, firm.id)));
    const live = await subscribe<{ invoiceChanged: { change: string; invoice: { lines: unknown[] } | null } }>(
      t.url,
      `Bearer ${t.adminToken}`,
      'subscription ($c: ID) { invoiceChanged(contractorId: $c) { change invoice { lines { itemCode } } } }',
      { c: firm.id },
    );
    cleanups.push(() => live.close());
    const subscriptionRequest = t.logs.filter((line) => line.msg === 'websocket operation').at(-1)!.reqId!;

    const accepted = await run(
      t,
      'replicas-accept',
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status contractor { operatingWilayas { code } } } } }',
      {
        id: installed[0],
      },
    );
    expect(accepted.errors).toBeUndefined();
    expect(await live.waitFor(2)).toBe(2);
    const beforeList = t.logs.length;
    expect((await run(t, 'replicas-list', list)).errors).toBeUndefined();
    // The session behind the token is checked on the primary (that check is logged without the request id).
    const sessionChecks = t.logs
      .slice(beforeList)
      .filter((line) => line.msg === 'sql' && String(line['sql']).includes('from "session"'));
    expect(sessionChecks.map((line) => line['connection'])).toEqual(['write']);
    const beforeDashboard = t.logs.length;
    expect(
      (
        await run(
          t,
          'replicas-dashboard',
          '{ dashboard(wilayaCode: "16") { acceptedTotal backlog { status customerSubscriptions } } }',
        )
      ).errors,
    ).toBeUndefined();

    const mutation = connectionsOf(t, 'replicas-accept');
    expect(mutation.length).toBeGreaterThan(5);
    expect(new Set(mutation.map((statement) => statement.connection))).toEqual(new Set(['write']));
    // Everything the query reads, on the replica: the page, its count, its contractors and their wilayas (the
    // communes and wilayas come from the process's reference data, read once).
    const reads = connectionsOf(t, 'replicas-list');
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(new Set(reads.map((statement) => statement.connection))).toEqual(new Set(['replica-1']));
    // The dashboard's counters are read with raw SQL, logged without the request id: found by their tables.
    const dashboard = t.logs
      .slice(beforeDashboard)
      .filter((line) => line.msg === 'sql' && /"wilaya_(backlog|acceptance_day)"/.test(String(line['sql'])))
      .map((line) => ({ connection: String(line['connection']) }));
    expect(dashboard.length).toBeGreaterThanOrEqual(2);
    expect(new Set(dashboard.map((statement) => statement.connection))).toEqual(new Set(['replica-1']));
    // The event was resolved from the primary: it shows the change that has just committed.
    const event = connectionsOf(t, subscriptionRequest);
    expect(event.length).toBeGreaterThan(0);
    expect(new Set(event.map((statement) => statement.connection))).toEqual(new Set(['write']));

    // A query over WebSocket reads from the replica too.
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${t.adminToken}` },
    });
    cleanups.push(() => Promise.resolve(client.dispose()));
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        {
          query: 'query OverWebSocket { contractors(first: 5) { totalCount edges { node { legalName } } } }',
          operationName: 'OverWebSocket',
        },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    expect(result).toMatchObject({ data: { contractors: { totalCount: 1 } } });
    const overWebSocket = t.logs.find(
      (line) => line.msg === 'websocket operation' && line['operationName'] === 'OverWebSocket',
    )!.reqId!;
    expect(new Set(connectionsOf(t, overWebSocket).map((statement) => statement.connection))).toEqual(
      new Set(['replica-1']),
    );

    // Two pools on the server, each under its own name.
    const names = await t.sql<{ application_name: string }>(
      'select distinct application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    expect(names.map((row) => row.application_name).sort()).toEqual(['raccord', 'raccord-replica']);
  });

  it('never let a replica that lags decide who is signed in: a logout or a revoked key holds at once, while lists show what the replica has', async () => {
    // The "replica" is a copy taken before the app started, and never updated: a replica that lags for ever.
    const replica: TestDatabase = await createTestDatabase();
    cleanups.push(() => replica.drop());
    const t = await startTestApp({ DATABASE_REPLICA_URLS: replica.url });
    cleanups.push(() => t.stop());
    /** Copies a row as the primary has it now into the lagging replica. */
    const copyToReplica = async (table: string, id: string) => {
      const [{ row }] = (await t.sql<{ row: unknown }>(`select to_jsonb(x) as row from "${table}" x where id = $1`, [
        id,
      ])) as [{ row: unknown }];
      const client = new pg.Client({ connectionString: replica.url });
      await client.connect();
      try {
        await client.query(
          `insert into "${table}" select * from jsonb_populate_record(null::"${table}", $1::jsonb) on conflict do nothing`,
          [JSON.stringify(row)],
        );
      } finally {
        await client.end();
      }
    };

    // Signing in and the token's session are read on the primary: the replica has neither the user nor the session.
    const token = await signIn(t.url, testAdmin.email, testAdmin.password);
    const me = await run(t, 'lag-me', '{ me { email } }', {}, `Bearer ${token}`);
    expect(me).toEqual({ data: { me: { email: testAdmin.email } } });

    // A mutation answers from the primary, nested fields included (the firm's wilayas are not on the replica).
    const created = await mustQuery<{
      createContractor: { contractor: { id: string; operatingWilayas: { code: string }[] } };
    }>(
      t,
      'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id operatingWilayas { code } } } }',
      { input: (await import('../../test/factories.js')).contractorInput() },
    );
    expect(created.createContractor.contractor.operatingWilayas.map((wilaya) => wilaya.code).sort()).toEqual([
      '09',
      '16',
    ]);
    // A list reads the replica, which has not caught up.
    expect(await mustQuery(t, '{ contractors(first: 10) { totalCount } }')).toEqual({ contractors: { totalCount: 0 } });

    // The replica now holds the session as it was before the logout: the primary's revocation wins.
    const [user] = await t.sql<{ id: string }>('select id from app_user where email = $1', [testAdmin.email]);
    const [session] = await t.sql<{ id: string }>('select id from "session" order by created_at desc limit 1');
    await copyToReplica('app_user', user!.id);
    await copyToReplica('session', session!.id);
    expect((await run(t, 'lag-logout', 'mutation { logout }', {}, `Bearer ${token}`)).errors).toBeUndefined();
    const afterLogout = await run(t, 'lag-after-logout', '{ me { email } }', {}, `Bearer ${token}`);
    expect(afterLogout.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    // An API key likewise: it works though the replica has never heard of it, and stops at once when revoked.
    const key = await mustQuery<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      t,
      'mutation { createApiKey(input: { name: "tableau de bord", scopes: [READ_REFERENCE_DATA] }) { apiKey { id } secret } }',
    );
    const asKey = `Bearer ${key.createApiKey.secret}`;
    expect((await run(t, 'lag-key', '{ wilayas { code } }', {}, asKey)).errors).toBeUndefined();
    await copyToReplica('api_key', key.createApiKey.apiKey.id);
    await mustQuery(t, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.createApiKey.apiKey.id });
    const revoked = await run(t, 'lag-revoked', '{ wilayas { code } }', {}, asKey);
    expect(revoked.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
