import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Metrics } from '../../common/metrics.js';
import type { Settings } from '../../context.js';
import { submitInvoicesOfClosedMonths, systemContext } from './invoice-issue.service.js';

/** How often the server looks for DRAFT invoices of a month that has ended (Algiers). */
export const monthCloseIntervalMs = 10 * 60_000;

/**
 * Submits, as the system, every DRAFT invoice of a month that has ended in Algiers: once at start,
 * then every `monthCloseIntervalMs`. Several server processes may run it at once: each invoice is
 * taken by one of them (FOR UPDATE SKIP LOCKED) and numbered once. Failures are logged and retried
 * at the next run. Each run is counted in `metrics` (outcome, invoices submitted, last success).
 * Returns `stop()`, which waits for a run in progress.
 */
export function startMonthClose(
  orm: MikroORM,
  logger: Logger,
  settings: Settings,
  metrics?: Metrics,
): { stop: () => Promise<void> } {
  const context = systemContext(orm, { logger, settings });
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const submitted = await submitInvoicesOfClosedMonths(orm, context);
        if (submitted > 0) logger.info({ submitted }, 'month closed: draft invoices submitted');
        metrics?.monthCloseRuns.inc({ outcome: 'ok' });
        metrics?.monthCloseInvoicesSubmitted.inc(submitted);
        metrics?.monthCloseLastSuccess.set(Date.now() / 1000);
      } catch (error) {
        metrics?.monthCloseRuns.inc({ outcome: 'failed' });
        logger.error({ err: error }, 'month close: submitting draft invoices failed; retried at the next run');
      }
    });
  };
  run();
  const timer = setInterval(run, monthCloseIntervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
