import type { Executor } from '#server/db/transaction';
import { shippedGeography } from '#server/modules/geo/data/shipped-geography';
import { cities, counties, provinces } from '#server/modules/geo/tables';

/**
 * The shipped reference geography: 31 provinces (1395 census), one county per GeoNames county seat
 * (population an estimate until an official table is imported) and the 440 GeoNames places as cities.
 * One multi-row insert per table: every test server and the demo seed run it.
 */
export async function seedGeography(db: Executor): Promise<void> {
  const shipped = shippedGeography();
  await db.insert(provinces).values(shipped.provinces).onConflictDoNothing();
  await db.insert(counties).values(shipped.counties).onConflictDoNothing();
  await db.insert(cities).values(shipped.cities).onConflictDoNothing();
}
