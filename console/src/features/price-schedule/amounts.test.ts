import { describe, expect, it } from 'vitest';
import { apiAmountOf, typedAmountOf } from './amounts.ts';

describe('unit prices typed in the console', () => {
  it('are shown for editing the French way', () => {
    expect(typedAmountOf('4500.00')).toBe('4500,00');
    expect(typedAmountOf('45.5')).toBe('45,5');
  });

  it('are sent as the API takes them, with their digits as typed (never through a float)', () => {
    expect(apiAmountOf('4 500,50')).toBe('4500.50');
    expect(apiAmountOf('4\u00a0500,5')).toBe('4500.5');
    expect(apiAmountOf('900')).toBe('900');
    expect(apiAmountOf('999999999999.99')).toBe('999999999999.99');
    expect(apiAmountOf('0,10')).toBe('0.10');
  });

  it('refuses what is no amount in DA of at most two decimals', () => {
    for (const typed of ['', '4500,005', '-45', '1e3', '4,500,00', 'abc', '1234567890123'])
      expect(apiAmountOf(typed)).toBeNull();
  });
});
