import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createLogger } from '../src/common/logger.js';
import { consoleBuildDir } from '../src/common/paths.js';
import { loadConfig } from '../src/config.js';
import { databaseUrl } from './util.js';

/** A database of this test file's own, dropped by `drop()`. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the test server: a copy of the template (migrated, reference data loaded), or
 * empty with `{ empty: true }`.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `raccord_test_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? 'template0' : inject('templateDatabase');
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(inject('adminDatabaseUrl'), name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A parsed JSON log line of the app under test. */
export type LogLine = Record<string, unknown> & { msg?: string; reqId?: string; level: number };

/** A running app on its own database, with every log line it wrote (level debug, SQL included). */
export interface TestApp {
  readonly app: App;
  readonly url: string;
  readonly database: TestDatabase;
  readonly logs: LogLine[];
  /** Token of the test's administrator (admin@raccord.test), which `graphql` sends unless told otherwise. */
  readonly adminToken: string;
  /** `connection_init` payload that signs a WebSocket in as the test's administrator. */
  readonly adminConnectionParams: { authorization: string };
  /**
   * POSTs a GraphQL operation as the test's administrator (pass an `authorization` header to be
   * someone else, or `authorization: ''` to be anonymous); returns the HTTP response and its body.
   */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    response: Response;
    body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }>;
  /** SQL statements logged for a request id. */
  sqlOf(requestId: string): string[];
  /** Runs SQL on the app's database directly (to check what was written, or to set up a state). */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** The administrator every test app has, made from ADMIN_EMAIL and ADMIN_PASSWORD at start. */
export const testAdmin = { email: 'admin@raccord.test', password: 'test administrator password' } as const;

/** The environment of a test server on `databaseUrl`: reference data and the demo left out, the test administrator, any free port. */
export function testServerEnvironment(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    LOAD_REFERENCE_DATA_ON_START: 'false',
    LOAD_DEMO_DATA_ON_START: 'false',
    AUTH_TOKEN_SECRET: 'test-secret-of-at-least-thirty-two-characters',
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
  };
}

/** Signs in through the API; returns the token. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }',
      variables: { email, password },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

/**
 * Boots the real app (`createApp`) on a fresh copy of the template database (or on `database`, one
 * the test has filled already), on a free port, with `env` added to a test configuration (or the
 * variables `env` makes of the database, e.g. a replica URL pointing at it). Stopping it drops the database.
 */
export async function startTestApp(
  env: Record<string, string> | ((database: TestDatabase) => Record<string, string>) = {},
  options: { empty?: boolean; database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(options));
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  const config = loadConfig({
    ...testServerEnvironment(database.url),
    LOG_LEVEL: 'debug',
    ...(typeof env === 'function' ? env(database) : env),
  });
  let app: App;
  try {
    app = await createApp(config, { logger: createLogger('debug', destination) });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const adminToken = await signIn(app.url, testAdmin.email, testAdmin.password);
  return {
    app,
    url: app.url,
    database,
    logs,
    adminToken,
    adminConnectionParams: { authorization: `Bearer ${adminToken}` },
    async graphql(query, variables, headers = {}) {
      const { authorization = `Bearer ${adminToken}`, ...others } = headers;
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...others, ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { response, body: (await response.json()) as never };
    },
    async sql<T>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(text, values)).rows as T[];
      } finally {
        await client.end();
      }
    },
    sqlOf(requestId) {
      return logs.filter((line) => line.reqId === requestId && line.msg === 'sql').map((line) => String(line['sql']));
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}

/** `startTestApp()` for the tests of what serves the console's build: stops at once when it is not built. */
export function startTestAppWithConsole(): Promise<TestApp> {
  if (!existsSync(join(consoleBuildDir, 'index.html')))
    throw new Error('The console is not built: run `npm run build:console` first (npm test does).');
  return startTestApp();
}
