import { createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../test/harness.js';
import { eventually } from '../test/eventually.js';
import { waitingForLock } from '../test/locks.js';
import { migrationsList } from './migrations/index.js';

describe('HTTP endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('GET /healthz says the process is alive; GET /readyz that the database answers', async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('echoes a well-formed X-Request-Id and puts it on every log line of the request', async () => {
    const { response } = await t.graphql('{ wilayas { code } }', undefined, { 'x-request-id': 'client-req-42' });
    expect(response.headers.get('x-request-id')).toBe('client-req-42');
    const lines = t.logs.filter((line) => line.reqId === 'client-req-42');
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['sql', 'request completed']));
  });

  it('replaces a malformed X-Request-Id with a UUID of its own', async () => {
    const { response } = await t.graphql('{ wilayas { code } }', undefined, { 'x-request-id': 'bad id\twith spaces' });
    expect(response.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('refuses a request without a JSON content type (CSRF prevention)', async () => {
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ wilayas { code } }')}`);
    expect(response.status).toBe(400);
  });

  it('answers a body that is not JSON in the GraphQL error shape with BAD_REQUEST', async () => {
    const notJson = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'notjson',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await notJson.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a request over MAX_BODY_BYTES (1 MiB), anonymous or not, with 413 REQUEST_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: '{ wilayas { code } }', variables: { padding: 'x'.repeat(2_000_000) } });
    const anonymous = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(anonymous.status).toBe(413);
    expect(await anonymous.json()).toEqual({
      errors: [
        {
          message: `The request body is larger than ${1024 * 1024} bytes (MAX_BODY_BYTES)`,
          extensions: { code: 'REQUEST_TOO_LARGE', maxBytes: 1024 * 1024 },
        },
      ],
    });
    const administrator = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      body,
    });
    expect(administrator.status).toBe(413);
    expect(((await administrator.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toEqual({
      code: 'REQUEST_TOO_LARGE',
      maxBytes: 1024 * 1024,
    });
  });

  it('takes a CSV import of 2 MB from a viewer who may import, up to MAX_IMPORT_BODY_BYTES (10 MiB)', async () => {
    const importing = 'mutation ($csv: String!) { importContractors(csv: $csv) { rows created } }';
    const large = await t.graphql(importing, { csv: `${'x'.repeat(2_000_000)}\n` });
    expect(large.response.status).toBe(200);
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data).toEqual({ importContractors: { rows: 0, created: 0 } });

    const anonymous = await t.graphql(importing, { csv: `${'x'.repeat(2_000_000)}\n` }, { authorization: '' });
    expect(anonymous.response.status).toBe(413);

    const huge = await t.graphql(importing, { csv: 'x'.repeat(11 * 1024 * 1024) });
    expect(huge.response.status).toBe(413);
    expect(huge.body.errors?.[0]).toEqual({
      message: `The request body is larger than ${10 * 1024 * 1024} bytes (MAX_IMPORT_BODY_BYTES)`,
      extensions: { code: 'REQUEST_TOO_LARGE', maxBytes: 10 * 1024 * 1024 },
    });
  });

  it('closes a WebSocket whose message is over MAX_WS_MESSAGE_BYTES (64 KiB) with 1009', async () => {
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(100 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it('serves GraphiQL at GET /graphql to a browser outside production, its files from this server', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/graphql-explorer/ruru.js');
    expect(html).not.toMatch(/(src|href)="https?:/);
    const script = await fetch(`${t.url}/graphql-explorer/ruru.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('logs requests without their headers', async () => {
    const { response } = await t.graphql('{ wilayas { code } }', undefined, { authorization: 'Bearer secret-token' });
    const requestId = response.headers.get('x-request-id');
    const lines = t.logs.filter((line) => line.reqId === requestId);
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('serves the console at / and on its client-side routes; a missing asset is a 404', async () => {
    const home = await fetch(`${t.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root"></div>');
    const route = await fetch(`${t.url}/wilayas/16`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root"></div>');
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404);
  });
});

describe('unexpected errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    await client.query('DROP TABLE commune CASCADE');
    await client.end();
  });
  afterAll(() => t.stop());

  it('are masked to INTERNAL_SERVER_ERROR with the request id as correlation id, and logged whole', async () => {
    const { response, body } = await t.graphql('{ communes { id } }');
    const requestId = response.headers.get('x-request-id');
    expect(body.errors).toEqual([
      {
        message: `Internal server error. Quote this reference when reporting it: ${requestId}`,
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: requestId },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/does not exist|"commune"|select /);
    const logged = t.logs.find((line) => line.reqId === requestId && line.msg === 'unexpected error');
    expect(JSON.stringify(logged)).toContain('relation \\"commune\\" does not exist');
  });

  it('are masked the same way over WebSocket', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: t.adminConnectionParams,
    });
    try {
      const results: { errors?: { message: string; extensions?: Record<string, unknown> }[] }[] = [];
      for await (const result of client.iterate({ query: '{ communes { id } }' })) results.push(result as never);
      const error = results[0]?.errors?.[0];
      expect(error?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      const correlationId = String(error?.extensions?.['correlationId']);
      expect(error?.message).toBe(`Internal server error. Quote this reference when reporting it: ${correlationId}`);
      expect(t.logs.some((line) => line.reqId === correlationId && line.msg === 'unexpected error')).toBe(true);
    } finally {
      await client.dispose();
    }
  });
});

