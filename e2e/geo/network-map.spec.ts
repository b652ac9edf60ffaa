/**
 * The network map in the browser: the national association opens the map, switches the
 * choropleth twice (the legend follows, in Persian digits), clicks Isfahan and sees its figures
 * and counties, then opens the viability table where Shahr-e Rey and Zand are below break-even;
 * an office manager sees their own office with its demand against break-even.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

let association: Page;
const pageErrors: string[] = [];
const PERSIAN_DIGIT = /[۰-۹]/;

const { server, people } = serverWithPeople({}, { people: { width: 1360, height: 900 } });

/** Where a lon/lat falls in the map element: the map opens fitted to Iran's extent (padding 16) in Web Mercator. */
async function pointOnMap(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('network-map').boundingBox())!;
  const mx = (l: number) => (l + 180) / 360;
  const my = (p: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2;
  const [[w, s], [e, n]] = [
    [44.0, 25.0],
    [63.4, 39.8],
  ];
  const scale = Math.min((box.width - 32) / (mx(e) - mx(w)), (box.height - 32) / (my(s) - my(n)));
  const cx = (mx(w) + mx(e)) / 2,
    cy = (my(s) + my(n)) / 2;
  return { x: box.width / 2 + (mx(lon) - cx) * scale, y: box.height / 2 + (my(lat) - cy) * scale };
}

describe('network map', () => {
  it("the association switches the choropleth twice and opens Isfahan's figures", async () => {
    association = await people.personPage();
    association.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(association, 'association');
    await association.goto(`${server.url}/network/map`);
    await association.locator('[data-testid="network-map"][data-ready="true"]').waitFor();
    const legend = association.getByTestId('map-legend');
    await legend.getByText('دفتر در هر صد هزار نفر').waitFor();
    await expect.poll(async () => PERSIAN_DIGIT.test((await legend.textContent()) ?? '')).toBe(true);
    // The first seven and the demo's 51 offices in the other provinces (decision 0077).
    expect(await association.getByTestId('figure-offices').textContent()).toBe('۵۸');
    await checkpoint(association, 'network-map-01-per100k');

    await association.getByTestId('choropleth-switch').getByText('تقاضای ماهانه به ازای هر دفتر').click();
    await legend.getByText('تقاضای ماهانه به ازای هر دفتر').waitFor();
    await checkpoint(association, 'network-map-02-demand-per-office');

    await association.getByTestId('choropleth-switch').getByText('سهم جمعیت دورتر از فاصله').click();
    await legend.getByText('سهم جمعیت دورتر از فاصله').waitFor();
    await expect.poll(async () => (await legend.textContent()) ?? '').toMatch(/٪/);
    // The distance box can be emptied and a new distance typed in Persian digits: the map asks for it.
    const distance = association.getByTestId('distance-input');
    const asked = association.waitForRequest((r) => r.url().includes('distanceKm=35'));
    await distance.fill('');
    expect(await distance.inputValue()).toBe('');
    await distance.pressSequentially('۳۵');
    expect(await distance.inputValue()).toBe('۳۵');
    await asked;
    await checkpoint(association, 'network-map-03-far-share');

    // Isfahan, at Nain: inside the province and far from its offices' cluster.
    const at = await pointOnMap(association, 53.09, 32.86);
    await association.getByTestId('network-map').click({ position: at });
    const panel = association.getByTestId('province-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('province-name').textContent()).toBe('اصفهان');
    expect(await panel.getByTestId('figure-offices').textContent()).toBe('۲');
    expect(PERSIAN_DIGIT.test((await panel.getByTestId('figure-population').textContent()) ?? '')).toBe(true);
    await expect.poll(async () => panel.getByTestId('county-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await checkpoint(association, 'network-map-04-isfahan');
  });

  it('opens viability: Shahr-e Rey and Zand are below break-even, amounts in Rials', async () => {
    await association.getByTestId('open-viability').click();
    const table = association.getByTestId('viability-table');
    await table.getByTestId('viability-row-11003').waitFor();
    // 58 offices: the table's first page of 20.
    expect(await association.locator('tbody tr').count()).toBe(20);
    expect(await table.getByTestId('viability-row-11003').getByTestId('status-below').count()).toBe(1);
    expect(await table.getByTestId('viability-row-14001').getByTestId('status-below').count()).toBe(1);
    // Vanak, above break-even, sorts after the 53 below (decision 0077), off this first page.
    expect(await table.getByTestId('viability-row-11001').count()).toBe(0);
    expect(await table.getByTestId('viability-row-11003').textContent()).toMatch(/[۰-۹]+.*ریال/);
    // Sorted by status, those below break-even come first.
    expect(await association.locator('tbody tr').first().getByTestId('status-below').count()).toBe(1);
    await checkpoint(association, 'network-map-05-viability');
    expect(pageErrors).toEqual([]);
  });

  it('an office manager sees their office with its demand against break-even', async () => {
    const manager = await people.personPage();
    await people.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/network/viability`);
    await manager.getByTestId('viability-row-11001').waitFor();
    expect(await manager.locator('tbody tr').count()).toBe(1);
    await manager.getByTestId('viability-chart').locator('svg').first().waitFor();
    await checkpoint(manager, 'network-map-06-manager');
  });
});
