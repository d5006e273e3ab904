import { afterEach, describe, expect, it } from 'vitest';
import {
  formatAlgiersDateTime,
  formatCalendarDate,
  formatCount,
  formatDays,
  formatDb,
  formatDbm,
  formatDbOneDecimal,
  formatDecimal,
  formatDzd,
  formatPercent,
  formatShare,
  formatShortMonth,
  networkClassLabel,
} from './format.ts';
import { setLanguage } from './i18n.ts';

describe('the console’s formats', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  /** The text with its no-break spaces written as spaces, for reading. */
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');

  it('writes money as 1 234 567,89 DA from whole centimes, beyond what a float holds exactly', () => {
    expect(plain(formatDzd('123456789'))).toBe('1 234 567,89 DA');
    expect(plain(formatDzd('5'))).toBe('0,05 DA');
    expect(plain(formatDzd('-826679'))).toBe('−8 266,79 DA');
    expect(plain(formatDzd('900719925474099301'))).toBe('9 007 199 254 740 993,01 DA');
    // No ordinary space a line could break at: "− 2 / 945,25 DA" must not be read as −2.
    expect(formatDzd('-294525')).not.toMatch(/ /);
    expect(plain(formatDzd('123456789', 'en'))).toBe('1 234 567,89 DA');
  });

  it('writes money in Arabic with Latin digits and the dinar’s Arabic sign, its figure kept left to right', async () => {
    // U+2066 … U+2069: the figure is a left-to-right isolate, its minus on its left in a right-to-left line.
    expect(plain(formatDzd('123456789', 'ar'))).toBe('\u20661 234 567,89\u2069 د.ج');
    expect(plain(formatDzd('-826679', 'ar'))).toBe('\u2066−8 266,79\u2069 د.ج');
    await setLanguage('ar');
    expect(plain(formatDzd('5'))).toBe('\u20660,05\u2069 د.ج');
    expect(formatDzd('-294525')).not.toMatch(/ /);
  });

  it('writes counts, shares, days and dates with Latin digits in Arabic too, its days unit in Arabic', async () => {
    await setLanguage('ar');
    expect(plain(formatCount(12345))).toBe('12 345');
    expect(plain(formatPercent(0.875))).toBe('87,5 %');
    // The number interpolated into the Arabic sentence is isolated (U+2068 … U+2069).
    expect(formatDays(3.25)).toBe('\u20683,3\u2069 يوم');
    expect(formatCalendarDate('2026-11-29')).toBe('29/11/2026');
    expect(formatAlgiersDateTime('2026-11-29T23:30:00.000Z')).toBe('30/11/2026 00:30:00');
  });

  it('writes counts, shares and days the French way, with a dash for none', () => {
    expect(plain(formatCount(12345))).toBe('12 345');
    expect(plain(formatPercent(0.875))).toBe('87,5 %');
    expect(plain(formatPercent(null))).toBe('—');
    expect(formatDays(3.25)).toBe('3,3 j');
    expect(formatDays(null)).toBe('—');
  });

  it('writes a share the API gives as a decimal string as a percentage, from the string itself, a dash for none', async () => {
    expect(plain(formatShare('0.8750'))).toBe('87,5 %');
    expect(plain(formatShare('1.0000'))).toBe('100 %');
    // Half up at the tenth of a percent, as written, not as the nearest float would round it.
    expect(plain(formatShare('0.12345'))).toBe('12,3 %');
    expect(plain(formatShare('0.00050'))).toBe('0,1 %');
    expect(formatShare(null)).toBe('—');
    expect(formatShare('0.5000')).not.toMatch(/ /);
    await setLanguage('ar');
    expect(plain(formatShare('0.8750'))).toBe('87,5 %');
  });

  it('writes a month short for a chart’s axis, in the language shown', async () => {
    expect(formatShortMonth('2026-07-01')).toBe('juil. 26');
    await setLanguage('en');
    expect(formatShortMonth('2026-07-01')).toBe('Jul 26');
  });

  it('writes a measurement from the API’s decimal string with a true minus sign and a decimal comma, digits untouched (issue 19)', () => {
    expect(plain(formatDbm('-30.3'))).toBe('−30,3 dBm');
    expect(plain(formatDbm('-8'))).toBe('−8 dBm');
    expect(plain(formatDb('0.10'))).toBe('0,10 dB');
    expect(formatDecimal('-29.999')).toBe('−29,999');
    // No ordinary space a line could break at: the unit stays with its figure.
    expect(formatDbm('-30.3')).not.toMatch(/ /);
    expect(networkClassLabel('B_PLUS')).toBe('B+');
    expect(networkClassLabel('C_PLUS')).toBe('C+');
  });

  it('rounds a margin from the API’s decimal string to one decimal, exactly', () => {
    expect(plain(formatDbOneDecimal('5.528'))).toBe('5,5 dB');
    expect(plain(formatDbOneDecimal('5.55'))).toBe('5,6 dB');
    expect(plain(formatDbOneDecimal('12'))).toBe('12,0 dB');
    expect(plain(formatDbOneDecimal('-0.349'))).toBe('−0,3 dB');
    // Beyond a float's digits: the string is rounded as written.
    expect(plain(formatDbOneDecimal('1234567890123.45'))).toBe('1234567890123,5 dB');
  });

  it('writes dates as day/month/year, instants in Algiers time whatever the browser’s zone', () => {
    expect(formatCalendarDate('2026-11-29')).toBe('29/11/2026');
    expect(formatAlgiersDateTime('2026-11-29T23:30:00.000Z')).toBe('30/11/2026 00:30:00');
  });
});
