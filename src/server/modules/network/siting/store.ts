/** Queries of siting: the places offered as candidates, the sites admins add, and saved runs. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { users } from '#server/modules/accounts/tables';
import { offices } from '#server/modules/offices/tables';
import { candidateSites, cities, provinces, sitingRuns } from '#server/modules/geo/tables';

/** null: every province. */
type Provinces = readonly number[] | null;

const inProvinces = (column: PgColumn, ids: Provinces): SQL | undefined =>
  ids == null ? undefined : ids.length === 0 ? sql`false` : inArray(column, [...ids]);

export interface CityPlace {
  id: number;
  provinceId: number;
  nameFa: string;
  nameEn: string;
  lat: number;
  lon: number;
  population: number | null;
}

/** Cities with a location (the candidates the optimizer is offered by default), largest first. */
export async function locatedCities(db: Executor, provinceIds: Provinces): Promise<CityPlace[]> {
  const rows = await db
    .select({
      id: cities.id,
      provinceId: cities.provinceId,
      nameFa: cities.nameFa,
      nameEn: cities.nameEn,
      lat: cities.lat,
      lon: cities.lon,
      population: cities.population,
    })
    .from(cities)
    .where(and(isNotNull(cities.lat), isNotNull(cities.lon), inProvinces(cities.provinceId, provinceIds)))
    .orderBy(desc(cities.population), asc(cities.id));
  return rows.map((r) => ({ ...r, lat: r.lat!, lon: r.lon! }));
}

/** Where the active offices are (only those with a location). */
export async function activeOfficeLocations(
  db: Executor,
  provinceIds: Provinces,
): Promise<{ id: number; provinceId: number; lat: number; lon: number }[]> {
  const rows = await db
    .select({ id: offices.id, provinceId: offices.provinceId, lat: offices.lat, lon: offices.lon })
    .from(offices)
    .where(
      and(
        eq(offices.status, 'active'),
        isNotNull(offices.lat),
        isNotNull(offices.lon),
        inProvinces(offices.provinceId, provinceIds),
      ),
    );
  return rows.map((r) => ({ ...r, lat: r.lat!, lon: r.lon! }));
}

export type SiteRow = typeof candidateSites.$inferSelect;

/** The sites admins added and have not removed, oldest first. */
export async function activeSites(db: Executor, provinceIds: Provinces): Promise<SiteRow[]> {
  return db
    .select()
    .from(candidateSites)
    .where(and(isNull(candidateSites.removedAt), inProvinces(candidateSites.provinceId, provinceIds)))
    .orderBy(asc(candidateSites.id));
}

export async function siteById(db: Executor, id: number): Promise<SiteRow | null> {
  const [row] = await db.select().from(candidateSites).where(eq(candidateSites.id, id));
  return row ?? null;
}

export async function insertSite(tx: Executor, row: typeof candidateSites.$inferInsert): Promise<SiteRow> {
  const [inserted] = await tx.insert(candidateSites).values(row).returning();
  return inserted;
}

/** Marks a site removed (kept for the runs that refer to it); false when it was already removed. */
export async function markSiteRemoved(tx: Executor, id: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(candidateSites)
    .set({ removedAt: now })
    .where(and(eq(candidateSites.id, id), isNull(candidateSites.removedAt)))
    .returning({ id: candidateSites.id });
  return rows.length > 0;
}

export async function provinceNames(db: Executor, ids: Provinces): Promise<Map<number, { fa: string; en: string }>> {
  const rows = await db
    .select({ id: provinces.id, fa: provinces.nameFa, en: provinces.nameEn })
    .from(provinces)
    .where(inProvinces(provinces.id, ids))
    .orderBy(asc(provinces.id));
  return new Map(rows.map((r) => [r.id, { fa: r.fa, en: r.en }]));
}

/* ---------------------------------------------------------------- saved runs */

const fullName = sql<string | null>`nullif(trim(${users.firstName} || ' ' || ${users.lastName}), '')`;

/** Runs a scope may see: national runs to national scopes, a province's runs also to that province's grants. */
function visible(scope: ScopeFilter): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.provinceIds.length === 0) return sql`false`;
  return inArray(sitingRuns.provinceId, scope.provinceIds);
}

export async function insertRun(
  tx: Executor,
  row: typeof sitingRuns.$inferInsert,
): Promise<{ id: number; createdAt: Date }> {
  const [inserted] = await tx
    .insert(sitingRuns)
    .values(row)
    .returning({ id: sitingRuns.id, createdAt: sitingRuns.createdAt });
  return inserted;
}

export type RunRow = typeof sitingRuns.$inferSelect & { createdByName: string | null };

export async function runById(db: Executor, id: number): Promise<RunRow | null> {
  const [row] = await db
    .select({
      id: sitingRuns.id,
      provinceId: sitingRuns.provinceId,
      solver: sitingRuns.solver,
      params: sitingRuns.params,
      result: sitingRuns.result,
      createdBy: sitingRuns.createdBy,
      createdAt: sitingRuns.createdAt,
      createdByName: fullName,
    })
    .from(sitingRuns)
    .leftJoin(users, eq(users.id, sitingRuns.createdBy))
    .where(eq(sitingRuns.id, id));
  return row ?? null;
}

export interface RunListRow {
  id: number;
  provinceId: number | null;
  solver: 'heuristic' | 'exact';
  params: unknown;
  summary: unknown;
  createdAt: Date;
  createdByName: string | null;
}

export async function listRuns(
  db: Executor,
  scope: ScopeFilter,
  filter: { provinceId?: number },
  limit: number,
  offset: number,
): Promise<{ rows: RunListRow[]; total: number }> {
  const where = and(
    visible(scope),
    filter.provinceId != null ? eq(sitingRuns.provinceId, filter.provinceId) : undefined,
  );
  const rows = await db
    .select({
      id: sitingRuns.id,
      provinceId: sitingRuns.provinceId,
      solver: sitingRuns.solver,
      params: sitingRuns.params,
      // The list shows the coverage figures and how many offices were proposed, not the whole answer.
      summary: sql<unknown>`jsonb_build_object('coverage', ${sitingRuns.result} -> 'coverage', 'chosen', jsonb_array_length(${sitingRuns.result} -> 'proposal'))`,
      createdAt: sitingRuns.createdAt,
      createdByName: fullName,
    })
    .from(sitingRuns)
    .leftJoin(users, eq(users.id, sitingRuns.createdBy))
    .where(where)
    .orderBy(desc(sitingRuns.createdAt), desc(sitingRuns.id))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(sitingRuns).where(where);
  return { rows, total };
}
