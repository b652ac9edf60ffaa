/**
 * The public deadline calculator, through the API: worked examples from practice give the last
 * day (every expected date counted by hand on the official calendar and cited in
 * src/core/deadlines.test.ts — hiu.ir's 15 Farvardin → 5 Ordibehesht, the official 1404 and 1405
 * calendars), each closed day it stepped over, the lunar holidays it relied on before an admin
 * confirmed them, and field errors with stable codes for everything it cannot count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
let citizen: Client;

beforeAll(async () => {
  t = await startTestServer();
  regulator = await t.signInStaff('regulator');
  citizen = await t.signInCitizen('09120000001');
});
afterAll(async () => {
  await t?.stop();
});

const compute = (body: unknown, client = t.anonymous()) => client.post('/api/v1/deadlines/compute', body);

describe('the last day to act, as the law counts it', () => {
  it('a 20-day limit from a notice of 15 Farvardin 1404 ends on Friday 5 Ordibehesht, so the last day is Saturday 6 Ordibehesht', async () => {
    const res = await compute({ deliveredOn: '1404/01/15', amount: 20, unit: 'day' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      deliveredOn: '1404-01-15',
      limit: { days: 20, amount: 20, unit: 'day', kind: null, abroad: false },
      firstCountedDay: '1404-01-16',
      lastCountedDay: '1404-02-04',
      nominalLastDay: '1404-02-05',
      lastDay: '1404-02-06',
      lastDayWeekday: { fa: 'شنبه', en: 'Saturday' },
      moved: [{ date: '1404-02-05', reason: 'friday' }],
      unconfirmedHolidays: [],
      articles: ['443', '444', '445'],
      rule: null,
    });
    expect(body.moved[0]).not.toHaveProperty('title');
    // Thursday 4 Ordibehesht (Imam Sadegh) and the Fridays inside the limit count like any other day.
    expect(body.closedWithinLimit.map((c: { date: string }) => c.date)).toEqual([
      '1404-01-22',
      '1404-01-29',
      '1404-02-04',
    ]);
    expect(body.explanation.fa).toBe('آخرین مهلت: شنبه ۶ اردیبهشت ۱۴۰۴ — از جمعه ۵ اردیبهشت منتقل شد');
  });

  it('takes the date with dashes or slashes, in Persian or Latin digits, and a signed-in caller gets the same answer', async () => {
    const persian = (await compute({ deliveredOn: '۱۴۰۴-۰۱-۱۵', amount: 20, unit: 'day' })).json();
    const signedIn = await compute({ deliveredOn: '1404-1-15', amount: 20, unit: 'day' }, citizen);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(persian.lastDay).toBe('1404-02-06');
    expect(signedIn.json().lastDay).toBe('1404-02-06');
  });

  it('a last day on Nowruz moves past all four days: 20 days from 9 Esfand 1404 are in time on Wednesday 5 Farvardin 1405', async () => {
    const body = (await compute({ deliveredOn: '1404/12/09', amount: 20, unit: 'day' })).json();
    expect(body).toMatchObject({
      lastCountedDay: '1404-12-29',
      nominalLastDay: '1405-01-01',
      lastDay: '1405-01-05',
      lastDayWeekday: { fa: 'چهارشنبه' },
    });
    expect(body.moved.map((m: { date: string; reason: string }) => [m.date, m.reason])).toEqual([
      ['1405-01-01', 'holiday'],
      ['1405-01-02', 'holiday'],
      ['1405-01-03', 'holiday'],
      ['1405-01-04', 'holiday'],
    ]);
    for (const m of body.moved) expect(m.title.fa).toMatch(/^عید نوروز/);
    // Nowruz closes those days whatever the lunar calendar says: no unconfirmed holiday is relied on.
    expect(body.unconfirmedHolidays).toEqual([]);
    expect(body.explanation.fa).toBe(
      'آخرین مهلت: چهارشنبه ۵ فروردین ۱۴۰۵ — به‌سبب تعطیلی ۱ تا ۴ فروردین (عید نوروز)، از شنبه ۱ فروردین منتقل شد',
    );
  });

  it('a month is thirty days: one month from 10 Farvardin 1404 is in time on 10 Ordibehesht, not 11', async () => {
    const body = (await compute({ deliveredOn: '1404/01/10', amount: 1, unit: 'month' })).json();
    expect(body).toMatchObject({
      limit: { days: 30, unit: 'month' },
      lastCountedDay: '1404-02-09',
      lastDay: '1404-02-10',
      moved: [],
    });
    expect((await compute({ deliveredOn: '1404/01/10', amount: 2, unit: 'week' })).json().limit.days).toBe(14);
    expect((await compute({ deliveredOn: '1404/01/10', amount: 1, unit: 'year' })).json().limit.days).toBe(360);
  });
});

describe('a kind of notice, abroad, and the lunar holidays an admin has not confirmed', () => {
  it("a decision's appeal is 20 days (Art. 336) with its source", async () => {
    const body = (await compute({ deliveredOn: '1404/01/15', kind: 'decision' })).json();
    expect(body).toMatchObject({
      limit: { days: 20, amount: 20, unit: 'day', kind: 'decision', abroad: false },
      lastDay: '1404-02-06',
    });
    expect(body.rule.source).toMatch(/336/);
  });

  it('abroad it is two months (Art. 446): the count relies on the computed Eid al-Adha until an admin moves it to its official day', async () => {
    // 60 days from 15 Farvardin 1404: act on 14 Khordad; 14–15 Khordad and Friday 16 Khordad are closed. The
    // tabular calendar puts Eid al-Adha on 17 Khordad; the official calendar had it on Friday 16 Khordad.
    let body = (await compute({ deliveredOn: '1404/01/15', kind: 'decision', abroad: true })).json();
    expect(body).toMatchObject({
      limit: { days: 60, amount: 2, unit: 'month', abroad: true },
      nominalLastDay: '1404-03-14',
      lastDay: '1404-03-18',
    });
    expect(body.articles).toEqual(['443', '444', '445', '446']);
    expect(body.moved.map((m: { date: string; reason: string }) => [m.date, m.reason])).toEqual([
      ['1404-03-14', 'holiday'],
      ['1404-03-15', 'holiday'],
      ['1404-03-16', 'friday'],
      ['1404-03-17', 'holiday'],
    ]);
    expect(body.unconfirmedHolidays).toEqual([
      { date: '1404-03-17', title: { fa: 'عید سعید قربان', en: 'Eid al-Adha' }, hijri: '1446-12-10' },
    ]);

    const moved = await regulator.post('/api/v1/holidays/1404-03-17/move', { to: '1404/03/16' });
    expect(moved.statusCode, moved.body).toBe(200);
    body = (await compute({ deliveredOn: '1404/01/15', kind: 'decision', abroad: true })).json();
    expect(body).toMatchObject({ lastDay: '1404-03-17', unconfirmedHolidays: [] });
    expect(body.moved.at(-1)).toEqual({
      date: '1404-03-16',
      reason: 'friday',
      title: { fa: 'عید سعید قربان', en: 'Eid al-Adha' },
    });
  });

  it("lists each kind's limit publicly, with the two months for a party abroad", async () => {
    const res = await t.anonymous().get('/api/v1/deadlines/rules');
    expect(res.statusCode, res.body).toBe(200);
    const decision = res.json().items.find((r: { kind: string }) => r.kind === 'decision');
    expect(decision).toMatchObject({ days: 20, abroadDays: 60 });
    expect(res.json().items.find((r: { kind: string }) => r.kind === 'summons')).toMatchObject({
      days: null,
      abroadDays: null,
    });
  });
});

describe('a new database', () => {
  it('has no stored deadline to recount: the migration marks the recount done, and no recount event is written', async () => {
    expect(await t.query('select rule, changed from deadline_recounts')).toEqual([
      { rule: 'art-445-free-limits', changed: 0 },
    ]);
    expect(await t.query("select 1 from audit_events where action = 'notices.deadlines-recounted'")).toEqual([]);
  });
});

describe('what it cannot count is refused on its field, with a stable code, in Persian and English', () => {
  const refused = async (body: unknown, field: string, code: string, status = 400) => {
    const problem = expectProblem(await compute(body), status, status === 400 ? 'validation_failed' : undefined);
    expect(fieldErrors(problem)[field]?.code, JSON.stringify(problem.errors)).toBe(code);
    return problem;
  };

  it('a date that does not exist or lies outside 1300–1500', async () => {
    await refused({ deliveredOn: '1404/13/01', amount: 20, unit: 'day' }, 'deliveredOn', 'invalid_jalali_date');
    await refused({ deliveredOn: '1403/12/31', amount: 20, unit: 'day' }, 'deliveredOn', 'invalid_jalali_date');
    await refused({ deliveredOn: 'yesterday', amount: 20, unit: 'day' }, 'deliveredOn', 'invalid_jalali_date');
    await refused({ deliveredOn: '1250/01/01', amount: 20, unit: 'day' }, 'deliveredOn', 'jalali_year_out_of_range');
  });

  it('an amount that is not a whole number above zero, or longer than ten years', async () => {
    await refused({ deliveredOn: '1404/01/15', amount: 0, unit: 'day' }, 'amount', 'limit_amount_invalid');
    await refused({ deliveredOn: '1404/01/15', amount: -5, unit: 'day' }, 'amount', 'limit_amount_invalid');
    await refused({ deliveredOn: '1404/01/15', amount: 2.5, unit: 'day' }, 'amount', 'limit_amount_invalid');
    await refused({ deliveredOn: '1404/01/15', amount: 11, unit: 'year' }, 'amount', 'limit_too_long');
  });

  it('an unknown unit or kind', async () => {
    await refused({ deliveredOn: '1404/01/15', amount: 2, unit: 'fortnight' }, 'unit', 'unknown_limit_unit');
    await refused({ deliveredOn: '1404/01/15', kind: 'verdict' }, 'kind', 'unknown_notice_kind');
  });

  it('both or neither of amount and kind, an amount without its unit, abroad without a kind', async () => {
    await refused({ deliveredOn: '1404/01/15', amount: 20, unit: 'day', kind: 'decision' }, 'kind', 'amount_or_kind');
    await refused({ deliveredOn: '1404/01/15' }, 'amount', 'amount_or_kind');
    await refused({ deliveredOn: '1404/01/15', amount: 20 }, 'unit', 'required');
    await refused(
      { deliveredOn: '1404/01/15', amount: 20, unit: 'day', abroad: true },
      'abroad',
      'abroad_with_kind_only',
    );
  });

  it('a kind of notice from which no limit runs is a 422', async () => {
    await refused({ deliveredOn: '1404/01/15', kind: 'summons' }, 'kind', 'kind_without_limit', 422);
  });

  it('a field it does not know, and a body that is not JSON', async () => {
    await refused({ deliveredOn: '1404/01/15', amount: 20, unit: 'day', parties: 3 }, 'parties', 'unknown_field');
    expectProblem(
      await t.anonymous().request({
        method: 'POST',
        url: '/api/v1/deadlines/compute',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_json',
    );
  });
});
