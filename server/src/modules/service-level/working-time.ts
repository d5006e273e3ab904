import { ServiceLevelTimeBasis } from './service-level.entity.js';

/** Algeria keeps UTC+1 all year (no daylight saving). */
const algiersOffsetMs = 3_600_000;
const dayMs = 86_400_000;
const minuteMs = 60_000;

/** Days a target may span at most (ten years): a bound on the walks below, never reached by a valid target. */
const daysWalkedMax = 3_660;

/** The Algiers calendar day (YYYY-MM-DD) that starts at `localMidnight` (ms of Algiers local time). */
function dayOf(localMidnight: number): string {
  return new Date(localMidnight).toISOString().slice(0, 10);
}

/**
 * Whether `day` (YYYY-MM-DD) is a working day in Algeria: Sunday to Thursday, and not one of `holidays`.
 * Friday and Saturday are the weekend (DOMAIN "Time, service levels and incentives").
 */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 5 && weekday !== 6 && !holidays.has(day);
}

/**
 * The whole minutes from `start` to `end` that count under `basis`: all of them (CALENDAR), or only
 * those of working days, midnight to midnight in Algiers (WORKING_DAYS). Zero when `end` is not after `start`.
 */
export function countedMinutes(
  start: Date,
  end: Date,
  basis: ServiceLevelTimeBasis,
  holidays: ReadonlySet<string>,
): number {
  const from = start.getTime() + algiersOffsetMs;
  const to = end.getTime() + algiersOffsetMs;
  if (to <= from) return 0;
  if (basis === ServiceLevelTimeBasis.CALENDAR) return Math.floor((to - from) / minuteMs);
  let counted = 0;
  for (let midnight = Math.floor(from / dayMs) * dayMs; midnight < to; midnight += dayMs) {
    if (isWorkingDay(dayOf(midnight), holidays)) counted += Math.min(to, midnight + dayMs) - Math.max(from, midnight);
  }
  return Math.floor(counted / minuteMs);
}

/**
 * The instant at which `targetMinutes` counted under `basis` have passed since `start`: for WORKING_DAYS,
 * the weekend and public holidays in between do not count (a target of 2880 minutes from a Thursday
 * at 15:00 falls on the Monday at 15:00 when neither Sunday nor Monday is a holiday).
 */
export function dueAt(
  start: Date,
  targetMinutes: number,
  basis: ServiceLevelTimeBasis,
  holidays: ReadonlySet<string>,
): Date {
  if (basis === ServiceLevelTimeBasis.CALENDAR) return new Date(start.getTime() + targetMinutes * minuteMs);
  let remaining = targetMinutes * minuteMs;
  let cursor = start.getTime() + algiersOffsetMs;
  for (let walked = 0; walked < daysWalkedMax; walked += 1) {
    const midnight = Math.floor(cursor / dayMs) * dayMs;
    if (isWorkingDay(dayOf(midnight), holidays)) {
      const left = midnight + dayMs - cursor;
      if (remaining <= left) return new Date(cursor + remaining - algiersOffsetMs);
      remaining -= left;
    }
    cursor = midnight + dayMs;
  }
  throw new RangeError(`a target of ${targetMinutes} working minutes spans more than ${daysWalkedMax} days`);
}
