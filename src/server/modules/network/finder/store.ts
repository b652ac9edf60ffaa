/** The finder's queries: where a search starts from, and the nearest competent offices. */
import { and, asc, eq, exists, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { officeCompetencies, offices } from '#server/modules/offices/tables';
import { inForceOn } from '#server/modules/offices/store';
import { cities, provinces } from '#server/modules/geo/tables';

interface GeoPoint {
  lat: number;
  lon: number;
}

export interface Place extends GeoPoint {
  provinceId: number;
  name: { fa: string; en: string };
}

/** A city's coordinates (its province capital's when the city has none), or null for no such city. */
export async function cityPlace(db: Executor, cityId: number): Promise<Place | null> {
  const [row] = await db
    .select({
      provinceId: cities.provinceId,
      fa: cities.nameFa,
      en: cities.nameEn,
      lat: sql<number | null>`coalesce(${cities.lat}, ${provinces.lat})`,
      lon: sql<number | null>`coalesce(${cities.lon}, ${provinces.lon})`,
    })
    .from(cities)
    .innerJoin(provinces, eq(provinces.id, cities.provinceId))
    .where(eq(cities.id, cityId));
  if (!row || row.lat == null || row.lon == null) return null;
  return { provinceId: row.provinceId, name: { fa: row.fa, en: row.en }, lat: Number(row.lat), lon: Number(row.lon) };
}

/** A province located at its capital, or null for no such province. */
export async function provincePlace(db: Executor, provinceId: number): Promise<Place | null> {
  const [row] = await db
    .select({ fa: provinces.nameFa, en: provinces.nameEn, lat: provinces.lat, lon: provinces.lon })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  if (!row || row.lat == null || row.lon == null) return null;
  return { provinceId, name: { fa: row.fa, en: row.en }, lat: row.lat, lon: row.lon };
}

/**
 * The `limit` active offices nearest to `origin` holding a competency in force on `day` for the
 * service, nearest first (ties by licence number). One statement: PostgreSQL orders by the
 * haversine term (monotone in the great-circle distance, so no trigonometric inverse is needed)
 * and stops at `limit`; the competency check walks the unique (office_id, service_code) key.
 * Offices without coordinates cannot be placed and are left out.
 */
export async function nearestCompetentOffices(
  db: Executor,
  origin: GeoPoint,
  serviceCode: string,
  day: string,
  limit: number,
) {
  const lat0 = origin.lat;
  const lon0 = origin.lon;
  const haversineTerm = sql`power(sin(radians(${offices.lat} - ${lat0}::float8) / 2), 2)
    + cos(radians(${lat0}::float8)) * cos(radians(${offices.lat})) * power(sin(radians(${offices.lon} - ${lon0}::float8) / 2), 2)`;
  return db
    .select({
      id: offices.id,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
      address: offices.address,
      phone: offices.phone,
      lat: offices.lat,
      lon: offices.lon,
      openingHours: offices.openingHours,
      provinceId: offices.provinceId,
      provinceFa: provinces.nameFa,
      provinceEn: provinces.nameEn,
      cityId: offices.cityId,
      cityFa: cities.nameFa,
      cityEn: cities.nameEn,
    })
    .from(offices)
    .innerJoin(provinces, eq(provinces.id, offices.provinceId))
    .innerJoin(cities, eq(cities.id, offices.cityId))
    .where(
      and(
        eq(offices.status, 'active'),
        isNotNull(offices.lat),
        isNotNull(offices.lon),
        exists(
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
        ),
      ),
    )
    .orderBy(haversineTerm, asc(offices.code))
    .limit(limit);
}
