import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What `GET /debug/metrics` answers: counts since the process started or since the last reset. */
export interface DebugMetricsSnapshot {
  /** SQL statements sent to PostgreSQL (each query, BEGIN and COMMIT included) by every connection of the pool. */
  readonly sqlStatements: number;
  /** Longest event-loop delay seen, in milliseconds (perf_hooks' monitorEventLoopDelay, sampled every 10 ms). */
  readonly eventLoopDelayMaxMs: number;
  /** 99th percentile of the event-loop delay samples, in milliseconds. */
  readonly eventLoopDelayP99Ms: number;
  /** Resident set size of the process, in bytes, now. */
  readonly rssBytes: number;
  /** When the counts started (last reset, or start-up), ISO 8601. */
  readonly since: string;
}

/** The counters behind the debug endpoint; `stop()` ends the event-loop sampling. */
export interface DebugMetrics {
  snapshot(): DebugMetricsSnapshot;
  reset(): void;
  stop(): void;
}

/**
 * Starts counting the SQL statements of `orm` (knex's `query` event, one per statement sent on any
 * pooled connection) and sampling the event-loop delay (perf_hooks, every 10 ms). Meant for
 * benchmarks (`DEBUG_METRICS=true`), not for production monitoring: the counts are process-wide.
 */
export function startDebugMetrics(orm: MikroORM): DebugMetrics {
  let sqlStatements = 0;
  let since = new Date();
  const knex = orm.em.getKnex();
  const onQuery = () => {
    sqlStatements += 1;
  };
  knex.on('query', onQuery);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    snapshot: () => ({
      sqlStatements,
      eventLoopDelayMaxMs: delay.count === 0 ? 0 : Number((delay.max / 1e6).toFixed(1)),
      eventLoopDelayP99Ms: delay.count === 0 ? 0 : Number((delay.percentile(99) / 1e6).toFixed(1)),
      rssBytes: process.memoryUsage.rss(),
      since: since.toISOString(),
    }),
    reset: () => {
      sqlStatements = 0;
      since = new Date();
      delay.reset();
    },
    stop: () => {
      delay.disable();
      knex.off('query', onQuery);
    },
  };
}

/**
 * Mounts `GET /debug/metrics` (the snapshot as JSON) and `POST /debug/metrics/reset` (zeroes the
 * counts, answers the snapshot before the reset) on `app`.
 */
export function mountDebugMetrics(app: express.Express, metrics: DebugMetrics): void {
  app.get('/debug/metrics', (_request, response) => {
    response.setHeader('Cache-Control', 'no-store').json(metrics.snapshot());
  });
  app.post('/debug/metrics/reset', (_request, response) => {
    const before = metrics.snapshot();
    metrics.reset();
    response.setHeader('Cache-Control', 'no-store').json(before);
  });
}
