import { afterEach, describe, expect, it } from 'vitest';
import { fieldLabel, reasonInLanguage } from './errors.ts';
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
    expect(
      `${fieldLabel('filter.wilayaCode')} : ${reasonInLanguage('must be the code of a wilaya, "01" to "58"')}`,
    ).toBe('Wilaya : doit être le code d’une wilaya, de « 01 » à « 58 »');
    expect(reasonInLanguage('must be a commune of wilaya 31: it is in wilaya 16')).toBe(
      'doit être une commune de la wilaya 31 : elle est dans la wilaya 16',
    );
    expect(reasonInLanguage('must be the id of a commune')).toBe('doit être l’identifiant d’une commune');
    expect(fieldLabel('filter.period')).toBe('Mois facturé');
    expect(fieldLabel('id')).toBe('id');
    await setLanguage('en');
    expect(`${fieldLabel('wilayaCode')}: ${reasonInLanguage('must be the code of a wilaya, "01" to "58"')}`).toBe(
      'Wilaya: must be the code of a wilaya, "01" to "58"',
    );
    expect(fieldLabel('filter.technicianId')).toBe('Technician');
  });

  it('switches between French and English, also for the server’s reasons and the formats', async () => {
    expect(i18next.t('Se déconnecter')).toBe('Se déconnecter');
    expect(reasonInLanguage('must be at most 200 characters')).toBe('doit faire au plus 200 caractères');
    expect(reasonInLanguage('is required')).toBe('est obligatoire');
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
    expect(reasonInLanguage('must be at most 200 characters')).toBe('must be at most 200 characters');
    expect(formatDays(2)).toBe('2 d');
  });
});
