/**
 * From advice to an enforceable award, through the UI only, each person in their own browser, on
 * a clock the story moves on:
 *
 * Tuesday 15 Ordibehesht 1405 (2026-05-05), 10:00 Tehran: Amir Tehrani books a video consultation
 * with Kaveh Sharifi for 16:00 today and pays at the sandbox bank. At 16:05 the consultant opens the
 * session from his day and writes a note advising arbitration (the contract has an arbitration
 * clause); Amir reads it and follows its link to the arbitration request, which opens pre-filled from
 * the note (its advice as the subject, the family field as a dower claim, Amir as the first party) and
 * says so; he makes it two arbitrators, a one-month term, seated at office 11001, against Nazanin
 * Esfahani, the arbitrators' fee by the official scale on a claim of 600,000,000 Rials (2% by
 * آیین‌نامهٔ حق‌الزحمهٔ داوری ۱۴۰۱/۰۶/۰۵, Art. 2: 12,000,000 Rials, in equal shares), and consents with the
 * code sent to his mobile. Nazanin, on a 360 px phone, consents and names arbitrator.tehran from the registry
 * and Mr Hadi Sadeghi outside it. The registry arbitrator accepts, and office 11001's manager records
 * the outside arbitrator's acceptance: every arbitrator is notified today, so the term starts today
 * (Art. 468) and the one-month term's last day is Saturday 16 Khordad 1405 (15 Khordad is a Friday
 * and a holiday): 32 days left, as e2e/arbitration/arbitration.spec.ts counts it. The arbitrator sets
 * a video hearing for Saturday 19 Ordibehesht at 10:00. With the term the fee is fixed: Amir pays his
 * 6,000,000 Rials at the sandbox bank and gets its receipt; Nazanin sees her half owed on her phone.
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
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/support/test-clock';
import { checkpoint, choose, signInAsCitizen, DESKTOP } from '../support/people';
import { consentByCode, expectFits, payAtSandboxBank, recordEnforcementRequest } from '../support/steps';
import { serverWithPeople } from '../support/spec-server';

const AMIR = { mobile: '09120000001' };
const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };
const ADVICE = 'قرارداد پیمانکاری شرط داوری دارد؛ اختلاف تسویهٔ حساب را به داوری ببرید.';
const OUTSIDE_ARBITRATOR = { name: 'هادی صادقی', nationalId: '0043217656' };

let amir: Page;
let nazanin: Page;
let arbitrator: Page;
let office: Page;
let caseId = 0;

const { server, desktop, phone } = serverWithPeople(
  { now: TEST_NOW, movable: true },
  { desktop: DESKTOP, phone: { width: 360, height: 780 } },
);

const state = (page: Page) => page.getByTestId('arbitration-state').textContent();

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
    expect(await link.getAttribute('href')).toMatch(/^\/arbitrations\/new\?consultation=\d+$/);
    await checkpoint(amir, 'story-consultation-03-advice');
    await link.click();
    await amir.waitForURL(/\/arbitrations\/new\?consultation=\d+$/);
  });
});

describe('arbitration: agreement, arbitrators, term and hearing', () => {
  it('the request opens pre-filled from the note: its advice as the subject, the family field as a dower claim, Amir as the first party', async () => {
    const prefilled = amir.getByTestId('arbitration-prefilled');
    await prefilled.waitFor();
    expect(await prefilled.textContent()).toContain('کاوه شریفی');
    expect(await prefilled.textContent()).toContain('خانواده');
    await expect.poll(() => amir.getByTestId('arbitration-subject').inputValue()).toBe(ADVICE);
    expect(await amir.getByTestId('arbitration-subject-kind').inputValue()).toBe('مهریه و نفقه');
    expect(await amir.getByTestId('arbitration-first-party').textContent()).toContain('امیر تهرانی');
    await checkpoint(amir, 'story-arbitration-00-prefilled');
  });

  it('Amir starts an arbitration with Nazanin before two arbitrators, the fee by the scale on a 600,000,000-Rial claim, and consents by code', async () => {
    await choose(amir, 'arbitration-subject-kind', 'پیمانکاری و ساختمان');
    await amir.getByTestId('arbitration-subject').fill('اختلاف در تسویهٔ حساب قرارداد پیمانکاری بازسازی واحد مسکونی');
    await choose(amir, 'arbitration-count', '۲');
    await choose(amir, 'arbitration-term', '۱ ماه');
    await amir.getByTestId('arbitration-office').fill('۱۱۰۰۱');
    await amir.getByRole('option', { name: /۱۱۰۰۱/ }).first().click();
    await amir.getByTestId('arbitration-respondent-id').fill(NAZANIN.nationalId);
    await amir.getByTestId('arbitration-respondent-mobile').fill(NAZANIN.mobile);
    // آیین‌نامهٔ حق‌الزحمهٔ داوری ۱۴۰۱/۰۶/۰۵, Art. 2: 2% of a claim up to ten billion Rials: 12,000,000 Rials.
    await amir.getByTestId('arbitration-fee-claim').fill('۶۰۰۰۰۰۰۰۰');
    await expect.poll(() => amir.getByTestId('arbitration-fee-estimate').textContent()).toContain('۱۲٬۰۰۰٬۰۰۰');
    await checkpoint(amir, 'story-arbitration-01-start');
    await amir.getByTestId('arbitration-submit').click();
    await amir.getByTestId('arbitration-consent').waitFor();
    caseId = Number(/\/arbitrations\/(\d+)/.exec(amir.url())?.[1]);
    expect(caseId).toBeGreaterThan(0);
    await consentByCode(server, amir, AMIR.mobile);
  });

  it('Nazanin, on her phone, consents and names one arbitrator from the registry and one outside it', async () => {
    nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await nazanin.getByTestId('arbitration-consent').waitFor();
    await consentByCode(server, nazanin, NAZANIN.mobile);
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

  it("the term fixes the arbitrators' fee at 12,000,000 Rials; Amir pays his half at the bank and gets a receipt, Nazanin's half is owed", async () => {
    await amir.goto(`${server.url}/arbitrations/${caseId}`);
    const fee = amir.getByTestId('arbitration-fee');
    await expect.poll(() => amir.getByTestId('arbitration-fee-total').textContent()).toContain('۱۲٬۰۰۰٬۰۰۰');
    expect(await fee.getByTestId('arbitration-fee-shares').textContent()).toContain('۶٬۰۰۰٬۰۰۰');
    await amir.getByTestId('arbitration-fee-pay').click();
    await payAtSandboxBank(amir);
    await checkpoint(amir, 'story-arbitration-03b-fee-paid');
    const receipt = await amir.request.get(
      `${server.url}/api/v1/payments/${/\/payments\/(\d+)/.exec(amir.url())?.[1]}/receipt`,
    );
    expect(await receipt.text()).toContain('حق‌الزحمهٔ داوران');

    await amir.goto(`${server.url}/arbitrations/${caseId}`);
    await amir.getByTestId('arbitration-fee-receipt').waitFor();
    expect(await amir.getByTestId('arbitration-fee-paid-event').textContent()).toContain('۶٬۰۰۰٬۰۰۰');
    await amir.getByTestId('arbitration-fee').scrollIntoViewIfNeeded();
    await checkpoint(amir, 'story-arbitration-03c-fee-on-case');

    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await nazanin.getByTestId('arbitration-fee-pay').waitFor();
    const statuses = await nazanin.locator('[data-testid^="arbitration-fee-status-"]').allTextContents();
    expect(statuses).toEqual(['پرداخت‌شده', 'پرداخت‌نشده']);
    await nazanin.getByTestId('arbitration-fee').scrollIntoViewIfNeeded();
    await expectFits(nazanin);
    await checkpoint(nazanin, 'story-arbitration-03d-fee-phone');
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
    await recordEnforcementRequest(server, desktop, caseId, 'امیر تهرانی', 'story-enforcement-01-court-desk');

    const phoneAmir = await phone.personPage();
    await signInAsCitizen(server, phoneAmir, AMIR.mobile);
    await phoneAmir.goto(`${server.url}/arbitrations/${caseId}`);
    await expect.poll(() => state(phoneAmir)).toBe('درخواست اجرا');
    await expectFits(phoneAmir);
    await checkpoint(phoneAmir, 'story-enforcement-02-citizen-phone');
  });
});
