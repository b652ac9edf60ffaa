/**
 * Service statistics in the browser: the regulator drills from the nation into a province, a
 * county and an office and back, the address keeping the view (a link opened elsewhere shows the
 * same office), makes the board's monthly report of the month just ended and downloads its PDF;
 * an office manager sees only their office; anyone, without signing in, opens the
 * open statistics of a province with a tiny office and downloads the CSV with its count suppressed;
 * a province without one of the first demo offices (Khuzestan) shows its year of services.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { recordService } from '#server/modules/records/service-records';
import { checkpoint, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');
/** Ordibehesht 1405 alone: the demo's history ends the month before, so the figures are the ones recorded here. */
const PERIOD = 'fromMonth=1405-02&toMonth=1405-02';

let regulator: Page;
const pageErrors: string[] = [];
const office: Record<string, { id: number; nameFa: string }> = {};
let county: { id: number; nameFa: string };

/** Waits for a figure as long as a loaded machine may need to fetch and draw it. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const latin = (s: string | null) => toLatinDigits(s ?? '').replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '');

async function record(at: string, code: string | null, provinceId: number, serviceCode: string, times: number) {
  for (let i = 0; i < times; i++) {
    await server.ctx.db.transaction((tx) =>
      recordService(
        tx,
        {
          serviceCode,
          channel: code ? 'office' : 'online',
          officeId: code ? office[code].id : null,
          provinceId,
          operatorUserId: null,
          citizenId: null,
          scheduleId: null,
          amountRials: 100_000,
        },
        new Date(at),
      ),
    );
  }
}

const { server, people } = serverWithPeople({ now: NOW }, { people: DESKTOP });
beforeAll(async () => {
  const { rows } = await server.ctx.database.pool.query<{ id: number; code: string; name_fa: string }>(
    'select id, code, name_fa from offices',
  );
  for (const r of rows) office[r.code] = { id: r.id, nameFa: r.name_fa };
  const {
    rows: [c],
  } = await server.ctx.database.pool.query<{ id: number; name_fa: string }>(
    "select k.id, k.name_fa from offices o join cities c on c.id = o.city_id join counties k on k.id = c.county_id where o.code = '11001'",
  );
  county = { id: c.id, nameFa: c.name_fa };
  await record('2026-04-25T08:00:00Z', '11001', 1, 'petition', 5);
  await record('2026-04-27T08:00:00Z', '11002', 1, 'petition', 2);
  await record('2026-04-28T08:00:00Z', '13001', 3, 'petition', 1);
  await record('2026-04-29T08:00:00Z', null, 1, 'petition', 4);
});

const place = (page: Page) => page.getByTestId('stats-place');
const total = async (page: Page) => latin(await page.getByTestId('total-records').locator('p').nth(1).textContent());

describe('service statistics', () => {
  it('the regulator drills from the nation to an office, the address keeping the view', async () => {
    regulator = await people.personPage();
    regulator.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(regulator, 'regulator');
    await regulator.getByTestId('nav-statistics').click();
    await regulator.waitForURL(/\/statistics$/);
    // The shared link of a period.
    await regulator.goto(`${server.url}/statistics?${PERIOD}`);
    await poll(() => place(regulator).textContent()).toBe('کل کشور');
    await poll(() => total(regulator)).toBe('12');
    await regulator.getByTestId('services-chart').locator('svg').first().waitFor();
    await checkpoint(regulator, 'statistics-01-nation');

    await regulator.getByTestId('drill-1').click();
    await poll(() => place(regulator).textContent()).toBe('تهران');
    expect(new URL(regulator.url()).search).toBe(`?provinceId=1&${PERIOD}`);
    await poll(() => total(regulator)).toBe('11');
    await checkpoint(regulator, 'statistics-02-province');

    await regulator.getByTestId(`drill-${county.id}`).click();
    await poll(() => place(regulator).textContent()).toBe(county.nameFa);
    expect(new URL(regulator.url()).search).toBe(`?countyId=${county.id}&${PERIOD}`);
    // Below the province only services at offices: 5 + 2.
    await poll(() => total(regulator)).toBe('7');

    await regulator.getByTestId(`drill-${office['11001'].id}`).click();
    await poll(() => place(regulator).textContent()).toBe(office['11001'].nameFa);
    expect(new URL(regulator.url()).search).toBe(`?officeId=${office['11001'].id}&${PERIOD}`);
    await poll(() => total(regulator)).toBe('5');
    await regulator.getByTestId('stats-months').waitFor();
    // Ordibehesht is the running month, counted up to today: its row and the chart say so.
    expect(await regulator.getByTestId('stats-months').getByTestId('month-so-far').textContent()).toBe('(تا امروز)');
    expect(await regulator.getByTestId('running-month-note').textContent()).toContain('اردیبهشت');
    // The filings awaiting the court, in their four bands (none here).
    await regulator.getByTestId('stats-pending').waitFor();
    expect(await regulator.getByTestId('stats-pending').locator('tbody tr').count()).toBe(4);
    await checkpoint(regulator, 'statistics-03-office');

    // Back goes up the way it came.
    await regulator.goBack();
    await poll(() => place(regulator).textContent()).toBe(county.nameFa);
    await regulator.goBack();
    await poll(() => place(regulator).textContent()).toBe('تهران');
    // The way up names the nation; the filters stay.
    await regulator.getByTestId('up-nation').click();
    await poll(() => place(regulator).textContent()).toBe('کل کشور');
    expect(new URL(regulator.url()).search).toBe(`?${PERIOD}`);

    // The online channel alone, kept in the address.
    await regulator.getByTestId('filter-channel').getByText('برخط').click();
    await poll(() => new URL(regulator.url()).searchParams.get('channel')).toBe('online');
    await poll(() => total(regulator)).toBe('4');
  });

  it("the regulator makes the board's report of the month just ended and downloads it as a PDF", async () => {
    await regulator.goto(`${server.url}/statistics?${PERIOD}`);
    const board = regulator.getByTestId('board-reports');
    await board.waitFor();
    // Today is in Ordibehesht: Farvardin 1405 is the month just ended, offered first.
    await poll(() => regulator.getByTestId('board-month').inputValue()).toBe('فروردین ۱۴۰۵');
    await regulator.getByTestId('board-make').click();
    const pdfLink = regulator.getByTestId('board-pdf-1405-01');
    await pdfLink.waitFor();
    await checkpoint(regulator, 'statistics-08-board-reports');
    // The view kept its place and period while the report was made.
    expect(new URL(regulator.url()).search).toBe(`?${PERIOD}`);

    const href = await pdfLink.getAttribute('href');
    expect(href).toBe('/api/v1/stats/board-reports/1405-01/report.pdf');
    const pdf = await regulator.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageErrors).toEqual([]);
  });

  it('Khuzestan, a province beyond the first demo offices, shows its year of services', async () => {
    const page = await people.personPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(page, 'regulator');
    // The last twelve complete months: Ordibehesht 1404 to Farvardin 1405.
    await page.goto(`${server.url}/statistics?provinceId=5&fromMonth=1404-02&toMonth=1405-01`);
    await poll(() => place(page).textContent()).toBe('خوزستان');
    await poll(async () => Number(await total(page))).toBeGreaterThan(0);
    await page.getByTestId('services-chart').locator('svg').first().waitFor();
    // Twelve finished months: none is marked as counted so far.
    expect(await page.getByTestId('running-month-note').count()).toBe(0);
    await checkpoint(page, 'statistics-08-khuzestan');
    await page.setViewportSize({ width: 360, height: 800 });
    await checkpoint(page, 'statistics-09-khuzestan-360');
    expect(pageErrors).toEqual([]);
  });

  it('a link to an office opens the same view for another signed-in regulator', async () => {
    const other = await people.personPage();
    await people.signInAsStaff(other, 'regulator');
    await other.goto(`${server.url}/statistics?officeId=${office['11001'].id}&${PERIOD}`);
    await poll(() => place(other).textContent()).toBe(office['11001'].nameFa);
    await poll(() => total(other)).toBe('5');
    expect(await other.getByTestId('up-county').textContent()).toBe(county.nameFa);
  });

  it('an office manager sees only their office, and another place is refused', async () => {
    const manager = await people.personPage();
    manager.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/statistics?${PERIOD}`);
    await poll(() => place(manager).textContent()).toBe(office['11001'].nameFa);
    await poll(() => total(manager)).toBe('5');
    // No way up: the province is not theirs.
    expect(await manager.getByTestId('up-province').count()).toBe(0);
    expect(await manager.getByTestId('up-nation').count()).toBe(0);
    await checkpoint(manager, 'statistics-04-manager');

    await manager.setViewportSize({ width: 360, height: 800 });
    await checkpoint(manager, 'statistics-05-manager-360');

    await manager.goto(`${server.url}/statistics?provinceId=1&${PERIOD}`);
    await poll(() => manager.getByTestId('problem-alert').textContent()).toContain(
      'شما اجازهٔ انجام این کار را ندارید.',
    );
    expect(await manager.getByTestId('stats-place').count()).toBe(0);
    expect(await manager.getByTestId('stats-services').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('anyone opens the open statistics of a province with a tiny office: its count is suppressed on the page and in the CSV', async () => {
    const visitor = await people.personPage();
    visitor.on('pageerror', (e) => pageErrors.push(e.message));
    // Isfahan's one service this month (at 13001) is a count under five.
    await visitor.goto(`${server.url}/open-data?provinceId=3&${PERIOD}`);
    const tiny = visitor.getByTestId('open-line-13001');
    await tiny.getByTestId('suppressed').waitFor();
    expect(await tiny.getByTestId('suppressed').count()).toBe(1);
    expect(await tiny.getByTestId('suppressed').textContent()).toBe('کمتر از ۵');
    // Tehran shows its 7 at offices; 11002's 2 is hidden, so 11001's 5 is hidden too (else 7 − 5 gives the 2 away).
    await visitor.goto(`${server.url}/open-data?provinceId=1&${PERIOD}`);
    const tehran = visitor.getByTestId('open-line-p1-office');
    await poll(async () => latin(await tehran.locator('td').nth(1).textContent())).toBe('7');
    expect(await visitor.getByTestId('open-line-11001').getByTestId('suppressed').count()).toBe(1);
    expect(await visitor.getByTestId('open-line-11002').getByTestId('suppressed').count()).toBe(1);
    await visitor.goto(`${server.url}/open-data?provinceId=3&${PERIOD}`);
    await tiny.getByTestId('suppressed').waitFor();
    expect(await visitor.getByTestId('open-licence').textContent()).toContain('CC BY 4.0');
    expect(await visitor.getByTestId('open-dictionary').locator('tbody tr').count()).toBe(11);
    await checkpoint(visitor, 'statistics-06-open-data');

    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByTestId('open-csv').click()]);
    expect(download.suggestedFilename()).toBe('daftar-services-1405-02-1405-02-province-3.csv');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-open-')), download.suggestedFilename());
    await download.saveAs(file);
    const [header, ...lines] = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header.split(',');
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
    expect(rows.find((r) => r.office_code === '13001')).toMatchObject({ services: '', suppressed: '1' });
    expect(rows.every((r) => r.province_id === '3')).toBe(true);

    await visitor.setViewportSize({ width: 360, height: 800 });
    await checkpoint(visitor, 'statistics-07-open-data-360');
    expect(pageErrors).toEqual([]);
  });
});
