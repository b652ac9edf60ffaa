/**
 * The quality score through the API: Farvardin 1404 (before the demo's year of counter history) is laid down as court decisions on the three
 * Tehran offices' filings — 11001: 4 of 40 returned, 11002: 60 of 200, 11003: none of 10 — so the
 * score (docs/decisions/0046) can be followed by hand. Province means: 186 of 250 not returned,
 * 0.744; σ² = 0.744 · 0.256; the offices' means 0.9, 0.7, 1.0 differ by 0.0233 of which 0.0083 is
 * chance, so k ≈ 12.6: 11001 → 86.3, 11002 → 70.3, 11003 (ten filings, mostly the province) → 85.7.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jalaliMonthStartIso, jalaliMonthsBetween } from '#core/jalali';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let manager: Client;
let tehran: Client;

/** `decisions` court decisions on one filing of the office in Farvardin 1404, `returned` of them returns. */
async function decisions(officeId: number, count: number, returned: number) {
  const [f] = await t.query<{ id: number }>(
    `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, subject)
    values ('petition', 'accepted', 'office', $1, 1, (select min(id) from citizens), (select min(id) from users), 'مطالبه وجه')
    returning id::int as id`,
    [officeId],
  );
  await t.query(
    `insert into filing_events (filing_id, at, action, to_status, channel, office_id, data)
    select $1, '2025-04-08T10:00:00+03:30'::timestamptz + g * interval '1 minute',
      case when g <= $3 then 'returned' else 'accepted' end, case when g <= $3 then 'returned' else 'accepted' end,
      'court', $2, case when g <= $3 then '{"reasons":"خواسته تقویم نشده است."}'::jsonb else '{}'::jsonb end
    from generate_series(1, $4) g`,
    [f.id, officeId, returned, count],
  );
}

beforeAll(async () => {
  t = await startTestServer();
  [manager, tehran] = await Promise.all([t.signInStaff('manager.11002'), t.signInStaff('association.tehran')]);
  await decisions(1, 40, 4);
  await decisions(2, 200, 60);
  await decisions(3, 10, 0);
});
afterAll(async () => {
  await t?.stop();
});

type Row = {
  office: { code: string };
  score: number;
  rank: number;
  certainty: string;
  stars: number | null;
  pulledDown: string[];
};

