// @vitest-environment happy-dom
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
// The API's schema as the server emits it: the contract the console is typed from.
import schemaText from '../../../schema/schema.graphql?raw';
import { fieldLabel, reasonInLanguage, reasonMessage } from './errors.ts';
import { formatDays, formatDb, formatDbm, networkClassLabel } from './format.ts';
import { i18next, languages, setLanguage } from './i18n.ts';

/** The console's own source files (not its tests, dictionaries or generated types), by path. */
const sources = Object.entries(
  import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/{en,ar}.ts', '!../**/*.d.ts'], {
    eager: true,
    query: '?raw',
    import: 'default',
  }),
);

/** Every text the console marks for translation: the literal first argument of t(…) and msg(…). */
function keysInSource(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [file, text] of sources) {
    for (const match of text.matchAll(/\b(?:t|msg)\(\s*(['"])((?:\\.|(?!\1).)*)\1/g))
      keys.set(match[2]!.replace(/\\(.)/g, '$1'), file);
  }
  return keys;
}

/** The folders' dictionaries of each language but French (the keys), each by its file. */
const dictionaries = {
  en: import.meta.glob<Record<string, string>>('../**/en.ts', { eager: true, import: 'default' }),
  ar: import.meta.glob<Record<string, string>>('../**/ar.ts', { eager: true, import: 'default' }),
};
const translated = ['en', 'ar'] as const;

describe('the console in three languages (issue 7 §7, issue 19)', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  it('offers French, English and Arabic', () => {
    expect(languages).toEqual(['fr', 'en', 'ar']);
  });

  it.each(translated)('has a text in %s for every French one the code shows, and none left unused', (language) => {
    const used = keysInSource();
    expect(used.size).toBeGreaterThan(40);
    const dictionary = i18next.getResourceBundle(language, 'translation') as Record<string, string>;
    const missing = [...used].filter(([key]) => !dictionary[key]).map(([key, file]) => `${file}: ${key}`);
    const unused = Object.keys(dictionary).filter((key) => !used.has(key));
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('has the Arabic of each folder’s texts in that folder, beside their English', () => {
    // A folder's ar.ts mirrors its en.ts: a text is translated where it is used.
    const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/'));
    const english = new Map(Object.entries(dictionaries.en).map(([file, texts]) => [folderOf(file), texts]));
    const apart = Object.entries(dictionaries.ar).flatMap(([file, texts]) => {
      const beside = english.get(folderOf(file)) ?? {};
      return Object.keys(texts)
        .filter((french) => !(french in beside))
        .map((french) => `${file}: ${french}`);
    });
    expect(apart).toEqual([]);
  });

  it.each(translated)('gives a French text shared by two folders the same %s in both', (language) => {
    const seen = new Map<string, { file: string; text: string }>();
    const disagreements: string[] = [];
    for (const [file, dictionary] of Object.entries(dictionaries[language])) {
      for (const [french, text] of Object.entries(dictionary)) {
        const earlier = seen.get(french);
        if (earlier && earlier.text !== text)
          disagreements.push(`${french}: ${earlier.file} says ${earlier.text}, ${file} says ${text}`);
        seen.set(french, { file, text });
      }
    }
    expect(Object.keys(dictionaries[language]).length).toBeGreaterThan(1);
    expect(disagreements).toEqual([]);
  });

  it.each(translated)('keeps every placeholder of the French in its %s', (language) => {
    const dictionary = i18next.getResourceBundle(language, 'translation') as Record<string, string>;
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const broken = Object.entries(dictionary).filter(
      ([french, translation]) => placeholders(french).join() !== placeholders(translation).join(),
    );
    expect(broken).toEqual([]);
  });

  it('never passes a text built at run time to t(…), which no dictionary could hold', () => {
    const dynamic = sources.filter(([, text]) => /\bt\(\s*`/.test(text)).map(([file]) => file);
    expect(dynamic).toEqual([]);
  });

  it('says why a filter from the address was refused, naming it as its page does, in either language', async () => {
    const wilayaRange = { reasonCode: 'WILAYA_CODE_RANGE', reasonParams: { first: '01', last: '58' } };
    expect(`${fieldLabel('filter.wilayaCode')} : ${reasonMessage(wilayaRange)}`).toBe(
      'Wilaya : doit être le code d’une wilaya, de « 01 » à « 58 »',
    );
    expect(
      reasonMessage({ reasonCode: 'COMMUNE_IN_OTHER_WILAYA', reasonParams: { wilaya: '31', communeWilaya: '16' } }),
    ).toBe('doit être une commune de la wilaya 31 : elle est dans la wilaya 16');
    expect(reasonMessage({ reasonCode: 'COMMUNE_ID' })).toBe('doit être l’identifiant d’une commune');
    expect(fieldLabel('filter.period')).toBe('Mois facturé');
    expect(fieldLabel('id')).toBe('id');
    await setLanguage('en');
    expect(`${fieldLabel('wilayaCode')}: ${reasonMessage(wilayaRange)}`).toBe(
      'Wilaya: must be the code of a wilaya, “01” to “58”',
    );
    expect(fieldLabel('filter.technicianId')).toBe('Technician');
  });

  it('switches between French and English, also for the server’s reasons and the formats', async () => {
    expect(i18next.t('Se déconnecter')).toBe('Se déconnecter');
    expect(reasonMessage({ reasonCode: 'MAX_CHARACTERS', reasonParams: { max: '200' } })).toBe(
      'doit faire au plus 200 caractères',
    );
    expect(reasonMessage({ reasonCode: 'PAYMENT_AFTER_TODAY', reasonParams: { today: '2026-12-07' } })).toBe(
      'ne doit pas être après aujourd’hui (2026-12-07, heure d’Alger)',
    );
    expect(formatDays(2)).toBe('2 j');
    expect(
      reasonInLanguage(
        'quality: received power -29.5 dBm is outside -27 to -8 dBm (class B_PLUS); splice loss 0.3 dB is over 0.1 dB',
      ),
    ).toBe(
      'qualité : puissance reçue −29,5\u00a0dBm hors de la plage −27 à −8\u00a0dBm (classe B+) ; perte d’épissure 0,3\u00a0dB au-delà de 0,1\u00a0dB',
    );
    expect(reasonInLanguage('client absent, rappeler lundi')).toBe('client absent, rappeler lundi');
    expect(reasonInLanguage('reserves: câble non fixé; PTO mal posée')).toBe(
      'réserves : câble non fixé ; PTO mal posée',
    );
    await setLanguage('en');
    expect(i18next.t('Se déconnecter')).toBe('Sign out');
    expect(i18next.t('Référence : {{reference}}', { reference: 'r-1' })).toBe('Reference: r-1');
    expect(reasonMessage({ reasonCode: 'MAX_CHARACTERS', reasonParams: { max: '200' } })).toBe(
      'must be at most 200 characters',
    );
    expect(reasonInLanguage('CSV import')).toBe('CSV import');
    expect(formatDays(2)).toBe('2 d');
  });

  it('writes the quality gate’s figures and class as the page writes a measurement, in every language (issue 19)', async () => {
    const plain = (text: string) => text.replace(/\u00a0/g, ' ');
    const reason =
      'quality: received power -29.5 dBm is outside -27 to -8 dBm (class B_PLUS); splice loss 0.3 dB is over 0.1 dB';
    for (const language of languages) {
      await setLanguage(language);
      const said = plain(reasonInLanguage(reason));
      expect(said).toContain(plain(formatDbm('-29.5')));
      expect(said).toContain(plain(formatDb('0.3')));
      expect(said).toContain(networkClassLabel('B_PLUS'));
      expect(said).not.toMatch(/B_PLUS|-\d|\d\.\d/);
    }
    await setLanguage('en');
    expect(plain(reasonInLanguage(reason))).toBe(
      'quality: received power −29,5 dBm is outside −27 to −8 dBm (class B+); splice loss 0,3 dB is over 0,1 dB',
    );
    expect(plain(reasonInLanguage('quality: no thresholds for network class C_PLUS'))).toBe(
      'quality: no thresholds for network class C+',
    );
  });

  it('words every reason the API may give for a refused value (its InputReason enum), in each language', async () => {
    const reasons = (buildSchema(schemaText).getType('InputReason') as GraphQLEnumType)
      .getValues()
      .map((value) => value.name);
    expect(reasons.length).toBeGreaterThan(100);
    const params = { max: '20', min: '1', value: '0', today: '2026-12-07', issuedOn: '2026-11-30' };
    const inFrench = new Map(reasons.map((code) => [code, reasonMessage({ reasonCode: code, reasonParams: params })]));
    // A code the console has no sentence for is told with BAD_USER_INPUT's: none of the API's may be.
    const unknown = reasonMessage({ reasonCode: 'NOT_A_REASON' });
    expect(reasons.filter((code) => inFrench.get(code) === unknown)).toEqual([]);
    for (const language of translated) {
      await setLanguage(language);
      // i18next answers a text without a translation with its French key.
      const untranslated = reasons.filter(
        (code) => reasonMessage({ reasonCode: code, reasonParams: params }) === inFrench.get(code),
      );
      expect({ language, untranslated }).toEqual({ language, untranslated: [] });
    }
  });

  it('writes Arabic from right to left, the values in its sentences isolated, and remembers it', async () => {
    await setLanguage('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem('raccord.language')).toBe('ar');
    expect(i18next.t('Se déconnecter')).toBe('تسجيل الخروج');
    // A Latin value in an Arabic sentence is a first-strong isolate (U+2068 … U+2069).
    expect(i18next.t('Référence : {{reference}}', { reference: 'r-1 (2)' })).toBe('المرجع: \u2068r-1 (2)\u2069');
    expect(reasonMessage({ reasonCode: 'MAX_CHARACTERS', reasonParams: { max: '200' } })).toBe(
      'يجب ألا يتجاوز عدد الحروف \u2068200\u2069',
    );
    expect(formatDays(2)).toBe('\u20682\u2069 يوم');
    expect(
      reasonInLanguage(
        'quality: received power -29.5 dBm is outside -27 to -8 dBm (class B_PLUS); splice loss 0.3 dB is over 0.1 dB',
      ),
    ).toBe(
      // Each figure a first-strong isolate: "−27", with no letter, is left to right, its minus sign on its left.
      'الجودة: \u2068القدرة المستقبَلة \u2068−29,5\u00a0dBm\u2069 خارج المجال من \u2068−27\u2069 إلى \u2068−8\u00a0dBm\u2069 (الصنف \u2068B+\u2069)؛ خسارة اللحام \u20680,3\u00a0dB\u2069 تتجاوز \u20680,1\u00a0dB\u2069\u2069',
    );
    expect(reasonInLanguage('reserves: câble non fixé; PTO mal posée')).toBe(
      'التحفظات: \u2068câble non fixé؛ PTO mal posée\u2069',
    );
    await setLanguage('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(i18next.t('Référence : {{reference}}', { reference: 'r-1 (2)' })).toBe('Référence : r-1 (2)');
  });
});
