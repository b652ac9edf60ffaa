/**
 * Channel balance in the browser: the regulator switches briefs to office only (an unchanged
 * policy is refused next to its field first) and sees the table follow; the channel share chart
 * and its tables show the months in Persian; Tehran's association sees Tehran only and no edit.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import { SCREENSHOT_DIR } from '../support/browser';
import { checkpoint, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';
import { expectFits } from '../support/steps';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');
const TODAY = tehranIsoDate(NOW);

let regulator: Page;
const pageErrors: string[] = [];
const thisMonth = jalaliMonthOfIso(TODAY);
const lastMonth = addJalaliMonths(thisMonth, -1);

const latin = (s: string) => toLatinDigits(s).replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '');

const { server, people } = serverWithPeople({ now: NOW }, { people: DESKTOP });
beforeAll(async () => {
  // Known volume in the last two months (offices numbered apart from any seeded ones): Tehran and Isfahan.
  const rows: [string, number, number, string, 'office' | 'online', number][] = [
    [lastMonth, 1, 900001, 'brief', 'office', 300],
    [lastMonth, 1, 0, 'brief', 'online', 100],
    [lastMonth, 3, 900002, 'brief', 'office', 50],
    [lastMonth, 3, 0, 'brief', 'online', 150],
    [thisMonth, 1, 900001, 'brief', 'office', 120],
    [thisMonth, 1, 0, 'brief', 'online', 80],
  ];
  for (const [month, provinceId, officeId, service, channel, records] of rows) {
    await server.ctx.database.pool.query(
      `insert into service_volume_monthly (month, province_id, office_id, service_code, channel, records, extra_parties, extra_pages, amount_rials)
      values ($1, $2, $3, $4, $5, $6, 0, 0, 0) on conflict do nothing`,
      [jalaliMonthStartIso(month), provinceId, officeId, service, channel, records],
    );
  }
});

const row = (page: Page, code: string) => page.locator(`[data-testid="policy-row"][data-code="${code}"]`);

describe('channel balance', () => {
  it('the regulator changes briefs to office only, after an unchanged policy is refused next to its field', async () => {
    regulator = await people.personPage();
    regulator.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(regulator, 'regulator');
    await regulator.goto(`${server.url}/channels`);
    await row(regulator, 'brief').waitFor();
    expect(await row(regulator, 'brief').getByTestId('policy-badge').textContent()).toBe('دفتر و برخط');
    // Fees in Persian digits, in Rials.
    expect(await row(regulator, 'brief').textContent()).toMatch(/۶۳۰٬۰۰۰ ریال/);
    await checkpoint(regulator, 'channels-01-policies');

    await row(regulator, 'brief').getByTestId('policy-edit').click();
    await regulator.getByTestId('policy-form').waitFor();
    await regulator.getByTestId('policy-reason').fill('آزمون بدون تغییر');
    await regulator.getByTestId('policy-submit').click();
    await regulator.getByText('سیاست تازه با سیاست کنونی یکی است؛ گزینهٔ دیگری برگزینید.').waitFor();
    await checkpoint(regulator, 'channels-02-unchanged-refused');

    await regulator.getByTestId('policy-option-office').check();
    await regulator.getByTestId('policy-reason').fill('لایحه‌ها تا راه‌اندازی احراز هویت برخط فقط در دفتر');
    await regulator.getByTestId('policy-submit').click();
    await regulator.getByTestId('policy-form').waitFor({ state: 'detached' });
    // The dialog's closing transition outlives its form: check the page once it is gone.
    await regulator.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row(regulator, 'brief').getByTestId('policy-badge').textContent()).toBe('فقط در دفتر');
    expect(await row(regulator, 'brief').textContent()).toContain('ارائه نمی‌شود');
    await checkpoint(regulator, 'channels-03-changed');

    // The catalog itself answers with the new policy: every flow checks it from now on.
    const catalog = (await (await fetch(`${server.url}/api/v1/catalog/services`)).json()) as {
      items: { code: string; channels: string }[];
    };
    expect(catalog.items.find((s) => s.code === 'brief')!.channels).toBe('office');
  });

  it('the channel share chart renders with Persian months, and the tables add up', async () => {
    const share = regulator.getByTestId('share-month-table');
    await share.waitFor();
    await regulator.getByTestId('share-chart').locator('svg, canvas').first().waitFor();
    // The figures are the rollup's (the seeded history plus the rows added above), in Persian digits.
    const sums = async (where: string, values: unknown[]) => {
      const { rows } = await server.ctx.database.pool.query<{ channel: string; n: string }>(
        `select channel, sum(records)::text as n from service_volume_monthly where ${where} group by channel`,
        values,
      );
      const office = Number(rows.find((r) => r.channel === 'office')?.n ?? 0),
        online = Number(rows.find((r) => r.channel === 'online')?.n ?? 0);
      return `${office}${online}${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(Math.round((online / (office + online)) * 1000) / 10).replace('.', '٫')}٪`;
    };
    const last = regulator.locator(`[data-testid="share-month-row"][data-month="${lastMonth}"]`);
    expect(await last.locator('th').textContent()).toBe(formatJalaliMonth(lastMonth));
    expect(latin((await last.locator('td').allTextContents()).join(''))).toBe(
      await sums('month = $1', [jalaliMonthStartIso(lastMonth)]),
    );
    const tehran = regulator.locator('[data-testid="share-province-row"][data-province="1"]');
    expect(latin((await tehran.locator('td').allTextContents()).join(''))).toBe(
      await sums('province_id = 1 and month between $1 and $2', [
        jalaliMonthStartIso(addJalaliMonths(thisMonth, -11)),
        jalaliMonthStartIso(thisMonth),
      ]),
    );
    await checkpoint(regulator, 'channels-04-share');
    expect(pageErrors).toEqual([]);
    await regulator.getByTestId('share-chart').screenshot({ path: path.join(SCREENSHOT_DIR, 'channels-05-chart.png') });
  });

  it("Tehran's association reads the policies without an edit and sees Tehran's share only", async () => {
    const association = await people.personPage();
    await people.signInAsStaff(association, 'association.tehran');
    await association.goto(`${server.url}/channels`);
    await row(association, 'brief').waitFor();
    expect(await association.getByTestId('policy-edit').count()).toBe(0);
    await association.getByTestId('share-own-province').waitFor();
    await association.getByTestId('share-province-row').first().waitFor();
    expect(
      await association
        .locator('[data-testid="share-province-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-province'))),
    ).toEqual(['1']);
    await checkpoint(association, 'channels-06-province');
  });

  it('on a phone, the policies, the chart and the share tables fit the screen', async () => {
    const phone = await people.personPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await people.signInAsStaff(phone, 'regulator');
    await phone.goto(`${server.url}/channels`);
    await row(phone, 'brief').waitFor();
    await phone.getByTestId('share-month-table').waitFor();
    await phone.getByTestId('share-chart').locator('svg, canvas').first().waitFor();
    await expectFits(phone);
    await checkpoint(phone, 'channels-07-phone');
  });
});
