import { wordLocales } from '../../lib/format.ts';
import { currentLanguage, type Language } from '../../lib/i18n.ts';

/**
 * How the field view writes its numbers and dates, in the language shown (its decimal separator,
 * its month names), always in Algiers time, and without seconds: a technician reads them at a glance.
 */

/** Today in Algiers, "YYYY-MM-DD". */
export function algiersToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Algiers',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The Algiers day of an instant, "YYYY-MM-DD". */
export function algiersDay(instant: string): string {
  return algiersToday(new Date(instant));
}

/** "14:30", Algiers time. */
export function algiersClock(instant: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Africa/Algiers', hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** "29/11/2026 18:04", Algiers time. */
export function algiersDateTime(instant: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Africa/Algiers',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(instant))
    .replace(',', '');
}

/**
 * When an appointment is, as its card says it: the time alone today ("14:30"), else the day and the
 * time ("25 sept. 14:30", "25 Sept 14:30"), with the year when it is not this one. `today`: "YYYY-MM-DD".
 */
export function appointmentWhen(instant: string, today: string, language: Language = currentLanguage()): string {
  const day = algiersDay(instant);
  if (day === today) return algiersClock(instant);
  const date = new Intl.DateTimeFormat(wordLocales[language], {
    timeZone: 'Africa/Algiers',
    day: 'numeric',
    month: 'short',
    ...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
  }).format(new Date(instant));
  return `${date} ${algiersClock(instant)}`;
}

/** A day in words with its capital ("Jeudi 3 décembre", "Thursday 3 December"). `day`: "YYYY-MM-DD". */
export function dayInWords(day: string, language: Language = currentLanguage()): string {
  const words = new Intl.DateTimeFormat(wordLocales[language], {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${day}T12:00:00Z`));
  return words.charAt(0).toUpperCase() + words.slice(1);
}
