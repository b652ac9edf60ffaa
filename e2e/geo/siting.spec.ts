/**
 * Siting in the browser: Isfahan's association opens the siting page held to its province, a
 * negative radius is refused next to its field, then a run draws the proposal — numbered green
 * markers on the map, the newly covered population in Persian digits, each new office's demand
 * against break-even — and the run is listed among the saved ones; a candidate site is picked on
 * the map, added and removed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

let association: Page;
const pageErrors: string[] = [];
const PERSIAN_DIGIT = /[۰-۹]/;
const latin = (s: string) =>
  Number(
    toLatinDigits(s)
      .replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '')
      .replace(/\(.*$/, ''),
  );

const { server, people } = serverWithPeople({}, { people: { width: 1360, height: 900 } });

async function fill(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.fill('');
  await input.fill(value);
}

describe('siting new offices', () => {
  it("Isfahan's association runs the optimizer for its province and sees the proposal drawn with its figures", async () => {
    association = await people.personPage();
    association.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(association, 'association.isfahan');
    await association.goto(`${server.url}/network/siting`);
    await association.getByTestId('siting-form').waitFor();
    await association.locator('[data-testid="siting-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await association.locator('html').getAttribute('dir')).toBe('rtl');
    // Held to its own province.
    expect(await association.getByTestId('siting-province').inputValue()).toBe('اصفهان');
    expect(await association.getByTestId('siting-province').isDisabled()).toBe(true);
    await checkpoint(association, 'siting-01-form');

    await fill(association, 'siting-radius', '-5');
    await association.getByTestId('siting-run').click();
    await association.getByText('شعاع پوشش نمی‌تواند منفی باشد.').waitFor();

    await fill(association, 'siting-radius', '15');
    await fill(association, 'siting-k', '3');
    // The demo's seven offices record little volume per person: a small break-even lets towns qualify.
    await fill(association, 'siting-break-even', '20');
    await association.getByTestId('siting-run').click();
    await association.getByTestId('siting-figures').waitFor();

    const markers = association.getByTestId('siting-marker');
    await markers.first().waitFor();
    const count = await markers.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);
    expect(await association.getByTestId('siting-proposal-row').count()).toBe(count);
    expect(await markers.first().textContent()).toBe('۱');
    expect(await markers.first().isVisible()).toBe(true);

    const covered = (await association.getByTestId('siting-newly-covered').textContent())!;
    expect(covered).toMatch(PERSIAN_DIGIT);
    expect(covered).toContain('٪');
    expect(latin(covered)).toBeGreaterThan(0);
    // Each new office's expected demand is at least its break-even.
    const rows = await association
      .getByTestId('siting-proposal-row')
      .evaluateAll((els) => els.map((e) => [...e.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const cells of rows) {
      expect(cells[2]).toMatch(PERSIAN_DIGIT);
      expect(latin(cells[2])).toBeGreaterThanOrEqual(latin(cells[3]));
    }
    await association.getByTestId('siting-saved-run').first().waitFor();
    expect(new URL(association.url()).searchParams.get('run')).toMatch(/^\d+$/);
    await checkpoint(association, 'siting-02-proposal');
    await association.getByTestId('siting-map').screenshot({ path: 'test-results/screenshots/siting-03-map.png' });
  });

  it('a saved run reopens from the list after a reload', async () => {
    await association.reload();
    await association.getByTestId('siting-figures').waitFor();
    await association.getByTestId('siting-marker').first().waitFor();
    expect(await association.getByTestId('siting-saved-run').count()).toBe(1);
  });

  it('a candidate site is picked on the map, added and removed', async () => {
    const map = association.getByTestId('siting-map');
    const box = (await map.boundingBox())!;
    await association.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => association.getByTestId('site-lat').inputValue()).not.toBe('');

    // A point north of Isfahan, typed over the clicked one.
    await association.getByTestId('site-name').fill('شهرک نوبنیاد');
    await fill(association, 'site-lat', '33.6');
    await fill(association, 'site-lon', '51.6');
    await association.getByTestId('site-add').click();
    const site = association.getByTestId('siting-site');
    await site.first().waitFor();
    expect(await site.first().textContent()).toContain('شهرک نوبنیاد');
    await checkpoint(association, 'siting-04-site-added');

    // A point in Tehran is refused next to the coordinates.
    await association.getByTestId('site-name').fill('بیرون از استان');
    await fill(association, 'site-lat', '35.7');
    await fill(association, 'site-lon', '51.4');
    await association.getByTestId('site-add').click();
    await association.getByText('این نقطه بیرون از استان انتخاب‌شده است.').first().waitFor();

    await site.first().getByTestId('siting-site-remove').click();
    await association.getByTestId('siting-no-sites').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
