/** Queries of the office record: the directory, the profile, status over time and competencies. */
import { and, asc, count, desc, eq, exists, gte, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { catalogServices } from '#server/modules/catalog/tables';
import { cities, provinces } from '#server/modules/geo/tables';
import { users } from '#server/modules/accounts/tables';
import { officeCompetencies, offices, officeStatusEvents } from './tables';

const officeColumns = {
  office: offices,
  provinceFa: provinces.nameFa,
  provinceEn: provinces.nameEn,
  cityFa: cities.nameFa,
  cityEn: cities.nameEn,
};

export type OfficeRow = {
  office: typeof offices.$inferSelect;
  provinceFa: string;
  provinceEn: string;
  cityFa: string;
  cityEn: string;
};
export type CompetencyRow = typeof officeCompetencies.$inferSelect;

export const jalaliOf = (iso: string) => formatJalaliIso(isoToJalali(iso));

/** The public face of an office: no internal history. */
export function toOffice(r: OfficeRow, services: string[]) {
  const o = r.office;
  return {
    id: o.id,
    code: o.code,
    name: { fa: o.nameFa, en: o.nameEn },
    province: { id: o.provinceId, name: { fa: r.provinceFa, en: r.provinceEn } },
    city: { id: o.cityId, name: { fa: r.cityFa, en: r.cityEn } },
    address: o.address,
    phone: o.phone,
    status: o.status,
    location: o.lat != null && o.lon != null ? { lat: o.lat, lon: o.lon } : null,
    openingHours: o.openingHours,
    counters: o.counters,
    hearingBooths: o.hearingBooths,
    services,
  };
}

/** A competency that lets the office offer the service on `day` (the same rule the service checks use). */
export const inForceOn = (day: string) =>
  and(
    eq(officeCompetencies.status, 'active'),
    lte(officeCompetencies.validFrom, day),
    or(isNull(officeCompetencies.validUntil), gte(officeCompetencies.validUntil, day)),
  );

export async function searchOffices(
  db: Executor,
  search: { provinceId?: number; q?: string; service?: string; page: number; pageSize: number },
  day: string,
) {
  const where = and(
    search.provinceId ? eq(offices.provinceId, search.provinceId) : undefined,
    search.q
      ? or(ilike(offices.nameFa, `%${search.q}%`), ilike(offices.nameEn, `%${search.q}%`), eq(offices.code, search.q))
      : undefined,
    search.service
      ? and(
          eq(offices.status, 'active'),
          exists(
            db
              .select({ one: sql`1` })
              .from(officeCompetencies)
              .where(
                and(
                  eq(officeCompetencies.officeId, offices.id),
                  eq(officeCompetencies.serviceCode, search.service),
                  inForceOn(day),
                ),
              ),
          ),
        )
      : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(offices).where(where);
  const rows = await db
    .select(officeColumns)
    .from(offices)
    .innerJoin(provinces, eq(provinces.id, offices.provinceId))
    .innerJoin(cities, eq(cities.id, offices.cityId))
    .where(where)
    .orderBy(asc(offices.provinceId), asc(offices.code))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { rows, total };
}

export async function findOffice(db: Executor, id: number) {
  const [row] = await db
    .select(officeColumns)
    .from(offices)
    .innerJoin(provinces, eq(provinces.id, offices.provinceId))
    .innerJoin(cities, eq(cities.id, offices.cityId))
    .where(eq(offices.id, id));
  return row ?? null;
}

/** The services each office may offer on `day`, in catalog order. */
export async function servicesInForce(db: Executor, officeIds: number[], day: string): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>(officeIds.map((id) => [id, []]));
  if (officeIds.length === 0) return result;
  const rows = await db
    .select({ officeId: officeCompetencies.officeId, code: officeCompetencies.serviceCode })
    .from(officeCompetencies)
    .innerJoin(catalogServices, eq(catalogServices.code, officeCompetencies.serviceCode))
    .where(and(inArray(officeCompetencies.officeId, officeIds), inForceOn(day)))
    .orderBy(asc(catalogServices.sortOrder), asc(catalogServices.code));
  for (const r of rows) result.get(r.officeId)?.push(r.code);
  return result;
}

/** The office row, locked for a change of profile or status. */
export async function lockOffice(tx: Executor, id: number) {
  const [row] = await tx.select().from(offices).where(eq(offices.id, id)).for('update');
  return row ?? null;
}

export async function updateOffice(tx: Executor, id: number, set: Partial<typeof offices.$inferInsert>) {
  await tx.update(offices).set(set).where(eq(offices.id, id));
}

export async function insertStatusEvent(tx: Executor, event: typeof officeStatusEvents.$inferInsert) {
  const [row] = await tx.insert(officeStatusEvents).values(event).returning();
  return row;
}

export async function statusEventsOf(db: Executor, officeId: number) {
  const rows = await db
    .select({ event: officeStatusEvents, firstName: users.firstName, lastName: users.lastName })
    .from(officeStatusEvents)
    .leftJoin(users, eq(users.id, officeStatusEvents.decidedBy))
    .where(eq(officeStatusEvents.officeId, officeId))
    .orderBy(desc(officeStatusEvents.fromDate), desc(officeStatusEvents.id));
  return rows.map(({ event: e, firstName, lastName }) => ({
    id: e.id,
    status: e.status,
    reason: e.reason,
    fromDate: jalaliOf(e.fromDate),
    untilDate: e.untilDate ? jalaliOf(e.untilDate) : null,
    decidedBy: firstName ? `${firstName} ${lastName}` : null,
    createdAt: e.createdAt.toISOString(),
  }));
}

export async function competenciesOf(db: Executor, officeId: number) {
  return db
    .select({ competency: officeCompetencies, titleFa: catalogServices.titleFa, titleEn: catalogServices.titleEn })
    .from(officeCompetencies)
    .innerJoin(catalogServices, eq(catalogServices.code, officeCompetencies.serviceCode))
    .where(eq(officeCompetencies.officeId, officeId))
    .orderBy(asc(catalogServices.sortOrder), asc(catalogServices.code));
}

export async function lockCompetency(tx: Executor, officeId: number, serviceCode: string) {
  const [row] = await tx
    .select()
    .from(officeCompetencies)
    .where(and(eq(officeCompetencies.officeId, officeId), eq(officeCompetencies.serviceCode, serviceCode)))
    .for('update');
  return row ?? null;
}

export async function updateCompetency(tx: Executor, id: number, set: Partial<typeof officeCompetencies.$inferInsert>) {
  await tx.update(officeCompetencies).set(set).where(eq(officeCompetencies.id, id));
}

/** Offices by id with province and status, for a grant's targets. */
export async function officesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: offices.id, provinceId: offices.provinceId, status: offices.status })
    .from(offices)
    .where(inArray(offices.id, ids));
}

