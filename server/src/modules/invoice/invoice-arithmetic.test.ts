import { describe, expect, it } from 'vitest';
import {
  amountInFrenchWords,
  computeInvoiceTotals,
  invoiceClosingSentence,
  totalsFromBases,
} from './invoice-arithmetic.js';

describe('invoice arithmetic (docs/domain.md, EN 16931)', () => {
  it('rounds each line half-up, sums the rounded lines, and applies VAT once per rate', () => {
    const totals = computeInvoiceTotals(
      [
        // 42.5 m × 123.45 DA = 5,246.625 DA → 5,246.63 DA (half-up on the line)
        { quantity: '42.5', unitPriceCentimes: 12_345n, vatRatePercent: '19' },
        // 1 × 4,500.00 DA
        { quantity: '1', unitPriceCentimes: 450_000n, vatRatePercent: '19' },
        // 3 × 333.33 DA at the reduced rate
        { quantity: '3', unitPriceCentimes: 33_333n, vatRatePercent: '9' },
      ],
      { chargesVat: true, retentionPercent: '5' },
    );
    expect(totals.lineAmounts).toEqual([524_663n, 450_000n, 99_999n]);
    expect(totals.totalExcludingTax).toBe(1_074_662n);
    // 19 % of 9,746.63 DA = 1,851.8597 → 1,851.86 DA; 9 % of 999.99 DA = 89.9991 → 90.00 DA
    expect(totals.vatByRate).toEqual([
      { ratePercent: '9', base: 99_999n, amount: 9_000n },
      { ratePercent: '19', base: 974_663n, amount: 185_186n },
    ]);
    expect(totals.totalVat).toBe(194_186n);
    expect(totals.totalIncludingTax).toBe(1_268_848n);
    // 5 % of 12,688.48 DA = 634.424 → 634.42 DA
    expect(totals.retention).toBe(63_442n);
    expect(totals.netPayable).toBe(1_205_406n);

    // Three lines of 1.50 DA at 19 %: VAT on each would be 0.285 → 0.29, three times 0.87 DA; once on the
    // rate's base of 4.50 DA it is 0.855 → 0.86 DA.
    const threeSmall = computeInvoiceTotals(
      [1, 2, 3].map(() => ({ quantity: '1', unitPriceCentimes: 150n, vatRatePercent: '19' })),
      { chargesVat: true, retentionPercent: '0' },
    );
    expect(threeSmall.vatByRate).toEqual([{ ratePercent: '19', base: 450n, amount: 86n }]);
    expect(threeSmall.totalVat).toBe(86n);
    expect(threeSmall.totalIncludingTax).toBe(536n);
  });

  it('charges no VAT for IFU and auto-entrepreneurs', () => {
    const totals = computeInvoiceTotals([{ quantity: '2', unitPriceCentimes: 250_000n, vatRatePercent: '19' }], {
      chargesVat: false,
      retentionPercent: '0',
    });
    expect(totals).toMatchObject({
      vatByRate: [],
      totalVat: 0n,
      totalIncludingTax: 500_000n,
      retention: 0n,
      netPayable: 500_000n,
    });
  });

  it('stays exact beyond 2^53 centimes', () => {
    const totals = computeInvoiceTotals(
      [{ quantity: '1000000', unitPriceCentimes: 9_007_199_254_740_993n, vatRatePercent: '19' }],
      {
        chargesVat: true,
        retentionPercent: '5',
      },
    );
    expect(totals.totalExcludingTax).toBe(9_007_199_254_740_993_000_000n);
    expect(totals.totalVat).toBe(1_711_367_858_400_788_670_000n);
  });

  it('refuses a quantity or rate that is not a non-negative decimal number', () => {
    expect(() =>
      computeInvoiceTotals([{ quantity: '1e3', unitPriceCentimes: 1n, vatRatePercent: '19' }], {
        chargesVat: true,
        retentionPercent: '5',
      }),
    ).toThrow(RangeError);
    expect(() => computeInvoiceTotals([], { chargesVat: true, retentionPercent: '-5' })).toThrow(RangeError);
  });
});

