import { describe, expect, it } from 'vitest';
import { atMost, compareDecimals, withinWindow } from './measurements.ts';

describe('measurements against their thresholds', () => {
  it('compares decimal strings exactly, whatever their number of decimals', () => {
    expect(compareDecimals('-29.5', '-27')).toBe(-1);
    expect(compareDecimals('-8', '-8.000')).toBe(0);
    expect(compareDecimals('0.1', '0.10000000000000001')).toBe(-1);
    expect(compareDecimals('-0.5', '0')).toBe(-1);
    expect(compareDecimals('abc', '0')).toBeNull();
  });

  it('puts a power in or out of its window, bounds included', () => {
    expect(withinWindow('-29.5', '-27', '-8')).toBe(false);
    expect(withinWindow('-21.5', '-27', '-8')).toBe(true);
    expect(withinWindow('-27', '-27', '-8')).toBe(true);
    expect(withinWindow('-7.9', '-27', '-8')).toBe(false);
    expect(atMost('0.1', '0.1')).toBe(true);
    expect(atMost('0.15', '0.1')).toBe(false);
  });
});