export async function activeOfficesOfProvinces(db: Executor, provinceIds: number[]) {
  return db
    .select({ id: offices.id, provinceId: offices.provinceId, status: offices.status })
    .from(offices)
    .where(and(inArray(offices.provinceId, provinceIds), eq(offices.status, 'active')))
    .orderBy(asc(offices.id));
}

export async function existingProvinceIds(db: Executor, ids: number[]) {
  return (await db.select({ id: provinces.id }).from(provinces).where(inArray(provinces.id, ids))).map((p) => p.id);
}

/** The competencies some offices hold for one service, locked for the grant. */
export async function competenciesForGrant(tx: Executor, serviceCode: string, officeIds: number[]) {
  if (officeIds.length === 0) return new Map<number, CompetencyRow>();
  const rows = await tx
    .select()
    .from(officeCompetencies)
    .where(and(eq(officeCompetencies.serviceCode, serviceCode), inArray(officeCompetencies.officeId, officeIds)))
    .for('update');
  return new Map(rows.map((r) => [r.officeId, r]));
}

/** A service's pilot competencies not yet withdrawn, at the offices of some provinces, locked (a pilot's end). */
export async function pilotCompetenciesInProvinces(tx: Executor, serviceCode: string, provinceIds: number[]) {
  if (provinceIds.length === 0) return [];
  return tx
    .select({
      id: officeCompetencies.id,
      officeId: offices.id,
      provinceId: offices.provinceId,
      status: officeCompetencies.status,
    })
    .from(officeCompetencies)
    .innerJoin(offices, eq(offices.id, officeCompetencies.officeId))
    .where(
      and(
        eq(officeCompetencies.serviceCode, serviceCode),
        eq(officeCompetencies.pilot, true),
        inArray(offices.provinceId, provinceIds),
        sql`${officeCompetencies.status} <> 'withdrawn'`,
      ),
    )
    .orderBy(asc(offices.id))
    .for('update', { of: officeCompetencies });
}

export async function insertCompetencies(tx: Executor, rows: (typeof officeCompetencies.$inferInsert)[]) {
  // Large pilots (a whole province at national scale) go in bounded batches.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(officeCompetencies).values(rows.slice(i, i + 1000));
}

/** Per province: active offices, and those of them competent today for the service (and as a pilot). */
export async function coverage(
  db: Executor,
  serviceCode: string,
  day: string,
  provinceIds: number[] | null,
  officeIds: number[] | null,
) {
  const competent = sql<number>`count(*) filter (where ${exists(
    db
      .select({ one: sql`1` })
      .from(officeCompetencies)
      .where(
        and(
          eq(officeCompetencies.officeId, offices.id),
          eq(officeCompetencies.serviceCode, serviceCode),
          inForceOn(day),
        ),
      ),
  )})`;
  const pilot = sql<number>`count(*) filter (where ${exists(
    db
      .select({ one: sql`1` })
      .from(officeCompetencies)
      .where(
        and(
          eq(officeCompetencies.officeId, offices.id),
          eq(officeCompetencies.serviceCode, serviceCode),
          eq(officeCompetencies.pilot, true),
          inForceOn(day),
        ),
      ),
  )})`;
  const rows = await db
    .select({
      id: provinces.id,
      fa: provinces.nameFa,
      en: provinces.nameEn,
      active: sql<number>`count(${offices.id})`.mapWith(Number),
      competent: competent.mapWith(Number),
      pilot: pilot.mapWith(Number),
    })
    .from(provinces)
    .leftJoin(
      offices,
      and(
        eq(offices.provinceId, provinces.id),
        eq(offices.status, 'active'),
        officeIds ? inArray(offices.id, officeIds.length ? officeIds : [0]) : undefined,
      ),
    )
    .where(provinceIds ? inArray(provinces.id, provinceIds.length ? provinceIds : [0]) : undefined)
    .groupBy(provinces.id, provinces.nameFa, provinces.nameEn)
    .orderBy(asc(provinces.id));
  return rows;
}
