/**
 * The board's monthly report: made by the monthly job for the month just ended and by the
 * regulator on demand, the national figures and each province's beside the month before, kept,
 * listed, and opened as a printable page and a PDF by national oversight only; a month not ended,
 * a month never reported, an inverted period and a malformed month are refused by their field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_REPORT_JOB } from '#server/modules/stats/board-report';
import { pdfAvailable } from '#server/platform/pdf/printer';
import { expectProblem, fieldErrors } from '../support/problems';
import { petitionRecorder, type StatsServer, staffSignedInOnce, startStatsServer } from '../support/stats';
import type { TestServer } from '../support/test-server';

let t: TestServer;
let world: StatsServer;
const as = staffSignedInOnce(() => t);
const record = petitionRecorder(() => world, 150_000);

beforeAll(async () => {
  // No workers: the statistics job would recount the filings rollup written below from the demo's filings.
  // Only the figures below: the demo's volume and filings rollups are cleared, so each is counted by hand.
  world = await startStatsServer({ rollups: true, jobs: false });
  ({ t } = world);
  const { office } = world;
  // The server's today is 15 Ordibehesht 1405: Farvardin 1405 (2026-03-21 … 2026-04-20) is the month just ended.
  // Farvardin: Tehran 6 at 11001 and 3 online, Isfahan 2 at 13001.
  await record('2026-04-01T08:00:00Z', { office: '11001', provinceId: 1 }, 6);
  await record('2026-04-02T08:00:00Z', { provinceId: 1 }, 3);
  await record('2026-04-03T08:00:00Z', { office: '13001', provinceId: 3 }, 2);
  // Esfand 1404 (ends 2026-03-20): Tehran 4 at 11001.
  await record('2026-03-10T08:00:00Z', { office: '11001', provinceId: 1 }, 4);
  // Filings as the statistics job leaves them in its rollup: Farvardin 5 in Tehran (2 accepted, 1 returned), Esfand 2.
  await t.query(
    `insert into stats_filings_monthly (month, province_id, office_id, service_code, channel, submitted, accepted, returned, response_hours)
     values ('2026-03-21', 1, $1, 'petition', 'office', 5, 2, 1, 60), ('2026-02-20', 1, $1, 'petition', 'office', 2, 2, 0, 30)`,
    [office['11001']],
  );
  // Notices as the job leaves them: Farvardin 4 copies in Tehran, 2 opened at 11001 (30 hours in all) and 1 online
  // (6 hours), one not yet; Esfand 3 copies, none opened.
  await t.query(
    `insert into stats_notices_monthly (month, province_id, office_id, kind, issued, opened_at_office, opened_online, office_delay_hours, online_delay_hours)
     values ('2026-03-21', 1, $1, 'summons', 2, 2, 0, 30, 0), ('2026-03-21', 1, 0, 'summons', 2, 0, 1, 0, 6),
            ('2026-02-20', 1, 0, 'decision', 3, 0, 0, 0, 0)`,
    [office['11001']],
  );
});
afterAll(async () => {
  await t?.stop();
});

describe("the board's monthly report", () => {
  it('the regulator makes Farvardin 1405: the nation and each province beside Esfand 1404', async () => {
    const regulator = await as('regulator');
    const res = await regulator.post('/api/v1/stats/board-reports', { month: '۱۴۰۵-۰۱' });
    expect(res.statusCode).toBe(201);
    // 6 + 3 + 2 services at 150,000 Rials each.
    expect(res.json()).toMatchObject({
      month: '1405-01',
      previousMonth: '1404-12',
      byJob: false,
      services: 11,
      amountRials: 1_650_000,
      filingsSubmitted: 5,
    });

    const list = await regulator.get('/api/v1/stats/board-reports');
    expect(list.statusCode).toBe(200);
    expect(list.json().lastFinishedMonth).toBe('1405-01');
    expect(list.json().items.map((r: { month: string }) => r.month)).toEqual(['1405-01']);

    const page = await regulator.get('/api/v1/stats/board-reports/1405-01/report');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const html = page.body;
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('فروردین ۱۴۰۵');
    expect(html).toContain('اسفند ۱۴۰۴');
    // The nation: 11 services against 4, +175 %; Tehran's row 9 against 4 (+125 %), Isfahan 2 against none.
    const nation = html.slice(
      html.indexOf('data-testid="board-nation"'),
      html.indexOf('data-testid="board-provinces"'),
    );
    expect(nation).toContain('<th scope="row">خدمات (همه)</th><td class="num">۱۱</td><td class="num">۴</td>');
    expect(nation).toContain('+۱۷۵٪');
    expect(nation).toContain(
      '<th scope="row">دادخواست‌ها و لوایح ثبت‌شده</th><td class="num">۵</td><td class="num">۲</td>',
    );
    // Notices: 4 copies against 3; opened 2 at offices and 1 online, (30 + 6) / 3 = 12 hours on average.
    expect(nation).toContain(
      '<th scope="row">ابلاغیه‌های صادرشده (نسخهٔ هر مخاطب)</th><td class="num">۴</td><td class="num">۳</td>',
    );
    expect(nation).toContain('<th scope="row">بازشده در دفاتر</th><td class="num">۲</td><td class="num">۰</td>');
    expect(nation).toContain(
      '<th scope="row">میانگین زمان تا بازشدن (ساعت)</th><td class="num">۱۲</td><td class="num">—</td>',
    );
    const provinces = html.slice(html.indexOf('data-testid="board-provinces"'));
    expect(provinces).toMatch(
      /<td>تهران<\/td><td class="num">۹<\/td><td class="num">۴<\/td><td class="num"><bdi dir="ltr">\+۱۲۵٪<\/bdi><\/td><td class="num">[^<]*<\/td><td class="num">۵<\/td><td class="num">۲<\/td><td class="num">۴<\/td><\/tr>/,
    );
    expect(provinces).toMatch(/<td>اصفهان<\/td><td class="num">۲<\/td><td class="num">۰<\/td><td class="num">—/);
  });

  it.skipIf(!pdfAvailable())('the report downloads as an A4 PDF', async () => {
    const res = await (await as('association')).get('/api/v1/stats/board-reports/1405-01/report.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('daftar-board-report-1405-01.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the monthly job makes the month just ended once, and leaves a kept report alone', async () => {
    // 1 Khordad 1405, 00:05 in Tehran: Ordibehesht has ended and has no report yet.
    const khordad = { now: () => new Date('2026-05-21T20:35:00Z') };
    expect(await BOARD_REPORT_JOB.run(t.database, khordad)).toEqual({ month: '1405-02', made: true });
    expect(await BOARD_REPORT_JOB.run(t.database, khordad)).toEqual({ month: '1405-02', made: false });
    const [row] = await t.query<{ generated_by: number | null; figures: { previousMonth: string } }>(
      "select generated_by, figures from stats_board_reports where month = '1405-02'",
    );
    expect(row.generated_by).toBeNull();
    expect(row.figures.previousMonth).toBe('1405-01');
  });

  it('refuses a month not ended, a month never reported, an inverted period and a malformed month', async () => {
    const regulator = await as('regulator');
    for (const month of ['1405-02', '1406-01']) {
      const res = await regulator.post('/api/v1/stats/board-reports', { month });
      expect(fieldErrors(expectProblem(res, 400, 'validation_failed')).month.code).toBe('month_in_future');
    }
    const malformed = await regulator.post('/api/v1/stats/board-reports', { month: '1405-13' });
    expect(fieldErrors(expectProblem(malformed, 400, 'validation_failed')).month.code).toBe('invalid_format');

    const never = await regulator.get('/api/v1/stats/board-reports/1404-06/report');
    expect(expectProblem(never, 404, 'board_report_not_found').title).toBeTruthy();
    const neverPdf = await regulator.get('/api/v1/stats/board-reports/1404-06/report.pdf');
    expectProblem(neverPdf, 404, 'board_report_not_found');

    const inverted = await regulator.get('/api/v1/stats/board-reports?fromMonth=1405-02&toMonth=1405-01');
    const errors = fieldErrors(expectProblem(inverted, 400, 'validation_failed'));
    expect(errors.toMonth.code).toBe('end_before_start');
    expect(errors.toMonth.message.fa).toBe('تاریخ پایان باید پس از تاریخ آغاز باشد.');
  });

  it("national oversight only: the national association reads, a province's association, a manager and a citizen are refused", async () => {
    expect((await (await as('association')).get('/api/v1/stats/board-reports')).statusCode).toBe(200);
    const made = await (await as('association')).post('/api/v1/stats/board-reports', { month: '1405-01' });
    expectProblem(made, 403, 'forbidden');
    for (const who of ['association.tehran', 'manager.11001', 'operator.11001']) {
      expectProblem(await (await as(who)).get('/api/v1/stats/board-reports'), 403, 'forbidden');
      expectProblem(await (await as(who)).get('/api/v1/stats/board-reports/1405-01/report'), 403, 'forbidden');
    }
    const citizen = await t.signInCitizen('09120000001');
    expectProblem(await citizen.get('/api/v1/stats/board-reports/1405-01/report.pdf'), 403, 'forbidden');
    expectProblem(await t.anonymous().get('/api/v1/stats/board-reports'), 401, 'unauthenticated');
  });
});
