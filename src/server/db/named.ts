/**
 * Statements of the hottest paths issued by name (parsed and planned once per connection, no query
 * built per call), on the executor's own connection: the pool for the database, the transaction's
 * client inside a transaction. The text must be fixed: one name, one text, for the process's life.
 */
import type { QueryResultRow } from 'pg';
import type { Executor } from './transaction';

interface Queryable {
  query<R extends QueryResultRow>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/** The node-postgres client or pool behind a drizzle database or transaction (both keep it in their session). */
function clientOf(db: Executor): Queryable {
  return (db as unknown as { session: { client: Queryable } }).session.client;
}

export async function namedQuery<R extends QueryResultRow>(
  db: Executor,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<R[]> {
  const { rows } = await clientOf(db).query<R>({ ...statement, values });
  return rows;
}