describe("the province's scores for a month", () => {
  it('shrinks each office toward the province, ranks them and says how sure each figure is', async () => {
    const res = await tehran.get('/api/v1/quality/scores?month=1404-01');
    expect(res.statusCode, res.body).toBe(200);
    const rows: Row[] = res.json().offices;
    const by = Object.fromEntries(rows.map((r) => [r.office.code, r]));
    expect([by['11001'].score, by['11002'].score, by['11003'].score]).toEqual([86.3, 70.3, 85.7]);
    expect([by['11001'].rank, by['11002'].rank, by['11003'].rank]).toEqual([1, 3, 2]);
    // 11003 returned nothing, yet ten filings say little: it stays below 11001 and is marked unsure.
    expect([by['11001'].certainty, by['11002'].certainty, by['11003'].certainty]).toEqual(['medium', 'high', 'low']);
    expect(by['11003'].stars).toBeNull();
    expect(by['11002'].pulledDown).toEqual(['returns']);
    expect(res.json().offices[0]).toMatchObject({ ranked: 3, provinceScore: 74.4 });
  });

  it('shows a manager their own office only, and refuses another province', async () => {
    const res = await manager.get('/api/v1/quality/scores?month=1404-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().offices.map((r: Row) => [r.office.code, r.rank])).toEqual([['11002', 3]]);
    expectProblem(await tehran.get('/api/v1/quality/scores?provinceId=3'), 403, 'forbidden');
  });
});

describe("an office's score", () => {
  it('names what pulled it down in points against the province, with twelve months of trend', async () => {
    const res = await manager.get(`/api/v1/quality/offices/2/score?month=${encodeURIComponent('۱۴۰۴/۰۱')}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ month: '1404-01', score: 70.3, rank: 3, ranked: 3, certainty: 'high' });
    expect(body.pulledDown).toHaveLength(1);
    expect(body.pulledDown[0]).toMatchObject({ component: 'returns', n: 200, raw: 0.7, provinceMean: 0.744 });
    expect(body.pulledDown[0].points).toBeCloseTo(-4.1, 1);
    expect(body.trend.map((m: { month: string }) => m.month)).toEqual([
      '1403-02',
      '1403-03',
      '1403-04',
      '1403-05',
      '1403-06',
      '1403-07',
      '1403-08',
      '1403-09',
      '1403-10',
      '1403-11',
      '1403-12',
      '1404-01',
    ]);
    expect(body.trend.at(-1)).toMatchObject({ score: 70.3, rank: 3, provinceScore: 74.4 });
    // Before Farvardin 1404 nothing was recorded: no score, rather than the province's mean.
    expect(body.trend.at(-2)).toMatchObject({ month: '1403-12', score: null, rank: null });
  });

  it("answers 404 for another office's score, as for one that does not exist", async () => {
    expectProblem(await manager.get('/api/v1/quality/offices/1/score?month=1404-01'), 404, 'not_found');
    expectProblem(await manager.get('/api/v1/quality/offices/999999/score'), 404, 'not_found');
  });
});

describe("the score's weights", () => {
  const weights = {
    waiting: 15,
    returns: 25,
    sameDay: 10,
    payments: 5,
    satisfaction: 20,
    wouldReturn: 10,
    inspection: 15,
    complaints: 0,
  };

  it('refuses weights that do not sum to 100, and a set for a month already begun, naming the field', async () => {
    const national = await t.signInStaff('association');
    const bad = await national.post('/api/v1/quality/weights', {
      effectiveFrom: '1405-03',
      weights: { ...weights, returns: 26 },
      reason: 'بازنگری',
    });
    expectProblem(bad, 422, 'quality_weights_sum');
    expect(Object.keys(fieldErrors(bad.json()))).toEqual(['weights']);
    const past = await national.post('/api/v1/quality/weights', {
      effectiveFrom: '1405-02',
      weights,
      reason: 'بازنگری',
    });
    expectProblem(past, 422, 'quality_weights_retroactive');
    expect(Object.keys(fieldErrors(past.json()))).toEqual(['effectiveFrom']);
    expect(await t.count('quality_weight_sets')).toBe(0);
  });

  it('publishes a set from a coming month, audited, and never changes a month before it', async () => {
    const national = await t.signInStaff('association');
    const returnsHeavy = { ...weights, returns: 45, inspection: 0, satisfaction: 15 };
    // Upheld complaints came later: a set that leaves them out gives them 0.
    const { complaints: _, ...withoutComplaints } = returnsHeavy;
    const res = await national.post('/api/v1/quality/weights', {
      effectiveFrom: '۱۴۰۵/۰۳',
      weights: withoutComplaints,
      reason: 'بازگشت پرونده‌ها وزن بیشتری می‌گیرد.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ effectiveFrom: '1405-03', weights: returnsHeavy });
    const [audit] = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'quality.weights.publish' and entity_id = $1",
      [String(res.json().id)],
    );
    expect(audit.n).toBe(1);
    const list = (await manager.get('/api/v1/quality/weights')).json();
    expect(list.inForce).toEqual(weights);
    expect(list.items.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['1405-03']);
    expect((await tehran.get('/api/v1/quality/scores?month=1404-01')).json().weights).toEqual(weights);
    expect((await tehran.get('/api/v1/quality/scores?month=1405-03')).json().weights).toEqual(returnsHeavy);
  });

  it("lets only the national association publish: a province's association may not", async () => {
    const res = await tehran.post('/api/v1/quality/weights', { effectiveFrom: '1405-04', weights, reason: 'بازنگری' });
    expectProblem(res, 403, 'forbidden');
  });
});

describe('the Jalali calendar the monthly counter and survey sums are filed by (docs/decisions/0084)', () => {
  it('holds the first day of every month of 1350–1500 as #core/jalali gives it', async () => {
    const rows = await t.query<{ start: string; month: string }>(
      'select start::text as start, month from jalali_months order by start',
    );
    const expected = jalaliMonthsBetween('1350-01', '1500-12').map((month) => ({
      start: jalaliMonthStartIso(month),
      month,
    }));
    expect(rows).toEqual(expected);
  });

  it('files a day under its month: Nowruz, the leap day 30 Esfand 1403, outside the table nothing', async () => {
    const startOf = async (day: string) =>
      (await t.query<{ start: string | null }>('select jalali_month_start($1::date)::text as start', [day]))[0].start;
    // Nowruz 1404 fell on 21 March 2025 and Nowruz 1403 on 20 March 2024; 1403 was a leap year, so
    // 30 Esfand 1403 was 20 March 2025, in Esfand, which began on 19 February 2025.
    expect(await startOf('2025-03-21')).toBe('2025-03-21');
    expect(await startOf('2025-03-20')).toBe('2025-02-19');
    expect(await startOf('2024-03-20')).toBe('2024-03-20');
    expect(await startOf('2024-03-19')).toBe('2024-02-20');
    // 1 Mehr 1403 was 22 September 2024.
    expect(await startOf('2024-10-05')).toBe('2024-09-22');
    expect(await startOf('1960-01-01')).toBeNull();
    expect(await startOf('2200-01-01')).toBeNull();
  });
});
