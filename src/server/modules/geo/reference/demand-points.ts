/**
 * Where people live, as points: every city with its population, and per county one "rest of county"
 * point at its seat for the county's people not living in a listed city. Coverage figures and the
 * siting optimizer count these; they read the tables, so imported figures flow in automatically.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { cities, counties } from '#server/modules/geo/tables';

export interface DemandPointRow {
  /** `city:<id>` or `county:<id>` — stable across runs, so saved results can refer to them. */
  id: string;
  kind: 'city' | 'rest-of-county';
  name: { fa: string; en: string };
  provinceId: number;
  countyId: number | null;
  lat: number;
  lon: number;
  population: number;
}

export async function demandPoints(
  db: Executor,
  options: { provinceIds?: number[] | null } = {},
): Promise<DemandPointRow[]> {
  const only = options.provinceIds ?? null;
  if (only && only.length === 0) return [];
  const [cityRows, countyRows] = await Promise.all([
    db
      .select()
      .from(cities)
      .where(only ? inArray(cities.provinceId, only) : undefined)
      .orderBy(asc(cities.id)),
    db
      .select()
      .from(counties)
      .where(only ? inArray(counties.provinceId, only) : undefined)
      .orderBy(asc(counties.id)),
  ]);
  const points: DemandPointRow[] = [];
  const inCities = new Map<number, number>();
  for (const c of cityRows) {
    const population = c.population ?? 0;
    if (c.countyId !== null) inCities.set(c.countyId, (inCities.get(c.countyId) ?? 0) + population);
    // A city without coordinates cannot be placed on the map (e.g. one added by hand); its people stay in the county rest.
    if (c.lat === null || c.lon === null || population <= 0) continue;
    points.push({
      id: `city:${c.id}`,
      kind: 'city',
      name: { fa: c.nameFa, en: c.nameEn },
      provinceId: c.provinceId,
      countyId: c.countyId,
      lat: c.lat,
      lon: c.lon,
      population,
    });
  }
  for (const k of countyRows) {
    const rest = (k.population ?? 0) - (inCities.get(k.id) ?? 0);
    if (rest <= 0 || k.lat === null || k.lon === null) continue;
    points.push({
      id: `county:${k.id}`,
      kind: 'rest-of-county',
      name: { fa: `${k.nameFa} (سایر نقاط شهرستان)`, en: `${k.nameEn} (rest of county)` },
      provinceId: k.provinceId,
      countyId: k.id,
      lat: k.lat,
      lon: k.lon,
      population: rest,
    });
  }
  return points;
}
