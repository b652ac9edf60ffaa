/**
 * The reference geography in the browser: the regulator opens a province's counties and cities,
 * imports a small province table with a mistake (an unknown province, a negative figure), sees each
 * error's line and column in Persian digits, fixes the text and sees the new figure in the table.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

let regulator: Page;
const pageErrors: string[] = [];

const latin = (s: string | null) => toLatinDigits(s ?? '').replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '');

const { server, people } = serverWithPeople({}, { people: { width: 1280, height: 900 } });

describe('/admin/geography', () => {
  it("shows the provinces and a province's counties and cities with their population", async () => {
    regulator = await people.personPage();
    regulator.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(regulator, 'regulator');
    await regulator.goto(`${server.url}/admin/geography`);
    await regulator.getByTestId('province-4').waitFor();
    expect(await regulator.getByTestId('provinces-table').locator('tbody tr').count()).toBe(31);
    expect(await regulator.getByTestId('province-4').textContent()).toContain('فارس');
    expect(latin(await regulator.getByTestId('province-4-population').textContent())).toBe('4851274');
    // Persian digits where people read numbers.
    expect(await regulator.getByTestId('province-4-population').textContent()).toMatch(/[۰-۹]/);

    await regulator.getByTestId('province-4').click();
    await regulator.getByTestId('counties-table').waitFor();
    expect(await regulator.getByTestId('counties-table').textContent()).toContain('شیراز');
    expect(await regulator.getByTestId('cities-table').textContent()).toContain('مرودشت');
    expect(await regulator.getByTestId('geography-attribution').textContent()).toContain('GeoNames');
    await checkpoint(regulator, 'geography-01-province');
  });

  it('imports a province table: errors by line and column first, then the new figure', async () => {
    await regulator.getByTestId('import-source').fill('مرکز آمار ایران — سرشماری ۱۴۰۵');
    await regulator.getByTestId('import-year').fill('۱۴۰۵');
    const broken = 'استان,جمعیت\nفارس,۵۰۰۰۰۰۰\nآتلانتیس,۱۲\nاصفهان,-۳\n';
    await regulator
      .locator('input[type="file"]')
      .setInputFiles({ name: 'jamiat-1405.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') });
    await regulator.getByTestId('import-file-name').waitFor();
    expect(await regulator.getByTestId('import-csv').inputValue()).toBe(broken);
    await regulator.getByTestId('import-submit').click();
    await regulator.getByTestId('import-errors').waitFor();
    const errors = regulator.getByTestId('import-error');
    expect(await errors.count()).toBe(2);
    expect(await errors.nth(0).getByTestId('import-error-line').textContent()).toBe('۳');
    expect(await errors.nth(0).getByTestId('import-error-column').textContent()).toContain('۱');
    expect(await errors.nth(0).textContent()).toContain('چنین استان');
    expect(await errors.nth(1).getByTestId('import-error-line').textContent()).toBe('۴');
    expect(await errors.nth(1).getByTestId('import-error-column').textContent()).toContain('«جمعیت»');
    // Nothing changed.
    expect(latin(await regulator.getByTestId('province-4-population').textContent())).toBe('4851274');
    await checkpoint(regulator, 'geography-02-import-errors');

    await regulator.getByTestId('import-csv').fill('استان,جمعیت\nفارس,۵۰۰۰۰۰۰\nاصفهان,"5,300,000"\n');
    await regulator.getByTestId('import-submit').click();
    await regulator.getByTestId('import-result').waitFor();
    expect(await regulator.getByTestId('import-errors').count()).toBe(0);
    expect(await regulator.getByTestId('import-warnings').textContent()).toContain('فارس');
    await regulator.waitForFunction(() =>
      document.querySelector('[data-testid="province-4-population"]')?.textContent?.includes('۵٬۰۰۰٬۰۰۰'),
    );
    expect(latin(await regulator.getByTestId('province-4-population').textContent())).toBe('5000000');
    expect(await regulator.getByTestId('province-4').textContent()).toContain('ورود شمارهٔ ۱');
    await regulator.getByTestId('import-history').waitFor();
    expect(await regulator.getByTestId('import-history').textContent()).toContain('مرکز آمار ایران');
    await checkpoint(regulator, 'geography-03-imported');
    expect(pageErrors).toEqual([]);
  });
});
