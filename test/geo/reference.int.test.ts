/** The reference geography: what every fresh database holds, the endpoints that read it, population imports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { cities, counties, provinces } from '#server/modules/geo/tables';
import { PROVINCES, capitalCityId } from '#server/modules/geo/data/provinces';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => { t = await startTestServer(); });
afterAll(async () => { await t?.stop(); });

describe('the shipped geography', () => {
  it('holds the 31 provinces (census 1395), the GeoNames county seats as counties and the 440 places as cities', async () => {
    const db = t.database.db;
    const ps = await db.select().from(provinces).orderBy(asc(provinces.id));
    expect(ps).toHaveLength(31);
    for (const p of ps) {
      expect(p.populationYear).toBe(1395);
      expect(p.populationSource).toBe('census-1395');
    }
    const cs = await db.select().from(counties);
    expect(cs.length).toBe(379);
    const ts = await db.select().from(cities);
    expect(ts.filter((c) => c.geonamesId !== null)).toHaveLength(440);
    for (const c of ts.filter((x) => x.geonamesId !== null)) {
      expect(c.countyId, c.nameEn).not.toBeNull();
      expect(c.populationSource).toBe('geonames');
    }
    // Every county's seat is one of its cities, in the same province.
    const countyById = new Map(cs.map((c) => [c.id, c]));
    for (const c of ts) if (c.countyId !== null) expect(countyById.get(c.countyId)!.provinceId).toBe(c.provinceId);
  });

  it('keeps the capitals\' city ids, in the capital\'s own county', async () => {
    const ts = await t.database.db.select().from(cities);
    for (const p of PROVINCES) {
      const capital = ts.find((c) => c.id === capitalCityId(p.id))!;
      expect(capital.nameFa).toBe(p.capital.fa);
      expect(capital.provinceId).toBe(p.id);
      expect(capital.countyId).toBe(p.id * 1000 + 1);
    }
  });

  it('splits each province\'s census population over its counties so they sum to the province', async () => {
    const db = t.database.db;
    const ps = await db.select().from(provinces);
    const cs = await db.select().from(counties);
    for (const p of ps) {
      const sum = cs.filter((c) => c.provinceId === p.id).reduce((s, c) => s + (c.population ?? 0), 0);
      expect(sum, p.nameEn).toBe(p.population);
    }
    expect(cs.every((c) => (c.population ?? 0) > 0 && c.lat !== null && c.lon !== null)).toBe(true);
  });

  it('names most places in Persian', async () => {
    const ts = await t.database.db.select().from(cities);
    const persian = ts.filter((c) => /[\u0600-\u06FF]/.test(c.nameFa));
    expect(persian.length).toBeGreaterThan(380);
  });
});

describe('demand points', () => {
  it('are the cities plus each county\'s rest at its seat, summing to the counties\' population', async () => {
    const { demandPoints } = await import('#server/modules/geo/reference/demand-points');
    const db = t.database.db;
    const points = await demandPoints(db, { provinceIds: [1] });
    expect(points.every((p) => p.provinceId === 1)).toBe(true);
    expect(points.filter((p) => p.kind === 'city').length).toBeGreaterThan(10);
    const cs = (await db.select().from(counties)).filter((c) => c.provinceId === 1);
    const ts = (await db.select().from(cities)).filter((c) => c.provinceId === 1);
    // Where a county's cities hold more people than the county estimate, the cities count as they are.
    const expected = cs.reduce((s, k) => {
      const inCities = ts.filter((c) => c.countyId === k.id).reduce((a, c) => a + (c.population ?? 0), 0);
      return s + Math.max(k.population ?? 0, inCities);
    }, 0);
    expect(points.reduce((s, p) => s + p.population, 0)).toBe(expected);
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
    const all = await demandPoints(db);
    expect(new Set(all.map((p) => p.provinceId)).size).toBe(31);
    expect(await demandPoints(db, { provinceIds: [] })).toEqual([]);
  });
});
