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

const dayMs = 86_400_000;

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** The instant the rules call "now": the context's clock when it has one (tests, replays), else the system clock. */
export function now(context: { readonly clock?: () => Date }): Date {
  return context.clock?.() ?? new Date();
}
