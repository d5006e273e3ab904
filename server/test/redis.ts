import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { eventually } from './eventually.js';

/** A Redis server of the test's own on `port` (redis-server, no persistence), to stop and start again. */
export async function ownRedis(port: number): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const answer = () =>
    new Promise<string>((resolve) => {
      const probe = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      probe.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      probe.once('exit', () => resolve(text));
    });
  await eventually(async () => expect(await answer()).toContain('PONG'));
  return {
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * The environment of apps that share the test Redis (TEST_REDIS_URL, else the local one) with each
 * other and with no other test: channels under a prefix of their own.
 */
export function sharedRedisEnvironment(): { REDIS_URL: string; REDIS_CHANNEL_PREFIX: string } {
  return {
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REDIS_CHANNEL_PREFIX: `raccord-test-${randomBytes(4).toString('hex')}:`,
  };
}