describe('totals from the line amounts summed by rate', () => {
  it('are the totals of the lines themselves, whatever the order and however a rate is written, with VAT or without', () => {
    const lines = [
      { quantity: '42.5', unitPriceCentimes: 12_345n, vatRatePercent: '19' },
      { quantity: '0.333', unitPriceCentimes: 101n, vatRatePercent: '19.00' },
      { quantity: '3', unitPriceCentimes: 33_333n, vatRatePercent: '9' },
      { quantity: '0', unitPriceCentimes: 450_000n, vatRatePercent: '0' },
      { quantity: '1.5', unitPriceCentimes: 99_999_999_999n, vatRatePercent: '9.0' },
    ];
    // Worked by hand: lines 524,662.5 → 524,663; 33.633 → 34; 99,999; 0; 149,999,999,998.5 → 149,999,999,999 centimes.
    const byHand = {
      true: {
        totalExcludingTax: 150_000_624_695n,
        vatByRate: [
          { ratePercent: '0', base: 0n, amount: 0n },
          // 9 % of 150,000,099,998 = 13,500,008,999.82 → 13,500,009,000
          { ratePercent: '9', base: 150_000_099_998n, amount: 13_500_009_000n },
          // 19 % of 524,697 = 99,692.43 → 99,692
          { ratePercent: '19', base: 524_697n, amount: 99_692n },
        ],
        totalVat: 13_500_108_692n,
        totalIncludingTax: 163_500_733_387n,
        // 7.5 % of the total with tax: 12,262,555,004.025 → 12,262,555,004
        retention: 12_262_555_004n,
        netPayable: 151_238_178_383n,
      },
      false: {
        totalExcludingTax: 150_000_624_695n,
        vatByRate: [],
        totalVat: 0n,
        totalIncludingTax: 150_000_624_695n,
        // 7.5 % of 150,000,624,695 = 11,250,046,852.125 → 11,250,046,852
        retention: 11_250_046_852n,
        netPayable: 138_750_577_843n,
      },
    };
    for (const chargesVat of [true, false]) {
      const options = { chargesVat, retentionPercent: '7.5' };
      const { lineAmounts, ...fromLines } = computeInvoiceTotals(lines, options);
      expect(lineAmounts).toEqual([524_663n, 34n, 99_999n, 0n, 149_999_999_999n]);
      const bases = lines
        .map((line, index) => ({ ratePercent: line.vatRatePercent, base: lineAmounts[index]! }))
        .reverse();
      expect(totalsFromBases(bases, options)).toEqual(byHand[`${chargesVat}`]);
      expect(fromLines).toEqual(byHand[`${chargesVat}`]);
    }
    expect(totalsFromBases([], { chargesVat: true, retentionPercent: '5' })).toEqual({
      totalExcludingTax: 0n,
      vatByRate: [],
      totalVat: 0n,
      totalIncludingTax: 0n,
      retention: 0n,
      netPayable: 0n,
    });
    expect(() =>
      totalsFromBases([{ ratePercent: '-19', base: 1n }], { chargesVat: true, retentionPercent: '5' }),
    ).toThrow(RangeError);
  });
});

describe('amounts in French words', () => {
  it('writes dinars and centimes as invoices do', () => {
    expect(amountInFrenchWords(123_456_789n)).toBe(
      'un million deux cent trente-quatre mille cinq cent soixante-sept dinars algériens et quatre-vingt-neuf centimes',
    );
    expect(amountInFrenchWords(100n)).toBe('un dinar algérien');
    expect(amountInFrenchWords(1n)).toBe('zéro dinar algérien et un centime');
    expect(amountInFrenchWords(8_000n)).toBe('quatre-vingts dinars algériens');
    expect(invoiceClosingSentence(120_540_600n)).toBe(
      'Arrêtée la présente facture à la somme de : un million deux cent cinq mille quatre cent six dinars algériens.',
    );
  });
});

describe('the exact values of issue 5', () => {
  it('three lines of 0.10 DZD total 0.30; 19 % VAT on 1.50 DZD is 0.29 (1.79 with tax); 25,000,000.00 DZD stays exact', () => {
    const tenCentimes = { quantity: '1', unitPriceCentimes: 10n, vatRatePercent: '19' };
    expect(
      computeInvoiceTotals([tenCentimes, tenCentimes, tenCentimes], { chargesVat: false, retentionPercent: '0' })
        .totalExcludingTax,
    ).toBe(30n);
    const small = computeInvoiceTotals([{ quantity: '1', unitPriceCentimes: 150n, vatRatePercent: '19' }], {
      chargesVat: true,
      retentionPercent: '0',
    });
    expect([small.totalVat, small.totalIncludingTax]).toEqual([29n, 179n]);
    const large = computeInvoiceTotals([{ quantity: '1', unitPriceCentimes: 2_500_000_000n, vatRatePercent: '19' }], {
      chargesVat: true,
      retentionPercent: '0',
    });
    expect(large.lineAmounts).toEqual([2_500_000_000n]);
    expect(large.totalIncludingTax).toBe(2_975_000_000n);
  });
});
