/**
 * The review at a pilot's end, through the regulator's screens: a request for mediation approved
 * on 15 Ordibehesht 1405 as a pilot in Isfahan until 5 Khordad 1405 is due for its end review
 * from the start (its review opens thirty days before its last day, docs/decisions/0057). Isfahan's
 * office 13001 performs it once at the counter for 900,000 Rials; the regulator finds it among the
 * pilots due, reads its figures (one service, 900,000 Rials), is told next to the field that a
 * decision needs reasons, and adopts it nationally — Tehran's office 11001 then quotes and charges
 * it at the same fee. Also on a 360 px phone. Every page is checked with axe-core and photographed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { checkpoint, choose, DESKTOP } from '../support/people';
import { serverWithPeople, PHONE } from '../support/spec-server';

const TITLE = 'ثبت درخواست میانجی‌گری';
const CODE = 'mediation-request';
/** A demo citizen the counters look up. */
const AMIR = '0499370899';

let regulator: Page;
let proposalPath = '';

const { server, people, phone } = serverWithPeople({}, { people: DESKTOP, phone: PHONE });

/** Performing the service takes an activity licence naming it; the licence office widens the demo operator's. */
async function licence(username: string) {
  await server.ctx.database.pool.query(
    `update activity_licences set service_codes = service_codes || $1::jsonb
     where user_id = (select id from users where username = $2)`,
    [JSON.stringify([CODE]), username],
  );
}

/** An operator at the counter looks the citizen up and starts the new service. */
async function startAtCounter(page: Page, username: string) {
  await people.signInAsStaff(page, username);
  await page.goto(`${server.url}/counter`);
  await page.getByTestId('lookup-national-id').fill(AMIR);
  await page.getByTestId('lookup-submit').click();
  await page.getByTestId('citizen-card').waitFor();
  await choose(page, 'service-select', TITLE);
  await page.getByTestId('start-service').click();
  await page.getByTestId('priced-service').waitFor();
}

async function chargeAtCounter(username: string, shot: string) {
  const operator = await people.personPage();
  await startAtCounter(operator, username);
  const quote = operator.getByTestId('priced-quote');
  await quote.waitFor();
  expect(toLatinDigits(await quote.innerText()).replace(/\D/g, '')).toBe('900000');
  await operator.getByTestId('priced-charge').click();
  await operator.getByTestId('priced-charged').waitFor();
  await checkpoint(operator, shot);
}

describe("a pilot's end review", () => {
  it('a pilot in Isfahan until 5 Khordad is approved, and office 13001 performs it once', async () => {
    const association = await people.personPage();
    await people.signInAsStaff(association, 'association');
    const filed = await pageRequest(association, 'POST', '/api/v1/proposals', {
      kind: 'new-service',
      serviceCode: CODE,
      titleFa: TITLE,
      titleEn: 'Request for mediation',
      serviceKind: 'registration',
      channels: 'office',
      description: 'ثبت درخواست میانجی‌گری در دفتر و ارسال آن به شورای حل اختلاف برای دعوت طرفین.',
      legalBasis: 'قانون شوراهای حل اختلاف، ماده ۸',
      expectedMonthlyVolume: 2500,
      fee: { amountRials: 900_000 },
      provinceIds: [3],
      pilotMonths: 1,
    });
    expect(filed.status).toBe(201);
    const id = (filed.body as { id: number }).id;
    proposalPath = `/proposals/${id}`;
    regulator = await people.personPage();
    await people.signInAsStaff(regulator, 'regulator');
    expect((await pageRequest(regulator, 'POST', `/api/v1/proposals/${id}/complete`)).status).toBe(200);
    const decided = await pageRequest(regulator, 'POST', `/api/v1/proposals/${id}/decide`, {
      outcome: 'approve',
      pilot: true,
      pilotUntil: '1405-03-05',
    });
    expect(decided.status).toBe(200);
    await licence('operator.13001');
    await chargeAtCounter('operator.13001', 'pilot-review-01-isfahan-charged');
  });

  it('the regulator finds it among the pilots due and reads its figures', async () => {
    await regulator.goto(`${server.url}/proposals`);
    const due = regulator.getByTestId('pilots-due');
    await due.waitFor();
    await checkpoint(regulator, 'pilot-review-02-due-list');
    await due.getByRole('link', { name: TITLE }).click();
    await regulator.getByTestId('pilot-review').waitFor();
    expect(await regulator.getByTestId('pilot-state').getAttribute('data-state')).toBe('due');
    await regulator.getByTestId('pilot-figures').waitFor();
    expect(toLatinDigits(await regulator.getByTestId('pilot-services').innerText())).toBe('1');
    expect(toLatinDigits(await regulator.getByTestId('pilot-fees').innerText()).replace(/\D/g, '')).toBe('900000');
    await regulator.getByTestId('pilot-review').scrollIntoViewIfNeeded();
    await checkpoint(regulator, 'pilot-review-03-figures');
  });

  it('a decision without reasons is refused, and says so next to the field', async () => {
    await regulator.getByTestId('pilot-outcome').getByText('تمدید آزمایش').click();
    await regulator.getByTestId('pilot-until').fill('۱۴۰۵/۰۴/۰۵');
    await regulator.getByTestId('pilot-review-submit').click();
    await regulator.getByText('دلایل تصمیم را بنویسید.').waitFor();
    expect(await regulator.getByTestId('pilot-state').getAttribute('data-state')).toBe('due');
    await checkpoint(regulator, 'pilot-review-04-reasons-missing');
  });

  it('the regulator adopts it nationally', async () => {
    await regulator.getByTestId('pilot-outcome').getByText('پذیرش سراسری').click();
    await regulator.getByTestId('pilot-reasons').fill('آزمایش در اصفهان موفق بود؛ ارائه در همهٔ استان‌ها.');
    await regulator.getByTestId('pilot-review-submit').click();
    await expect.poll(() => regulator.getByTestId('pilot-state').getAttribute('data-state')).toBe('adopted');
    expect(await regulator.getByTestId('pilot-review-entry').innerText()).toContain('پذیرش سراسری');
    expect(await regulator.getByTestId('pilot-review-form').count()).toBe(0);
    await checkpoint(regulator, 'pilot-review-05-adopted');
  });

  it("Tehran's office 11001 now quotes and charges it at 900,000 Rials", async () => {
    await licence('operator.11001');
    await chargeAtCounter('operator.11001', 'pilot-review-06-tehran-charged');
  });

  it("the pilot's page on a 360 px phone", async () => {
    const small = await phone.personPage();
    await phone.signInAsStaff(small, 'regulator');
    await small.goto(`${server.url}${proposalPath}`);
    await small.getByTestId('pilot-figures').waitFor();
    await small.getByTestId('pilot-review').scrollIntoViewIfNeeded();
    await checkpoint(small, 'pilot-review-07-phone');
  });
});
