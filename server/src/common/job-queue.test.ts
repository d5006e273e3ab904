import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { initOrm } from '../entities.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { addJob, startJobQueue, type JobQueue } from './job-queue.js';

const logger = pino({ level: 'silent' });
let database: TestDatabase;
let orm: MikroORM;
let queue: JobQueue;
const ran: unknown[] = [];
let failuresLeft = 2;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await initOrm({ databaseUrl: database.url, logger, poolMax: 2 });
  queue = await startJobQueue({
    connectionString: database.url,
    logger,
    concurrency: 1,
    tasks: {
      remember: (payload) => {
        ran.push(payload);
      },
      failTwice: (payload) => {
        if (failuresLeft-- > 0) throw new Error('receiver down');
        ran.push(payload);
      },
    },
  });
});
afterAll(async () => {
  await queue.stop();
  await orm.close();
  await database.drop();
});

describe('the job queue', () => {
  it('runs a job added in a transaction once it commits, and never one whose transaction rolled back', async () => {
    await orm.em.fork().transactional((em) => addJob(em, 'remember', { n: 1 }));
    await expect(
      orm.em.fork().transactional(async (em) => {
        await addJob(em, 'remember', { n: 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await orm.em.fork().transactional((em) => addJob(em, 'remember', { n: 3 }));
    await eventually(() => expect(ran).toContainEqual({ n: 3 }));
    expect(ran).toContainEqual({ n: 1 });
    expect(ran).not.toContainEqual({ n: 2 });
  });

  it('retries a failing job until it succeeds', async () => {
    await orm.em.fork().transactional((em) => addJob(em, 'failTwice', { n: 4 }, { runAt: new Date(0) }));
    // graphile-worker waits between attempts (exponentially): bring each retry forward instead of waiting.
    await eventually(
      async () => {
        await orm.em.fork().execute(`update graphile_worker._private_jobs set run_at = now() where attempts > 0`);
        expect(ran).toContainEqual({ n: 4 });
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(failuresLeft).toBe(-1);
  });
});
