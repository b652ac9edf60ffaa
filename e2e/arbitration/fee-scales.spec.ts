/**
 * The official scale of arbitrators' fees in the browser. On Tuesday 15 Ordibehesht 1405 the
 * regulator enters a scale in force from 1 Mehr 1405 (2026-09-23): first with its second band's
 * upper bound (5 billion Rials) below the first's (10 billion), which the server refuses next to
 * that field; then with bands of 3% up to ten billion Rials, 1% up to sixty, ½% up to a hundred and
 * ¼% above, the 1.5 billion cap kept. The scale is listed as still to come, and its preview works
 * out a claim of thirty billion Rials typed in Persian digits: 3% of the first ten billion (300
 * million) and 1% of the next twenty (200 million), 500,000,000 Rials. The demo's 1401 scale, in
 * force, gives four hundred billion 200 + 400 + 250 + 750 million = 1.6 billion, held to the cap
 * (note 1 of Art. 2 of the 1401 regulation). Then the regulator withdraws the scale from 1 Mehr
 * before it comes into force: without a reason the server refuses next to the field, with one the
 * row is greyed as withdrawn with its reason and leaves the preview; the 1401 scale, in force,
 * offers no withdrawal. On a 360 px phone the page fits, the withdrawn row with it; the inspector
 * reads it without the form; a citizen and an operator cannot reach it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { TEST_NOW } from '../../test/support/test-clock';
import { checkpoint, signInAsCitizen, DESKTOP } from '../support/people';
import { expectFits } from '../support/steps';
import { PHONE, serverWithPeople } from '../support/spec-server';

const NEW_SCALE_FROM = '2026-09-23';
const WITHDRAWAL_REASON = 'نرخ ردیف نخست با مصوبهٔ منتشرشده در روزنامهٔ رسمی یکی نیست';

let regulator: Page;
const pageErrors: string[] = [];

/** Latin digits without separators or direction marks: «۵۰۰٬۰۰۰٬۰۰۰ ریال» reads 500000000ریال. */
const latin = (s: string | null) => toLatinDigits(s ?? '').replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '');

