import { describe, expect, it } from 'vitest';
import { algiersLocalToIso, isoToAlgiersLocal } from './algiers-time.ts';

describe('Algiers wall-clock time for appointments', () => {
  it('reads a time entered in Algiers (UTC+1 all year, no summer time) as its UTC instant', () => {
    expect(algiersLocalToIso('2026-12-01T10:30')).toBe('2026-12-01T09:30:00.000Z');
    expect(algiersLocalToIso('2026-07-15T10:30')).toBe('2026-07-15T09:30:00.000Z');
    expect(algiersLocalToIso('2027-01-01T00:15')).toBe('2026-12-31T23:15:00.000Z');
  });

  it('writes an instant as Algiers wall-clock time, the inverse', () => {
    expect(isoToAlgiersLocal('2026-12-31T23:15:00.000Z')).toBe('2027-01-01T00:15');
    expect(isoToAlgiersLocal(algiersLocalToIso('2026-03-29T02:30')!)).toBe('2026-03-29T02:30');
  });

  it('refuses what is no date and time', () => {
    expect(algiersLocalToIso('')).toBeNull();
    expect(algiersLocalToIso('2026-02-30T10:00')).toBeNull();
    expect(algiersLocalToIso('2026-12-01 10:30')).toBeNull();
    expect(algiersLocalToIso('2026-12-01T24:30')).toBeNull();
  });
});
