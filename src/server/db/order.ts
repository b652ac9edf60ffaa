/**
 * ORDER BY for a paged list the client sorts: the chosen column's expressions in the chosen
 * direction, rows without a value last either way (as the web table sorts rows in memory), then a
 * unique tie-breaker so that pages never repeat or skip a row. Without a chosen column, the list's
 * own order.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

type Expression = AnyColumn | SQL;

export function orderByColumn<C extends string>(
  sort: { column: C; dir: 'asc' | 'desc' } | undefined,
  columns: Record<C, Expression | Expression[]>,
  tieBreaker: Expression,
  fallback: SQL[],
): SQL[] {
  if (!sort) return fallback;
  const chosen = columns[sort.column];
  const dir = sort.dir === 'asc' ? sql`asc` : sql`desc`;
  return [
    ...(Array.isArray(chosen) ? chosen : [chosen]).map((e) => sql`${e} ${dir} nulls last`),
    sql`${tieBreaker} ${dir}`,
  ];
}

/** The same, as one clause for a query written in SQL. */
export function orderClause<C extends string>(...args: Parameters<typeof orderByColumn<C>>): SQL {
  return sql.join(orderByColumn(...args), sql`, `);
}
