import type { Executor } from '../../db/transaction';
import { PROVINCES, capitalCityId } from '../../modules/geo/data/provinces';
import { cities, provinces } from '../../modules/geo/tables';

/** Provinces and their capitals: the reference data every dataset starts from. */
export async function seedGeography(db: Executor): Promise<void> {
  await db.insert(provinces).values(PROVINCES.map((p) => ({
    id: p.id, code: p.code, nameFa: p.fa, nameEn: p.en, population: p.population, lat: p.capital.lat, lon: p.capital.lon,
  }))).onConflictDoNothing();
  await db.insert(cities).values(PROVINCES.map((p) => ({
    id: capitalCityId(p.id), provinceId: p.id, nameFa: p.capital.fa, nameEn: p.capital.en,
    population: p.capital.population, lat: p.capital.lat, lon: p.capital.lon,
  }))).onConflictDoNothing();
}
