/** Queries of the revision simulator: its inputs (volume, offices, cost model, schedules) and saved runs. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TariffSchedule } from '#core/fees';
import type { OfficeCostDefaults } from '#core/office-costs';
import type { VolumeGroup } from '#core/tariff-simulation';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { catalogServices } from '#server/modules/catalog/tables';
import { provinces } from '#server/modules/geo/tables';
import { users } from '#server/modules/accounts/tables';
import { officeCostDefaults, tariffLines, tariffSchedules, tariffSimulations } from '#server/modules/tariffs/tables';

export type SimulationRow = typeof tariffSimulations.$inferSelect & { createdByName: string | null };

const fullName = sql<string | null>`nullif(trim(${users.firstName} || ' ' || ${users.lastName}), '')`;

export async function simulationById(db: Executor, id: number): Promise<SimulationRow | null> {
  const [row] = await db
    .select({ s: tariffSimulations, createdByName: fullName })
    .from(tariffSimulations)
    .leftJoin(users, eq(users.id, tariffSimulations.createdBy))
    .where(eq(tariffSimulations.id, id));
  return row ? { ...row.s, createdByName: row.createdByName } : null;
}

export async function insertSimulation(
  tx: Executor,
  row: typeof tariffSimulations.$inferInsert,
): Promise<{ id: number; createdAt: Date }> {
  const [created] = await tx
    .insert(tariffSimulations)
    .values(row)
    .returning({ id: tariffSimulations.id, createdAt: tariffSimulations.createdAt });
  return created;
}

/** Runs the scope may see: national runs to national scopes, a province's runs to that province and national scopes. */
function visible(scope: ScopeFilter): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.provinceIds.length === 0) return sql`false`;
  return inArray(tariffSimulations.provinceId, scope.provinceIds);
}

export interface SimulationListRow {
  id: number;
  scheduleId: number;
  scheduleCode: string | null;
  baselineCode: string | null;
  provinceId: number | null;
  params: unknown;
  result: unknown;
  createdAt: Date;
  createdByName: string | null;
}

export async function listSimulations(
  db: Executor,
  scope: ScopeFilter,
  filter: { scheduleId?: number; provinceId?: number },
  limit: number,
  offset: number,
): Promise<{ rows: SimulationListRow[]; total: number }> {
  const baseline = sql`(select code from ${tariffSchedules} b where b.id = ${tariffSimulations.baselineScheduleId})`;
  const where = and(
    visible(scope),
    filter.scheduleId != null ? eq(tariffSimulations.scheduleId, filter.scheduleId) : undefined,
    filter.provinceId != null ? eq(tariffSimulations.provinceId, filter.provinceId) : undefined,
  );
  const rows = await db
    .select({
      id: tariffSimulations.id,
      scheduleId: tariffSimulations.scheduleId,
      scheduleCode: tariffSchedules.code,
      baselineCode: sql<string | null>`${baseline}`,
      provinceId: tariffSimulations.provinceId,
      params: tariffSimulations.params,
      // Only the totals of a run are listed; the offices' table stays in the row.
      result: sql<unknown>`${tariffSimulations.result} -> 'totals'`,
      createdAt: tariffSimulations.createdAt,
      createdByName: fullName,
    })
    .from(tariffSimulations)
    .leftJoin(tariffSchedules, eq(tariffSchedules.id, tariffSimulations.scheduleId))
    .leftJoin(users, eq(users.id, tariffSimulations.createdBy))
    .where(where)
    .orderBy(desc(tariffSimulations.createdAt), desc(tariffSimulations.id))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(tariffSimulations).where(where);
  return { rows, total };
}

/* ---------------------------------------------------------------- inputs of a run */

/**
 * Memory for the grouping below (PostgreSQL's default is 4 MB): a national year groups about
 * 600,000 rollup rows into about 50,000 groups, whose hash table takes ~11 MB. With the default the
 * planner sorted the rows instead, on disk, in parallel workers, and the statement took from 0.5 to
 * over 1 s depending on what else the machine was doing; with room for the hash table it is one
 * pass over the rows, in memory. Set for the statement's own transaction only.
 */
const VOLUME_WORK_MEM = '32MB';

/**
 * The period's volume per office, province, service and channel: one grouping over the monthly
 * rollup (a national year is a few hundred thousand rows at most), in memory (VOLUME_WORK_MEM).
 */
export async function volumeOfPeriod(
  db: Executor,
  f: { fromIso: string; toIso: string; provinceId: number | null },
): Promise<VolumeGroup[]> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', ${VOLUME_WORK_MEM}, true)`);
    return tx.execute(sql`
    select office_id as "officeId", province_id as "provinceId", service_code as service, channel,
           sum(records)::bigint as records, sum(extra_parties)::bigint as "extraParties", sum(extra_pages)::bigint as "extraPages"
    from service_volume_monthly
    where month >= ${f.fromIso}::date and month <= ${f.toIso}::date
      ${f.provinceId != null ? sql`and province_id = ${f.provinceId}` : sql``}
    group by office_id, province_id, service_code, channel`);
  });
  return (rows.rows as unknown as VolumeGroup[]).map((r) => ({
    ...r,
    records: Number(r.records),
    extraParties: Number(r.extraParties),
    extraPages: Number(r.extraPages),
  }));
}

