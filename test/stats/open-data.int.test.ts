/**
 * The open data: services by province and month (and a province's offices) for anyone, as JSON
 * and CSV, and a year's bulk download, with small counts suppressed so that none can be worked
 * back out of a province's total (docs/decisions/0048); bad input named by its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { petitionRecorder, type StatsServer, startStatsServer } from '../support/stats';
import type { TestServer } from '../support/test-server';

let t: TestServer;
let world: StatsServer;
const record = petitionRecorder(() => world, 100_000);

/** Parses the open data's CSV (no quoted fields in these figures) into objects by column. */
function parseCsv(body: string): Record<string, string>[] {
  const [header, ...lines] = body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

beforeAll(async () => {
  // Only the services below: the demo's year of volume is cleared, so every figure is counted by hand.
  world = await startStatsServer({ rollups: false, jobs: true });
  ({ t } = world);
  // Farvardin 1405 (2026-03-21 … 2026-04-20), the last complete month on the server's clock (Ordibehesht 1405).
  // Tehran: 6 + 7 at offices, 9 online — nothing small.
  await record('2026-04-01T08:00:00Z', { office: '11001', provinceId: 1 }, 6);
  await record('2026-04-02T08:00:00Z', { office: '11002', provinceId: 1 }, 7);
  await record('2026-04-03T08:00:00Z', { provinceId: 1 }, 9);
  // Isfahan: a tiny office with 3, another with 12, 2 online.
  await record('2026-04-04T08:00:00Z', { office: '13001', provinceId: 3 }, 3);
  await record('2026-04-05T08:00:00Z', { office: '13002', provinceId: 3 }, 12);
  await record('2026-04-06T08:00:00Z', { provinceId: 3 }, 2);
  // Ordibehesht 1405, this month, not complete: left out unless asked for.
  await record('2026-04-25T08:00:00Z', { office: '11001', provinceId: 1 }, 1);
});
afterAll(async () => {
  await t?.stop();
});

const FARVARDIN = 'fromMonth=1405-01&toMonth=1405-01';

describe('open data without sign-in', () => {
  it("the nation's file has each province at offices and online, a small count hidden and no office", async () => {
    const res = await t.anonymous().get(`/api/v1/stats/open/services?${FARVARDIN}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(5);
    expect(body.licence.name).toBe('CC BY 4.0');
    expect(body.dictionary).toBe('/open-data');
    expect(body.months).toEqual(['1405-01']);
    const cell = (provinceId: number, channel: string) =>
      body.rows.find(
        (r: { provinceId: number; channel: string; level: string }) =>
          r.provinceId === provinceId && r.channel === channel && r.level === 'province',
      );
    expect(cell(1, 'office')).toMatchObject({ services: 13, suppressed: false, province: { en: 'Tehran' } });
    expect(cell(1, 'online')).toMatchObject({ services: 9, suppressed: false });
    expect(cell(3, 'office')).toMatchObject({ services: 15, suppressed: false });
    expect(cell(3, 'online')).toMatchObject({ services: null, suppressed: true });
    expect(body.rows.every((r: { level: string }) => r.level === 'province')).toBe(true);
    // 31 provinces, two channels each; a province without services shows zeros, not hidden.
    expect(body.rows).toHaveLength(62);
    expect(cell(5, 'office')).toMatchObject({ services: 0, suppressed: false });
  });

  it("a province's CSV hides its tiny office and the next smallest, so the province's 15 gives neither away", async () => {
    const res = await t.anonymous().get(`/api/v1/stats/open/services.csv?provinceId=3&${FARVARDIN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('daftar-services-1405-01-1405-01-province-3.csv');
    expect(res.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const rows = parseCsv(res.body);
    const byOffice = (code: string) => rows.find((r) => r.office_code === code)!;
    expect(byOffice('13001')).toMatchObject({ level: 'office', services: '', suppressed: '1', month: '1405-01' });
    expect(byOffice('13002')).toMatchObject({ services: '', suppressed: '1' });
    const province = rows.find((r) => r.level === 'province' && r.channel === 'office')!;
    expect(province).toMatchObject({ services: '15', suppressed: '0', province_fa: 'اصفهان' });
    // Every other office of Isfahan is shown (zero), so only the two hidden share the 15.
    const shown = rows.filter((r) => r.level === 'office' && r.suppressed === '0');
    expect(shown.reduce((s, r) => s + Number(r.services), 0)).toBe(0);
    expect(rows.filter((r) => r.level === 'office' && r.suppressed === '1')).toHaveLength(2);
    expect(rows.every((r) => r.province_id === '3')).toBe(true);
  });

  it("without a period: the twelve months up to the last complete one, this month's services left out", async () => {
    const body = (await t.anonymous().get('/api/v1/stats/open/services?provinceId=1')).json();
    expect(body.months[0]).toBe('1404-02');
    expect(body.months.at(-1)).toBe('1405-01');
  });

  it("the year's bulk download holds every province and office of its complete months, hidden alike", async () => {
    const res = await t.anonymous().get('/api/v1/stats/open/years/۱۴۰۵.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('daftar-services-1405.csv');
    const rows = parseCsv(res.body);
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['1405-01']));
    expect(new Set(rows.map((r) => r.province_id)).size).toBe(31);
    expect(rows.find((r) => r.office_code === '13001')).toMatchObject({ suppressed: '1', services: '' });
    expect(rows.find((r) => r.office_code === '11001')).toMatchObject({ suppressed: '0', services: '6' });
    const year1404 = parseCsv((await t.anonymous().get('/api/v1/stats/open/years/1404.csv')).body);
    expect(new Set(year1404.map((r) => r.month)).size).toBe(12);
  });

  it('the figures follow the services: a tiny office that grows past four is shown', async () => {
    await record('2026-04-07T08:00:00Z', { office: '13001', provinceId: 3 }, 2);
    const rows = (await t.anonymous().get(`/api/v1/stats/open/services?provinceId=3&${FARVARDIN}`)).json().rows;
    const byOffice = (code: string) => rows.find((r: { officeCode: string | null }) => r.officeCode === code);
    expect(byOffice('13001')).toMatchObject({ services: 5, suppressed: false });
    expect(byOffice('13002')).toMatchObject({ services: 12, suppressed: false });
  });
});

describe('bad input is named by its field', () => {
  it('an unknown province', async () => {
    const body = expectProblem(await t.anonymous().get('/api/v1/stats/open/services?provinceId=99'), 400);
    expect(fieldErrors(body).provinceId.code).toBe('unknown_province');
  });

  it('an inverted period', async () => {
    const res = await t.anonymous().get('/api/v1/stats/open/services.csv?fromMonth=1405-01&toMonth=1404-06');
    expect(fieldErrors(expectProblem(res, 400)).toMonth.code).toBe('end_before_start');
  });

  it('a period longer than 24 months', async () => {
    const res = await t.anonymous().get('/api/v1/stats/open/services?fromMonth=1402-01&toMonth=1404-12');
    expect(fieldErrors(expectProblem(res, 400)).toMonth.code).toBe('period_too_long');
  });

  it('a month that is not one', async () => {
    const res = await t.anonymous().get('/api/v1/stats/open/services?fromMonth=1405-13');
    expect(fieldErrors(expectProblem(res, 400)).fromMonth.code).toBe('invalid_format');
  });

  it('a year not begun, and one that is not a year', async () => {
    const notBegun = expectProblem(await t.anonymous().get('/api/v1/stats/open/years/1406.csv'), 400);
    expect(fieldErrors(notBegun).year.code).toBe('open_data_year_not_begun');
    expect(fieldErrors(notBegun).year.message.fa).toContain('سال');
    const notAYear = expectProblem(await t.anonymous().get('/api/v1/stats/open/years/99.csv'), 400);
    expect(fieldErrors(notAYear).year.code).toBe('jalali_year_out_of_range');
  });
});
