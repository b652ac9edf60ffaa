/**
 * The network map's figures through the HTTP API on the demo: 7 active offices in 4 provinces,
 * offices per 100,000 people, the far share at a distance, a province's counties with their
 * saturation, the offices on the map, the viability table by scope, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let association: Client, tehran: Client, inspector: Client, manager: Client, regulator: Client, operator: Client;

beforeAll(async () => {
  t = await startTestServer();
  [association, tehran, inspector, manager, regulator, operator] = await Promise.all([
    t.signInStaff('association'),
    t.signInStaff('association.tehran'),
    t.signInStaff('inspector.tehran'),
    t.signInStaff('manager.11001'),
    t.signInStaff('regulator'),
    t.signInStaff('operator.11001'),
  ]);
});
afterAll(async () => {
  await t?.stop();
});

interface ProvinceFigures {
  provinceId: number;
  population: number;
  offices: number;
  officesPer100k: number | null;
  demandMonthly: number;
  demandPerOffice: number | null;
  farShare: number | null;
  belowBreakEven: number;
}

describe('GET /api/v1/geo/distribution', () => {
  it('national oversight: all 31 provinces with offices, Shahr-e Rey and Zand below break-even among the first seven', async () => {
    const res = await association.get('/api/v1/geo/distribution?distanceKm=20');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      period: { months: number };
      distanceKm: number;
      totals: ProvinceFigures;
      provinces: ProvinceFigures[];
    };
    expect(body.period.months).toBe(12);
    expect(body.distanceKm).toBe(20);
    expect(body.provinces).toHaveLength(31);
    // Decision 0077: the first seven stay (Tehran 3, Khorasan Razavi 1 + 2, Isfahan 2, Fars 1); the
    // other provinces get 3 offices from 3 million people, 2 from 1.2 million, 1 below — Qom, whose
    // shipped geography holds one place, 1.
    const expected = new Map<number, number>([
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    for (const p of body.provinces.filter((x) => !expected.has(x.provinceId)))
      expected.set(
        p.provinceId,
        p.provinceId === 22 ? 1 : p.population >= 3_000_000 ? 3 : p.population >= 1_200_000 ? 2 : 1,
      );
    expect(new Map(body.provinces.map((p) => [p.provinceId, p.offices]))).toEqual(expected);
    expect(body.totals.offices).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    const [tehranPop] = await t.query<{ population: number }>('select population from provinces where id = 1');
    const p1 = body.provinces[0];
    expect(p1.population).toBe(tehranPop.population);
    expect(p1.officesPer100k).toBeCloseTo((3 / tehranPop.population) * 100_000, 2);
    expect(p1.belowBreakEven).toBe(1);
    expect(p1.demandPerOffice).toBeCloseTo(p1.demandMonthly / 3, 0);
    expect(body.provinces.find((p) => p.provinceId === 4)!.belowBreakEven).toBe(1);
    // Tehran's offices are all in the capital, so much of the province is near; Ilam's one office in
    // its capital leaves part of the province far, but no longer everyone.
    expect(p1.farShare).toBeGreaterThan(0);
    expect(p1.farShare).toBeLessThan(0.5);
    const ilam = body.provinces.find((p) => p.provinceId === 31)!.farShare!;
    expect(ilam).toBeGreaterThan(0);
    expect(ilam).toBeLessThan(1);
  });

  it('the far share shrinks as the distance grows; Persian digits are read', async () => {
    const near = (await association.get('/api/v1/geo/distribution?distanceKm=5')).json() as {
      provinces: ProvinceFigures[];
    };
    const far = (await association.get('/api/v1/geo/distribution?distanceKm=۱۰۰')).json() as {
      distanceKm: number;
      provinces: ProvinceFigures[];
    };
    expect(far.distanceKm).toBe(100);
    expect(far.provinces[0].farShare!).toBeLessThanOrEqual(near.provinces[0].farShare!);
  });

  it("a province's association and inspector see their province only; a manager is refused", async () => {
    for (const c of [tehran, inspector]) {
      const body = (await c.get('/api/v1/geo/distribution')).json() as {
        totals: ProvinceFigures;
        provinces: ProvinceFigures[];
      };
      expect(body.provinces.map((p) => p.provinceId)).toEqual([1]);
      expect(body.totals.offices).toBe(3);
    }
    expectProblem(await manager.get('/api/v1/geo/distribution'), 403, 'forbidden');
    expectProblem(await t.anonymous().get('/api/v1/geo/distribution'), 401, 'unauthenticated');
  });

  it('refuses a negative or too large distance, naming the field', async () => {
    for (const d of ['-1', '501', 'abc']) {
      const res = await association.get(`/api/v1/geo/distribution?distanceKm=${d}`);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('distanceKm');
    }
  });
});

describe('GET /api/v1/geo/distribution/provinces/:id', () => {
  it('Tehran with its counties: population, offices, saturation with a status', async () => {
    const res = await tehran.get('/api/v1/geo/distribution/provinces/1?distanceKm=20');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      province: ProvinceFigures;
      typicalBreakEvenVolume: number;
      demandPerPerson: number;
      counties: {
        countyId: number;
        offices: number;
        population: number | null;
        saturation: number | null;
        saturationStatus: string | null;
        expectedDemandMonthly: number;
      }[];
    };
    expect(body.province.offices).toBe(3);
    expect(body.typicalBreakEvenVolume).toBeGreaterThan(0);
    expect(body.demandPerPerson).toBeGreaterThan(0);
    expect(body.counties.length).toBeGreaterThan(0);
    // Demo offices have no county on record: each counts in its city's county (the capital's).
    expect(body.counties.reduce((a, c) => a + c.offices, 0)).toBe(3);
    for (const c of body.counties) {
      if (c.expectedDemandMonthly > 0) {
        expect(c.saturation).toBeCloseTo(c.offices / (c.expectedDemandMonthly / body.typicalBreakEvenVolume), 1);
        expect(['under-served', 'balanced', 'saturated']).toContain(c.saturationStatus);
      }
      if (c.offices === 0 && (c.population ?? 0) > 0) expect(c.saturationStatus).toBe('under-served');
    }
  });

  it("another province is refused to a province's association; an unknown one is not found; bad distance is 400", async () => {
    expectProblem(await tehran.get('/api/v1/geo/distribution/provinces/3'), 403, 'forbidden');
    expectProblem(await association.get('/api/v1/geo/distribution/provinces/99'), 404, 'not_found');
    expect((await association.get('/api/v1/geo/distribution/provinces/1?distanceKm=-5')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/geo/offices/map', () => {
  it('active offices as points with their viability, within scope', async () => {
    const all = (await regulator.get('/api/v1/geo/offices/map')).json() as {
      items: { code: string; viability: string; lat: number; provinceId: number }[];
    };
    const firstSeven = ['11001', '11002', '11003', '12001', '13001', '13002', '14001'];
    expect(
      all.items
        .filter((o) => firstSeven.includes(o.code))
        .map((o) => o.code)
        .sort(),
    ).toEqual(firstSeven);
    // Every province has its points on the map (decision 0077).
    expect(new Set(all.items.map((o) => o.provinceId)).size).toBe(31);
    expect(
      all.items
        .filter((o) => firstSeven.includes(o.code) && o.viability === 'below')
        .map((o) => o.code)
        .sort(),
    ).toEqual(['11003', '14001']);
    const mine = (await tehran.get('/api/v1/geo/offices/map')).json() as { items: { provinceId: number }[] };
    expect(new Set(mine.items.map((o) => o.provinceId))).toEqual(new Set([1]));
    expectProblem(await tehran.get('/api/v1/geo/offices/map?provinceId=3'), 403, 'forbidden');
    expectProblem(await association.get('/api/v1/geo/offices/map?provinceId=99'), 404, 'not_found');
  });
});

describe('GET /api/v1/geo/viability', () => {
  it('national oversight sees every office; Shahr-e Rey and Zand are the first seven below break-even', async () => {
    const body = (await association.get('/api/v1/geo/viability')).json() as {
      period: { fromMonth: string; toMonth: string };
      items: { code: string; viability: string; breakEvenVolume: number; demandMonthly: number }[];
    };
    const firstSeven = ['11001', '11002', '11003', '13001', '13002', '14001', '12001'];
    expect(body.items.filter((o) => firstSeven.includes(o.code))).toHaveLength(7);
    expect(body.items.length).toBeGreaterThan(31);
    expect(body.items.filter((o) => firstSeven.includes(o.code) && o.viability === 'below').map((o) => o.code)).toEqual(
      ['11003', '14001'],
    );
    expect(body.period.fromMonth < body.period.toMonth).toBe(true);
  });

  it('an office manager sees their office only; asking for another is refused', async () => {
    const body = (await manager.get('/api/v1/geo/viability')).json() as { items: { code: string }[] };
    expect(body.items.map((o) => o.code)).toEqual(['11001']);
    expect(
      ((await manager.get('/api/v1/geo/viability?provinceId=1')).json() as { items: { code: string }[] }).items.map(
        (o) => o.code,
      ),
    ).toEqual(['11001']);
    expectProblem(await manager.get('/api/v1/geo/viability?officeId=2'), 403, 'forbidden');
    expectProblem(await manager.get('/api/v1/geo/viability?provinceId=3'), 403, 'forbidden');
    expectProblem(await operator.get('/api/v1/geo/viability'), 403, 'forbidden');
  });

  it("a province's association and inspector see their province; filters; unknown ids are not found", async () => {
    for (const c of [tehran, inspector]) {
      const body = (await c.get('/api/v1/geo/viability')).json() as { items: { code: string }[] };
      expect(body.items.map((o) => o.code)).toEqual(['11001', '11002', '11003']);
    }
    expect(
      ((await tehran.get('/api/v1/geo/viability?officeId=3')).json() as { items: { code: string }[] }).items.map(
        (o) => o.code,
      ),
    ).toEqual(['11003']);
    expectProblem(await tehran.get('/api/v1/geo/viability?provinceId=4'), 403, 'forbidden');
    expect(
      ((await association.get('/api/v1/geo/viability?provinceId=3')).json() as { items: { code: string }[] }).items.map(
        (o) => o.code,
      ),
    ).toEqual(['13001', '13002']);
    expectProblem(await association.get('/api/v1/geo/viability?officeId=999999'), 404, 'not_found');
    expectProblem(await association.get('/api/v1/geo/viability?provinceId=99'), 404, 'not_found');
    expect((await association.get('/api/v1/geo/viability?provinceId=abc')).statusCode).toBe(400);
  });
});
