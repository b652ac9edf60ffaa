/**
 * The holiday calendar and the deadline rules behind legal time limits: regulator admins maintain
 * them (Jalali dates in and out, Persian titles, each rule with its legal source), association
 * admins read them, nobody else touches them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jalaliToIso } from '#core/jalali';
import { clockStartingAt } from '#server/platform/clock/clock';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
let association: Client;
let associationTehran: Client;
let operator: Client;
let judge: Client;
let citizen: Client;

/** The server's "now": the test world's (TEST_NOW on), unless a test chose a day. */
let chosen: Date | null = null;
const world = clockStartingAt(TEST_NOW);
afterEach(() => {
  chosen = null;
});

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => (chosen ? new Date(chosen.getTime()) : world.now()) } });
  [regulator, association, associationTehran, operator, judge] = await Promise.all([
    t.signInStaff('regulator'),
    t.signInStaff('association'),
    t.signInStaff('association.tehran'),
    t.signInStaff('operator.11001'),
    t.signInStaff('judge.tehran'),
  ]);
  citizen = await t.signInCitizen('09120000001');
});
afterAll(async () => {
  await t?.stop();
});

describe('the holiday calendar', () => {
  it("lists a Jalali year's holidays with Jalali dates, and marks the computed lunar ones to check against the official calendar", async () => {
    const res = await regulator.get('/api/v1/holidays?year=1404');
    expect(res.statusCode, res.body).toBe(200);
    const { year, items } = res.json();
    expect(year).toBe(1404);
    const nowruz = items.find((h: { jalali: string }) => h.jalali === '1404-01-01');
    expect(nowruz).toMatchObject({ day: jalaliToIso({ jy: 1404, jm: 1, jd: 1 }) });
    expect(nowruz.titleFa).toMatch(/^عید نوروز/);
    // In 1404 Nowruz shares its first day with a (computed) lunar holiday: the row is marked computed too.
    if (nowruz.titleFa.includes('؛')) expect(nowruz.computed).toBe(true);
    const revolution = items.find((h: { jalali: string }) => h.jalali === '1404-11-22');
    expect(revolution).toMatchObject({ titleFa: 'پیروزی انقلاب اسلامی', computed: false });
    const ashura = items.find((h: { titleEn: string }) => h.titleEn.startsWith('Ashura'));
    expect(ashura.computed).toBe(true);
    expect(ashura.titleFa).not.toMatch(/محاسبه/);
    expect(items.every((h: { jalali: string }) => h.jalali.startsWith('1404-'))).toBe(true);
  });

  it('association admins (national or provincial) read the calendar; operators, judges and citizens may not', async () => {
    expect((await association.get('/api/v1/holidays')).statusCode).toBe(200);
    expect((await associationTehran.get('/api/v1/holidays?year=۱۴۰۵')).statusCode).toBe(200);
    expectProblem(await operator.get('/api/v1/holidays'), 403, 'forbidden');
    expectProblem(await judge.get('/api/v1/holidays'), 403, 'forbidden');
    expectProblem(await citizen.get('/api/v1/holidays'), 403, 'forbidden');
    expectProblem(await t.anonymous().get('/api/v1/holidays'), 401);
  });

  it('a regulator adds a holiday by its Jalali date (Persian digits accepted) and removes it, each with an audit event', async () => {
    const added = await regulator.post('/api/v1/holidays', {
      date: '۱۴۰۵/۰۷/۰۱',
      titleFa: 'تعطیل ویژه',
      titleEn: 'Special closure',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      jalali: '1405-07-01',
      day: jalaliToIso({ jy: 1405, jm: 7, jd: 1 }),
      computed: false,
    });
    expect(
      (await regulator.get('/api/v1/holidays?year=1405')).json().items.map((h: { jalali: string }) => h.jalali),
    ).toContain('1405-07-01');
    const removed = await regulator.request({ method: 'DELETE', url: '/api/v1/holidays/1405-07-01' });
    expect(removed.statusCode, removed.body).toBe(204);
    const audit = await t.query<{ action: string }>(
      "select action from audit_events where action like 'holidays.%' order by seq",
    );
    expect(audit.map((a) => a.action)).toEqual(['holidays.add', 'holidays.remove']);
    expectProblem(await regulator.request({ method: 'DELETE', url: '/api/v1/holidays/1405-07-01' }), 404, 'not_found');
  });

  it('the same day twice is a conflict; an impossible date or a missing title is refused on its field', async () => {
    expectProblem(
      await regulator.post('/api/v1/holidays', { date: '1405-01-01', titleFa: 'نوروز', titleEn: 'Nowruz' }),
      409,
      'holiday_exists',
    );
    let p = expectProblem(
      await regulator.post('/api/v1/holidays', { date: '1405-13-01', titleFa: 'نادرست', titleEn: 'Wrong' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).date.code).toBe('invalid_jalali_date');
    p = expectProblem(await regulator.post('/api/v1/holidays', { date: '1405-07-02' }), 400, 'validation_failed');
    expect(Object.keys(fieldErrors(p))).toEqual(expect.arrayContaining(['titleFa', 'titleEn']));
    expectProblem(
      await regulator.request({ method: 'DELETE', url: '/api/v1/holidays/not-a-date' }),
      400,
      'validation_failed',
    );
  });

  it('association admins may not change the calendar', async () => {
    const before = await t.count('holidays');
    expectProblem(
      await association.post('/api/v1/holidays', { date: '1405-07-03', titleFa: 'تعطیل', titleEn: 'Closure' }),
      403,
      'forbidden',
    );
    expectProblem(
      await associationTehran.request({ method: 'DELETE', url: '/api/v1/holidays/1405-01-01' }),
      403,
      'forbidden',
    );
    expect(await t.count('holidays')).toBe(before);
  });
});

describe('deadline rules per kind of notice', () => {
  it('lists the rules with their legal source: 20 days for a decision (Art. 336)', async () => {
    const res = await association.get('/api/v1/notice-deadline-rules');
    expect(res.statusCode, res.body).toBe(200);
    const decision = res.json().items.find((r: { kind: string }) => r.kind === 'decision');
    expect(decision).toMatchObject({ days: 20 });
    expect(decision.source).toMatch(/336/);
    expectProblem(await operator.get('/api/v1/notice-deadline-rules'), 403, 'forbidden');
  });

  it('a regulator changes a rule with its source; later deliveries use the new days, earlier ones keep theirs', async () => {
    const [{ id: caseId }] = await t.query<{ id: number }>(
      "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('R-1', 1, 1, 1, 'آزمون مهلت', 1) returning id::int as id",
    );
    await t.query(
      "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'claimant', 1, 'امیر تهرانی')",
      [caseId],
    );
    const issue = async (kind: string) =>
      (
        await judge.post(`/api/v1/court/cases/${caseId}/notices`, {
          kind,
          title: 'ابلاغیه آزمون',
          body: 'متن ابلاغیهٔ آزمایشی برای مهلت',
        })
      ).json().id as number;
    const first = await issue('order');
    expect((await citizen.get(`/api/v1/me/notices/${first}`)).json().deadline).toBeNull();

    const put = await regulator.request({
      method: 'PUT',
      url: '/api/v1/notice-deadline-rules/order',
      body: { days: 10, source: 'دستور دادگاه: ده روز (آزمون)' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ kind: 'order', days: 10 });
    const second = await issue('order');
    // Delivered on 15 Farvardin 1404: ten days are 16–25 Farvardin, and the act is in time on Tuesday 26 Farvardin 1404.
    chosen = new Date('2025-04-04T06:30:00Z');
    const opened = (await citizen.get(`/api/v1/me/notices/${second}`)).json();
    expect(opened.deadline).toMatchObject({ days: 10, lastDay: '2025-04-15', lastDayJalali: '1404-01-26', moved: [] });
    expect((await citizen.get(`/api/v1/me/notices/${first}`)).json().deadline).toBeNull();
    const [audit] = await t.query<{ action: string }>(
      "select action from audit_events where action = 'deadline-rules.update'",
    );
    expect(audit).toBeDefined();
  });

  it('days must be a whole number from 1 to 365 (or null) and the source is required; only regulators may change rules', async () => {
    let p = expectProblem(
      await regulator.request({
        method: 'PUT',
        url: '/api/v1/notice-deadline-rules/decision',
        body: { days: 0, source: 'ماده ۳۳۶' },
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).days).toBeDefined();
    p = expectProblem(
      await regulator.request({ method: 'PUT', url: '/api/v1/notice-deadline-rules/decision', body: { days: 20 } }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).source).toBeDefined();
    expectProblem(
      await regulator.request({
        method: 'PUT',
        url: '/api/v1/notice-deadline-rules/verdict',
        body: { days: 20, source: 'ماده ۳۳۶ قانون' },
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await association.request({
        method: 'PUT',
        url: '/api/v1/notice-deadline-rules/decision',
        body: { days: 30, source: 'ماده ۳۳۶ قانون' },
      }),
      403,
      'forbidden',
    );
    const [rule] = await t.query<{ days: number }>("select days from notice_deadline_rules where kind = 'decision'");
    expect(rule.days).toBe(20);
  });
});

describe("the law's holidays need no admin, and admins confirm, move, remove and restore them", () => {
  const year = async (jy: number) => (await regulator.get(`/api/v1/holidays?year=${jy}`)).json();
  const on = (items: { jalali: string }[], jalali: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: a holiday as the API answers it; each test reads the fields it checks
    items.find((h) => h.jalali === jalali) as Record<string, any> | undefined;
  const auditOf = async (action: string) =>
    t.query<{ entity_id: string; data: Record<string, unknown> }>(
      'select entity_id, data from audit_events where action = $1 order by seq',
      [action],
    );

  it("knows any year's fixed holidays with nothing stored: 1450 has Nowruz and 22 Bahman, and its lunar holidays computed, unconfirmed", async () => {
    expect(await t.count('holidays')).toBeLessThan(5);
    const { items } = await year(1450);
    expect(on(items, '1450-01-01')).toMatchObject({
      titleFa: 'عید نوروز',
      computed: false,
      holidays: [{ origin: 'solar', confirmed: true }],
    });
    expect(on(items, '1450-11-22')?.titleEn).toBe('Victory of the Islamic Revolution');
    const lunar = items.filter((h: { holidays: { origin: string }[] }) => h.holidays.some((p) => p.origin === 'lunar'));
    expect(lunar.length).toBeGreaterThanOrEqual(16);
    expect(lunar.every((h: { computed: boolean }) => h.computed)).toBe(true);
  });

  it('a regulator confirms a computed lunar holiday (Ashura 1404 on 15 Tir, as the official calendar has it), once', async () => {
    const res = await regulator.post('/api/v1/holidays/1404-04-15/confirm');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      jalali: '1404-04-15',
      computed: false,
      holidays: [{ titleEn: 'Ashura', origin: 'lunar', confirmed: true, hijri: '1447-01-10' }],
    });
    // Confirming it again (the date in Persian digits) changes nothing and records nothing.
    expect((await regulator.post(`/api/v1/holidays/${encodeURIComponent('۱۴۰۴-۰۴-۱۵')}/confirm`)).statusCode).toBe(200);
    expect(await auditOf('holidays.confirm-lunar')).toEqual([
      { entity_id: '2025-07-06', data: expect.objectContaining({ hijri: '1447-01-10', jalali: '1404-04-15' }) },
    ]);
    expectProblem(await regulator.post('/api/v1/holidays/1404-04-16/confirm'), 404, 'lunar_holiday_not_found');
    expectProblem(await regulator.post('/api/v1/holidays/1404-01-13/confirm'), 404, 'lunar_holiday_not_found'); // Nature Day is solar
  });

  it('a regulator moves a computed lunar holiday to its official day: Eid al-Ghadir 1404 from 25 to 24 Khordad', async () => {
    // The tabular calendar gives 18 Dhu al-Hijjah 1446 on 25 Khordad 1404; the official calendar had «شنبه، ۲۴ خرداد: عید سعید غدیر خم».
    expect(on((await year(1404)).items, '1404-03-25')?.titleEn).toBe('Eid al-Ghadir');
    const res = await regulator.post('/api/v1/holidays/1404-03-25/move', { to: '۱۴۰۴/۰۳/۲۴' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      jalali: '1404-03-24',
      computed: false,
      holidays: [{ titleEn: 'Eid al-Ghadir', confirmed: true, computedDayJalali: '1404-03-25' }],
    });
    const { items } = await year(1404);
    expect(on(items, '1404-03-25')).toBeUndefined();
    expect(on(items, '1404-03-24')?.titleEn).toBe('Eid al-Ghadir');
    const [audit] = await auditOf('holidays.move-lunar');
    expect(audit.data).toMatchObject({
      hijri: '1446-12-18',
      from: '1404-03-25',
      to: '1404-03-24',
      computed: '1404-03-25',
    });
    // Moving it back to the computed day keeps it confirmed there.
    expect((await regulator.post('/api/v1/holidays/1404-03-24/move', { to: '1404-03-25' })).json()).toMatchObject({
      jalali: '1404-03-25',
      computed: false,
    });
    expect((await regulator.post('/api/v1/holidays/1404-03-25/move', { to: '1404-03-24' })).statusCode).toBe(200);
  });

  it('refuses a move to the same day, more than three days away, onto another lunar holiday, or of a day without one', async () => {
    let p = expectProblem(
      await regulator.post('/api/v1/holidays/1404-04-14/move', { to: '1404-04-14' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).to.code).toBe('same_day');
    p = expectProblem(
      await regulator.post('/api/v1/holidays/1404-04-14/move', { to: '1404-04-20' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).to.code).toBe('lunar_move_too_far');
    expectProblem(
      await regulator.post('/api/v1/holidays/1404-04-14/move', { to: '1404-04-15' }),
      409,
      'holiday_exists',
    ); // Tasua onto Ashura
    p = expectProblem(
      await regulator.post('/api/v1/holidays/1404-04-14/move', { to: '1404-13-01' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).to.code).toBe('invalid_jalali_date');
    expectProblem(
      await regulator.post('/api/v1/holidays/1404-04-20/move', { to: '1404-04-21' }),
      404,
      'lunar_holiday_not_found',
    );
  });

  it('a regulator removes a law holiday (it is listed as removed and no longer closes the day) and restores it by adding the day', async () => {
    expect((await regulator.request({ method: 'DELETE', url: '/api/v1/holidays/1405-01-13' })).statusCode).toBe(204);
    let data = await year(1405);
    expect(on(data.items, '1405-01-13')).toBeUndefined();
    expect(data.removed).toEqual([
      { day: '2026-04-02', jalali: '1405-01-13', titleFa: 'روز طبیعت', titleEn: 'Nature Day' },
    ]);
    const restored = await regulator.post('/api/v1/holidays', {
      date: '1405-01-13',
      titleFa: 'روز طبیعت',
      titleEn: 'Nature Day',
    });
    expect(restored.statusCode, restored.body).toBe(201);
    expect(restored.json()).toMatchObject({ jalali: '1405-01-13', holidays: [{ origin: 'solar' }] });
    data = await year(1405);
    expect(data.removed).toEqual([]);
    expect(on(data.items, '1405-01-13')?.holidays).toHaveLength(1);
    expect((await auditOf('holidays.add')).at(-1)?.data).toMatchObject({ restored: ['Nature Day'] });
  });

  it('association admins may not confirm or move', async () => {
    const before = await t.count('lunar_holiday_decisions');
    expectProblem(await association.post('/api/v1/holidays/1404-04-14/confirm'), 403, 'forbidden');
    expectProblem(
      await associationTehran.post('/api/v1/holidays/1404-04-14/move', { to: '1404-04-13' }),
      403,
      'forbidden',
    );
    expectProblem(await t.anonymous().post('/api/v1/holidays/1404-04-14/confirm'), 401, 'unauthenticated');
    expect(await t.count('lunar_holiday_decisions')).toBe(before);
  });
});
