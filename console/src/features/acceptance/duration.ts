import { translate as t } from '../../lib/i18n.ts';

const minuteMs = 60_000;

/**
 * The time from one instant to another (ISO strings) in words, to the minute: "45 min", "2 h 05 min",
 * "3 j 4 h" ("3 d 4 h" in English); a negative time (the second before the first) keeps its sign.
 */
export function formatElapsed(from: string, to: string): string {
  const elapsed = new Date(to).getTime() - new Date(from).getTime();
  const sign = elapsed < 0 ? '−' : '';
  const minutes = Math.floor(Math.abs(elapsed) / minuteMs);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return sign + t('{{days}} j {{hours}} h', { days, hours });
  if (hours > 0) return sign + t('{{hours}} h {{minutes}} min', { hours, minutes: String(rest).padStart(2, '0') });
  return sign + t('{{minutes}} min', { minutes: rest });
}
