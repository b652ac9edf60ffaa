/**
 * The geography issue's story in one browser: the national association opens the network map,
 * switches the choropleth from offices per 100,000 to the share of people far from an office,
 * opens Isfahan's figures, then goes to siting, runs the optimizer for Isfahan and sees the
 * proposal drawn — numbered sites on the map, the people newly covered, which offices lose demand.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { checkpoint, choose } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

let page: Page;
const pageErrors: string[] = [];

const { people } = serverWithPeople({}, { people: { width: 1360, height: 900 } });

async function fill(testId: string, value: string) {
  await page.getByTestId(testId).fill('');
  await page.getByTestId(testId).fill(value);
}

describe('where offices are and where new ones should go', () => {
  it('the map: offices per 100,000, then the share of people far from an office', async () => {
    page = await people.personPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(page, 'association');
    await page.getByRole('link', { name: 'نقشهٔ شبکهٔ دفاتر' }).click();
    await page.locator('[data-testid="network-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const legend = page.getByTestId('map-legend');
    await legend.getByText('دفتر در هر صد هزار نفر').waitFor();

    await page.getByTestId('choropleth-switch').getByText('سهم جمعیت دورتر از فاصله').click();
    await legend.getByText('سهم جمعیت دورتر از فاصله').waitFor();
    await expect.poll(async () => (await legend.textContent()) ?? '').toMatch(/٪/);
    // The offices are drawn: the clusters' counts are on the map.
    await expect
      .poll(async () => page.getByTestId('network-map').locator('.maplibregl-marker').count())
      .toBeGreaterThan(0);
    await checkpoint(page, 'story-geo-01-far-share');
  });

  it('siting: the optimizer for Isfahan proposes sites, drawn on the map with the coverage gain', async () => {
    await page.getByRole('link', { name: 'مکان‌یابی دفاتر جدید' }).click();
    await page.getByTestId('siting-form').waitFor();
    await page.locator('[data-testid="siting-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await choose(page, 'siting-province', 'اصفهان');
    await fill('siting-radius', '15');
    await fill('siting-k', '2');
    await fill('siting-break-even', '20');
    await page.getByTestId('siting-run').click();
    await page.getByTestId('siting-figures').waitFor();

    const markers = page.getByTestId('siting-marker');
    await markers.first().waitFor();
    expect(await markers.count()).toBeGreaterThan(0);
    expect(await markers.count()).toBeLessThanOrEqual(2);
    expect(await markers.first().isVisible()).toBe(true);
    const covered = (await page.getByTestId('siting-newly-covered').textContent()) ?? '';
    expect(covered).toMatch(/[۰-۹]/);
    expect(Number(toLatinDigits(covered).replace(/\(.*$/, '').replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    await checkpoint(page, 'story-geo-02-proposal');
    expect(pageErrors).toEqual([]);
  });
});
