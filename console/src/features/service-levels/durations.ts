import { formatDuration } from '../../lib/format.ts';
import { translate as t } from '../../lib/i18n.ts';

const minutesPerDay = 1440;
const minutesPerHour = 60;

/**
 * A target in words: working days when its time basis is WORKING_DAYS and it is whole days ("2 jours
 * ouvrés"), else calendar days when it is whole days ("30 jours calendaires"), else as `formatDuration`
 * says it ("4 h", "1 h et 30 min", "45 min").
 */
export function targetInWords(targetMinutes: number, timeBasis: string): string {
  if (targetMinutes % minutesPerDay === 0) {
    const days = targetMinutes / minutesPerDay;
    if (timeBasis === 'WORKING_DAYS') return days === 1 ? t('1 jour ouvré') : t('{{days}} jours ouvrés', { days });
    return days === 1 ? t('1 jour calendaire') : t('{{days}} jours calendaires', { days });
  }
  return formatDuration(targetMinutes);
}

/** The units a target is typed in, each its number of minutes. */
export const targetUnits = { DAYS: minutesPerDay, HOURS: minutesPerHour, MINUTES: 1 } as const;
export type TargetUnit = keyof typeof targetUnits;

/** A target as the form shows it: its figure in the largest unit it is whole in (2880 → "2" days). */
export function typedTarget(targetMinutes: number): { amount: string; unit: TargetUnit } {
  const unit = (['DAYS', 'HOURS'] as const).find((candidate) => targetMinutes % targetUnits[candidate] === 0);
  return unit
    ? { amount: String(targetMinutes / targetUnits[unit]), unit }
    : { amount: String(targetMinutes), unit: 'MINUTES' };
}

/** The minutes of a typed target (a whole number from 1, digits only), or null when it is not one. */
export function minutesOf(amount: string, unit: TargetUnit): number | null {
  const figure = amount.trim();
  if (!/^\d{1,6}$/.test(figure) || Number(figure) === 0) return null;
  return Number(figure) * targetUnits[unit];
}
