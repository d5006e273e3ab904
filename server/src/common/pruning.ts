/** The time and the timer the pruning runs by: the process's own (`systemPruningClock`), or a test's, which moves time itself. */
export interface PruningClock {
  now(): Date;
  /** Runs `run` every `ms` milliseconds. */
  setInterval(run: () => void, ms: number): unknown;
  /** Cancels a timer `setInterval` returned. */
  clearInterval(timer: unknown): void;
}

/** The process's clock, and a timer that does not keep the process alive. */
export const systemPruningClock: PruningClock = {
  now: () => new Date(),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout | undefined),
};

/**
 * Runs `prune` once now, then every `intervalMs` on `clock`, one run at a time; a run that fails is
 * given to `failed` (it is retried at the next one). Returns `stop()`, which cancels the timer and
 * waits for a run in progress.
 */
export function startPruning(
  intervalMs: number,
  prune: () => Promise<void>,
  failed: (error: unknown) => void,
  clock: PruningClock = systemPruningClock,
): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(prune).catch(failed);
  };
  run();
  const timer = clock.setInterval(run, intervalMs);
  return {
    stop: async () => {
      clock.clearInterval(timer);
      await running;
    },
  };
}
