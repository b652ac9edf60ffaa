/** Connection strings for the PostgreSQL server the integration tests run against. */

/** The same server, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

/**
 * Where to run CREATE/DROP DATABASE: the database named in DATABASE_URL itself (CI's `test`),
 * which the tests never write to otherwise.
 */
export function adminUrl(url: string): string {
  return url;
}
