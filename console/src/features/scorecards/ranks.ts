import { formatCount } from '../../lib/format.ts';
import { currentLanguage, translate as t, type Language } from '../../lib/i18n.ts';

/**
 * The ending of a place ("1er", "3e", "3rd") by the language's ordinal plural category
 * (`Intl.PluralRules` of type ordinal). French writes a contractor's first place "1er" (un contractant);
 * Arabic writes the figure alone, its sentence saying «المرتبة».
 */
const placeEndings: Record<Language, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  fr: { one: 'er', other: 'e' },
  en: { one: 'st', two: 'nd', few: 'rd', other: 'th' },
  ar: { other: '' },
};

/** A firm's place in a ranking, as the language writes it: "1er", "3e" ("1st", "3rd"; "3" in Arabic). */
export function formatPlace(place: number, language: Language = currentLanguage()): string {
  const endings = placeEndings[language];
  return `${place}${endings[new Intl.PluralRules(language, { type: 'ordinal' }).select(place)] ?? endings.other}`;
}

/** A firm's place among the firms of a wilaya or of the country on one figure, as the scorecard's API gives it. */
export interface Rank {
  readonly wilayaCode: string | null;
  readonly rank: number | null;
  readonly rankedFirms: number;
}

/**
 * A firm's place in words: "3e sur 12 contractants de la wilaya 16 Alger", "5e sur 140 au national", or
 * that it has no place that month (nothing to be ranked on). `wilaya` names the rank's wilaya.
 */
export function rankSentence(rank: Rank, wilaya: string): string {
  const count = formatCount(rank.rankedFirms);
  if (rank.rank === null) {
    return rank.wilayaCode === null
      ? t('Non classé au national ce mois-là (contractants classés : {{count}})', { count })
      : t('Non classé dans la wilaya {{wilaya}} ce mois-là (contractants classés : {{count}})', { count, wilaya });
  }
  const place = formatPlace(rank.rank);
  if (rank.wilayaCode === null) return t('{{place}} sur {{count}} au national', { place, count });
  return new Intl.PluralRules(currentLanguage()).select(rank.rankedFirms) === 'one'
    ? t('{{place}} sur {{count}} contractant de la wilaya {{wilaya}}', { place, count, wilaya })
    : t('{{place}} sur {{count}} contractants de la wilaya {{wilaya}}', { place, count, wilaya });
}
