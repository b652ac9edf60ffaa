/**
 * From advice to an enforceable award, through the UI only, each person in their own browser, on
 * a clock the story moves on:
 *
 * Tuesday 15 Ordibehesht 1405 (2026-05-05), 10:00 Tehran: Amir Tehrani books a video consultation
 * with Kaveh Sharifi for 16:00 today and pays at the sandbox bank. At 16:05 the consultant opens the
 * session from his day and writes a note advising arbitration (the contract has an arbitration
 * clause); Amir reads it and follows its link to the arbitration request: two arbitrators, a
 * one-month term, seated at office 11001, against Nazanin Esfahani, and consents with the code sent
 * to his mobile. Nazanin, on a 360 px phone, consents and names arbitrator.tehran from the registry
 * and Mr Hadi Sadeghi outside it. The registry arbitrator accepts, and office 11001's manager records
 * the outside arbitrator's acceptance: every arbitrator is notified today, so the term starts today
 * (Art. 468) and the one-month term's last day is Saturday 16 Khordad 1405 (15 Khordad is a Friday
 * and a holiday): 32 days left, as e2e/arbitration/arbitration.spec.ts counts it. The arbitrator sets
 * a video hearing for Saturday 19 Ordibehesht at 10:00.
 *
 * Saturday 19 Ordibehesht (2026-05-09), after the hearing: the arbitrator writes the award for Amir
 * and signs it, and the seat office records the second arbitrator's signature: a majority of the
 * two (Art. 484), dated 19 Ordibehesht, within the term, so it is made, lodged with the Tehran court
 * and sent as an e-notice (Art. 485). Both parties open it that day: the twenty days to comply
 * (Art. 488) and to seek annulment (Art. 490) run from the day after delivery, 20 Ordibehesht …
 * 8 Khordad, and the last day is the day after the twentieth as the arbitration spec counts it
 * (delivery on 15 Ordibehesht, last day 5 Khordad): Saturday 9 Khordad 1405 (2026-05-30, an open
 * day), 21 days left.
 *
 * Sunday 10 Khordad 1405 (2026-05-31), the day after the window to comply: the Tehran court's clerk
 * records Amir's request for the enforcement order. Every step is checked with axe-core and
 * photographed; the citizen's steps at 1280 px and Nazanin's on a 360 px phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/support/test-clock';
import { checkpoint, choose, type People, peopleOf, signInAsCitizen } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

const AMIR = { mobile: '09120000001' };
const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };
const ADVICE = 'قرارداد پیمانکاری شرط داوری دارد؛ اختلاف تسویهٔ حساب را به داوری ببرید.';
const OUTSIDE_ARBITRATOR = { name: 'هادی صادقی', nationalId: '0043217656' };

let server: E2eServer;
let desktop: People;
let phone: People;
let amir: Page;
let nazanin: Page;
let arbitrator: Page;
let office: Page;
let caseId = 0;

beforeAll(async () => {
  server = await startE2eServer({ now: TEST_NOW, movable: true });
  desktop = await peopleOf(server, { width: 1280, height: 860 });
  phone = await peopleOf(server, { width: 360, height: 780 });
});

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.stop();
});

/** Types the one-time code the case sent to this mobile and confirms the party's consent. */
async function consentByCode(page: Page, mobile: string) {
  await page.getByTestId('arbitration-code').fill(await server.latestCodeOf(mobile, 'otp.arbitration-consent'));
  await page.getByTestId('arbitration-consent-submit').click();
  await page.getByTestId('arbitration-consent').waitFor({ state: 'detached' });
}

