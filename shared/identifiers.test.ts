import { describe, expect, it } from 'vitest';
import {
  isPlausibleRcNumber,
  isPlausibleRegistrationNumber,
  isValidNif,
  isValidNis,
  isValidRib,
  ribKey,
} from './identifiers.js';

describe('RIB key (97 − ((branch ‖ account × 100) mod 97))', () => {
  it('computes the key from branch and account, exactly, beyond 2^53', () => {
    // 00001 ‖ 0000000001 = 10000000001; × 100 = 1000000000100; mod 97 = 53 (computed with bc); key 44.
    expect(ribKey('00001', '0000000001')).toBe('44');
    // 99999 ‖ 9999999999 × 100 = 99999999999999900, past Number.MAX_SAFE_INTEGER; mod 97 = 35 (bc); key 62.
    expect(ribKey('99999', '9999999999')).toBe('62');
    expect(Number('99999' + '9999999999') * 100).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });

  it('accepts a RIB whose key matches and refuses any other', () => {
    const base = '00799999' + '0012345678';
    const rib = base + ribKey('99999', '0012345678');
    expect(isValidRib(rib)).toBe(true);
    const wrongKey = base + String((Number(rib.slice(18)) + 1) % 100).padStart(2, '0');
    expect(isValidRib(wrongKey)).toBe(false);
    expect(isValidRib(rib.slice(0, 19))).toBe(false);
    expect(isValidRib(`${rib.slice(0, 19)}x`)).toBe(false);
    expect(isValidRib(` ${rib}`)).toBe(false);
  });

  it('gives a key from 01 to 97, never 00', () => {
    for (let account = 0; account < 500; account += 1) {
      const key = Number(ribKey('12345', String(account).padStart(10, '0')));
      expect(key).toBeGreaterThanOrEqual(1);
      expect(key).toBeLessThanOrEqual(97);
    }
  });
});

describe('NIF', () => {
  it('takes 15 digits, or 20 for a branch', () => {
    expect(isValidNif('000016001234567')).toBe(true);
    expect(isValidNif('00001600123456700001')).toBe(true);
    expect(isValidNif('00001600123456')).toBe(false);
    expect(isValidNif('0000160012345678')).toBe(false);
    expect(isValidNif('00001600123456A')).toBe(false);
  });
});

describe('NIS', () => {
  it('is 15 digits', () => {
    expect(isValidNis('099916001234567')).toBe(true);
    expect(isValidNis('0987')).toBe(false);
    expect(isValidNis('09991600123456A')).toBe(false);
  });
});

describe('RC number', () => {
  it('takes the layouts in use (wilaya/00-number letter year; year letter number), and refuses what has no letter or too few digits', () => {
    expect(isPlausibleRcNumber('16/00-0123456 B 15')).toBe(true);
    expect(isPlausibleRcNumber('16/00-1234567B22')).toBe(true);
    expect(isPlausibleRcNumber('02 B 0018083')).toBe(true);
    expect(isPlausibleRcNumber('abc')).toBe(false);
    expect(isPlausibleRcNumber('0123456789')).toBe(false);
    expect(isPlausibleRcNumber('16 B 12')).toBe(false);
    expect(isPlausibleRcNumber('16/00-0123456 BB 15')).toBe(false);
  });
});

describe('registration numbers (article, card)', () => {
  it('accepts digits, letters and separators with at least 3 digits, and refuses the rest', () => {
    expect(isPlausibleRegistrationNumber('AE-16-000123')).toBe(true);
    expect(isPlausibleRegistrationNumber('16012345678')).toBe(true);
    expect(isPlausibleRegistrationNumber('abc')).toBe(false);
    expect(isPlausibleRegistrationNumber('1')).toBe(false);
    expect(isPlausibleRegistrationNumber('12;drop')).toBe(false);
    expect(isPlausibleRegistrationNumber('-123')).toBe(false);
  });
});
