import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n.ts';
import { formatElapsed } from './duration.ts';

describe('the time from an appointment to its report', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  it('is said to the minute in days, hours and minutes, in the language shown, keeping a negative sign', async () => {
    const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T08:45:59Z')).toBe(nbsp('45 min'));
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T10:05:00Z')).toBe(nbsp('2 h et 5 min'));
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-04T12:30:00Z')).toBe(nbsp('3 j, 4 h et 30 min'));
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T07:25:00Z')).toBe(nbsp('−35 min'));
    await setLanguage('en');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-04T12:30:00Z')).toBe(nbsp('3 days, 4 hrs, 30 mins'));
    await setLanguage('ar');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-04T12:30:00Z')).toBe(nbsp('3 أيام، و4 س، و30 د'));
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T07:25:00Z')).toBe(nbsp('−35 د'));
  });
});
