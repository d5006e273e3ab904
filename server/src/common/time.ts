/** Algeria keeps UTC+1 all year (no daylight saving), whatever the server's own time zone. */
const algiersOffsetMs = 3_600_000;

/** The calendar date (YYYY-MM-DD) of an instant in Algiers. */
export function algiersDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + algiersOffsetMs).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) of an instant in Algiers. */
export function algiersMonth(instant: Date): string {
  return algiersDate(instant).slice(0, 7);
}
