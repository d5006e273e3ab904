import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/common/paths.js';
import { signIn, testAdmin } from './harness.js';
import { waitingForLock } from './locks.js';
import { freePort } from '../src/common/net.js';

/** The built entry point, as `npm start` runs it (`npm test` builds first). */
const mainJs = join(projectRoot, 'dist', 'server', 'src', 'main.js');

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    AUTH_TOKEN_SECRET: 'test-secret-of-at-least-thirty-two-characters',
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
    ...extra,
  };
  delete env['DATABASE_URL'];
  return env;
}

function postgresProcessesOf(dataDir: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(dataDir) && line.includes('postgres'));
}

interface Running {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [mainJs], {
    env,
    cwd: tmpdir(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the process has written `text` (checked on each chunk it writes); rejects when it exits first, or after `timeoutMs`. */
function waitFor(running: Running, text: string, timeoutMs = 90_000): Promise<void> {
  const { child } = running;
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!running.output().includes(text)) return;
      done();
      resolve();
    };
    const exited = () => {
      done();
      if (running.output().includes(text)) resolve();
      else reject(new Error(`exited with ${child.exitCode}:\n${running.output()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${running.output()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      child.off('exit', exited);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', exited);
    if (child.exitCode !== null) exited();
    else check();
  });
}

/** The map's totals through the API; signs in first unless given a token (a sign-in takes a while: argon2). */
async function wilayaTotals(port: number, given?: string): Promise<{ wilayas: number; communes: number }> {
  const token = given ?? (await signIn(`http://127.0.0.1:${port}`, testAdmin.email, testAdmin.password));
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ wilayas { code communeCount } }' }),
  });
  const { data } = (await response.json()) as { data: { wilayas: { communeCount: number }[] } };
  return { wilayas: data.wilayas.length, communes: data.wilayas.reduce((sum, w) => sum + w.communeCount, 0) };
}

describe('the start command (node dist/server/src/main.js)', () => {
  it('exits 1 naming every bad variable', async () => {
    const running = start(environment({ PORT: 'abc', LOG_LEVEL: 'loud' }));
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('PORT: must be a whole number from 0 to 65535 (got "abc")');
    expect(running.output()).toContain('LOG_LEVEL: must be one of');
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, says plainly when the user postgres cannot reach the data folder',
    async () => {
      const privateRoot = await mkdtemp(join(tmpdir(), 'raccord-private-'));
      try {
        const running = start(environment({ PORT: '0', EMBEDDED_PG_DIR: join(privateRoot, 'postgres') }));
        expect(await running.exited).toBe(1);
        expect(running.output()).toContain(`cannot enter ${privateRoot}`);
        expect(running.output()).toContain('set DATABASE_URL');
      } finally {
        await rm(privateRoot, { recursive: true, force: true });
      }
    },
  );

  describe('without DATABASE_URL (embedded PostgreSQL)', () => {
    let root: string;
    let dataDir: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'raccord-main-'));
      await chmod(root, 0o755);
      dataDir = join(root, 'postgres');
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('serves the real map of Algeria; on SIGTERM (even repeated) finishes the request in flight, exits 0, leaves no postgres', async () => {
      const port = await freePort();
      const pgPort = await freePort();
      const running = start(
        environment({ PORT: String(port), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) }),
      );
      const password = async () => (await readFile(`${dataDir}.password`, 'utf8')).trim();
      let locker: pg.Client | undefined;
      try {
        await waitFor(running, 'Raccord is listening');
        expect(running.output()).toContain('initialising the embedded PostgreSQL cluster');
        expect(await wilayaTotals(port)).toEqual({ wilayas: 58, communes: 1541 });
        expect(postgresProcessesOf(dataDir).length).toBeGreaterThan(0);

        locker = new pg.Client({
          host: '127.0.0.1',
          port: pgPort,
          user: 'postgres',
          password: await password(),
          database: 'raccord',
        });
        await locker.connect();
        // Signed in beforehand, so that the request in flight at SIGTERM is the query itself.
        const token = await signIn(`http://127.0.0.1:${port}`, testAdmin.email, testAdmin.password);
        await locker.query('BEGIN; LOCK TABLE wilaya IN ACCESS EXCLUSIVE MODE');
        const inFlight = wilayaTotals(port, token);
        await waitingForLock(locker, 'wilaya');
        running.child.kill('SIGTERM');
        await waitFor(running, 'stopping: draining requests in flight');
        // A repeated signal is ignored: the request in flight still gets its answer, and the exit is 0.
        running.child.kill('SIGTERM');
        expect(running.child.exitCode).toBeNull();
        await locker.query('COMMIT');
        expect(await inFlight).toEqual({ wilayas: 58, communes: 1541 });
      } finally {
        await locker?.end().catch(() => undefined);
        running.child.kill('SIGTERM');
      }
      expect(await running.exited).toBe(0);
      expect(running.output()).toContain('"msg":"stopped"');
      expect(postgresProcessesOf(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
      // A first start initialises the cluster and loads the demo through the services (one commit per
      // step): about 15 s on an idle 2-core machine, more on a busy one.
    }, 120_000);

    it('reuses the data on a second start, and stops cleanly on a Ctrl-C to the whole process group', async () => {
      const port = await freePort();
      const running = start(
        environment({ PORT: String(port), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) }),
      );
      try {
        await waitFor(running, 'Raccord is listening');
        expect(running.output()).not.toContain('initialising the embedded PostgreSQL cluster');
        expect(running.output()).toContain('migrations: 0 applied');
        expect(await wilayaTotals(port)).toEqual({ wilayas: 58, communes: 1541 });
      } finally {
        // A terminal's Ctrl-C goes to the whole process group, postgres included.
        process.kill(-running.child.pid!, 'SIGINT');
      }
      expect(await running.exited).toBe(0);
      expect(running.output()).toContain('"msg":"stopped"');
      expect(postgresProcessesOf(dataDir)).toEqual([]);
    });
  });
});
