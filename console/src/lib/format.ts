/**
 * How the console writes numbers, money and dates: French conventions, Algiers time (issue 7 §7).
 * Money arrives as whole centimes in a string and is formatted with BigInt, never through a float.
 * Numbers keep the French grouping and Latin digits in English and Arabic too, as the issues fix
 * money as `1 234 567,89 DA` (`1 234 567,89 د.ج` in Arabic) and dates as dd/mm/yyyy.
 */
import { currentLanguage, translate as t, type Language } from './i18n.ts';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const exactOneDecimal = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  useGrouping: false,
});
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const algiersDay = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Africa/Algiers',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const algiersTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Africa/Algiers',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The space inside an amount: a no-break space, so that "1 234,56 DA" never wraps into "1" and "234,56 DA". */
const noBreakSpace = '\u00a0';

/**
 * The Algerian dinar's sign in each language. In Arabic the figure is a left-to-right isolate
 * (U+2066 … U+2069): its minus sign stays on its left within the right-to-left sentence.
 */
const dinar: Record<Language, { sign: string; figure: (figure: string) => string }> = {
  fr: { sign: 'DA', figure: (figure) => figure },
  en: { sign: 'DA', figure: (figure) => figure },
  ar: { sign: 'د.ج', figure: (figure) => `\u2066${figure}\u2069` },
};

/**
 * "1 234 567,89 DA" ("1 234 567,89 د.ج" in Arabic) from "123456789" centimes (grouping with no-break
 * spaces, decimal comma, Latin digits).
 */
export function formatDzd(centimes: string, language: Language = currentLanguage()): string {
  const value = BigInt(centimes);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const units = integer.format(absolute / 100n).replace(/\s/g, noBreakSpace);
  const figure = `${negative ? '−' : ''}${units},${String(absolute % 100n).padStart(2, '0')}`;
  return `${dinar[language].figure(figure)}${noBreakSpace}${dinar[language].sign}`;
}

/** A count: "12 345" (a no-break space between the groups). */
export function formatCount(value: number): string {
  return integer.format(value).replace(/\s/g, noBreakSpace);
}

/** A number to one decimal at most: "15,7" ("15" for a whole one). */
export function formatOneDecimal(value: number): string {
  return oneDecimal.format(value).replace(/\s/g, noBreakSpace);
}

/** Each language's locale for words (month and day names): Arabic as written in Algeria ("جويلية"), with Latin digits. */
export const wordLocales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-DZ-u-nu-latn' };

/** The month of a YYYY-MM-DD date in the language shown: "juillet 2027" ("July 2027", "جويلية 2027"), or "juillet" without the year. */
export function formatMonth(day: string, withYear = true): string {
  return new Intl.DateTimeFormat(wordLocales[currentLanguage()], {
    timeZone: 'UTC',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The month of a YYYY-MM-DD date, short, in the language shown: "juil. 27" ("Jul 27", "جويلية 27"), for a chart's axis. */
export function formatShortMonth(day: string): string {
  return new Intl.DateTimeFormat(wordLocales[currentLanguage()], {
    timeZone: 'UTC',
    month: 'short',
    year: '2-digit',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A share from 0 to 1 as "87,5 %", or "—" when there is none. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : percent.format(value).replace(/\s/g, noBreakSpace);
}

/**
 * A share the API gives as a decimal string from "0.0000" to "1.0000" as "87,5 %", or "—" when there is
 * none: Intl formats the string itself, exactly, without reading it into a float first.
 */
export function formatShare(value: string | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : percent.format(value as Intl.StringNumericLiteral).replace(/\s/g, noBreakSpace);
}

/** Days, to one decimal: "3,5 j" ("3,5 d" in English, "3,5 يوم" in Arabic), or "—". */
export function formatDays(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : t('{{days}} j', { days: oneDecimal.format(value) });
}

/** A calendar date given as YYYY-MM-DD, as "29/11/2026" (no time zone shift: it is already a date). */
export function formatCalendarDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** An instant (ISO string) as a date and time in Algiers: "29/11/2026 18:04:05". */
export function formatAlgiersDateTime(instant: string): string {
  const date = new Date(instant);
  return `${algiersDay.format(date)} ${algiersTime.format(date)}`;
}

/**
 * A change from one value to another: "Actif → Suspendu", its arrow pointing the way the language
 * reads ("نشط ← معلق" in Arabic, the values isolated).
 */
export function formatChange(from: string, to: string): string {
  return t('{{from}} → {{to}}', { from, to });
}

/**
 * A decimal as the API gives it ("-29.5", "0.1") as the console writes every measurement, in every
 * language: a true minus sign and a decimal comma ("−29,5", "0,1"). Its characters are only replaced,
 * never computed with, so no digit changes.
 */
export function formatDecimal(text: string): string {
  return text.trim().replace(/^-/, '−').replace('.', ',');
}

/** A power in dBm from its decimal string: "−30,3 dBm" (the unit held to its figure by a no-break space). */
export function formatDbm(text: string): string {
  return `${formatDecimal(text)}${noBreakSpace}dBm`;
}

/** A loss in dB from its decimal string: "0,3 dB". */
export function formatDb(text: string): string {
  return `${formatDecimal(text)}${noBreakSpace}dB`;
}

/**
 * A loss or a margin in dB from its decimal string, to one decimal: "5,5 dB" from "5.528". Intl rounds
 * the string itself (half away from zero), without reading it into a float first.
 */
export function formatDbOneDecimal(text: string): string {
  const rounded = exactOneDecimal.format(text.trim() as Intl.StringNumericLiteral).replace(/^-/, '−');
  return `${rounded}${noBreakSpace}dB`;
}

/** The GPON classes as the trade writes them (the API's NetworkClass values). */
const networkClassNames: Record<string, string> = { B_PLUS: 'B+', C_PLUS: 'C+' };

/** A network class as the trade writes it: "B+" for B_PLUS; a class this console does not know, as the API names it. */
export function networkClassLabel(networkClass: string): string {
  return networkClassNames[networkClass] ?? networkClass;
}

/** `Intl.DurationFormat` (in browsers since 2024), which TypeScript's libraries do not declare yet. */
const DurationFormat = (
  Intl as unknown as {
    DurationFormat: new (
      locale: string,
      options: { style: 'long' | 'short' | 'narrow'; minutesDisplay: 'always' | 'auto' },
    ) => { format(duration: { days: number; hours: number; minutes: number }): string };
  }
).DurationFormat;

/**
 * A duration of whole minutes in days, hours and minutes, in the language shown ("2 j et 3 h", "2 days, 3 hrs",
 * "45 min"): a service level's target or the time a step took. A day is 24 hours (of working days when the
 * step counts those).
 */
export function formatDuration(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  // Zero minutes are said only when there is nothing else to say ("0 min").
  const minutesDisplay = days > 0 || hours > 0 ? 'auto' : 'always';
  return new DurationFormat(wordLocales[currentLanguage()], { style: 'short', minutesDisplay })
    .format({ days, hours, minutes })
    .replace(/\s/g, noBreakSpace);
}
