/** Today in Algiers, YYYY-MM-DD: invoices are dated, and payments valued, in Algiers. */
export function algiersToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date());
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), counted on the calendar. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
