import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../src/common/net.js';
import { projectRoot } from '../src/common/paths.js';
import { testServerEnvironment } from './harness.js';

/** A Raccord server process of the test's own. */
export interface ServerProcess {
  readonly url: string;
  /** Everything it wrote on stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built server (`dist/server/src/main.js`, as `npm start` runs it; the global setup builds it when a source changed) as a
 * child process on `databaseUrl`, on a free port, with the test configuration and `env`; resolves
 * once it listens. Throws with its output when it exits or has not listened within a minute.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'dist', 'server', 'src', 'main.js')], {
    env: { ...process.env, ...testServerEnvironment(databaseUrl), PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (!output.includes('listening')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`server process did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
}
