/**
 * The year against the year before, in the browser. The dashboard's months chart over the demo's
 * twelve months: every month named, no label over its neighbour, the same month a year before
 * drawn beside it, at a desk and on a 360 px phone. The board's annual report: the regulator makes the report of the Jalali year just
 * ended from the statistics page, sees it in the archive and downloads its PDF — A4 pages, several
 * of them — and opens its print view, photographed as printed (print media, A4 width) with its
 * month-by-month charts; the national association reads the archive but makes nothing; a
 * province's association sees no archive. Photographed at a desk and at a 360 px phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATS_REFRESH_JOB } from '#server/modules/stats/filing-rollups';
import { checkpoint, DESKTOP } from '../support/people';
import { launchBrowser, pageChecks, screenshot } from '../support/browser';
import { checkpointAtDeskAndPhone, staffPageAt } from '../support/steps';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran: 1404 is the year just ended. */
const NOW = new Date('2026-05-05T06:30:00Z');
const PERIOD = 'fromMonth=1405-02&toMonth=1405-02';
/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

const pageErrors: string[] = [];

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

const { server, people } = serverWithPeople({ now: NOW }, { people: DESKTOP });
beforeAll(async () => {
  // The filings and notices rollups as the statistics job leaves them.
  await STATS_REFRESH_JOB.run(server.ctx.database, { now: () => NOW });
});

describe("the board's annual report", () => {
  it('the regulator makes 1404 from the statistics page, and its PDF downloads as A4 pages', async () => {
    const page = await staffPageAt(server, people, 'regulator', `/statistics?${PERIOD}`, pageErrors);
    const annual = page.getByTestId('annual-reports');
    await annual.waitFor();
    await annual.scrollIntoViewIfNeeded();
    // The year just ended is offered first, in Persian digits.
    await poll(() => page.getByTestId('annual-year').inputValue()).toBe('۱۴۰۴');
    await page.getByTestId('annual-make').click();
    const pdfLink = page.getByTestId('annual-pdf-1404');
    await pdfLink.waitFor({ timeout: 60_000 });
    await annual.scrollIntoViewIfNeeded();
    await checkpointAtDeskAndPhone(page, 'statistics-09-annual-reports');

    const href = await pdfLink.getAttribute('href');
    expect(href).toBe('/api/v1/stats/board-reports/years/1404/report.pdf');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toContain('daftar-board-annual-report-1404.pdf');
    const bytes = await res.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    // The national table, three charts, the months, the movers, the two lists and 31 provinces: several pages.
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    for (const p of pdf.getPages()) {
      expect(p.getWidth()).toBeCloseTo(A4.width, 0);
      expect(p.getHeight()).toBeCloseTo(A4.height, 0);
    }
    // The PDF itself in Chromium's viewer, page by page, photographed to be looked at.
    const file = path.resolve('test-results', 'reports', 'board-annual-1404.pdf');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    // Only photographs: left out with the other page checks (test/run-all.ts --skip-page-checks).
    // Chromium's PDF viewer can stop answering on a loaded machine: a photograph it does not give in
    // a minute is left out with a line saying so (the pages' count and size are checked above). The
    // viewer is the whole browser's (the pages above are driven in the headless shell, which has none).
    const pdfBrowser = pageChecks ? await launchBrowser({ pdfViewer: true }) : undefined;
    const pdfContext = await pdfBrowser?.newContext();
    for (let n = 1; pdfContext && n <= pdf.getPageCount(); n++) {
      const viewer = await pdfContext.newPage();
      const photographed = (async () => {
        await viewer.setViewportSize({ width: 1000, height: 1400 });
        await viewer.goto(`file://${file}#page=${n}`);
        await viewer.waitForTimeout(1_500);
        await screenshot(viewer, `statistics-11-annual-report-pdf-page-${n}`);
        return true;
      })();
      const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000));
      if (!(await Promise.race([photographed, late]))) {
        console.warn(`the PDF viewer did not draw page ${n} of the annual report within a minute: no photograph`);
        photographed.catch(() => {});
        break;
      }
      await viewer.close();
    }
    await pdfBrowser?.close();
    expect(pageErrors).toEqual([]);
  });

  it('its print view reads as printed: the figures, the charts of the twelve months, the movers and the lists', async () => {
    const page = await people.personPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(page, 'regulator');
    // The page Chromium prints, at the width of an A4 page between its margins, in print media.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}/api/v1/stats/board-reports/years/1404/report`);
    expect(await page.getByTestId('board-title').textContent()).toBe('گزارش سالانهٔ آمار دفاتر — سال ۱۴۰۴');
    for (const chart of ['annual-chart-services', 'annual-chart-filings', 'annual-chart-notices']) {
      const svg = page.getByTestId(chart).locator('svg');
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(await svg.locator('text').filter({ hasText: 'فروردین' }).count()).toBe(1);
    }
    // The year's services are the sum of its months (the months table against the national table).
    const yearServices = await page
      .getByTestId('annual-nation')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first()
      .textContent();
    const months = await page.getByTestId('annual-months').locator('tbody tr').all();
    expect(months).toHaveLength(12);
    const digits = (s: string | null) =>
      Number((s ?? '').replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[^0-9]/g, ''));
    let sum = 0;
    for (const row of months) sum += digits(await row.locator('td').nth(1).textContent());
    expect(sum).toBe(digits(yearServices));
    expect(sum).toBeGreaterThan(0);
    expect(await page.getByTestId('annual-movers-rising').locator('tbody tr').count()).toBeGreaterThan(0);
    await checkpoint(page, 'statistics-10-annual-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 740 });
    await checkpoint(page, 'statistics-10-annual-report-phone');
    expect(pageErrors).toEqual([]);
  });

  it("the national association reads the archive but makes nothing; a province's association sees none", async () => {
    const page = await people.personPage();
    await people.signInAsStaff(page, 'association');
    await page.goto(`${server.url}/statistics?${PERIOD}`);
    await page.getByTestId('annual-reports').waitFor();
    await page.getByTestId('annual-pdf-1404').waitFor();
    expect(await page.getByTestId('annual-make').count()).toBe(0);

    const province = await people.personPage();
    await people.signInAsStaff(province, 'association.tehran');
    await province.goto(`${server.url}/statistics?${PERIOD}`);
    await province.getByTestId('stats-kpis').waitFor();
    expect(await province.getByTestId('annual-reports').count()).toBe(0);
  });
});

