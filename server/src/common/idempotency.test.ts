import { systemPruningClock, type PruningClock } from './pruning.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { idempotencyPruneIntervalMs, startIdempotencyKeyPruning } from './idempotency.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

/** A clock the test moves itself: `tick` advances its time and runs its timer when one is set. */
function testClock(start: Date): PruningClock & { tick(ms: number): void; scheduled(): boolean } {
  let instant = start.getTime();
  let timer: { run: () => void; every: number } | null = null;
  return {
    now: () => new Date(instant),
    setInterval: (run, every) => (timer = { run, every }),
    clearInterval: () => {
      timer = null;
    },
    tick(ms) {
      instant += ms;
      if (timer && ms >= timer.every) timer.run();
    },
    scheduled: () => timer !== null,
  };
}

const keys = async () =>
  (
    await t.sql<{ key: string }>(`select key from idempotency_record where principal = 'USER:pruning' order by key`)
  ).map((row) => row.key);

describe('idempotency keys expire', () => {
  it('deletes the keys older than the period kept, at start then every hour of its clock, and stops its timer', async () => {
    const start = new Date('2026-12-01T12:00:00Z');
    await t.sql(
      `insert into idempotency_record (principal, key, operation, request_hash, result_id, created_at)
       select 'USER:pruning', key, 'recordInvoicePayment', repeat('0', 64), '1', $1::timestamptz - age::interval
       from (values ('eight-days', '8 days'), ('six-days-23-hours', '6 days 23 hours'), ('fresh', '0 days')) as aged (key, age)`,
      [start],
    );
    const clock = testClock(start);
    const pruning = startIdempotencyKeyPruning(t.app.orm, pino({ level: 'silent' }), 168, clock);
    await expect.poll(keys).toEqual(['fresh', 'six-days-23-hours']);
    clock.tick(idempotencyPruneIntervalMs);
    await pruning.stop();
    expect(await keys()).toEqual(['fresh']);
    expect(clock.scheduled()).toBe(false);
  });

  it('runs the server’s pruning on a timer that does not keep the process alive', () => {
    const timer = systemPruningClock.setInterval(() => undefined, idempotencyPruneIntervalMs) as NodeJS.Timeout;
    try {
      expect(timer.hasRef()).toBe(false);
    } finally {
      systemPruningClock.clearInterval(timer);
    }
  });
});
