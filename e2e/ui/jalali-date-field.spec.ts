/**
 * The shared Jalali date field (src/web/ui/JalaliDateInput.tsx) on the public deadline calculator:
 * its example is today in the Jalali calendar (the server's and the browser's clock, here
 * Tuesday 15 Ordibehesht 1405), not a date years old, and the calendar button opens the picker;
 * picking a day fills the field.
 */
import { describe, expect, it } from 'vitest';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

const { server, people } = serverWithPeople({}, { people: { width: 1280, height: 900 } });

describe('the Jalali date field', () => {
  it('shows today (15 Ordibehesht 1405) as its example, and its calendar button opens the picker, which fills the field', async () => {
    const page = await people.personPage();
    await page.goto(`${server.url}/deadline`);
    const field = page.getByTestId('deadline-delivered-on');
    await field.waitFor();
    // TEST_NOW is 2026-05-05, 15 Ordibehesht 1405 in Tehran.
    expect(await field.getAttribute('placeholder')).toBe('۱۴۰۵/۰۲/۱۵');
    const described = await field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('۱۴۰۵/۰۲/۱۵');
    expect(described).not.toContain('۱۴۰۳');

    await page.getByTestId('jalali-calendar-button').first().click();
    const picker = page.locator('.rmdp-calendar');
    await picker.waitFor({ timeout: 5000 });
    await checkpoint(page, 'date-field-picker-open');
    // The picker opens on this month; pick the 20th.
    await picker.locator('.rmdp-day:not(.rmdp-deactive)', { hasText: /^۲۰$/ }).first().click();
    await expect.poll(() => field.inputValue()).toBe('۱۴۰۵/۰۲/۲۰');
    await expect.poll(() => picker.count()).toBe(0);
  });

  it('in English the example is today with Latin digits', async () => {
    const page = await people.personPage();
    await page.goto(`${server.url}/deadline`);
    await page.getByTestId('lang-toggle').click();
    const field = page.getByTestId('deadline-delivered-on');
    await expect.poll(() => field.getAttribute('placeholder')).toBe('1405/02/15');
  });
});
