import { registerEnumType } from 'type-graphql';

/** The languages Raccord speaks to its users: French (the default), English and Arabic. */
export enum Language {
  FR = 'FR',
  EN = 'EN',
  AR = 'AR',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'A language Raccord speaks: the console’s, and that of every e-mail sent to the user. FR by default.',
  valuesConfig: {
    FR: { description: 'French (the default).' },
    EN: { description: 'English.' },
    AR: { description: 'Arabic, written right to left.' },
  },
});

/** Every language, French first. */
export const languages: readonly Language[] = Object.values(Language);

/**
 * `text` between Unicode isolates (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE): a
 * name or a code keeps its own direction inside a sentence of the other (a Latin reference in Arabic,
 * an Arabic name in French), and the punctuation around it stays where the sentence puts it.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}
