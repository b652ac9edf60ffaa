/**
 * A citizen, not signed in, finds an office: picks a service and Tehran and sees the nearest
 * offices with their distance in Persian digits, today's hours and open state, the week on
 * expand, and the map with a numbered marker per office; searching from their own location works
 * when allowed and explains itself when refused; the page fits a phone's width.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { checkpoint, choose } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

let citizen: Page;
const pageErrors: string[] = [];

const { server, people } = serverWithPeople({}, { people: { width: 1280, height: 900 } });

const cards = (page: Page) => page.getByTestId('finder-office');
const cardCodes = (page: Page) => cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
const PERSIAN_DIGIT = /[۰-۹]/;

describe('office finder', () => {
  it('an anonymous citizen picks a petition and Tehran and sees the nearest offices with distance and hours', async () => {
    citizen = await people.personPage();
    citizen.on('pageerror', (e) => pageErrors.push(e.message));
    await citizen.goto(`${server.url}/find-office`);
    await citizen.getByTestId('finder-form').waitFor();
    expect(await citizen.locator('html').getAttribute('dir')).toBe('rtl');
    await checkpoint(citizen, 'office-finder-01-form');

    // Searching without a service or a place says what is missing, next to the fields.
    await citizen.getByTestId('finder-search').click();
    await citizen.getByText('نخست خدمت را برگزینید.').waitFor();

    await choose(citizen, 'finder-service', 'ثبت دادخواست');
    await choose(citizen, 'finder-province', 'تهران');
    await citizen.getByTestId('finder-search').click();
    await cards(citizen).first().waitFor();

    // From Tehran's capital point (35.6892, 51.3890), by hand: Vanak 7.8 km, Shahr-e Rey 11.3, Narmak 11.8; then Isfahan.
    expect((await cardCodes(citizen)).slice(0, 3)).toEqual(['11001', '11003', '11002']);
    const first = cards(citizen).first();
    const distance = (await first.getByTestId('finder-distance').textContent())!;
    expect(distance).toMatch(PERSIAN_DIGIT);
    expect(distance).toContain('کیلومتر');
    const km = Number(
      toLatinDigits(distance)
        .replace('٫', '.')
        .replace(/[^\d.]/g, ''),
    );
    expect(km).toBeGreaterThan(7.5);
    expect(km).toBeLessThan(8.1);
    expect(await first.getByTestId('finder-today').textContent()).toMatch(/امروز/);
    expect(await first.getByTestId('finder-open').or(first.getByTestId('finder-closed')).textContent()).toMatch(
      /هم‌اکنون (باز|بسته)/,
    );
    expect(await first.getByTestId('finder-phone').getAttribute('href')).toBe('tel:02188001100');
    expect(await citizen.getByTestId('finder-fee').textContent()).toMatch(/ریال/);

    // The map: the searcher and one numbered marker per office.
    await citizen.locator('[data-testid="finder-map"][data-ready="true"]').waitFor();
    await citizen.locator('[data-testid="finder-marker"]').first().waitFor();
    expect(await citizen.locator('[data-testid="finder-marker"]').count()).toBe(await cards(citizen).count());
    expect(await citizen.locator('[data-testid="finder-marker"]').first().textContent()).toBe('۱');
    expect(await citizen.locator('[data-testid="finder-origin"]').count()).toBe(1);
    await checkpoint(citizen, 'office-finder-02-results');

    // The week, Saturday first, in Persian.
    await first.getByTestId('finder-week-toggle').click();
    const week = first.getByTestId('finder-week');
    await week.waitFor();
    expect(await first.getByTestId('finder-week-toggle').getAttribute('aria-expanded')).toBe('true');
    const rows = await week.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(7);
    expect(rows[0]).toContain('شنبه');
    expect(rows[0]).toContain('۰۸:۰۰–۱۷:۰۰');
    expect(rows[6]).toContain('جمعه');
    expect(rows[6]).toContain('تعطیل');
    await checkpoint(citizen, 'office-finder-03-week');
  });

  it('my location: refused, it says what to do instead; allowed, it searches from there', async () => {
    await citizen.getByTestId('finder-here').click();
    await citizen.getByTestId('finder-location-problem').waitFor();
    expect(await citizen.getByTestId('finder-location-problem').textContent()).toMatch(/اجازه|مکان/);

    const context = citizen.context();
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: 35.74, longitude: 51.55 }); // Tehranpars, east Tehran: Narmak is nearest.
    await citizen.getByTestId('finder-here').click();
    await citizen.waitForFunction(
      () => document.querySelector('[data-testid="finder-office"]')?.getAttribute('data-code') === '11002',
    );
    expect((await cardCodes(citizen)).slice(0, 3)).toEqual(['11002', '11001', '11003']);
    expect(await citizen.getByTestId('finder-results').textContent()).toContain('مکان شما');
  });

  it("fits a phone's width", async () => {
    await citizen.setViewportSize({ width: 360, height: 800 });
    await citizen.locator('[data-testid="finder-map"][data-ready="true"]').waitFor();
    // The week open on the phone: the table stays inside its card, the page does not scroll sideways.
    const first = cards(citizen).first();
    if ((await first.getByTestId('finder-week-toggle').getAttribute('aria-expanded')) !== 'true')
      await first.getByTestId('finder-week-toggle').click();
    const week = first.getByTestId('finder-week');
    await week.waitFor();
    expect(await week.locator('tbody tr').count()).toBe(7);
    // Opened to its full height (the screenshot shows the whole week, not the opening animation).
    const weekId = await first.getByTestId('finder-week-toggle').getAttribute('aria-controls');
    await citizen.waitForFunction((id) => {
      const collapse = id ? document.getElementById(id) : null;
      const table = collapse?.querySelector('table');
      return Boolean(
        collapse && table && collapse.getBoundingClientRect().height >= table.getBoundingClientRect().height,
      );
    }, weekId);
    // Were it ever wider than the phone, its scrolling area is reachable with the keyboard and named.
    const region = week.locator('xpath=ancestor::*[@tabindex="0"][1]');
    expect(await region.getAttribute('aria-label')).toBe('ساعات کار در هفته (به وقت تهران)');
    const overflow = await citizen.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const weekBox = await week.boundingBox();
    const cardBox = await first.boundingBox();
    expect(weekBox && cardBox && weekBox.x >= cardBox.x && weekBox.x + weekBox.width <= cardBox.x + cardBox.width).toBe(
      true,
    );
    await checkpoint(citizen, 'office-finder-04-phone');
    expect(pageErrors).toEqual([]);
  });
});