/** Pays with the sandbox bank's test card and waits for the payment to be credited. */
async function payAtSandboxBank(page: Page) {
  await page.waitForURL(/\/sandbox-bank\/pay\//);
  await page.getByTestId('bank-pan').fill('6037-9911-9950-0186');
  await page.getByTestId('bank-cvv2').fill('123');
  await page.getByTestId('bank-exp-month').fill('12');
  await page.getByTestId('bank-exp-year').fill('08');
  await page.getByTestId('bank-pin').fill('123456');
  await page.getByTestId('bank-pay').click();
  await page.waitForURL(/\/payments\/\d+(\?.*)?$/, { timeout: 20_000 });
  await expect
    .poll(() => page.getByTestId('payment-result').getAttribute('data-status'), { timeout: 15_000 })
    .toBe('paid');
}

const state = (page: Page) => page.getByTestId('arbitration-state').textContent();

async function expectFits(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('advice: a video consultation', () => {
  it('Amir books a video session with Kaveh Sharifi for 16:00 today and pays at the bank', async () => {
    amir = await desktop.personPage();
    await signInAsCitizen(server, amir, AMIR.mobile);
    await amir.goto(`${server.url}/consultation/book`);
    await choose(amir, 'consultation-field', 'خانواده');
    await amir.getByTestId('consultation-consultants').getByText('کاوه شریفی').click();
    await choose(amir, 'consultation-place', 'تماس تصویری');
    const slot = amir.getByTestId('slot-1405-02-15-16:00');
    await slot.click();
    expect(await slot.getAttribute('aria-pressed')).toBe('true');
    await checkpoint(amir, 'story-consultation-01-book-video');
    await amir.getByTestId('consultation-pay').click();
    await payAtSandboxBank(amir);
  });

  it('at 16:05 the consultant opens the session and advises arbitration; Amir reads the note and its link', async () => {
    await server.moveTo(new Date('2026-05-05T12:35:00Z'), [amir]);
    const consultant = await desktop.personPage();
    await desktop.signInAsStaff(consultant, 'consultant.11001');
    await consultant.goto(`${server.url}/consultation/sessions`);
    const session = consultant
      .getByTestId('consultation-day')
      .locator('[data-testid^="session-"]', { hasText: '۱۶:۰۰' });
    await session.click();
    await consultant.getByTestId('note-advice').fill(ADVICE);
    await consultant.getByTestId('note-documents').fill('قرارداد پیمانکاری و صورت‌وضعیت‌های امضاشده');
    await choose(consultant, 'note-next-step', 'ارجاع به داوری');
    await consultant.getByTestId('note-save').click();
    await consultant.getByText('یادداشت ذخیره شد؛ متقاضی آن را در حساب خود می‌بیند.').waitFor();
    await checkpoint(consultant, 'story-consultation-02-note');

    await amir.goto(`${server.url}/consultation/mine`);
    const booking = amir.getByTestId(/^consultation-\d+$/).filter({ hasText: ADVICE });
    await booking.waitFor();
    const link = booking.getByTestId('consultation-next-step');
    expect(await link.textContent()).toBe('آغاز درخواست داوری');
    expect(await link.getAttribute('href')).toBe('/arbitrations/new');
    await checkpoint(amir, 'story-consultation-03-advice');
    await link.click();
    await amir.waitForURL(/\/arbitrations\/new$/);
  });
});

describe('arbitration: agreement, arbitrators, term and hearing', () => {
  it('Amir starts an arbitration with Nazanin before two arbitrators and consents by code', async () => {
    await amir.getByTestId('arbitration-subject').fill('اختلاف در تسویهٔ حساب قرارداد پیمانکاری بازسازی واحد مسکونی');
    await choose(amir, 'arbitration-count', '۲');
    await choose(amir, 'arbitration-term', '۱ ماه');
    await amir.getByTestId('arbitration-office').fill('۱۱۰۰۱');
    await amir.getByRole('option', { name: /۱۱۰۰۱/ }).first().click();
    await amir.getByTestId('arbitration-respondent-id').fill(NAZANIN.nationalId);
    await amir.getByTestId('arbitration-respondent-mobile').fill(NAZANIN.mobile);
    await checkpoint(amir, 'story-arbitration-01-start');
    await amir.getByTestId('arbitration-submit').click();
    await amir.getByTestId('arbitration-consent').waitFor();
    caseId = Number(/\/arbitrations\/(\d+)/.exec(amir.url())?.[1]);
    expect(caseId).toBeGreaterThan(0);
    await consentByCode(amir, AMIR.mobile);
  });

  it('Nazanin, on her phone, consents and names one arbitrator from the registry and one outside it', async () => {
    nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await nazanin.getByTestId('arbitration-consent').waitFor();
    await consentByCode(nazanin, NAZANIN.mobile);
    await expect.poll(() => state(nazanin)).toBe('موافقت‌نامه منعقد شد');
    const appoint = nazanin.getByTestId('arbitration-appoint');
    await choose(nazanin, 'arbitration-registry-0', 'پروین اکبری — تهران');
    await appoint.getByLabel('نام داور خارج از فهرست').nth(1).fill(OUTSIDE_ARBITRATOR.name);
    await appoint.getByLabel('کد ملی داور خارج از فهرست').nth(1).fill(OUTSIDE_ARBITRATOR.nationalId);
    await expectFits(nazanin);
    await checkpoint(nazanin, 'story-arbitration-02-appoint-phone');
    await nazanin.getByTestId('arbitration-appoint-submit').click();
    await expect.poll(() => state(nazanin)).toBe('در انتظار قبول داوران');
  });

  it('both arbitrators accept: the registry one from their list, the outside one through the seat office; the term runs to 16 Khordad', async () => {
    arbitrator = await desktop.personPage();
    await desktop.signInAsStaff(arbitrator, 'arbitrator.tehran');
    await arbitrator.goto(`${server.url}/arbitrations`);
    await arbitrator.getByTestId(`arbitration-open-${caseId}`).click();
    await arbitrator.locator('[data-testid^="arbitration-accept-"]').click();
    await expect
      .poll(() => arbitrator.locator('[data-testid^="arbitration-arbitrator-"]').first().textContent())
      .toBeTruthy();
    // Not yet running: the outside arbitrator has not answered.
    expect(await state(arbitrator)).toBe('در انتظار قبول داوران');

    office = await desktop.personPage();
    await desktop.signInAsStaff(office, 'manager.11001');
    await office.goto(`${server.url}/arbitrations/${caseId}`);
    await office.locator('[data-testid^="arbitration-accept-"]').click();
    await expect.poll(() => state(office)).toBe('مدت داوری در جریان');

    await arbitrator.reload();
    await expect.poll(() => arbitrator.getByTestId('arbitration-days-left').textContent()).toBe('۳۲ روز مانده');
    expect(await arbitrator.getByTestId('arbitration-clock-term').textContent()).toContain('۱۶ خرداد ۱۴۰۵');
    await checkpoint(arbitrator, 'story-arbitration-03-term');
  });

  it('the arbitrator sets a video hearing for Saturday 19 Ordibehesht at 10:00', async () => {
    await arbitrator.getByTestId('arbitration-hearing-date').fill('۱۴۰۵/۰۲/۱۹');
    await arbitrator.getByTestId('arbitration-hearing-time').fill('۱۰:۰۰');
    await choose(arbitrator, 'arbitration-hearing-place', 'تصویری');
    await arbitrator.getByTestId('arbitration-hearing-submit').click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-hearings').textContent()).toContain('۱۹ اردیبهشت ۱۴۰۵');

    await nazanin.reload();
    await expect.poll(() => nazanin.getByTestId('arbitration-hearings').textContent()).toContain('۱۹ اردیبهشت ۱۴۰۵');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'story-arbitration-04-hearing-phone');
  });
});

describe('the award and its enforcement', () => {
  it('after the hearing the award is written and signed by both arbitrators: made on 19 Ordibehesht and sent as an e-notice', async () => {
    // Four days on, everyone signs in again (sessions do not last days) in a browser on the new day.
    await server.moveTo(new Date('2026-05-09T08:00:00Z'));
    arbitrator = await desktop.personPage();
    await desktop.signInAsStaff(arbitrator, 'arbitrator.tehran');
    await arbitrator.goto(`${server.url}/arbitrations/${caseId}`);
    await arbitrator
      .getByTestId('arbitration-award-reasons')
      .fill('با توجه به قرارداد پیمانکاری و صورت‌وضعیت‌های امضاشده، طلب خواهان از بابت کارهای انجام‌شده ثابت است.');
    await arbitrator
      .getByTestId('arbitration-award-decision')
      .fill('خوانده به پرداخت چهارصد میلیون ریال باقی‌ماندهٔ حساب در حق خواهان محکوم می‌شود.');
    await choose(arbitrator, 'arbitration-award-winner', 'امیر تهرانی (خواهان)');
    await arbitrator.getByTestId('arbitration-award-save').click();
    await expect.poll(() => state(arbitrator)).toBe('پیش‌نویس رأی');
    await arbitrator.locator('[data-testid^="arbitration-sign-"]').click();
    // One signature of two is not yet the majority: the award waits for the second.
    await expect.poll(() => arbitrator.getByTestId('arbitration-signatures').textContent()).toContain('امضا کرد');
    expect(await state(arbitrator)).toBe('پیش‌نویس رأی');
    await checkpoint(arbitrator, 'story-award-01-signed-once');

    office = await desktop.personPage();
    await desktop.signInAsStaff(office, 'manager.11001');
    await office.goto(`${server.url}/arbitrations/${caseId}`);
    await office.locator('[data-testid^="arbitration-sign-"]').click();
    await expect.poll(() => state(office)).toBe('رأی ابلاغ شد');
    await arbitrator.reload();
    expect(await arbitrator.getByTestId('arbitration-award-text').textContent()).toContain('۱۹ اردیبهشت ۱۴۰۵');
    await checkpoint(arbitrator, 'story-award-02-made');
  });

  it('both parties open the e-notice; the windows to comply and to seek annulment end on 9 Khordad, 21 days left', async () => {
    amir = await desktop.personPage();
    await signInAsCitizen(server, amir, AMIR.mobile);
    nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    for (const page of [amir, nazanin]) {
      await page.goto(`${server.url}/arbitrations/${caseId}`);
      await page.getByTestId('arbitration-award-notice').click();
      await page.getByTestId('portal-notice-delivered').waitFor();
    }
    for (const page of [amir, nazanin]) {
      await page.goto(`${server.url}/arbitrations/${caseId}`);
      for (const kind of ['comply', 'annulment']) {
        const window = page.getByTestId(`arbitration-window-${kind}`);
        await expect.poll(() => window.textContent()).toContain('۲۱ روز مانده');
        expect(await window.textContent()).toContain('۹ خرداد ۱۴۰۵');
      }
    }
    await checkpoint(amir, 'story-award-03-windows');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'story-award-04-windows-phone');
  });

  it("on 10 Khordad, the day after the window, the Tehran court's clerk records Amir's request for enforcement", async () => {
    await server.moveTo(new Date('2026-05-31T05:30:00Z'));
    const clerk = await desktop.personPage();
    await desktop.signInAsStaff(clerk, 'clerk.tehran');
    await clerk.goto(`${server.url}/court/cases`);
    await clerk.getByTestId('court-arbitration-awards').click();
    await clerk.getByTestId(`arbitration-open-${caseId}`).click();
    await clerk.getByTestId('arbitration-court-desk').waitFor();
    await clerk.getByTestId('arbitration-enforcement-submit').click();
    await expect.poll(() => state(clerk)).toBe('درخواست اجرا');
    expect(await clerk.getByTestId('arbitration-enforcement-recorded').textContent()).toContain('امیر تهرانی');
    await checkpoint(clerk, 'story-enforcement-01-court-desk');

    const phoneAmir = await phone.personPage();
    await signInAsCitizen(server, phoneAmir, AMIR.mobile);
    await phoneAmir.goto(`${server.url}/arbitrations/${caseId}`);
    await expect.poll(() => state(phoneAmir)).toBe('درخواست اجرا');
    await expectFits(phoneAmir);
    await checkpoint(phoneAmir, 'story-enforcement-02-citizen-phone');
  });
});
