import { ServiceLevelTimeBasis } from './service-level.entity.js';

/** Algeria keeps UTC+1 all year (no daylight saving). */
const algiersOffsetMs = 3_600_000;
const dayMs = 86_400_000;
const minuteMs = 60_000;

/** Days a target may span at most (ten years): a bound on the walks below, never reached by a valid target. */
const daysWalkedMax = 3_660;

/** The number of a calendar day (YYYY-MM-DD): whole days since 1970-01-01, a Thursday. */
function dayNumberOf(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs);
}

/** Each set of holidays as day numbers, made once per set (a request's rules hold one). */
const holidayNumbers = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

function numbersOf(holidays: ReadonlySet<string>): ReadonlySet<number> {
  let numbers = holidayNumbers.get(holidays);
  if (!numbers) {
    numbers = new Set([...holidays].map(dayNumberOf));
    holidayNumbers.set(holidays, numbers);
  }
  return numbers;
}

/** Whether the day of number `day` is a working day: not a Friday or a Saturday (1970-01-01 was a Thursday), nor a holiday. */
function isWorkingDayNumber(day: number, holidays: ReadonlySet<number>): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 5 && weekday !== 6 && !holidays.has(day);
}

/**
 * Whether `day` (YYYY-MM-DD) is a working day in Algeria: Sunday to Thursday, and not one of `holidays`.
 * Friday and Saturday are the weekend (DOMAIN "Time, service levels and incentives").
 */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  return isWorkingDayNumber(dayNumberOf(day), numbersOf(holidays));
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
  const off = numbersOf(holidays);
  let counted = 0;
  for (let day = Math.floor(from / dayMs); day * dayMs < to; day += 1) {
    if (isWorkingDayNumber(day, off)) counted += Math.min(to, (day + 1) * dayMs) - Math.max(from, day * dayMs);
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
  const off = numbersOf(holidays);
  let remaining = targetMinutes * minuteMs;
  let cursor = start.getTime() + algiersOffsetMs;
  for (let walked = 0; walked < daysWalkedMax; walked += 1) {
    const day = Math.floor(cursor / dayMs);
    if (isWorkingDayNumber(day, off)) {
      const left = (day + 1) * dayMs - cursor;
      if (remaining <= left) return new Date(cursor + remaining - algiersOffsetMs);
      remaining -= left;
    }
    cursor = (day + 1) * dayMs;
  }
  throw new RangeError(`a target of ${targetMinutes} working minutes spans more than ${daysWalkedMax} days`);
}
