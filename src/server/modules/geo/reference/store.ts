import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/transaction';
import { cities, provinces } from '../tables';

export async function listProvinces(db: Executor) {
  const rows = await db.select().from(provinces).orderBy(asc(provinces.id));
  return rows.map((p) => ({ id: p.id, code: p.code, name: { fa: p.nameFa, en: p.nameEn }, population: p.population }));
}

/** A province's cities, the largest first (forms pick the city an office or applicant is in). */
export async function listCities(db: Executor, provinceId: number) {
  const rows = await db.select().from(cities).where(eq(cities.provinceId, provinceId)).orderBy(desc(cities.population), asc(cities.id));
  return rows.map((c) => ({ id: c.id, name: { fa: c.nameFa, en: c.nameEn }, countyId: c.countyId }));
}
