import { buildSchema, type GraphQLEnumType } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
// The API's schema as the server emits it: the contract the console is typed from.
import schemaText from '../../../schema/schema.graphql?raw';
import { fieldLabel, reasonInLanguage, reasonMessage } from './errors.ts';
import { formatDays } from './format.ts';
import { i18next, setLanguage } from './i18n.ts';

/** The console's own source files (not its tests, dictionaries or generated types), by path. */
const sources = Object.entries(
  import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/en.ts', '!../**/*.d.ts'], {
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

/** The folders' English dictionaries, each by its file. */
const dictionaries = import.meta.glob<Record<string, string>>('../**/en.ts', { eager: true, import: 'default' });

describe('the console in two languages (issue 7 §7)', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  it('has an English text for every French one the code shows, and no English left unused', () => {
    const used = keysInSource();
    expect(used.size).toBeGreaterThan(40);
    const english = i18next.getResourceBundle('en', 'translation') as Record<string, string>;
    const missing = [...used].filter(([key]) => !english[key]).map(([key, file]) => `${file}: ${key}`);
    const unused = Object.keys(english).filter((key) => !used.has(key));
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('gives a French text shared by two folders the same English in both', () => {
    const seen = new Map<string, { file: string; english: string }>();
    const disagreements: string[] = [];
    for (const [file, dictionary] of Object.entries(dictionaries)) {
      for (const [french, english] of Object.entries(dictionary)) {
        const earlier = seen.get(french);
        if (earlier && earlier.english !== english)
          disagreements.push(`${french}: ${earlier.file} says ${earlier.english}, ${file} says ${english}`);
        seen.set(french, { file, english });
      }
    }
    expect(Object.keys(dictionaries).length).toBeGreaterThan(1);
    expect(disagreements).toEqual([]);
  });

  it('keeps every placeholder of the French in its English', () => {
    const english = i18next.getResourceBundle('en', 'translation') as Record<string, string>;
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const broken = Object.entries(english).filter(
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
      'qualité : puissance reçue -29.5 dBm hors de la plage -27 à -8 dBm (classe B_PLUS) ; perte d’épissure 0.3 dB au-delà de 0.1 dB',
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

  it('words every reason the API may give for a refused value (its InputReason enum), in French and in English', async () => {
    const reasons = (buildSchema(schemaText).getType('InputReason') as GraphQLEnumType)
      .getValues()
      .map((value) => value.name);
    expect(reasons.length).toBeGreaterThan(100);
    const params = { max: '20', min: '1', value: '0', today: '2026-12-07', issuedOn: '2026-11-30' };
    const inFrench = new Map(reasons.map((code) => [code, reasonMessage({ reasonCode: code, reasonParams: params })]));
    // A code the console has no sentence for is told with BAD_USER_INPUT's: none of the API's may be.
    const unknown = reasonMessage({ reasonCode: 'NOT_A_REASON' });
    expect(reasons.filter((code) => inFrench.get(code) === unknown)).toEqual([]);
    await setLanguage('en');
    // i18next answers a text without English with its French key.
    const withoutEnglish = reasons.filter(
      (code) => reasonMessage({ reasonCode: code, reasonParams: params }) === inFrench.get(code),
    );
    expect(withoutEnglish).toEqual([]);
  });
});
