import { describe, expect, it } from 'vitest';
import { algiersDateTime, appointmentWhen, dayInWords } from './format.ts';

describe('the field view’s numbers and dates, in the language shown (issue 15 §1)', () => {
  it('says an appointment of today by its time, any other by its day and time, with the year when not this one', () => {
    expect(appointmentWhen('2026-12-06T13:30:00Z', '2026-12-06', 'fr')).toBe('14:30');
    expect(appointmentWhen('2026-09-25T04:49:06Z', '2026-12-06', 'fr')).toBe('25 sept. 05:49');
    expect(appointmentWhen('2026-09-25T04:49:06Z', '2026-12-06', 'en')).toBe('25 Sept 05:49');
    expect(appointmentWhen('2025-12-30T08:00:00Z', '2026-01-02', 'fr')).toBe('30 déc. 2025 09:00');
    // Arabic: the months as Algeria names them, Latin digits.
    expect(appointmentWhen('2026-02-25T04:49:06Z', '2026-12-06', 'ar')).toBe('25 فيفري 05:49');
  });

  it('writes a day in words with its capital only, and a date and time without seconds', () => {
    expect(dayInWords('2026-12-03', 'fr')).toBe('Jeudi 3 décembre');
    expect(dayInWords('2026-12-03', 'en')).toBe('Thursday 3 December');
    expect(dayInWords('2026-12-03', 'ar')).toBe('الخميس، 3 ديسمبر');
    expect(algiersDateTime('2026-09-25T04:49:06Z')).toBe('25/09/2026 05:49');
  });
});
