/**
 * An operator opens their own activity licence at /licences: its number, status, expiry in the
 * Jalali calendar and the continuing-education hours towards renewal; a suspension with its
 * reason shows there at once; another person's licence stays out of reach. Checked with axe-core
 * and photographed (test-results/screenshots/own-licence-*.png), at a desk and at a 360 px phone.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { checkpoint, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

let operator: Page;
let ownId = 0;
let managersId = 0;
const REASON = 'بازرسی دوره‌ای: پرونده‌های ناقص ارسال شده است';

const { server, people } = serverWithPeople({}, { people: DESKTOP });
beforeAll(async () => {
  const licenceOf = async (username: string) =>
    Number(
      (
        await server.ctx.database.pool.query<{ id: number }>(
          'select a.id from activity_licences a join users u on u.id = a.user_id where u.username = $1 order by a.id limit 1',
          [username],
        )
      ).rows[0].id,
    );
  ownId = await licenceOf('operator.11001');
  managersId = await licenceOf('manager.11001');
  operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
});

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

describe("an operator's own licence", () => {
  it('the menu leads to it: number, status, expiry in Jalali and continuing-education hours, in Persian digits', async () => {
    await operator.getByTestId('nav-licences').click();
    await operator.waitForURL(/\/licences$/);
    const card = operator.getByTestId('own-licence');
    await card.waitFor();
    expect(await card.count()).toBe(1);
    expect(Number(await card.getAttribute('data-licence-id'))).toBe(ownId);
    expect(await card.getByTestId('licence-status').getAttribute('data-status')).toBe('active');
    expect(await text(operator, 'own-licence-expiry')).toMatch(/[۰-۹]{4}/);
    expect(await text(operator, 'own-licence-ce')).toMatch(/آموزش ضمن خدمت: [۰-۹]+ از ۸ ساعت/);
    // Operators see their own licence, not the office's list.
    expect(await operator.getByTestId('licences-table').count()).toBe(0);
    await checkpoint(operator, 'own-licence-01-desk');
    await operator.setViewportSize({ width: 360, height: 740 });
    await checkpoint(operator, 'own-licence-02-phone');
    await operator.setViewportSize({ width: 1280, height: 860 });
  });

  it("suspended by the association, the page shows it at once with the reason; the licence's own page opens too", async () => {
    const association = await people.personPage();
    await people.signInAsStaff(association, 'association.tehran');
    const { status } = await pageRequest(association, 'POST', `/api/v1/licences/${ownId}/suspend`, { reason: REASON });
    expect(status).toBe(200);

    await operator.reload();
    await operator.getByTestId('own-licence').waitFor();
    expect(await operator.getByTestId('licence-status').first().getAttribute('data-status')).toBe('suspended');
    expect(await text(operator, 'own-licence-reason')).toBe(REASON);
    await checkpoint(operator, 'own-licence-03-suspended');

    await operator.getByTestId('own-licence-open').click();
    await operator.waitForURL(new RegExp(`/licences/${ownId}$`));
    await operator.getByTestId('licence-card').waitFor();
    expect(await text(operator, 'licence-status-reason')).toBe(REASON);
    expect(await operator.getByTestId('licence-actions').count()).toBe(0);
    await checkpoint(operator, 'own-licence-04-page');
  });

  it("a colleague's licence is not found", async () => {
    await operator.goto(`${server.url}/licences/${managersId}`);
    await operator.getByRole('alert').first().waitFor();
    expect(await operator.getByTestId('licence-card').count()).toBe(0);
    expect(toLatinDigits((await operator.getByRole('alert').first().textContent()) ?? '')).toMatch(
      /یافت نشد|not found/i,
    );
  });
});
