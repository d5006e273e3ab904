import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n.ts';
import { formatPlace, rankSentence } from './ranks.ts';

describe('a firm’s place among the firms, in words', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  it('writes a place as each language does: 1er and 3e, 1st, 22nd and 13th, the figure alone in Arabic', () => {
    expect([1, 2, 3, 21].map((place) => formatPlace(place, 'fr'))).toEqual(['1er', '2e', '3e', '21e']);
    expect([1, 2, 3, 4, 11, 13, 22].map((place) => formatPlace(place, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '13th',
      '22nd',
    ]);
    expect(formatPlace(3, 'ar')).toBe('3');
  });

  it('says the place among the firms of a wilaya and of the country, or that there was nothing to rank', async () => {
    expect(rankSentence({ wilayaCode: '16', rank: 3, rankedFirms: 12 }, '16 Alger')).toBe(
      '3e sur 12 contractants de la wilaya 16 Alger',
    );
    expect(rankSentence({ wilayaCode: '16', rank: 1, rankedFirms: 1 }, '16 Alger')).toBe(
      '1er sur 1 contractant de la wilaya 16 Alger',
    );
    expect(rankSentence({ wilayaCode: null, rank: 5, rankedFirms: 1400 }, '')).toBe('5e sur 1\u00a0400 au national');
    expect(rankSentence({ wilayaCode: '31', rank: null, rankedFirms: 4 }, '31 Oran')).toBe(
      'Non classé dans la wilaya 31 Oran ce mois-là (contractants classés : 4)',
    );
    await setLanguage('en');
    expect(rankSentence({ wilayaCode: '16', rank: 3, rankedFirms: 12 }, '16 Alger')).toBe(
      '3rd of 12 contractors of wilaya 16 Alger',
    );
    await setLanguage('ar');
    expect(rankSentence({ wilayaCode: null, rank: 5, rankedFirms: 140 }, '')).toBe(
      'المرتبة \u20685\u2069 من أصل \u2068140\u2069 على المستوى الوطني',
    );
  });
});
