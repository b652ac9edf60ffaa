/**
 * The board's annual report: made by the job on 1 Farvardin for the year just ended and by the
 * regulator on demand; the year's national figures beside the year before, each month of both for
 * the charts, the top movers among offices and provinces, the offices below break-even and below
 * the quality threshold, each province; kept, listed, and opened as a printable page and an A4 PDF
 * by national oversight only; a year not ended, a year never reported and a malformed year are
 * refused by their field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_ANNUAL_REPORT_JOB } from '#server/modules/stats/board-annual';
import { pdfAvailable } from '#server/platform/pdf/printer';
import { expectProblem, fieldErrors } from '../support/problems';
import { petitionRecorder, type StatsServer, staffSignedInOnce, startStatsServer } from '../support/stats';
import type { TestServer } from '../support/test-server';

let t: TestServer;
let world: StatsServer;
const as = staffSignedInOnce(() => t);
const record = petitionRecorder(() => world, 150_000);

beforeAll(async () => {
  // No workers: the statistics job would recount the rollups written below from the demo's facts.
  // Only the figures below: the demo's rollups are cleared, so each figure is counted by hand.
  world = await startStatsServer({ rollups: true, jobs: false });
  ({ t } = world);
  const { office } = world;
  // The server's today is 15 Ordibehesht 1405: 1404 (21 March 2025 … 20 March 2026) is the year just ended.
  // 1404: Farvardin 6 at 11001 and 3 online in Tehran; Mehr 4 at 13001 (Isfahan).
  await record('2025-04-01T08:00:00Z', { office: '11001', provinceId: 1 }, 6);
  await record('2025-04-02T08:00:00Z', { provinceId: 1 }, 3);
  await record('2025-10-01T08:00:00Z', { office: '13001', provinceId: 3 }, 4);
  // 1403: Farvardin 2 at 11001; Esfand 5 at 11002 (Tehran).
  await record('2024-04-01T08:00:00Z', { office: '11001', provinceId: 1 }, 2);
  await record('2025-03-01T08:00:00Z', { office: '11002', provinceId: 1 }, 5);
  // 1405 is not part of it: Farvardin 1405, 7 at 11001.
  await record('2026-04-01T08:00:00Z', { office: '11001', provinceId: 1 }, 7);
  // Filings as the statistics job leaves them: Farvardin 1404 five in Tehran, Shahrivar 1403 three.
  await t.query(
    `insert into stats_filings_monthly (month, province_id, office_id, service_code, channel, submitted, accepted, returned, response_hours)
     values ('2025-03-21', 1, $1, 'petition', 'office', 5, 2, 1, 60), ('2024-08-22', 1, $1, 'petition', 'office', 3, 3, 0, 30)`,
    [office['11001']],
  );
  // Notices: Dey 1404 four copies in Tehran (Dey 1404 begins 22 December 2025).
  await t.query(
    `insert into stats_notices_monthly (month, province_id, office_id, kind, issued, opened_at_office, opened_online, office_delay_hours, online_delay_hours)
     values ('2025-12-22', 1, 0, 'summons', 4, 0, 2, 0, 10)`,
  );
});
afterAll(async () => {
  await t?.stop();
});

/** The part of a page from one `data-testid` to the next section. */
const section = (html: string, id: string) => {
  const from = html.indexOf(`data-testid="${id}"`);
  expect(from).toBeGreaterThan(0);
  return html.slice(from, html.indexOf('</table>', from));
};

