import { sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';

/**
 * Takes the transaction-scoped lock every recomputation of the statistics rollups holds: each
 * deletes a rollup and inserts it again, and two at once (the job at a server's start beside
 * `daftar stats rebuild`, or two servers starting) would each insert the rows the other had just
 * inserted. Taken again in the same transaction, it is already held.
 */
export async function lockStatsRollups(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('stats.rollups'))`);
}
