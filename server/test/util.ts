/** `base` (a postgres:// URL) pointing at the database `database` instead. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
