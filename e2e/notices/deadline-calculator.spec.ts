/**
 * The public deadline calculator, and a notice's deadline on chosen days, in Chromium.
 *
 * Anyone, not signed in, counts a limit at /deadline: the worked example from practice (20 days from
 * 15 Farvardin 1403 are in time on 5 Ordibehesht — hiu.ir «مهلت تجدیدنظرخواهی»), the same in 1404
 * when 5 Ordibehesht is a Friday, and a last day on Nowruz; the answer in words with its weekday, the
 * steps, the count drawn on Jalali months, the articles; field errors in Persian; a 360 px phone.
 * Then the server's clock is set to chosen days and a citizen opens a decision: the notice page says
 * the moved last day once, plainly, with the counting rule in one sentence. Every expected date is
 * counted by hand on the official calendar (sources in src/core/deadlines.test.ts).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '#core/persian-digits';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** The server's "now": the machine's, except while a test has chosen a day. */
let chosen: Date | null = null;
let page: Page;
const pageErrors: string[] = [];

const { server, people } = serverWithPeople(
  { clock: { now: () => (chosen ? new Date(chosen.getTime()) : new Date()) } },
  { people: { width: 1280, height: 900 } },
);

const text = async (p: Page, testId: string) =>
  ((await p.getByTestId(testId).first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
const roleOf = (p: Page, jalali: string) =>
  p.locator(`[data-testid="count-day"][data-day="${jalali}"]`).getAttribute('data-role');

async function count(p: Page, deliveredOn: string, amount?: string) {
  const date = p.getByTestId('deadline-delivered-on');
  await date.fill('');
  await date.fill(deliveredOn);
  if (amount) {
    await p.getByTestId('deadline-amount').fill(amount);
  }
  await p.getByTestId('deadline-submit').click();
}

describe('the public deadline calculator', () => {
  it('counts the worked example: 20 days from a notice of 15 Farvardin 1403 are in time on Wednesday 5 Ordibehesht', async () => {
    page = await people.personPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/deadline`);
    await page.getByTestId('deadline-form').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await count(page, '۱۴۰۳/۰۱/۱۵', '۲۰');
    await page.locator('[data-testid="deadline-result"][data-last-day="1403-02-05"]').waitFor();
    expect(await text(page, 'deadline-line')).toBe('آخرین مهلت: چهارشنبه ۵ اردیبهشت ۱۴۰۳');
    expect(page.url()).toContain('deliveredOn=1403-01-15');
    const steps = await text(page, 'count-steps');
    expect(steps).toContain('روز ابلاغ، چهارشنبه ۱۵ فروردین، جزو مهلت نیست');
    expect(steps).toContain('از ۱۶ فروردین تا ۴ اردیبهشت');
    expect(await roleOf(page, '1403-01-15')).toBe('delivery');
    expect(await roleOf(page, '1403-01-16')).toBe('counted');
    expect(await roleOf(page, '1403-02-04')).toBe('counted');
    expect(await roleOf(page, '1403-02-05')).toBe('last');
    expect(await text(page, 'deadline-articles')).toContain('مادهٔ ۴۴۵');
    await checkpoint(page, 'deadline-calculator-01-worked-example');
  });

  it('a last day on a Friday moves to Saturday, said once: «از جمعه ۵ اردیبهشت منتقل شد»', async () => {
    await count(page, '1404/01/15');
    await page.locator('[data-testid="deadline-result"][data-last-day="1404-02-06"]').waitFor();
    expect(await text(page, 'deadline-line')).toBe('آخرین مهلت: شنبه ۶ اردیبهشت ۱۴۰۴ — از جمعه ۵ اردیبهشت منتقل شد');
    expect(await roleOf(page, '1404-02-05')).toBe('moved');
    expect(await roleOf(page, '1404-02-06')).toBe('last');
    // Thursday 4 Ordibehesht, a holiday inside the limit, is counted.
    expect(await roleOf(page, '1404-02-04')).toBe('countedClosed');
    await checkpoint(page, 'deadline-calculator-02-friday');
  });

  it('a last day on Nowruz moves past its four days to Wednesday 5 Farvardin 1405', async () => {
    await count(page, '1404/12/09');
    await page.locator('[data-testid="deadline-result"][data-last-day="1405-01-05"]').waitFor();
    expect(await text(page, 'deadline-line')).toBe(
      'آخرین مهلت: چهارشنبه ۵ فروردین ۱۴۰۵ — به‌سبب تعطیلی ۱ تا ۴ فروردین (عید نوروز)، از شنبه ۱ فروردین منتقل شد',
    );
    for (const day of ['1405-01-01', '1405-01-02', '1405-01-03', '1405-01-04'])
      expect(await roleOf(page, day)).toBe('moved');
    expect(
      await page
        .locator('[data-testid="count-month"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-month'))),
    ).toEqual(['1404-12', '1405-01']);
    await checkpoint(page, 'deadline-calculator-03-nowruz');
  });

  it('a decision served on someone abroad: two months, and the unconfirmed lunar holiday it relies on is named', async () => {
    await page.getByTestId('deadline-mode').getByText('نوع ابلاغیه').click();
    await page.getByTestId('deadline-kind').waitFor();
    await page.getByTestId('deadline-abroad').check();
    await count(page, '1404/01/15');
    await page.locator('[data-testid="deadline-result"][data-last-day="1404-03-18"]').waitFor();
    expect(await text(page, 'deadline-unconfirmed')).toContain('عید سعید قربان');
    expect(await text(page, 'count-steps')).toContain('دو ماه');
    expect(await text(page, 'deadline-articles')).toContain('مادهٔ ۴۴۶');
    expect(page.url()).toContain('abroad=1');
    await checkpoint(page, 'deadline-calculator-04-abroad');
  });

  it('says what is wrong, on the field, in Persian', async () => {
    await page.getByTestId('deadline-mode').getByText('مدت مهلت').click();
    await count(page, '1404/01/15', '0');
    await page.getByText('مهلت باید عددی صحیح و بزرگ‌تر از صفر باشد.').waitFor();
    expect(await page.getByTestId('deadline-result').count()).toBe(0);
  });

  it('fits a 360 px phone, the calendar and all', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${server.url}/deadline?deliveredOn=1404-01-15&amount=20&unit=day`);
    await page.locator('[data-testid="deadline-result"][data-last-day="1404-02-06"]').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkpoint(page, 'deadline-calculator-05-phone');
    expect(pageErrors).toEqual([]);
  });
});

describe("a notice's deadline on chosen days", () => {
  let citizen: Page;

  /** A decision to citizen 09120000001 on a case of their own, issued an hour before `at`. */
  async function decisionFor(title: string, at: Date): Promise<number> {
    const q = async <R>(sql: string, values: unknown[]) =>
      (await server.ctx.database.pool.query(sql, values)).rows as R[];
    const [kase] = await q<{ id: number }>(
      "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, 1, 2, 1, 'مطالبهٔ وجه', 1) returning id::int as id",
      [`E2E-${title.length}-${at.getTime()}`],
    );
    await q("insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', 1, 'امیر تهرانی')", [
      kase.id,
    ]);
    const [notice] = await q<{ id: number }>(
      `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
      values ($1, 1, 1, 'decision', $2, 'رأی دادگاه در پروندهٔ مطالبهٔ وجه صادر شد؛ متن کامل در پیوست است.', 1, $3) returning id::int as id`,
      [kase.id, title, new Date(at.getTime() - 3_600_000)],
    );
    await q('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, 1, 1)', [notice.id]);
    return notice.id;
  }

  beforeAll(async () => {
    citizen = await people.personPage();
    citizen.on('pageerror', (e) => pageErrors.push(e.message));
    // Signed in on the machine's clock; the chosen day applies to what happens after.
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(toPersianDigits('09120000001'));
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode('09120000001'));
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();
  });

  it('opened at 10:00 on 15 Farvardin 1404: the last day is Saturday 6 Ordibehesht, moved off Friday 5 Ordibehesht, 22 days left', async () => {
    chosen = new Date('2025-04-04T06:30:00Z');
    const id = await decisionFor('دادنامهٔ ابلاغ‌شده در ۱۵ فروردین', chosen);
    await citizen.setViewportSize({ width: 1280, height: 900 });
    await citizen.goto(`${server.url}/me/notices/${id}`);
    await citizen.getByTestId('deadline').waitFor();
    expect(await text(citizen, 'deadline-line')).toBe('آخرین مهلت: شنبه ۶ اردیبهشت ۱۴۰۴ — از جمعه ۵ اردیبهشت منتقل شد');
    expect(await text(citizen, 'deadline-days-left')).toBe('۲۲ روز مانده');
    const rule = await text(citizen, 'deadline-rule');
    expect(rule).toContain('روز ابلاغ و روز اقدام جزو آن نیست');
    expect(rule).toContain('ماده ۴۴۴');
    await checkpoint(citizen, 'deadline-notice-01-friday');
    await citizen.setViewportSize({ width: 360, height: 800 });
    const overflow = await citizen.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkpoint(citizen, 'deadline-notice-02-friday-phone');
  });

  it('opened on 9 Esfand 1404: the last day is Wednesday 5 Farvardin 1405, moved past Nowruz', async () => {
    chosen = new Date('2026-02-28T06:30:00Z');
    const id = await decisionFor('دادنامهٔ ابلاغ‌شده در ۹ اسفند', chosen);
    await citizen.setViewportSize({ width: 1280, height: 900 });
    await citizen.goto(`${server.url}/me/notices/${id}`);
    await citizen.getByTestId('deadline').waitFor();
    expect(await text(citizen, 'deadline-line')).toBe(
      'آخرین مهلت: چهارشنبه ۵ فروردین ۱۴۰۵ — به‌سبب تعطیلی ۱ تا ۴ فروردین (عید نوروز)، از شنبه ۱ فروردین منتقل شد',
    );
    expect(await text(citizen, 'deadline-days-left')).toBe('۲۵ روز مانده');
    await checkpoint(citizen, 'deadline-notice-03-nowruz');
    // The citizen's desk lists both with their last days, the moves said the same way.
    await citizen.goto(`${server.url}/me`);
    await citizen.getByTestId('portal-notices').waitFor();
    const lines = await citizen.getByTestId('deadline-line').allInnerTexts();
    expect(lines.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
      expect.arrayContaining([
        'آخرین مهلت: چهارشنبه ۵ فروردین ۱۴۰۵ — به‌سبب تعطیلی ۱ تا ۴ فروردین (عید نوروز)، از شنبه ۱ فروردین منتقل شد',
        'آخرین مهلت: شنبه ۶ اردیبهشت ۱۴۰۴ — از جمعه ۵ اردیبهشت منتقل شد',
      ]),
    );
    await checkpoint(citizen, 'deadline-notice-04-desk');
    chosen = null;
    expect(pageErrors).toEqual([]);
  });
});

