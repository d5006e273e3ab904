import { describe, expect, it } from 'vitest';
import { addDays, algiersDate, algiersMonth, daysBetween, now } from './time.js';

describe('Algiers time (UTC+1 all year)', () => {
  it('dates an instant by the calendar in Algiers, an hour ahead of UTC, summer and winter alike', () => {
    expect(algiersDate(new Date('2026-03-31T22:59:59.999Z'))).toBe('2026-03-31');
    expect(algiersDate(new Date('2026-03-31T23:00:00Z'))).toBe('2026-04-01');
    expect(algiersDate(new Date('2026-07-15T22:59:59Z'))).toBe('2026-07-15');
    expect(algiersDate(new Date('2026-07-15T23:00:00Z'))).toBe('2026-07-16');
    expect(algiersMonth(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12');
    expect(algiersMonth(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01');
  });

  it('counts calendar days across month, year and leap-day ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(daysBetween('2026-05-10', '2026-05-10')).toBe(0);
  });

  it('takes "now" from the context’s clock when it has one', () => {
    const instant = new Date('2026-06-01T10:00:00Z');
    expect(now({ clock: () => instant })).toBe(instant);
    expect(now({})).toBeInstanceOf(Date);
  });
});
