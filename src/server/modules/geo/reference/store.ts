import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { cities, counties, provinces } from '#server/modules/geo/tables';

/** Where a figure comes from, for people to judge it: census, estimate, GeoNames or an import. */
const origin = (r: { populationYear: number | null; populationSource: string | null }) => ({
  populationYear: r.populationYear,
  populationSource: r.populationSource,
});

export async function listProvinces(db: Executor) {
  const rows = await db.select().from(provinces).orderBy(asc(provinces.id));
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: { fa: p.nameFa, en: p.nameEn },
    population: p.population,
    ...origin(p),
  }));
}

export async function provinceExists(db: Executor, provinceId: number): Promise<boolean> {
  const [row] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, provinceId));
  return row !== undefined;
}

/** A province's cities, the largest first (forms pick the city an office or applicant is in). */
export async function listCities(db: Executor, provinceId: number) {
  const rows = await db
    .select()
    .from(cities)
    .where(eq(cities.provinceId, provinceId))
    .orderBy(desc(cities.population), asc(cities.id));
  return rows.map((c) => ({
    id: c.id,
    name: { fa: c.nameFa, en: c.nameEn },
    countyId: c.countyId,
    lat: c.lat,
    lon: c.lon,
    population: c.population,
    ...origin(c),
  }));
}

/** A province's counties, the most populous first, with where their figure comes from. */
export async function listCounties(db: Executor, provinceId: number) {
  const rows = await db
    .select()
    .from(counties)
    .where(eq(counties.provinceId, provinceId))
    .orderBy(desc(counties.population), asc(counties.id));
  return rows.map((c) => ({
    id: c.id,
    name: { fa: c.nameFa, en: c.nameEn },
    lat: c.lat,
    lon: c.lon,
    population: c.population,
    ...origin(c),
  }));
}
