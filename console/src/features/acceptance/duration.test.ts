import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n.ts';
import { formatElapsed } from './duration.ts';

describe('the time from an appointment to its report', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  it('is said in minutes, hours and minutes, or days and hours, keeping a negative sign', async () => {
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T08:45:59Z')).toBe('45 min');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T10:05:00Z')).toBe('2 h 05 min');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-04T12:30:00Z')).toBe('3 j 4 h');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-01T07:25:00Z')).toBe('−35 min');
    await setLanguage('en');
    expect(formatElapsed('2026-03-01T08:00:00Z', '2026-03-04T12:30:00Z')).toBe('3 d 4 h');
  });
});
