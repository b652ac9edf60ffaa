/** Reads of the network map: provinces and counties with their population, active offices as points. */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { offices } from '#server/modules/offices/tables';
import { cities, counties, provinces } from '#server/modules/geo/tables';

/** An office's county: the one on record, else its city's (offices registered before counties were kept have none). */
export const officeCounty = sql<
  number | null
>`coalesce(${offices.countyId}, (select ${cities.countyId} from ${cities} where ${cities.id} = ${offices.cityId}))`;

export async function provincesOf(db: Executor, ids: number[] | null) {
  return db
    .select({
      id: provinces.id,
      nameFa: provinces.nameFa,
      nameEn: provinces.nameEn,
      population: provinces.population,
      populationYear: provinces.populationYear,
      populationSource: provinces.populationSource,
    })
    .from(provinces)
    .where(ids ? inArray(provinces.id, ids) : undefined)
    .orderBy(asc(provinces.id));
}

export async function countiesOf(db: Executor, provinceId: number) {
  return db
    .select({
      id: counties.id,
      nameFa: counties.nameFa,
      nameEn: counties.nameEn,
      lat: counties.lat,
      lon: counties.lon,
      population: counties.population,
      populationYear: counties.populationYear,
      populationSource: counties.populationSource,
    })
    .from(counties)
    .where(eq(counties.provinceId, provinceId))
    .orderBy(asc(counties.id));
}

export interface ActiveOffice {
  id: number;
  provinceId: number;
  countyId: number | null;
  lat: number | null;
  lon: number | null;
}

/** Active offices (of some provinces, or all): the ones that count on the map and for distances. */
export async function activeOffices(db: Executor, provinceIds: number[] | null): Promise<ActiveOffice[]> {
  return db
    .select({
      id: offices.id,
      provinceId: offices.provinceId,
      countyId: officeCounty,
      lat: offices.lat,
      lon: offices.lon,
    })
    .from(offices)
    .where(and(eq(offices.status, 'active'), provinceIds ? inArray(offices.provinceId, provinceIds) : undefined))
    .orderBy(asc(offices.id));
}

/** Active offices with coordinates anywhere: the nearest office to a place may lie across a province border. */
export async function locatedActiveOffices(db: Executor): Promise<{ lat: number; lon: number }[]> {
  const rows = await db
    .select({ lat: offices.lat, lon: offices.lon })
    .from(offices)
    .where(and(eq(offices.status, 'active'), isNotNull(offices.lat), isNotNull(offices.lon)));
  return rows as { lat: number; lon: number }[];
}

export async function officeProvince(db: Executor, officeId: number): Promise<number | null> {
  const [row] = await db.select({ provinceId: offices.provinceId }).from(offices).where(eq(offices.id, officeId));
  return row?.provinceId ?? null;
}
