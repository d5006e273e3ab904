import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * The console's languages (issue 7 §7): French by default, English available. The French text is
 * the key (gettext style), so French needs no dictionary; English is gathered from the `en.ts` file
 * of each folder (`console/src/**\/en.ts`, each `Record<French, English>`). Interpolations use
 * i18next's `{{name}}`. A test (i18n.test.ts) checks that every key the code uses has its English
 * and that no English entry is left unused.
 */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'raccord.language';

/** Marks a French text for translation where it is written (label tables), for `t(text)` later. */
export function msg<const T extends string>(text: T): T {
  return text;
}

const dictionaries = import.meta.glob<Record<string, string>>('../**/en.ts', { eager: true, import: 'default' });
const english = Object.assign({}, ...Object.values(dictionaries)) as Record<string, string>;

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'fr';
}

void i18next.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  resources: { en: { translation: english } },
});
syncDocumentLanguage(i18next.language as Language);

function syncDocumentLanguage(language: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the console's language and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, language);
  await i18next.changeLanguage(language);
  syncDocumentLanguage(language);
}

/** Whether a language was chosen in this browser (else the account's applies at sign-in). */
export function languageChosenHere(): boolean {
  return typeof localStorage !== 'undefined' && localStorage.getItem(storageKey) !== null;
}

/** The language shown now. */
export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}

/** `t` outside React components (error sentences, formats): the current language's text of `key`. */
export const translate = i18next.t.bind(i18next);

export { i18next };
