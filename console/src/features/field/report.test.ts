import { describe, expect, it } from 'vitest';
import { flipSign, liveVerdict, namesUnit, normalizeDecimal, quantityProblem } from './report.ts';
import { telLink, wayThere } from './geo.ts';

const classBPlus = { minReceivedPowerDbm: '-27', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' };

describe('the installation report as the technician types it (issue 15 §2)', () => {
  it('reads numbers typed the French way or with a true minus sign', () => {
    expect(normalizeDecimal(' −21,5 ')).toBe('-21.5');
    expect(normalizeDecimal('0,05')).toBe('0.05');
  });

  it('flips the sign of a number as it was typed, its decimal comma or point kept', () => {
    expect(flipSign('19,4')).toBe('-19,4');
    expect(flipSign('19.4')).toBe('-19.4');
    expect(flipSign(' −19,4')).toBe('19,4');
    expect(flipSign('-0,04')).toBe('0,04');
    expect(flipSign('')).toBe('-');
  });

  it('knows a work item whose designation names its unit, so as not to repeat it', () => {
    expect(namesUnit('Raccordement standard (forfait)', 'FORFAIT')).toBe(true);
    expect(namesUnit('Câble de branchement aérien (m)', 'M')).toBe(true);
    expect(namesUnit('Prise terminale optique (PTO)', 'U')).toBe(false);
    expect(namesUnit('Câble de branchement aérien', 'M')).toBe(false);
  });

  it('gives the quality gate’s verdict live, and nothing while the number is not complete', () => {
    expect(liveVerdict('B_PLUS', '-', '', classBPlus)).toEqual({ state: 'incomplete' });
    expect(liveVerdict('B_PLUS', '-21,5', '', classBPlus)).toEqual({ state: 'within' });
    expect(liveVerdict('B_PLUS', '-21,5', '0,', classBPlus)).toEqual({ state: 'incomplete' });
    expect(liveVerdict('B_PLUS', '-27', '0,1', classBPlus)).toEqual({ state: 'within' });
    const outside = liveVerdict('B_PLUS', '-29,5', '0,3', classBPlus);
    expect(outside.state === 'outside' && outside.issues.map((issue) => issue.code)).toEqual([
      'RECEIVED_POWER_OUTSIDE_WINDOW',
      'SPLICE_LOSS_OVER_MAXIMUM',
    ]);
    const unknownClass = liveVerdict('C_PLUS', '-21', '', null);
    expect(unknownClass.state === 'outside' && unknownClass.issues.map((issue) => issue.code)).toEqual([
      'NO_THRESHOLDS',
    ]);
  });

  it('wants whole quantities for items counted in units or flat rates, metres to 3 decimals', () => {
    expect(quantityProblem('1', 'U')).toBeNull();
    expect(quantityProblem('1,5', 'U')).toBe('Cet article se compte en nombre entier.');
    expect(quantityProblem('2.0', 'FORFAIT')).toBe('Cet article se compte en nombre entier.');
    expect(quantityProblem('42,5', 'M')).toBeNull();
    expect(quantityProblem('0', 'M')).toBe('La quantité doit être supérieure à 0.');
    expect(quantityProblem('1.2345', 'M')).toBe('Quantité : un nombre, par exemple 42,5.');
    expect(quantityProblem('', 'M')).toBe('Indiquez la quantité.');
  });

  it('links to the customer’s phone and the way to the work', () => {
    expect(telLink('0661 23 45 67')).toBe('tel:0661234567');
    expect(telLink('+213 661-23-45-67')).toBe('tel:+213661234567');
    expect(wayThere(36.8065, 3.0123)).toEqual({
      geo: 'geo:36.806500,3.012300?q=36.806500,3.012300',
      web: 'https://www.openstreetmap.org/directions?to=36.806500%2C3.012300#map=17/36.806500/3.012300',
    });
  });
});
