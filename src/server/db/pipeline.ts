/**
 * Statements sent together on one connection, answered in one round trip: PostgreSQL's pipeline
 * mode as node-postgres implements it (each statement its own extended-query message with its own
 * Sync). They run in order; one that fails does not stop the next from running, but inside a
 * transaction block it aborts the transaction, and a `commit` sent behind it then ends the
 * transaction as a rollback. Whatever fails, the first failure is thrown once all have answered.
 *
 * Used where a round trip costs most: the statement that takes the audit chain's head lock and the
 * commit that releases it go out together, so the lock is held for the time PostgreSQL takes to run
 * them, not also for the time this process takes to read one answer and send the next statement.
 *
 * PGlite (one connection inside this process, no network) runs them one after the other; the
 * first failure stops the rest, which leaves the transaction to the caller's rollback as well.
 */
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';

export interface PipelinedStatement {
  text: string;
  /** A named statement is parsed and planned once per connection. */
  name?: string;
  values?: unknown[];
}

interface PipelineClient {
  pipeline: boolean;
  connection: { stream: { cork?: () => void; uncork?: () => void } };
}

export async function pipelined<R extends QueryResultRow = QueryResultRow>(
  client: PoolClient,
  statements: PipelinedStatement[],
  together: boolean,
): Promise<QueryResult<R>[]> {
  if (!together) {
    const results: QueryResult<R>[] = [];
    for (const s of statements) results.push(await client.query<R>(s));
    return results;
  }
  const raw = client as unknown as PipelineClient;
  raw.pipeline = true;
  let sent: Promise<QueryResult<R>>[];
  // One write for all of them: each statement's own write is held back until the last is queued.
  const stream = raw.connection.stream;
  stream.cork?.();
  try {
    sent = statements.map((s) => client.query<R>(s));
  } finally {
    stream.uncork?.();
  }
  try {
    const settled = await Promise.allSettled(sent);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((r) => (r as PromiseFulfilledResult<QueryResult<R>>).value);
  } finally {
    raw.pipeline = false;
  }
}
