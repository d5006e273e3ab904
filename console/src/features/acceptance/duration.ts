import { formatDuration } from '../../lib/format.ts';

const minuteMs = 60_000;

/**
 * The time from one instant to another (ISO strings) in words, to the minute, as `formatDuration` says
 * it ("45 min", "2 h et 5 min", "3 j, 4 h et 30 min"); a negative time (the second before the first)
 * keeps its sign.
 */
export function formatElapsed(from: string, to: string): string {
  const elapsed = new Date(to).getTime() - new Date(from).getTime();
  return (elapsed < 0 ? '−' : '') + formatDuration(Math.floor(Math.abs(elapsed) / minuteMs));
}
