import { describe, expect, it } from 'vitest';
import { visualOrder } from './bidi-text.js';

describe('visualOrder (right-to-left text for pdfkit)', () => {
  it('leaves text without right-to-left letters as it is', () => {
    expect(visualOrder('SARL Nour Fibre — 42, rue des Martyrs')).toBe('SARL Nour Fibre — 42, rue des Martyrs');
  });

  it('puts Arabic words in visual order, each in reading order with its own space, so that the line reads right to left', () => {
    expect(visualOrder('شركة نور للألياف')).toBe('للألياف نور شركة ');
  });

  it('keeps numbers and Latin parts of a mixed address in place', () => {
    expect(visualOrder('حي 200 مسكن، باب الزوار, Ain Benian, 16 Alger')).toBe(
      'Ain Benian, 16 Alger الزوار, باب مسكن،  200 حي ',
    );
    expect(visualOrder('SARL نور فيبر')).toBe('SARL فيبر نور ');
  });
});