describe("the board's annual report", () => {
  it('the regulator makes 1404: the year beside 1403, nationwide, month by month and per province', async () => {
    const regulator = await as('regulator');
    const res = await regulator.post('/api/v1/stats/board-reports/years', { year: '۱۴۰۴' });
    expect(res.statusCode).toBe(201);
    // 6 + 3 + 4 services at 150,000 Rials each; Farvardin 1405's seven are not in it.
    expect(res.json()).toMatchObject({
      year: 1404,
      previousYear: 1403,
      byJob: false,
      services: 13,
      amountRials: 1_950_000,
      filingsSubmitted: 5,
    });

    const list = await regulator.get('/api/v1/stats/board-reports/years');
    expect(list.statusCode).toBe(200);
    expect(list.json().lastFinishedYear).toBe(1404);
    expect(list.json().items.map((r: { year: number }) => r.year)).toEqual([1404]);

    const page = await regulator.get('/api/v1/stats/board-reports/years/1404/report');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const html = page.body;
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('گزارش سالانهٔ آمار دفاتر — سال ۱۴۰۴');
    // 13 services against 7: +85.7 %; filings 5 against 3; notices 4 against none.
    const nation = section(html, 'annual-nation');
    expect(nation).toContain('<th scope="row">خدمات (همه)</th><td class="num">۱۳</td><td class="num">۷</td>');
    expect(nation).toContain('+۸۵٫۷٪');
    expect(nation).toContain(
      '<th scope="row">دادخواست‌ها و لوایح ثبت‌شده</th><td class="num">۵</td><td class="num">۳</td>',
    );
    expect(nation).toContain(
      '<th scope="row">ابلاغیه‌های صادرشده (نسخهٔ هر مخاطب)</th><td class="num">۴</td><td class="num">۰</td>',
    );

    // Month by month: Farvardin 9 against 2 (+350 %), Mehr 4 against none, Esfand none against 5.
    const months = section(html, 'annual-months');
    expect(months).toMatch(
      /<td>فروردین<\/td><td class="num">۹<\/td><td class="num">۲<\/td><td class="num"><bdi dir="ltr">\+۳۵۰٪<\/bdi>/,
    );
    expect(months).toMatch(/<td>مهر<\/td><td class="num">۴<\/td><td class="num">۰<\/td><td class="num">—/);
    expect(months).toMatch(
      /<td>اسفند<\/td><td class="num">۰<\/td><td class="num">۵<\/td><td class="num"><bdi dir="ltr">−۱۰۰٪/,
    );
    // A chart per measure, each with the twelve months of both years.
    for (const chart of ['annual-chart-services', 'annual-chart-filings', 'annual-chart-notices']) {
      const from = html.indexOf(`data-testid="${chart}"`);
      const svg = html.slice(from, html.indexOf('</svg>', from));
      expect(svg.match(/<rect [^>]*fill="#0b4f8a"><title>/g)).toHaveLength(12);
      expect(svg.match(/<rect [^>]*fill="#9fbfdc"><title>/g)).toHaveLength(12);
      expect(svg).toContain('>اسفند</text>');
    }

    // Top movers: 11001 and 13001 both +4, 11001 first as it did more this year; 11002 −5.
    const rising = section(html, 'annual-movers-rising');
    expect(rising.indexOf('(۱۱۰۰۱)')).toBeGreaterThan(0);
    expect(rising.indexOf('(۱۱۰۰۱)')).toBeLessThan(rising.indexOf('(۱۳۰۰۱)'));
    expect(rising).toMatch(
      /\(۱۳۰۰۱\)[^<]*<\/td><td class="num">۴<\/td><td class="num">۰<\/td><td class="num"><bdi dir="ltr">\+۴<\/bdi><\/td><td class="num">—/,
    );
    const falling = section(html, 'annual-movers-falling');
    expect(falling).toMatch(
      /\(۱۱۰۰۲\)[^<]*<\/td><td class="num">۰<\/td><td class="num">۵<\/td><td class="num"><bdi dir="ltr">−۵<\/bdi><\/td><td class="num"><bdi dir="ltr">−۱۰۰٪/,
    );
    // Provinces: Isfahan +4 (4 against none), Tehran +2 (9 against 7).
    const provinces = section(html, 'annual-movers-provinces');
    expect(provinces).toMatch(
      /<td>اصفهان<\/td><td class="num">۴<\/td><td class="num">۰<\/td><td class="num"><bdi dir="ltr">\+۴/,
    );
    expect(provinces).toMatch(
      /<td>تهران<\/td><td class="num">۹<\/td><td class="num">۷<\/td><td class="num"><bdi dir="ltr">\+۲/,
    );

    expect(section(html, 'annual-provinces')).toMatch(/<td>تهران<\/td><td class="num">۹<\/td><td class="num">۷<\/td>/);
  });

  it('lists the offices whose revenue did not cover their cost over the year, and those under the quality threshold', async () => {
    const regulator = await as('regulator');
    const html = (await regulator.get('/api/v1/stats/board-reports/years/1404/report')).body;
    // 11002 did nothing in 1404: no revenue against a running cost, below break-even whatever the tariff.
    const breakEven = section(html, 'annual-break-even');
    expect(breakEven).toContain('(۱۱۰۰۲)');
    const summary = (await regulator.get('/api/v1/stats/board-reports/years')).json().items[0];
    expect(summary.officesBelowBreakEven).toBe(breakEven.match(/<tr><td>/g)!.length);

    // Quality: an office is listed when its year's score (the mean of its months' scores, read here
    // from the quality area's own page of scores) is under 60 in at least three months.
    const monthly = new Map<string, number[]>();
    for (let m = 1; m <= 12; m++) {
      const res = await regulator.get(`/api/v1/quality/scores?month=1404-${String(m).padStart(2, '0')}`);
      expect(res.statusCode).toBe(200);
      for (const o of res.json().offices as { office: { code: string }; score: number | null }[])
        if (o.score != null) monthly.set(o.office.code, [...(monthly.get(o.office.code) ?? []), o.score]);
    }
    const expected = [...monthly]
      .filter(([, s]) => s.length >= 3 && s.reduce((a, x) => a + x, 0) / s.length < 60)
      .map(([code]) => code)
      .sort();
    expect(summary.officesBelowQuality).toBe(expected.length);
    const listed = html.includes('data-testid="annual-quality"')
      ? [...section(html, 'annual-quality').matchAll(/\(([۰-۹]+)\)/g)].map((m) =>
          m[1].replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))),
        )
      : [];
    expect(listed.sort()).toEqual(expected);
  });

  it.skipIf(!pdfAvailable())('the report downloads as an A4 PDF', async () => {
    const res = await (await as('association')).get('/api/v1/stats/board-reports/years/1404/report.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('daftar-board-annual-report-1404.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the job makes the year just ended on 1 Farvardin, once, and leaves a kept report alone', async () => {
    // 1 Farvardin 1406, 00:10 in Tehran (20 March 2027, 20:40 UTC): 1405 has ended and has no report yet.
    const nowruz = { now: () => new Date('2027-03-20T20:40:00Z') };
    expect(await BOARD_ANNUAL_REPORT_JOB.run(t.database, nowruz)).toEqual({ year: 1405, made: true });
    expect(await BOARD_ANNUAL_REPORT_JOB.run(t.database, nowruz)).toEqual({ year: 1405, made: false });
    // The day before, Esfand 1405's last: the year just ended is 1404, already kept.
    const lastDay = { now: () => new Date('2027-03-19T20:40:00Z') };
    expect(await BOARD_ANNUAL_REPORT_JOB.run(t.database, lastDay)).toEqual({ year: 1404, made: false });
    const [row] = await t.query<{
      generated_by: number | null;
      figures: { previousYear: number; nation: { current: { office: number } } };
    }>('select generated_by, figures from stats_board_annual_reports where year = 1405');
    expect(row.generated_by).toBeNull();
    expect(row.figures.previousYear).toBe(1404);
    // Farvardin 1405's seven at 11001.
    expect(row.figures.nation.current.office).toBe(7);
  });

  it('refuses a year not ended, a year never reported and a malformed year', async () => {
    const regulator = await as('regulator');
    for (const year of [1405, 1406]) {
      const res = await regulator.post('/api/v1/stats/board-reports/years', { year });
      const errors = fieldErrors(expectProblem(res, 400, 'validation_failed'));
      expect(errors.year.code).toBe('year_in_future');
      expect(errors.year.message.fa).toContain('سال هنوز به پایان نرسیده');
    }
    for (const year of ['14x4', 999, '']) {
      const res = await regulator.post('/api/v1/stats/board-reports/years', { year });
      expect(fieldErrors(expectProblem(res, 400, 'validation_failed')).year.code).toBe('jalali_year_out_of_range');
    }
    const never = await regulator.get('/api/v1/stats/board-reports/years/1399/report');
    expect(expectProblem(never, 404, 'board_annual_report_not_found').title).toBeTruthy();
    expectProblem(
      await regulator.get('/api/v1/stats/board-reports/years/1399/report.pdf'),
      404,
      'board_annual_report_not_found',
    );
    const malformed = await regulator.get('/api/v1/stats/board-reports/years/abcd/report');
    expectProblem(malformed, 400, 'validation_failed');
  });

  it("national oversight only: the national association reads, a province's association, a manager and a citizen are refused", async () => {
    expect((await (await as('association')).get('/api/v1/stats/board-reports/years')).statusCode).toBe(200);
    expectProblem(
      await (await as('association')).post('/api/v1/stats/board-reports/years', { year: 1404 }),
      403,
      'forbidden',
    );
    for (const who of ['association.tehran', 'manager.11001', 'operator.11001']) {
      expectProblem(await (await as(who)).get('/api/v1/stats/board-reports/years'), 403, 'forbidden');
      expectProblem(await (await as(who)).get('/api/v1/stats/board-reports/years/1404/report'), 403, 'forbidden');
    }
    const citizen = await t.signInCitizen('09120000001');
    expectProblem(await citizen.get('/api/v1/stats/board-reports/years/1404/report.pdf'), 403, 'forbidden');
    expectProblem(await t.anonymous().get('/api/v1/stats/board-reports/years'), 401, 'unauthenticated');
  });
});
