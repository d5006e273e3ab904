import { vi } from 'vitest';

/** How long `eventually` retries by default: longer than anything the tests wait for takes on a busy machine. */
export const eventuallyTimeoutMs = 10_000;

/**
 * Waits for something that happens asynchronously (an event delivered, a row written, a log line):
 * calls `check` until it returns without throwing (or its promise resolves), every `interval` ms
 * (20 by default) for up to `timeout` ms (`eventuallyTimeoutMs` by default), and gives its value;
 * fails with `check`'s last error. Vitest's `vi.waitFor` with the project's defaults: the tests wait
 * for conditions, never for a fixed time.
 */
export function eventually<T>(
  check: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(check, { timeout: options.timeout ?? eventuallyTimeoutMs, interval: options.interval ?? 20 });
}
