/**
 * A query built once per executor and shape, then executed with placeholder values: for the reads
 * a page asks on every answer, where drizzle's building of the statement (its entity checks, the
 * selection's order, the type parsers) cost more than the statement itself (docs/benchmarks.md,
 * consultation-slots). Prepared without a name: PGlite serves every pooled connection from one
 * session, where a named statement prepared by one connection would clash with another's.
 */
import type { Executor } from './transaction';

const byExecutor = new WeakMap<Executor, Map<string, unknown>>();

/** The query `build` makes for this executor and `shape` (a key naming the statement's form), made on first use. */
export function preparedFor<Query>(db: Executor, shape: string, build: () => Query): Query {
  let queries = byExecutor.get(db);
  if (!queries) byExecutor.set(db, (queries = new Map()));
  let query = queries.get(shape) as Query | undefined;
  if (!query) queries.set(shape, (query = build()));
  return query;
}