describe("the dashboard's months chart over the demo's year", () => {
  /** The month labels of the chart's axis: their text and on-screen boxes, in the order drawn. */
  async function monthLabels(page: Page) {
    const names = [
      'فروردین',
      'اردیبهشت',
      'خرداد',
      'تیر',
      'مرداد',
      'شهریور',
      'مهر',
      'آبان',
      'آذر',
      'دی',
      'بهمن',
      'اسفند',
    ];
    const texts = page.getByTestId('services-chart').locator('svg text');
    const found: { text: string; box: { x: number; y: number; width: number; height: number } }[] = [];
    for (const text of await texts.all()) {
      const content = (await text.textContent()) ?? '';
      if (!names.some((n) => content.startsWith(n))) continue;
      const box = await text.boundingBox();
      if (box) found.push({ text: content, box });
    }
    return found.sort((a, b) => a.box.x - b.box.x);
  }

  for (const [where, viewport] of [
    ['desk', { width: 1280, height: 860 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    it(`names all twelve months without one label over another (${where})`, async () => {
      const page = await people.personPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.setViewportSize(viewport);
      await people.signInAsStaff(page, 'regulator');
      // The last twelve complete months, each with its month a year before.
      await page.goto(`${server.url}/statistics?fromMonth=1404-02&toMonth=1405-01`);
      const chart = page.getByTestId('services-chart');
      await chart.waitFor();
      await chart.scrollIntoViewIfNeeded();
      await poll(async () => (await monthLabels(page)).length).toBe(12);
      const labels = await monthLabels(page);
      // Photographed before the checks, to be looked at whatever they find.
      await screenshot(page, `statistics-12-months-chart-${where}`);
      await chart.screenshot({
        path: path.join('test-results', 'screenshots', `statistics-12-months-chart-${where}-chart.png`),
      });
      // The year only where it starts and where it turns: Ordibehesht 1404 and Farvardin 1405.
      expect(
        labels
          .filter((l) => /[۰-۹]{4}/.test(l.text))
          .map((l) => l.text)
          .sort(),
      ).toEqual(['اردیبهشت ۱۴۰۴', 'فروردین ۱۴۰۵'].sort());
      // Flat labels must not overlap; turned ones are anchored at their month's tick (their box's
      // right edge): a line's height (12 px type) between neighbours at least.
      const turned = labels.some((l) => l.box.height > 20);
      const edges = labels.map((l) => ({ text: l.text, left: l.box.x, right: l.box.x + l.box.width }));
      edges.sort((a, b) => a.right - b.right);
      for (let i = 1; i < edges.length; i++) {
        const between = `${edges[i - 1].text} / ${edges[i].text}`;
        if (turned) expect(edges[i].right - edges[i - 1].right, between).toBeGreaterThanOrEqual(13);
        else expect(edges[i - 1].right, between).toBeLessThanOrEqual(edges[i].left + 0.5);
      }
      expect(pageErrors).toEqual([]);
    });
  }
});
