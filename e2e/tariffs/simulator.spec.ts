/**
 * The revision simulator in the browser: the national association opens the simulator with a
 * 10 % indexed draft preselected, runs it over the last twelve months of recorded volume, sees the
 * summary, the charts (drawn as SVG) and the tables in Persian digits, downloads the CSV of the
 * saved run with its session, and edits Tehran's office cost defaults (a wage below the floor is
 * refused next to its field first).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addJalaliMonths,
  formatJalaliIso,
  isoToJalali,
  jalaliMonthOfIso,
  jalaliMonthStartIso,
  tehranIsoDate,
} from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');
const TODAY = tehranIsoDate(NOW);

let page: Page;
let draftId: number;
const pageErrors: string[] = [];
const thisMonth = jalaliMonthOfIso(TODAY);
const latin = (s: string) => toLatinDigits(s).replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '');

const { server, people } = serverWithPeople({ now: NOW }, { people: { width: 1366, height: 900 } });
beforeAll(async () => {
  // Recorded volume over the last twelve full months at three offices (Tehran 11001 and 11002, Isfahan 13001), and online.
  const pool = server.ctx.database.pool;
  for (let i = 1; i <= 12; i++) {
    const month = jalaliMonthStartIso(addJalaliMonths(thisMonth, -i));
    const rows: [number, number, string, 'office' | 'online', number][] = [
      [1, 1, 'petition', 'office', 400],
      [1, 1, 'brief', 'office', 250],
      [1, 2, 'petition', 'office', 60],
      [1, 2, 'brief', 'office', 30],
      [3, 4, 'petition', 'office', 150],
      [3, 4, 'brief', 'office', 90],
      [1, 0, 'brief', 'online', 120],
      [3, 0, 'brief', 'online', 40],
    ];
    for (const [provinceId, officeId, service, channel, records] of rows) {
      await pool.query(
        `insert into service_volume_monthly (month, province_id, office_id, service_code, channel, records, extra_parties, extra_pages, amount_rials)
        values ($1, $2, $3, $4, $5, $6, 0, 0, 0)
        on conflict (month, province_id, office_id, service_code, channel, slot) do update set records = service_volume_monthly.records + excluded.records`,
        [month, provinceId, officeId, service, channel, records],
      );
    }
  }
});

describe('the revision simulator', () => {
  it('the national association runs a 10 % indexed draft and sees the summary, charts and tables', async () => {
    page = await people.personPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(page, 'association');

    // The draft, made through the API (the schedule screens have their own browser test).
    const schedules = await pageRequest(page, 'GET', '/api/v1/tariffs/schedules');
    const inForce = (schedules.body as { items: { id: number; state: string }[] }).items.find(
      (s) => s.state === 'in-force',
    )!;
    const draft = await pageRequest(page, 'POST', '/api/v1/tariffs/schedules', {
      code: 'sim-e2e',
      titleFa: 'پیش‌نویس تعدیل ۱۰ درصدی',
      titleEn: 'Draft indexed by 10%',
      effectiveFrom: formatJalaliIso(isoToJalali(addDaysIso(TODAY, 60))),
      source: 'پیشنهاد هیئت‌مدیرهٔ کانون',
      basedOnId: inForce.id,
      indexation: { ratePercent: 10 },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    draftId = (draft.body as { id: number }).id;

    await page.goto(`${server.url}/tariffs/simulator?schedule=${draftId}`);
    await page.getByTestId('simulator-form').waitFor();
    await expect.poll(() => page.getByTestId('simulator-schedule').inputValue()).toContain('پیش‌نویس تعدیل ۱۰ درصدی');
    // The period defaults to the last twelve full months, in Persian.
    expect(await page.getByTestId('simulator-to').inputValue()).toMatch(/^[آ-ی]+ ۱۴[۰-۹]{2}$/);
    await checkpoint(page, 'simulator-01-form');

    await page.getByTestId('simulator-run').click();
    await page.getByTestId('simulator-result').waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/[?&]run=\d+/);

    // Citizens pay about 10 % more; the cards read in Persian digits and Rials.
    const citizen = (await page.getByTestId('summary-citizen-cost').textContent())!;
    expect(citizen).toMatch(/[۰-۹]/);
    expect(citizen).toContain('ریال');
    expect(citizen).not.toMatch(/[0-9]/);
    expect(latin(citizen)).toMatch(/\+(9|10|11)(٫\d)?٪/);

    // Four charts, each drawn as SVG.
    for (const id of ['chart-revenue', 'chart-below', 'chart-services', 'chart-ratio']) {
      await page.getByTestId(id).locator('svg').first().waitFor();
    }
    expect(await page.getByTestId('chart-revenue').textContent()).toContain('تهران');

    // The services table, sortable, in Persian digits.
    const services = page.getByTestId('table-services');
    await services.waitFor();
    expect(await services.getByTestId('table-services-row').count()).toBeGreaterThanOrEqual(2);
    expect(await services.textContent()).toContain('ریال');
    await page.getByTestId('table-services-sort-service').click();
    await page.getByTestId('tab-offices').click();
    await page.getByTestId('table-offices-row').first().waitFor();
    // Listed by revenue change, the demo's small offices in every province come first (decision 0077);
    // sorted by office number, Vanak (11001) heads the list.
    await page.getByTestId('table-offices-sort-number').click();
    await expect.poll(async () => page.getByTestId('table-offices-row').first().textContent()).toContain('۱۱۰۰۱');
    await page.getByTestId('tab-services').click();
    await checkpoint(page, 'simulator-02-result');
    expect(pageErrors).toEqual([]);
  });

  it('the CSV of the saved run downloads with the session: BOM, Persian and English headers, Latin digits', async () => {
    const href = (await page.getByTestId('export-csv-office').getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/tariffs\/simulations\/\d+\/export\.csv\?level=office$/);
    const res = await page.context().request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="simulation-\d+-office\.csv"$/);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toContain('شماره دفتر / Office number');
    expect(lines.find((l) => l.includes(',11001,'))).toMatch(/^1,تهران,11001,/);

    // The print view is there too, with the figures in Persian digits.
    const report = await page
      .context()
      .request.get(`${server.url}${await page.getByTestId('export-report').getAttribute('href')}`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain('پیش‌نویس تعدیل ۱۰ درصدی');
  });

  it('a saved run opens again from the list without running', async () => {
    await page.goto(`${server.url}/tariffs/simulator`);
    await page.getByTestId('saved-run').first().waitFor();
    await page.getByTestId('saved-run-open').first().click();
    await page.getByTestId('simulator-result').waitFor();
    await page.getByTestId('chart-ratio').locator('svg').first().waitFor();
    expect(await page.getByTestId('result-title').textContent()).toContain('پیش‌نویس تعدیل ۱۰ درصدی');
  });

  it("the association edits Tehran's cost defaults; a wage below the floor is refused next to its field", async () => {
    await page.goto(`${server.url}/tariffs/cost-model`);
    const tehran = page.locator('[data-testid="cost-row"][data-province="1"]');
    await tehran.waitFor();
    const before = latin((await tehran.getByTestId('cost-monthly').textContent())!);
    await checkpoint(page, 'simulator-03-cost-model');

    await tehran.getByTestId('cost-edit').click();
    await page.getByTestId('cost-form').waitFor();
    await page.getByTestId('cost-operatorWageRials').fill('5000');
    await page.getByTestId('cost-save').click();
    const wageField = page.getByTestId('cost-operatorWageRials');
    await expect.poll(async () => wageField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await wageField.getAttribute('aria-describedby')) ?? '';
    const errorText = await page
      .locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`)
      .textContent();
    expect(errorText).toMatch(/[آ-ی]/);
    await checkpoint(page, 'simulator-04-cost-refused');

    await wageField.fill('150000000');
    await page.getByTestId('cost-rentRials').fill('300000000');
    await page.getByTestId('cost-save').click();
    await page.getByTestId('cost-form').waitFor({ state: 'detached' });
    await expect.poll(async () => latin((await tehran.getByTestId('cost-monthly').textContent())!)).not.toBe(before);
    // 3 operators × 150,000,000 × 1.23 + 300,000,000 rent + the other costs as they were.
    const after = Number(latin((await tehran.getByTestId('cost-monthly').textContent())!).replace(/[^\d]/g, ''));
    expect(after).toBeGreaterThan(3 * 150_000_000 * 1.23 + 300_000_000);
    await checkpoint(page, 'simulator-05-cost-saved');
  });

  it('an inspector reads the saved runs but has no run button', async () => {
    const inspector = await people.personPage();
    await people.signInAsStaff(inspector, 'inspector.tehran');
    await inspector.goto(`${server.url}/tariffs/simulator`);
    await inspector.getByTestId('simulator-read-only').waitFor();
    expect(await inspector.getByTestId('simulator-run').count()).toBe(0);
  });
});
