import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * The console's languages (issue 7 §7, issue 19): French by default, English and Arabic available.
 * The French text is the key (gettext style), so French needs no dictionary; English is gathered from
 * the `en.ts` file of each folder (`console/src/**\/en.ts`, each `Record<French, English>`), Arabic
 * from its `ar.ts`. Interpolations use i18next's `{{name}}`. A test (i18n.test.ts) checks that every
 * key the code uses has its English and its Arabic and that no entry is left unused.
 */
export const languages = ['fr', 'en', 'ar'] as const;
export type Language = (typeof languages)[number];

/** Each language's name, as its readers write it (the language menu). */
export const languageNames: Record<Language, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

/** The languages written from right to left: the page's `dir`. */
const rightToLeft: ReadonlySet<Language> = new Set(['ar']);

const storageKey = 'raccord.language';

/** Marks a French text for translation where it is written (label tables), for `t(text)` later. */
export function msg<const T extends string>(text: T): T {
  return text;
}

/** One language's dictionary: the `<language>.ts` files of every folder, merged. */
function gathered(files: Record<string, Record<string, string>>): Record<string, string> {
  return Object.assign({}, ...Object.values(files)) as Record<string, string>;
}

const english = gathered(import.meta.glob('../**/en.ts', { eager: true, import: 'default' }));
const arabic = gathered(import.meta.glob('../**/ar.ts', { eager: true, import: 'default' }));

function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return isLanguage(stored) ? stored : 'fr';
}

/** First strong isolate and pop directional isolate (Unicode's bidirectional algorithm, UAX #9). */
const firstStrongIsolate = '\u2068';
const popDirectionalIsolate = '\u2069';

/**
 * A value written into a sentence of a right-to-left language, isolated (U+2068 … U+2069) so that its
 * own direction neither takes nor gives order to the words around it: a Latin name or a phone number
 * in an Arabic sentence keeps its characters in order, and the sentence its own. A left-to-right
 * sentence gets the value as it is.
 */
export function isolate(value: string, language: Language = currentLanguage()): string {
  return rightToLeft.has(language) ? `${firstStrongIsolate}${value}${popDirectionalIsolate}` : value;
}

void i18next.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  returnEmptyString: false,
  // Every value interpolated into a sentence is isolated (`isolate`); nothing is HTML-escaped, React does that.
  interpolation: { escapeValue: true, escape: (value: string) => isolate(String(value)) },
  resources: { en: { translation: english }, ar: { translation: arabic } },
});
syncDocument(currentLanguage());

/** The page's `lang` and `dir` (right to left for Arabic: the layout, written with logical properties, mirrors). */
function syncDocument(language: Language) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = rightToLeft.has(language) ? 'rtl' : 'ltr';
}

/** Switches the console's language and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, language);
  await i18next.changeLanguage(language);
  syncDocument(language);
}

/** Whether a language was chosen in this browser (else the account's applies at sign-in). */
export function languageChosenHere(): boolean {
  return typeof localStorage !== 'undefined' && localStorage.getItem(storageKey) !== null;
}

/** The language shown now. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'fr';
}

/** `t` outside React components (error sentences, formats): the current language's text of `key`. */
export const translate = i18next.t.bind(i18next);

export { i18next };
