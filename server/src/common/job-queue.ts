import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, run, runMigrations, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { applicationNameOf } from '../database/orm.js';

/**
 * The job queue: work done after a change commits and outside any request (mail, webhooks), kept in
 * PostgreSQL by graphile-worker (schema `graphile_worker`, migrated by graphile-worker itself), so a
 * job is added in the same transaction as the change that causes it and survives a restart. A job
 * that fails is retried with graphile-worker's exponential backoff, up to its `maxAttempts`.
 */

/** graphile-worker's log lines, through the process' pino logger (component `jobs`). */
function workerLogger(logger: Logger): WorkerLogger {
  const jobs = logger.child({ component: 'jobs' });
  return new WorkerLogger(() => (level, message, meta) => {
    const fields = meta ?? {};
    if (level === 'error') jobs.error(fields, message);
    else if (level === 'warning') jobs.warn(fields, message);
    else if (level === 'info') jobs.info(fields, message);
    else jobs.debug(fields, message);
  });
}

/** Creates or updates the job queue's tables (idempotent; run with the database's migrations). */
export async function migrateJobQueue(connectionString: string, logger: Logger): Promise<void> {
  await runMigrations({ connectionString, logger: workerLogger(logger) });
}

/** A running job queue worker. */
export interface JobQueue {
  /** Stops taking jobs and waits for those running. */
  stop(): Promise<void>;
}

/**
 * Starts working the queue in this process: `tasks` by name, at most `concurrency` at once. Several
 * server processes may run it together; each job runs in one of them. Signals are left to the
 * server's own shutdown.
 */
export async function startJobQueue(options: {
  connectionString: string;
  tasks: TaskList;
  logger: Logger;
  concurrency?: number;
  crontab?: string;
}): Promise<JobQueue> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: applicationNameOf(options.connectionString, 'raccord'),
    max: (options.concurrency ?? 4) + 2,
  });
  // A connection that breaks while idle: the pool replaces it; the next job tells whether the database is back.
  const lost = (error: Error) => options.logger.warn({ err: error, component: 'jobs' }, 'job queue connection lost');
  pool.on('error', lost);
  // A connection's own errors too, as graphile-worker asks of a pool it is given.
  pool.on('connect', (client) => client.on('error', lost));
  const runner: Runner = await run({
    pgPool: pool,
    taskList: options.tasks,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    logger: workerLogger(options.logger),
    ...(options.crontab ? { crontab: options.crontab } : {}),
  });
  return {
    stop: async () => {
      await runner.stop();
      await pool.end();
    },
  };
}

/** How a job is added (graphile-worker's `add_job` options). */
export interface JobOptions {
  /** Attempts before the job is given up (graphile-worker's default: 25). */
  readonly maxAttempts?: number;
  /** Not before this time. */
  readonly runAt?: Date;
  /** Jobs with the same key replace each other while waiting: one job per key. */
  readonly jobKey?: string;
  /** Jobs of one queue run one at a time, in order. */
  readonly queueName?: string;
}

/**
 * Adds a job for `task` in the transaction of `em`: it runs only if that transaction commits, and
 * then surely (it is stored with the change).
 */
export async function addJob(
  em: EntityManager,
  task: string,
  payload: unknown,
  options: JobOptions = {},
): Promise<void> {
  await em.execute(
    'select graphile_worker.add_job(?, ?::json, queue_name => ?, run_at => ?, max_attempts => ?, job_key => ?)',
    [
      task,
      JSON.stringify(payload),
      options.queueName ?? null,
      options.runAt?.toISOString() ?? null,
      options.maxAttempts ?? null,
      options.jobKey ?? null,
    ],
  );
}
