/**
 * The citizens' office finder: the nearest active offices competent for a service, nearest first,
 * with distance and hours; online-only services point online; bad searches are field errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lawHolidaysBetween } from '#core/holidays';
import { addDaysIso } from '#core/jalali';
import { openingStatus } from '#core/office-finder';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

interface FinderOffice {
  id: number;
  code: string;
  distanceKm: number;
  address: string;
  phone: string | null;
  location: { lat: number; lon: number };
  openingHours: { day: number; opens: string; closes: string }[];
  openNow: boolean;
  closesAt: string | null;
  nextOpening: { isoDay: string; day: number; opens: string; daysAhead: number } | null;
  province: { id: number };
  city: { id: number; name: { fa: string } };
}
interface FinderResult {
  service: { code: string; channels: string };
  origin: { lat: number; lon: number; kind: string; name: { fa: string; en: string } | null };
  onlineOnly: boolean;
  onlineUrl: string | null;
  fee: { officeRials: number; onlineRials: number | null } | null;
  asOf: string;
  today: { isoDay: string; day: number; holiday: boolean };
  items: FinderOffice[];
}

const find = (query: string) => t.anonymous().get(`/api/v1/geo/finder?${query}`);
const found = async (query: string) => {
  const res = await find(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FinderResult;
};
const codes = (r: FinderResult) => r.items.map((o) => o.code);

describe('nearest offices', () => {
  it('from northern Tehran (35.80, 51.43): Vanak, then Narmak, then Shahr-e Rey, then Karaj and Nazarabad', async () => {
    // By hand (equirectangular, 1° lat = 111.2 km, cos 35.8° = 0.811):
    //   Vanak   35.7575, 51.4100: 4.73 km south, 1.80 km west  → 5.1 km
    //   Narmak  35.7404, 51.5030: 6.63 km south, 6.58 km east  → 9.3 km
    //   Rey     35.5950, 51.4350: 22.8 km south, 0.45 km east → 22.8 km
    // Then the demo's Alborz offices (decision 0077), at Karaj (≈ 45 km west) and Nazarabad (≈ 90 km
    // west), long before Isfahan (≈ 350 km south).
    const r = await found('service=petition&lat=35.80&lon=51.43');
    expect(codes(r)).toEqual(['11001', '11002', '11003', '21001', '21002']);
    expect(r.items[0].distanceKm).toBeCloseTo(5.1, 0);
    expect(r.items[1].distanceKm).toBeCloseTo(9.3, 0);
    expect(r.items[2].distanceKm).toBeCloseTo(22.8, 0);
    // Karaj's office stands at the shipped place (35.84, 50.94 … 51.0): about 40 km west.
    expect(r.items[3].distanceKm).toBeGreaterThan(30);
    expect(r.items[3].distanceKm).toBeLessThan(50);
    for (const o of r.items) expect(Math.round(o.distanceKm * 10)).toBe(o.distanceKm * 10);
    expect(r.origin).toEqual({ lat: 35.8, lon: 51.43, kind: 'point', name: null });
    expect(r.onlineOnly).toBe(false);
    expect(r.onlineUrl).toBeNull();
  });

  it('from Tehranpars in the east (35.74, 51.55) Narmak comes first', async () => {
    // Narmak 4.2 km, Vanak 12.8 km, Rey 19.2 km.
    const r = await found('service=petition&lat=35.74&lon=51.55&limit=3');
    expect(codes(r)).toEqual(['11002', '11001', '11003']);
  });

  it('each office comes with its address, phone, place, week and opening state on Tehran time', async () => {
    const r = await found('service=petition&lat=35.80&lon=51.43&limit=1');
    const [vanak] = r.items;
    expect(vanak).toMatchObject({
      id: 1,
      code: '11001',
      phone: '021-88001100',
      location: { lat: 35.7575, lon: 51.41 },
      province: { id: 1 },
      city: { id: 1001 },
    });
    expect(vanak.address).toContain('ونک');
    expect(vanak.openingHours).toHaveLength(6);
    expect(vanak.openingHours[0]).toEqual({ day: 0, opens: '08:00', closes: '17:00' });
    // Offices close on the law's holidays (computed, none removed here) and on the days admins added.
    const added = (await t.query<{ day: string }>("select to_char(day, 'YYYY-MM-DD') as day from holidays")).map(
      (h) => h.day,
    );
    const holidays = new Set([
      ...lawHolidaysBetween(r.today.isoDay, addDaysIso(r.today.isoDay, 21)).map((h) => h.day),
      ...added,
    ]);
    const expected = openingStatus(vanak.openingHours, new Date(r.asOf), holidays);
    expect({ openNow: vanak.openNow, closesAt: vanak.closesAt, nextOpening: vanak.nextOpening }).toEqual({
      openNow: expected.openNow,
      closesAt: expected.closesAt,
      nextOpening: expected.nextOpening,
    });
    expect(vanak.openNow ? vanak.closesAt : vanak.nextOpening).not.toBeNull();
    expect(r.today.holiday).toBe(holidays.has(r.today.isoDay));
  });

  it('answers the office fee in force, and the online fee for a service also done online', async () => {
    const petition = await found('service=petition&provinceId=1');
    expect(petition.fee?.officeRials).toBeGreaterThan(0);
    expect(petition.fee?.onlineRials).toBeNull();
    const brief = await found('service=brief&provinceId=1');
    expect(brief.fee?.onlineRials).toBeGreaterThan(0);
    expect(brief.onlineUrl).toBe('/me');
    expect(brief.onlineOnly).toBe(false);
  });

  it("searches from a city or from a province's capital", async () => {
    const mashhad = await found('service=petition&cityId=2001&limit=2');
    expect(mashhad.origin).toMatchObject({ kind: 'city' });
    expect(mashhad.origin.name?.en).toMatch(/Mashhad/);
    expect(codes(mashhad)[0]).toBe('12001');
    expect(mashhad.items[0].distanceKm).toBeLessThan(15);
    const fars = await found('service=petition&provinceId=4&limit=2');
    expect(fars.origin).toMatchObject({ kind: 'province', name: { en: expect.stringMatching(/Fars/) } });
    expect(codes(fars)[0]).toBe('14001');
  });

  it('accepts Persian digits in the query', async () => {
    const r = await found(
      `service=petition&lat=${encodeURIComponent('۳۵٫۸۰')}&lon=${encodeURIComponent('۵۱٫۴۳')}&limit=${encodeURIComponent('۲')}`,
    );
    expect(codes(r)).toEqual(['11001', '11002']);
  });
});

describe("the offices' quality as stars (docs/decisions/0063)", () => {
  it('gives each office its stars for the latest month with data, or none without enough, and its number of ratings', async () => {
    const res = await find('service=petition&lat=35.80&lon=51.43');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      id: number;
      quality: { month: string; stars: number | null; ratings: number };
    }[];
    // The demo's counter history ends 45 days before the test world's day: on 29 Esfand 1404
    // (2026-03-20), so Esfand 1404 (2026-02-20 … 03-20) is the latest month with data.
    // Each office shows its latest month with enough data among the six to Esfand (docs/decisions/0076).
    const window = ['1404-07', '1404-08', '1404-09', '1404-10', '1404-11', '1404-12'];
    for (const o of items) {
      if (o.quality.stars == null) expect(o.quality.month).toBe('1404-12');
      else expect(window).toContain(o.quality.month);
      if (o.quality.stars != null) {
        expect(o.quality.stars).toBeGreaterThanOrEqual(1);
        expect(o.quality.stars).toBeLessThanOrEqual(5);
        expect(Number.isInteger(o.quality.stars * 2)).toBe(true);
      }
      if (o.quality.month !== '1404-12') continue;
      const [{ n }] = await t.query<{ n: number }>(
        `select count(*)::int as n from quality_surveys where office_id = $1
          and answered_at >= '2026-02-20T00:00:00+03:30' and answered_at < '2026-03-21T00:00:00+03:30'`,
        [o.id],
      );
      expect(o.quality.ratings).toBe(n);
    }
  });
});

describe('who is listed', () => {
  it('an office lacking the competency is not offered for that service (Shiraz and expert opinions)', async () => {
    const petition = await found('service=petition&provinceId=4&limit=1');
    expect(codes(petition)).toEqual(['14001']);
    const expert = await found('service=expert-opinion&provinceId=4&limit=20');
    expect(codes(expert)).not.toContain('14001');
    expect(codes(expert)).not.toContain('12001');
    expect(codes(expert).sort()).toEqual(['11001', '11002', '11003', '13001', '13002']);
  });

  it('a suspended competency takes the office off the list for that service only', async () => {
    await t.query(
      "update office_competencies set status = 'suspended', reason = 'بازرسی' where office_id = 1 and service_code = 'complaint'",
    );
    try {
      expect(codes(await found('service=complaint&lat=35.80&lon=51.43&limit=2'))).toEqual(['11002', '11003']);
      expect(codes(await found('service=petition&lat=35.80&lon=51.43&limit=2'))).toEqual(['11001', '11002']);
    } finally {
      await t.query(
        "update office_competencies set status = 'active', reason = null where office_id = 1 and service_code = 'complaint'",
      );
    }
  });

  it('a suspended office is not listed at all', async () => {
    await t.query("update offices set status = 'suspended' where id = 1");
    try {
      // Vanak gone, Karaj (Alborz, ≈ 45 km) comes third.
      expect(codes(await found('service=petition&lat=35.80&lon=51.43&limit=3'))).toEqual(['11002', '11003', '21001']);
    } finally {
      await t.query("update offices set status = 'active' where id = 1");
    }
  });

  it('an online-only service says so and where to do it, instead of an empty list', async () => {
    await t.query("update catalog_services set channels = 'online' where code = 'case-report'");
    try {
      const r = await found('service=case-report&lat=35.80&lon=51.43');
      expect(r).toMatchObject({
        onlineOnly: true,
        onlineUrl: '/me',
        items: [],
        service: { code: 'case-report', channels: 'online' },
      });
    } finally {
      await t.query("update catalog_services set channels = 'both' where code = 'case-report'");
    }
  });
});

describe('bad searches', () => {
  it('an unknown service', async () => {
    const body = expectProblem(await find('service=no-such-service&lat=35.8&lon=51.43'), 400, 'unknown_service');
    expect(fieldErrors(body)).toMatchObject({ service: { code: 'unknown_service' } });
  });

  it('a point outside Iran', async () => {
    const body = expectProblem(await find('service=petition&lat=48.85&lon=2.35'), 400, 'validation_failed');
    expect(fieldErrors(body)).toMatchObject({
      lat: { code: 'point_outside_iran' },
      lon: { code: 'point_outside_iran' },
    });
    // Inside Iran's bounding box but not in Iran: Baghdad and Dubai.
    expect(fieldErrors(expectProblem(await find('service=petition&lat=33.31&lon=44.37'), 400))).toMatchObject({
      lat: { code: 'point_outside_iran' },
    });
    expect(fieldErrors(expectProblem(await find('service=petition&lat=25.20&lon=55.27'), 400))).toMatchObject({
      lat: { code: 'point_outside_iran' },
    });
    // A coastal point just off the simplified boundary still counts (Bandar Abbas).
    expect((await find('service=petition&lat=27.18&lon=56.27')).statusCode).toBe(200);
  });

  it('no place at all, or half a point', async () => {
    expect(fieldErrors(expectProblem(await find('service=petition'), 400, 'validation_failed'))).toMatchObject({
      location: { code: 'location_required' },
    });
    expect(fieldErrors(expectProblem(await find('service=petition&lat=35.8'), 400))).toMatchObject({
      lon: { code: 'required' },
    });
  });

  it('an unknown city or province, or a city of another province', async () => {
    expect(fieldErrors(expectProblem(await find('service=petition&cityId=999999'), 400))).toMatchObject({
      cityId: { code: 'invalid_value' },
    });
    expect(fieldErrors(expectProblem(await find('service=petition&provinceId=99'), 400))).toMatchObject({
      provinceId: { code: 'invalid_value' },
    });
    expect(fieldErrors(expectProblem(await find('service=petition&cityId=2001&provinceId=1'), 400))).toMatchObject({
      cityId: { code: 'city_not_in_province' },
    });
  });

  it('a limit outside 1..20, and coordinates that are not numbers', async () => {
    expect(fieldErrors(expectProblem(await find('service=petition&provinceId=1&limit=0'), 400))).toHaveProperty(
      'limit',
    );
    expect(fieldErrors(expectProblem(await find('service=petition&provinceId=1&limit=21'), 400))).toHaveProperty(
      'limit',
    );
    expect(fieldErrors(expectProblem(await find('service=petition&lat=north&lon=51'), 400))).toHaveProperty('lat');
  });

  it('names every wrong field at once', async () => {
    const body = expectProblem(await find('service=nope'), 400, 'unknown_service');
    expect(fieldErrors(body)).toMatchObject({
      service: { code: 'unknown_service' },
      location: { code: 'location_required' },
    });
  });
});