describe('start-up on an empty database', () => {
  it('applies the migrations and loads the reference data', async () => {
    const t = await startTestApp({ LOAD_REFERENCE_DATA_ON_START: 'true' }, { empty: true });
    try {
      expect(t.logs.find((line) => line.msg === `migrations: ${migrationsList.length} applied`)).toBeDefined();
      const { body } = await t.graphql<{ wilayas: { communeCount: number }[] }>('{ wilayas { communeCount } }');
      expect(body.data!.wilayas).toHaveLength(58);
      expect(body.data!.wilayas.reduce((sum, w) => sum + w.communeCount, 0)).toBe(1541);
    } finally {
      await t.stop();
    }
  });

  it('refuses to start with MIGRATE_ON_START=false while migrations are pending, naming them', async () => {
    await expect(startTestApp({ MIGRATE_ON_START: 'false' }, { empty: true })).rejects.toThrow(
      new RegExp(
        `^${migrationsList.length} migrations are not applied to the database \\(${migrationsList[0]!.name}, `,
      ),
    );
  });
});

describe('readiness', () => {
  it('GET /readyz answers 503 when the database is gone, while /healthz stays 200', async () => {
    const t = await startTestApp();
    try {
      await t.database.drop();
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'database unavailable', code: 'DATABASE_UNAVAILABLE' });
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});

describe('graceful stop', () => {
  it('finishes a request in flight, closes WebSockets with 1001, then refuses connections', async () => {
    const t = await startTestApp();
    const locker = new pg.Client({ connectionString: t.database.url });
    await locker.connect();
    try {
      const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

      await locker.query('BEGIN; LOCK TABLE wilaya IN ACCESS EXCLUSIVE MODE');
      const inFlight = t.graphql<{ wilayas: unknown[] }>('{ wilayas { code } }');
      await waitingForLock(locker, 'wilaya');
      let stopResolved = false;
      const stopping = t.app.stop().then(() => {
        stopResolved = true;
      });
      // The stop is under way (new connections are refused), and the request in flight holds it.
      await eventually(() => expect(fetch(`${t.url}/healthz`)).rejects.toThrow());
      expect(stopResolved).toBe(false);
      await locker.query('COMMIT');

      const { body } = await inFlight;
      expect(body.data!.wilayas).toHaveLength(58);
      await stopping;
      expect(await closed).toBe(1001);
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    } finally {
      await locker.end();
      await t.stop();
    }
  });
});
