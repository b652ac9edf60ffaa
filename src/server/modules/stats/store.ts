/** Counting queries of the dashboard, restricted to provinces and offices (or nothing restricted). */
import { and, count, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { notifierOutbox } from '#server/platform/notifier/tables';
import { courts } from '#server/modules/courts/tables';
import { citizens } from '#server/modules/accounts/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';

export interface CountScope {
  all: boolean;
  provinceIds: number[];
  officeIds: number[];
}

function within(scope: CountScope, province: AnyColumn, office?: AnyColumn): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.provinceIds.length) parts.push(inArray(province, scope.provinceIds));
  if (office && scope.officeIds.length) parts.push(inArray(office, scope.officeIds));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export async function provincesOfCourts(db: Executor, courtIds: number[]): Promise<number[]> {
  if (courtIds.length === 0) return [];
  return (await db.select({ p: courts.provinceId }).from(courts).where(inArray(courts.id, courtIds))).map((r) => r.p);
}

export async function countOffices(db: Executor, scope: CountScope) {
  const [row] = await db
    .select({ n: count() })
    .from(offices)
    .where(within(scope, offices.provinceId, offices.id));
  return Number(row.n);
}

export async function countStaff(db: Executor, scope: CountScope) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${roleGrants.userId})` })
    .from(roleGrants)
    .where(and(sql`${roleGrants.role} <> 'citizen'`, within(scope, roleGrants.provinceId, roleGrants.officeId)));
  return Number(row.n);
}

/** Citizens belong to provinces, not offices: an office-only scope counts none. */
export async function countCitizens(db: Executor, scope: CountScope) {
  if (!scope.all && scope.provinceIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(citizens).where(within(scope, citizens.provinceId));
  return Number(row.n);
}

export async function countPendingMessages(db: Executor, scope: CountScope) {
  const [row] = await db
    .select({ n: count() })
    .from(notifierOutbox)
    .where(and(eq(notifierOutbox.status, 'pending'), within(scope, notifierOutbox.provinceId)));
  return Number(row.n);
}