export interface OfficeForSimulation {
  id: number;
  code: string;
  nameFa: string;
  provinceId: number;
  operators: number;
}

/**
 * Offices the run covers: the active ones and any other with volume in the period, each with the
 * number of people under an employment contract running today (0: none on record).
 */
export async function officesForSimulation(
  db: Executor,
  f: { fromIso: string; toIso: string; provinceId: number | null; today: string },
): Promise<OfficeForSimulation[]> {
  const rows = await db.execute(sql`
    select o.id, o.code, o.name_fa as "nameFa", o.province_id as "provinceId",
           coalesce(c.n, 0)::int as operators
    from offices o
    left join (
      select office_id, count(distinct user_id) as n from employment_contracts
      where starts_on <= ${f.today}::date and coalesce(terminated_on, ends_on, ${f.today}::date) >= ${f.today}::date
      group by office_id
    ) c on c.office_id = o.id
    where ${f.provinceId != null ? sql`o.province_id = ${f.provinceId}` : sql`true`}
      and (o.status = 'active' or exists (
        select 1 from service_volume_monthly v
        where v.office_id = o.id and v.month >= ${f.fromIso}::date and v.month <= ${f.toIso}::date))
    order by o.id`);
  return rows.rows as unknown as OfficeForSimulation[];
}

export async function costDefaultsOf(db: Executor, provinceIds: number[] | null) {
  const rows = await db
    .select({
      provinceId: officeCostDefaults.provinceId,
      operatorWageRials: officeCostDefaults.operatorWageRials,
      insurancePercent: officeCostDefaults.insurancePercent,
      operatorsPerOffice: officeCostDefaults.operatorsPerOffice,
      rentRials: officeCostDefaults.rentRials,
      otherRials: officeCostDefaults.otherRials,
      updatedAt: officeCostDefaults.updatedAt,
      updatedBy: fullName,
      nameFa: provinces.nameFa,
      nameEn: provinces.nameEn,
    })
    .from(officeCostDefaults)
    .innerJoin(provinces, eq(provinces.id, officeCostDefaults.provinceId))
    .leftJoin(users, eq(users.id, officeCostDefaults.updatedBy))
    .where(provinceIds ? inArray(officeCostDefaults.provinceId, provinceIds) : undefined)
    .orderBy(asc(officeCostDefaults.provinceId));
  return rows.map((r) => ({ ...r, insurancePercent: Number(r.insurancePercent) }));
}

export async function costDefaultsForUpdate(tx: Executor, provinceId: number) {
  const [row] = await tx
    .select()
    .from(officeCostDefaults)
    .where(eq(officeCostDefaults.provinceId, provinceId))
    .for('update');
  return row ?? null;
}

export async function saveCostDefaults(
  tx: Executor,
  provinceId: number,
  values: OfficeCostDefaults,
  userId: number,
  now: Date,
) {
  const set = { ...values, insurancePercent: String(values.insurancePercent), updatedAt: now, updatedBy: userId };
  await tx
    .insert(officeCostDefaults)
    .values({ provinceId, ...set })
    .onConflictDoUpdate({ target: officeCostDefaults.provinceId, set });
}

export async function provinceNamesOf(db: Executor, ids: number[] | null) {
  return db
    .select({ id: provinces.id, nameFa: provinces.nameFa, nameEn: provinces.nameEn })
    .from(provinces)
    .where(ids ? inArray(provinces.id, ids) : undefined)
    .orderBy(asc(provinces.id));
}

export async function serviceTitles(db: Executor) {
  return db
    .select({
      code: catalogServices.code,
      titleFa: catalogServices.titleFa,
      titleEn: catalogServices.titleEn,
      sortOrder: catalogServices.sortOrder,
    })
    .from(catalogServices);
}

/** A schedule (draft or approved) with its lines. */
export async function scheduleWithLines(
  db: Executor,
  id: number,
): Promise<(TariffSchedule & { status: 'draft' | 'approved' }) | null> {
  const [s] = await db.select().from(tariffSchedules).where(eq(tariffSchedules.id, id));
  if (!s) return null;
  const lines = await db.select().from(tariffLines).where(eq(tariffLines.scheduleId, id));
  return {
    id: s.id,
    code: s.code,
    titleFa: s.titleFa,
    titleEn: s.titleEn,
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo,
    status: s.status,
    lines: lines.map(({ code, titleFa, titleEn, amountRials, onlineAmountRials }) => ({
      code,
      titleFa,
      titleEn,
      amountRials,
      onlineAmountRials,
    })),
  };
}
