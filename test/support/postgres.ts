/**
 * Tests that only mean something on a PostgreSQL server — several connections at once, roles,
 * replicas, crash recovery — where PGlite (one connection, one process) has nothing to show.
 * Without DATABASE_URL they are registered as skipped, the reason in their name, so `npm test`'s
 * closing line counts them and lists them with the reason.
 */
import { describe } from 'vitest';

/** Why a PostgreSQL-only block did not run. */
const NEEDS_POSTGRES = 'needs PostgreSQL: DATABASE_URL is unset';

/** The PostgreSQL server of this run, or null on PGlite. */
export function postgresUrl(): string | null {
  return process.env.DATABASE_URL || null;
}

/** `describe` that runs on PostgreSQL only; read the server's address with `postgresUrl()!` inside. */
export function describePostgres(name: string, body: () => void): void {
  if (postgresUrl()) describe(name, body);
  else describe.skip(`${name} (${NEEDS_POSTGRES})`, body);
}
