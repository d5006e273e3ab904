import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../src/common/net.js';
import { projectRoot } from '../src/common/paths.js';
import { migrationsList } from '../src/migrations/index.js';
import { eventually } from './eventually.js';
import { createTestDatabase, signIn, testAdmin, testServerEnvironment, type TestDatabase } from './harness.js';

/** The built entry point, as `npm start` runs it (the global setup builds it when a source changed). */
const mainJs = join(projectRoot, 'dist', 'server', 'src', 'main.js');

/** The built server on `databaseUrl`, on a port of its own; does not wait for anything. */
function startServer(databaseUrl: string, port: number) {
  const child: ChildProcess = spawn(process.execPath, [mainJs], {
    env: { ...process.env, ...testServerEnvironment(databaseUrl), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, url: `http://127.0.0.1:${port}` };
}

/** A TCP proxy on `port` to PostgreSQL at `target`: the database "returns" when it starts listening. */
async function startProxy(port: number, target: { host: string; port: number }): Promise<Server> {
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  proxy.once('close', () => sockets.forEach((socket) => socket.destroy()));
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  return proxy;
}

function graphql(url: string, query: string, token?: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
}

describe('a start while PostgreSQL (DATABASE_URL) does not answer yet', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('answers /healthz, says /readyz 503 and GraphQL 503 with codes, then becomes ready by itself once the database answers', async () => {
    const database: TestDatabase = await createTestDatabase({ empty: true });
    cleanups.push(() => database.drop());
    const target = new URL(database.url);
    const proxyPort = await freePort();
    const throughProxy = new URL(database.url);
    throughProxy.host = `127.0.0.1:${proxyPort}`;
    const server = startServer(throughProxy.toString(), await freePort());
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });

    await eventually(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200), {
      timeout: 30_000,
    });
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'starting', code: 'DATABASE_UNAVAILABLE' });
    const refused = await graphql(server.url, '{ wilayas { code } }');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Raccord is starting and cannot serve requests yet: try again in a few seconds',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    });
    await eventually(() => expect(server.output()).toContain('the database does not answer yet: trying again'));
    expect(server.child.exitCode).toBeNull();

    const proxy = await startProxy(proxyPort, { host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => new Promise((resolve) => proxy.close(resolve)));
    // Then the start-up of today: every migration on this empty database, the first administrator.
    await eventually(async () => expect((await fetch(`${server.url}/readyz`)).status).toBe(200), {
      timeout: 60_000,
      interval: 100,
    });
    expect(server.output()).toContain(`migrations: ${migrationsList.length} applied`);
    const token = await signIn(server.url, testAdmin.email, testAdmin.password);
    const answered = await graphql(server.url, '{ wilayas { code } }', token);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { wilayas: [] } });

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 120_000);

  it('stops waiting on SIGTERM and exits 0', async () => {
    const server = startServer(`postgres://postgres@127.0.0.1:${await freePort()}/raccord`, await freePort());
    cleanups.push(async () => {
      server.child.kill('SIGKILL');
      await server.exited;
    });
    await eventually(() => expect(server.output()).toContain('the database does not answer yet: trying again'), {
      timeout: 30_000,
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped while starting');
  }, 60_000);
});