describe('the regulator keeps the lunar holidays true to the official calendar', () => {
  it('confirms Ashura 1404 and moves Eid al-Adha 1404 to its official day, and the calculator follows', async () => {
    const regulator = await people.personPage();
    regulator.on('pageerror', (e) => pageErrors.push(e.message));
    await people.signInAsStaff(regulator, 'regulator');
    await regulator.goto(`${server.url}/admin/holidays`);
    await regulator.getByTestId('holidays-table').waitFor();
    await regulator.getByTestId('holiday-year').click();
    await regulator.getByRole('option', { name: '۱۴۰۴', exact: true }).click();
    const row = (jalali: string) => regulator.locator(`[data-testid="holiday-row"][data-jalali="${jalali}"]`);
    await row('1404-04-15').waitFor();
    expect(await row('1404-04-15').getAttribute('data-computed')).toBe('true');
    expect(await regulator.getByTestId('holidays-unconfirmed').innerText()).toMatch(/[۰-۹]+ تعطیل قمری/);
    await checkpoint(regulator, 'deadline-holidays-01-unconfirmed');

    await regulator.getByTestId('holiday-confirm-1404-04-15').click();
    await regulator.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="holiday-row"][data-jalali="1404-04-15"]')
          ?.getAttribute('data-computed') === 'false',
    );

    // Eid al-Adha: the tabular calendar says 17 Khordad; officially it was Friday 16 Khordad 1404.
    await regulator.getByTestId('holiday-move-1404-03-17').click();
    await regulator.getByTestId('holiday-move-to').fill('۱۴۰۴/۰۳/۱۶');
    await regulator.getByTestId('holiday-move-submit').click();
    await row('1404-03-16').waitFor();
    expect(await row('1404-03-17').count()).toBe(0);
    expect(await row('1404-03-16').innerText()).toContain('جابه‌جاشده از ۱۴۰۴/۰۳/۱۷');
    await checkpoint(regulator, 'deadline-holidays-02-moved');

    // The abroad appeal from 15 Farvardin 1404 no longer relies on a computed holiday: Saturday 17 Khordad.
    await regulator.goto(`${server.url}/deadline?deliveredOn=1404-01-15&kind=decision&abroad=1`);
    await regulator.locator('[data-testid="deadline-result"][data-last-day="1404-03-17"]').waitFor();
    expect(await regulator.getByTestId('deadline-unconfirmed').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
