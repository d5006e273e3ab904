/**
 * Algiers wall-clock time ⇄ UTC instants, for the appointment entered in a `datetime-local` field.
 * Done with Intl's time zone data (Africa/Algiers), not a fixed offset, so that it stays right should
 * Algeria change its rules; no library needed.
 */
const algiersClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Algiers',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Algiers wall clock at `instant` (ms since the epoch), written as if it were UTC (ms). */
function algiersWallClock(instant: number): number {
  const parts = Object.fromEntries(
    algiersClock.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
}

/**
 * The UTC instant (ISO 8601) of an Algiers wall-clock time "YYYY-MM-DDTHH:mm", as a `datetime-local`
 * field gives it; null when the text is no such time, or when that time does not exist in Algiers.
 */
export function algiersLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const date = new Date(wall);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour
  )
    return null;
  // The offset at a first guess, then at the instant it gives (they differ only across a change of offset).
  let instant = wall - (algiersWallClock(wall) - wall);
  instant = wall - (algiersWallClock(instant) - instant);
  return algiersWallClock(instant) === wall ? new Date(instant).toISOString() : null;
}

/** An instant (ISO 8601) as Algiers wall-clock time "YYYY-MM-DDTHH:mm", the value of a `datetime-local` field. */
export function isoToAlgiersLocal(instant: string): string {
  return new Date(algiersWallClock(new Date(instant).getTime())).toISOString().slice(0, 16);
}
