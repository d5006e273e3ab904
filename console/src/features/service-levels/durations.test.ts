import { describe, expect, it } from 'vitest';
import { minutesOf, targetInWords, typedTarget } from './durations.ts';

describe('service-level targets in words and as typed', () => {
  it('says whole working days as working days, other whole days as calendar days, the rest as a duration', () => {
    expect(targetInWords(2880, 'WORKING_DAYS')).toBe('2 jours ouvrés');
    expect(targetInWords(1440, 'WORKING_DAYS')).toBe('1 jour ouvré');
    expect(targetInWords(43_200, 'CALENDAR')).toBe('30 jours calendaires');
    expect(targetInWords(1440, 'CALENDAR')).toBe('1 jour calendaire');
    expect(targetInWords(240, 'WORKING_DAYS')).toBe('4\u00a0h');
    expect(targetInWords(90, 'CALENDAR')).toBe('1\u00a0h\u00a0et\u00a030\u00a0min');
    expect(targetInWords(45, 'CALENDAR')).toBe('45\u00a0min');
  });

  it('shows a target in its largest whole unit and reads it back in minutes', () => {
    expect(typedTarget(2880)).toEqual({ amount: '2', unit: 'DAYS' });
    expect(typedTarget(240)).toEqual({ amount: '4', unit: 'HOURS' });
    expect(typedTarget(45)).toEqual({ amount: '45', unit: 'MINUTES' });
    expect(minutesOf(' 3 ', 'DAYS')).toBe(4320);
    expect(minutesOf('4', 'HOURS')).toBe(240);
    for (const wrong of ['', '0', '1,5', '-2', 'deux']) expect(minutesOf(wrong, 'DAYS')).toBeNull();
  });
});