/** The message of the field's own error (the element its aria-describedby names), as the reader is told it. */
async function fieldError(page: Page, testId: string): Promise<string> {
  const input = page.getByTestId(testId);
  await expect.poll(async () => (await input.getAttribute('aria-invalid')) ?? '').toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

const { server, desktop, phone } = serverWithPeople({ now: TEST_NOW }, { desktop: DESKTOP, phone: PHONE });

describe("the regulator's screen for the arbitrators' fee scale", () => {
  it('the regulator opens it from the navigation and sees the 1401 scale in force', async () => {
    regulator = await desktop.personPage();
    regulator.on('pageerror', (e) => pageErrors.push(e.message));
    await desktop.signInAsStaff(regulator, 'regulator');
    await regulator.getByTestId('nav-arbitration-fee-scales').click();
    const row1401 = regulator.locator('[data-testid="fee-scale-row"][data-valid-from="2022-08-27"]');
    await row1401.waitFor();
    expect(await row1401.getByTestId('fee-scale-standing').textContent()).toBe('نافذ');
    expect(await row1401.textContent()).toContain('شهریور ۱۴۰۱');
    await checkpoint(regulator, 'fee-scales-01-list-desktop');
  });

  it('a second band below the first is refused next to its field', async () => {
    await regulator.getByTestId('fee-scale-new').click();
    await regulator.getByTestId('fee-scale-form').waitFor();
    await regulator.getByTestId('fee-scale-valid-from').fill('۱۴۰۵/۰۷/۰۱');
    await regulator.getByTestId('fee-scale-source').fill('آیین‌نامهٔ حق‌الزحمهٔ داوری مصوب ۱۴۰۵/۰۲/۱۰');
    // The form starts from the scale in force: four bands, the last open-ended.
    expect(await regulator.getByTestId('fee-scale-band').count()).toBe(4);
    await regulator.getByTestId('fee-scale-band-0-rate').fill('۳');
    await regulator.getByTestId('fee-scale-band-1-up-to').fill('۵۰۰۰۰۰۰۰۰۰');
    await regulator.getByTestId('fee-scale-save').click();
    expect(await fieldError(regulator, 'fee-scale-band-1-up-to')).toContain(
      'سقف هر ردیف باید از سقف ردیف پیش از آن بیشتر باشد.',
    );
    expect(await regulator.getByTestId('fee-scale-band-0-up-to').getAttribute('aria-invalid')).not.toBe('true');
    await checkpoint(regulator, 'fee-scales-02-bad-band-desktop');
  });

  it('the corrected scale is listed as still to come, and its preview works out a claim typed in Persian digits', async () => {
    await regulator.getByTestId('fee-scale-band-1-up-to').fill('۶۰۰۰۰۰۰۰۰۰۰');
    await regulator.getByTestId('fee-scale-save').click();
    await regulator.getByTestId('fee-scale-form').waitFor({ state: 'detached' });
    const row = regulator.locator(`[data-testid="fee-scale-row"][data-valid-from="${NEW_SCALE_FROM}"]`);
    await row.waitFor();
    expect(await row.getByTestId('fee-scale-standing').textContent()).toBe('آینده');
    expect(await row.textContent()).toContain('مهر ۱۴۰۵');
    expect(await row.textContent()).toContain('آیین‌نامهٔ حق‌الزحمهٔ داوری مصوب ۱۴۰۵/۰۲/۱۰');

    // The preview shows the scale just entered.
    const preview = regulator.getByTestId('fee-scale-preview');
    expect(await preview.getByTestId('fee-preview-scale').inputValue()).toBe('جدول نافذ از ۱۴۰۵/۰۷/۰۱');
    await preview.getByTestId('fee-preview-claim').fill('۳۰۰۰۰۰۰۰۰۰۰');
    expect(await preview.getByTestId('fee-preview-claim').inputValue()).toMatch(/^[۰-۹٬]+$/);
    expect(latin(await preview.getByTestId('fee-preview-claim').inputValue())).toBe('30000000000');
    await expect
      .poll(async () => latin(await preview.getByTestId('fee-preview-total').textContent()))
      .toBe('500000000ریال');
    expect(await preview.getByTestId('fee-preview-part').count()).toBe(2);
    await checkpoint(regulator, 'fee-scales-03-entered-desktop');

    // The API lists it too, as the regulator entered it.
    const listed = (await (await fetch(`${server.url}/api/v1/arbitrations/fee-scales`)).json()) as {
      items: {
        validFrom: { iso: string };
        bands: { upToRials: number | null; basisPoints: number }[];
        inForce: boolean;
      }[];
    };
    const entered = listed.items.find((s) => s.validFrom.iso === NEW_SCALE_FROM)!;
    expect(entered.bands).toEqual([
      { upToRials: 10_000_000_000, basisPoints: 300 },
      { upToRials: 60_000_000_000, basisPoints: 100 },
      { upToRials: 100_000_000_000, basisPoints: 50 },
      { upToRials: null, basisPoints: 25 },
    ]);
    expect(entered.inForce).toBe(false);
  });

  it('the 1401 scale in force holds four hundred billion Rials to its cap of 1.5 billion', async () => {
    await regulator
      .locator('[data-testid="fee-scale-row"][data-valid-from="2022-08-27"]')
      .getByTestId('fee-scale-show')
      .click();
    const preview = regulator.getByTestId('fee-scale-preview');
    await preview.getByTestId('fee-preview-claim').fill('400000000000');
    await expect
      .poll(async () => latin(await preview.getByTestId('fee-preview-total').textContent()))
      .toBe('1500000000ریال');
    expect(await preview.getByTestId('fee-preview-part').count()).toBe(4);
    await checkpoint(regulator, 'fee-scales-04-capped-desktop');
    expect(pageErrors).toEqual([]);
  });

  it('the scale from 1 Mehr, not yet in force, is withdrawn with a reason: greyed on the list and gone from the preview', async () => {
    const row1401 = regulator.locator('[data-testid="fee-scale-row"][data-valid-from="2022-08-27"]');
    // The scale in force is only superseded, never withdrawn.
    expect(await row1401.getByTestId('fee-scale-withdraw').count()).toBe(0);
    const row = regulator.locator(`[data-testid="fee-scale-row"][data-valid-from="${NEW_SCALE_FROM}"]`);
    await row.getByTestId('fee-scale-withdraw').click();
    await regulator.getByTestId('fee-scale-withdraw-reason').waitFor();
    expect(await regulator.getByRole('dialog').textContent()).toContain('۱۴۰۵/۰۷/۰۱');
    // Without a reason the server refuses, next to the field, in Persian.
    await regulator.getByTestId('fee-scale-withdraw-submit').click();
    expect(await fieldError(regulator, 'fee-scale-withdraw-reason')).toContain('دلیل این تصمیم را بنویسید.');
    await checkpoint(regulator, 'fee-scales-05-withdraw-reason-desktop');
    await regulator.getByTestId('fee-scale-withdraw-reason').fill(WITHDRAWAL_REASON);
    await regulator.getByTestId('fee-scale-withdraw-submit').click();
    // The dialog closes (Mantine keeps its empty root in the page).
    await regulator.getByTestId('fee-scale-withdraw-reason').waitFor({ state: 'detached' });

    await expect.poll(async () => row.getAttribute('data-withdrawn')).toBe('true');
    expect(await row.getByTestId('fee-scale-standing').textContent()).toBe('پس‌گرفته');
    const withdrawal = await row.getByTestId('fee-scale-withdrawal').textContent();
    expect(withdrawal).toContain(WITHDRAWAL_REASON);
    expect(withdrawal).toContain('اردیبهشت ۱۴۰۵');
    expect(await row.getByTestId('fee-scale-withdraw').count()).toBe(0);
    expect(await row.getByTestId('fee-scale-show').count()).toBe(0);
    // Greyed: the row's background is not the table's white.
    expect(await row.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // The preview prices by the 1401 scale alone now.
    const preview = regulator.getByTestId('fee-scale-preview');
    expect(await preview.getByTestId('fee-preview-scale').inputValue()).toBe('جدول نافذ از ۱۴۰۱/۰۶/۰۵');
    await preview.getByTestId('fee-preview-scale').click();
    expect(await regulator.getByRole('option').allTextContents()).toEqual(['جدول نافذ از ۱۴۰۱/۰۶/۰۵']);
    await regulator.keyboard.press('Escape');
    await row.scrollIntoViewIfNeeded();
    await checkpoint(regulator, 'fee-scales-06-withdrawn-desktop');

    const listed = (await (await fetch(`${server.url}/api/v1/arbitrations/fee-scales`)).json()) as {
      items: { validFrom: { iso: string }; inForce: boolean; withdrawal: { reason: string } | null }[];
    };
    expect(listed.items.find((s) => s.validFrom.iso === NEW_SCALE_FROM)?.withdrawal?.reason).toBe(WITHDRAWAL_REASON);
    expect(listed.items.find((s) => s.inForce)?.validFrom.iso).toBe('2022-08-27');
    expect(pageErrors).toEqual([]);
  });

  it('on a 360 px phone the regulator reads the list, the form and the preview without sideways scrolling', async () => {
    const page = await phone.personPage();
    await phone.signInAsStaff(page, 'regulator');
    await page.goto(`${server.url}/arbitrations/fee-scales`);
    await page.locator(`[data-testid="fee-scale-row"][data-valid-from="${NEW_SCALE_FROM}"]`).waitFor();
    await page.getByTestId('fee-preview-claim').fill('۳۰۰۰۰۰۰۰۰۰۰');
    await page.getByTestId('fee-preview-total').waitFor();
    await expectFits(page);
    await checkpoint(page, 'fee-scales-07-list-phone');
    // The withdrawn scale, greyed with its reason, reads on the phone too.
    const withdrawn = page.locator(`[data-testid="fee-scale-row"][data-valid-from="${NEW_SCALE_FROM}"]`);
    expect(await withdrawn.getAttribute('data-withdrawn')).toBe('true');
    expect(await withdrawn.getByTestId('fee-scale-withdrawal').textContent()).toContain(WITHDRAWAL_REASON);
    await withdrawn.scrollIntoViewIfNeeded();
    await expectFits(page);
    await checkpoint(page, 'fee-scales-08-withdrawn-phone');
    await page.getByTestId('fee-scale-new').click();
    await page.getByTestId('fee-scale-form').waitFor();
    await expectFits(page);
    await checkpoint(page, 'fee-scales-09-form-phone');
  });

  it("Tehran's inspector reads the scales without the form", async () => {
    const page = await desktop.personPage();
    await desktop.signInAsStaff(page, 'inspector.tehran');
    await page.goto(`${server.url}/arbitrations/fee-scales`);
    await page.locator('[data-testid="fee-scale-row"]').first().waitFor();
    expect(await page.getByTestId('fee-scale-new').count()).toBe(0);
  });

  it('a citizen and an operator cannot reach the screen, nor see it in their navigation', async () => {
    const citizen = await desktop.personPage();
    await signInAsCitizen(server, citizen, '09120000001');
    expect(await citizen.getByTestId('nav-arbitration-fee-scales').count()).toBe(0);
    await citizen.goto(`${server.url}/arbitrations/fee-scales`);
    await citizen.getByTestId('forbidden-page').waitFor();
    expect(await citizen.getByTestId('fee-scale-form').count()).toBe(0);

    const operator = await desktop.personPage();
    await desktop.signInAsStaff(operator, 'operator.11001');
    expect(await operator.getByTestId('nav-arbitration-fee-scales').count()).toBe(0);
    await operator.goto(`${server.url}/arbitrations/fee-scales`);
    await operator.getByTestId('forbidden-page').waitFor();
    await checkpoint(operator, 'fee-scales-10-operator-forbidden');
  });
});
