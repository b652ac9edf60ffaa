/** The reference geography: what every fresh database holds, the endpoints that read it, population imports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { cities, counties, populationImports, provinces } from '#server/modules/geo/tables';
import { PROVINCES, capitalCityId } from '#server/modules/geo/data/provinces';
import { expectProblem } from '../support/problems';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

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

  it("keeps the capitals' city ids, in the capital's own county", async () => {
    const ts = await t.database.db.select().from(cities);
    for (const p of PROVINCES) {
      const capital = ts.find((c) => c.id === capitalCityId(p.id))!;
      expect(capital.nameFa).toBe(p.capital.fa);
      expect(capital.provinceId).toBe(p.id);
      expect(capital.countyId).toBe(p.id * 1000 + 1);
    }
  });

  it("splits each province's census population over its counties so they sum to the province", async () => {
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
  it("are the cities plus each county's rest at its seat, summing to the counties' population", async () => {
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

describe('GET /api/v1/geo/provinces/:id/counties and …/cities', () => {
  it("list a province's counties and cities with location, population and where the figure comes from", async () => {
    const counties = (await t.anonymous().get('/api/v1/geo/provinces/4/counties')).json() as {
      items: { id: number; name: { fa: string }; population: number; populationSource: string; lat: number }[];
    };
    expect(counties.items.length).toBeGreaterThan(20);
    expect(counties.items[0]).toMatchObject({
      id: 4001,
      name: { fa: 'شیراز' },
      populationSource: 'estimate:census-1395-by-geonames',
    });
    const cityRes = await t.anonymous().get('/api/v1/geo/provinces/4/cities');
    const cities = cityRes.json() as {
      items: { id: number; countyId: number; lat: number; lon: number; population: number; populationSource: string }[];
    };
    expect(cities.items[0]).toMatchObject({ id: 4001, countyId: 4001, populationSource: 'geonames' });
    expect(cities.items[0].population).toBeGreaterThan(1_000_000);
    expect(typeof cities.items[0].lat).toBe('number');
  });

  it('answers 404 for a province that does not exist, 400 for a bad id', async () => {
    expectProblem(await t.anonymous().get('/api/v1/geo/provinces/99/counties'), 404, 'not_found');
    expectProblem(await t.anonymous().get('/api/v1/geo/provinces/x/counties'), 400);
  });
});

describe('population imports', () => {
  const snapshot = async () => {
    const db = t.database.db;
    const [ps, cs, ts, imports] = await Promise.all([
      db.select().from(provinces).orderBy(asc(provinces.id)),
      db.select().from(counties).orderBy(asc(counties.id)),
      db.select().from(cities).orderBy(asc(cities.id)),
      db.select().from(populationImports),
    ]);
    return JSON.stringify({ ps, cs, ts, imports });
  };

  it("refuses a malformed file with every error's line and column (422) and changes nothing", async () => {
    const regulator = await t.signInStaff('regulator');
    const before = await snapshot();
    const csv = '\uFEFFاستان,جمعیت\nتهران,۱۴۰۰۰۰۰۰\nAtlantis,5\nESF,-3\nتهران,7\n"Fars,1\n';
    const res = await regulator.post('/api/v1/geo/population-imports', {
      level: 'province',
      source: 'آزمون',
      year: 1405,
      csv,
    });
    const body = expectProblem(res, 422, 'population_import_invalid');
    expect(
      (
        body.errors as unknown as {
          line: number;
          column: number | null;
          columnName: string | null;
          code: string;
          fa: string;
        }[]
      ).map(({ line, column, columnName, code }) => ({ line, column, columnName, code })),
    ).toEqual([
      { line: 3, column: 1, columnName: 'استان', code: 'csv_unknown_place' },
      { line: 4, column: 2, columnName: 'جمعیت', code: 'csv_not_a_number' },
      { line: 5, column: 1, columnName: 'استان', code: 'csv_duplicate_row' },
      { line: 6, column: null, columnName: null, code: 'csv_malformed' },
    ]);
    expect((body.errors as unknown as { fa: string }[])[0].fa).toMatch(/[\u0600-\u06FF]/);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a table with a missing column or no data, and a level or year that is not one', async () => {
    const regulator = await t.signInStaff('regulator');
    const missing = expectProblem(
      await regulator.post('/api/v1/geo/population-imports', {
        level: 'county',
        source: 'آزمون',
        year: 1405,
        csv: 'province,population\nTHR,1\n',
      }),
      422,
      'population_import_invalid',
    );
    expect(missing.errors).toMatchObject([{ line: 1, column: null, columnName: 'county', code: 'csv_missing_column' }]);
    expectProblem(
      await regulator.post('/api/v1/geo/population-imports', { level: 'city', source: 'آزمون', year: 1405, csv: '' }),
      422,
      'population_import_invalid',
    );
    expectProblem(
      await regulator.post('/api/v1/geo/population-imports', {
        level: 'village',
        source: 'آزمون',
        year: 1405,
        csv: 'a',
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await regulator.post('/api/v1/geo/population-imports', {
        level: 'province',
        source: 'آزمون',
        year: 'next',
        csv: 'a',
      }),
      400,
      'validation_failed',
    );
  });

  it('replaces province figures, records the import and its audit event, and warns that the counties now disagree', async () => {
    const regulator = await t.signInStaff('regulator');
    const countiesBefore = (await t.database.db.select().from(counties)).filter((c) => c.provinceId === 3);
    const res = await regulator.post('/api/v1/geo/population-imports', {
      level: 'province',
      source: 'مرکز آمار ایران — سرشماری ۱۴۰۵',
      year: 1405,
      fileName: 'provinces-1405.csv',
      csv: 'province_code,population\nTHR,"14,100,000"\nESF,۵۳۰۰۰۰۰\n',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as {
      import: { id: number; rowCount: number; fileName: string };
      changes: { id: number; before: number; after: number }[];
      warnings: { code: string; id: number; population: number; partsPopulation: number }[];
    };
    expect(body.import).toMatchObject({ rowCount: 2, fileName: 'provinces-1405.csv' });
    expect(body.changes).toEqual([
      expect.objectContaining({ id: 1, before: 13_267_637, after: 14_100_000 }),
      expect.objectContaining({ id: 3, before: 5_120_850, after: 5_300_000 }),
    ]);
    expect(body.warnings.map((w) => [w.code, w.id])).toEqual([
      ['counties_differ_from_province', 1],
      ['counties_differ_from_province', 3],
    ]);
    expect(body.warnings[1]).toMatchObject({ population: 5_300_000, partsPopulation: 5_120_850 });

    const ps = (await (await t.anonymous().get('/api/v1/geo/provinces')).json()) as {
      items: { id: number; population: number; populationYear: number; populationSource: string }[];
    };
    expect(ps.items.find((p) => p.id === 1)).toMatchObject({
      population: 14_100_000,
      populationYear: 1405,
      populationSource: `import:${body.import.id}`,
    });
    expect(ps.items.find((p) => p.id === 4)).toMatchObject({ population: 4_851_274, populationSource: 'census-1395' });
    // The counties are not rescaled.
    expect((await t.database.db.select().from(counties)).filter((c) => c.provinceId === 3)).toEqual(countiesBefore);

    const audit = await t.database.db.execute(
      sql`select action, entity_id from audit_events where action = 'geo.population.import'`,
    );
    const auditRows = ('rows' in audit ? audit.rows : audit) as { action: string; entity_id: string }[];
    expect(auditRows.map((r) => r.entity_id)).toContain(String(body.import.id));

    const list = (await regulator.get('/api/v1/geo/population-imports')).json() as {
      items: { id: number; source: string }[];
    };
    expect(list.items[0]).toMatchObject({ id: body.import.id, source: 'مرکز آمار ایران — سرشماری ۱۴۰۵' });
  });

  it('replaces county and city figures by name or id', async () => {
    const regulator = await t.signInStaff('regulator');
    const countyRes = await regulator.post('/api/v1/geo/population-imports', {
      level: 'county',
      source: 'آزمون',
      year: 1405,
      csv: 'استان,شهرستان,جمعیت\nفارس,شیراز,2000000\n4,4002,۴۰۰۰۰۰\n',
    });
    expect(countyRes.statusCode, countyRes.body).toBe(201);
    const cs = (await t.anonymous().get('/api/v1/geo/provinces/4/counties')).json() as {
      items: { id: number; population: number; populationYear: number }[];
    };
    expect(cs.items.find((c) => c.id === 4001)).toMatchObject({ population: 2_000_000, populationYear: 1405 });
    expect(cs.items.find((c) => c.id === 4002)).toMatchObject({ population: 400_000 });

    const cityRes = await regulator.post('/api/v1/geo/population-imports', {
      level: 'city',
      source: 'آزمون',
      year: 1405,
      csv: 'province,city,population\nFars,Shiraz,1800000\n',
    });
    expect(cityRes.statusCode, cityRes.body).toBe(201);
    const ts = (await t.anonymous().get('/api/v1/geo/provinces/4/cities')).json() as {
      items: { id: number; population: number }[];
    };
    expect(ts.items.find((c) => c.id === 4001)).toMatchObject({ population: 1_800_000 });
    // Demand points follow: Shiraz county's rest is its new figure less its cities.
    const { demandPoints } = await import('#server/modules/geo/reference/demand-points');
    const points = await demandPoints(t.database.db, { provinceIds: [4] });
    expect(points.find((p) => p.id === 'city:4001')!.population).toBe(1_800_000);
  });

  it('is for the regulator only; the list for national oversight', async () => {
    const association = await t.signInStaff('association');
    expectProblem(
      await association.post('/api/v1/geo/population-imports', {
        level: 'province',
        source: 'آزمون',
        year: 1405,
        csv: 'province,population\nTHR,1\n',
      }),
      403,
      'forbidden',
    );
    expect((await association.get('/api/v1/geo/population-imports')).statusCode).toBe(200);
    expectProblem(
      await (await t.signInStaff('association.tehran')).get('/api/v1/geo/population-imports'),
      403,
      'forbidden',
    );
    expectProblem(await t.anonymous().get('/api/v1/geo/population-imports'), 401);
  });
});
