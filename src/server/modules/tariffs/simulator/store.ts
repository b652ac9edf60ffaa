/** Queries of saved simulation runs. */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/transaction';
import type { ScopeFilter } from '../../../platform/auth/policy';
import { users } from '../../identity/tables';
import { tariffSchedules, tariffSimulations } from '../tables';

export type SimulationRow = typeof tariffSimulations.$inferSelect & { createdByName: string | null };

const fullName = sql<string | null>`nullif(trim(${users.firstName} || ' ' || ${users.lastName}), '')`;

export async function simulationById(db: Executor, id: number): Promise<SimulationRow | null> {
  const [row] = await db.select({ s: tariffSimulations, createdByName: fullName })
    .from(tariffSimulations)
    .leftJoin(users, eq(users.id, tariffSimulations.createdBy))
    .where(eq(tariffSimulations.id, id));
  return row ? { ...row.s, createdByName: row.createdByName } : null;
}

export async function insertSimulation(tx: Executor, row: typeof tariffSimulations.$inferInsert): Promise<{ id: number; createdAt: Date }> {
  const [created] = await tx.insert(tariffSimulations).values(row).returning({ id: tariffSimulations.id, createdAt: tariffSimulations.createdAt });
  return created;
}

/** Runs the scope may see: national runs to national scopes, a province's runs to that province and national scopes. */
function visible(scope: ScopeFilter): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.provinceIds.length === 0) return sql`false`;
  return inArray(tariffSimulations.provinceId, scope.provinceIds);
}

export interface SimulationListRow {
  id: number; scheduleId: number; scheduleCode: string | null; baselineCode: string | null;
  provinceId: number | null; params: unknown; result: unknown; createdAt: Date; createdByName: string | null;
}

export async function listSimulations(db: Executor, scope: ScopeFilter, filter: { scheduleId?: number; provinceId?: number }, limit: number, offset: number): Promise<{ rows: SimulationListRow[]; total: number }> {
  const baseline = sql`(select code from ${tariffSchedules} b where b.id = ${tariffSimulations.baselineScheduleId})`;
  const where = and(
    visible(scope),
    filter.scheduleId != null ? eq(tariffSimulations.scheduleId, filter.scheduleId) : undefined,
    filter.provinceId != null ? eq(tariffSimulations.provinceId, filter.provinceId) : undefined,
  );
  const rows = await db.select({
    id: tariffSimulations.id, scheduleId: tariffSimulations.scheduleId, scheduleCode: tariffSchedules.code,
    baselineCode: sql<string | null>`${baseline}`, provinceId: tariffSimulations.provinceId, params: tariffSimulations.params,
    // Only the totals of a run are listed; the offices' table stays in the row.
    result: sql<unknown>`${tariffSimulations.result} -> 'totals'`,
    createdAt: tariffSimulations.createdAt, createdByName: fullName,
  })
    .from(tariffSimulations)
    .leftJoin(tariffSchedules, eq(tariffSchedules.id, tariffSimulations.scheduleId))
    .leftJoin(users, eq(users.id, tariffSimulations.createdBy))
    .where(where)
    .orderBy(desc(tariffSimulations.createdAt), desc(tariffSimulations.id))
    .limit(limit).offset(offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(tariffSimulations).where(where);
  return { rows, total };
}
