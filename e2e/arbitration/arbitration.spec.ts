/**
 * An arbitration through the UI only, each person in their own browser: Amir Tehrani (desktop)
 * starts an arbitration with Nazanin Esfahani and consents with the code sent to his mobile;
 * Nazanin (a 360 px phone) consents and names arbitrator.tehran from the registry; the arbitrator
 * accepts, and both see the term running with its days left. On the test day, Tuesday 15
 * Ordibehesht 1405, a one-month term runs 16 Ordibehesht … 14 Khordad; 15 Khordad is a Friday and a
 * holiday, so the last day is Saturday 16 Khordad 1405: 32 days left. Another citizen cannot open
 * the case. Then the award: the arbitrator sets a video hearing for 25 Ordibehesht and writes the
 * award for Amir; the sole arbitrator's signature is the majority (Art. 484), so it is made that day,
 * within the term, lodged with the Tehran court and sent as an e-notice (Art. 485). Both parties open
 * it the same day, so the twenty days to comply (Art. 488) and to seek annulment (Art. 490) run
 * 16 Ordibehesht … 4 Khordad and the last day is Tuesday 5 Khordad 1405 (2026-05-26, an open day):
 * 21 days left (the count of test/arbitration/award.int.test.ts).
 * On Wednesday 6 Khordad the Tehran court's clerk records Amir's request for the enforcement order.
 * Every step is checked with axe-core and photographed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/support/test-clock';
import { checkpoint, choose, signInAsCitizen, DESKTOP } from '../support/people';
import { consentByCode, expectFits, recordEnforcementRequest } from '../support/steps';
import { PHONE, serverWithPeople } from '../support/spec-server';

const AMIR = { mobile: '09120000001' };
const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };
const SAEED = { mobile: '09170000003' };

let caseId = 0;
let amir: Page;
let nazanin: Page;
let arbitrator: Page;

// The test day at real pace, until the story moves it on to the day after the window to comply;
// every browser opened follows the server's clock (support/people.ts).
const { server, desktop, phone } = serverWithPeople(
  { now: TEST_NOW, movable: true },
  { desktop: DESKTOP, phone: PHONE },
);

describe('an arbitration from the agreement to the running term', () => {
  it('Amir sees his demo case and starts a new arbitration with Nazanin, then consents by code', async () => {
    amir = await desktop.personPage();
    await signInAsCitizen(server, amir, AMIR.mobile);
    await amir.goto(`${server.url}/arbitrations`);
    await amir.getByTestId('arbitrations').getByText('مدت داوری در جریان').waitFor();
    await checkpoint(amir, 'arbitration-list-desktop');

    await amir.getByTestId('arbitration-start').click();
    await amir.getByTestId('arbitration-subject').fill('اختلاف در تسویهٔ حساب قرارداد پیمانکاری بازسازی واحد مسکونی');
    await choose(amir, 'arbitration-term', '۱ ماه');
    await amir.getByTestId('arbitration-office').fill('۱۱۰۰۱');
    await amir.getByRole('option', { name: /۱۱۰۰۱/ }).first().click();
    await amir.getByTestId('arbitration-respondent-id').fill(NAZANIN.nationalId);
    await amir.getByTestId('arbitration-respondent-mobile').fill(NAZANIN.mobile);
    // The arbitrators' fee by the scale, from the value of the claim (typed in Persian digits).
    await amir.getByTestId('arbitration-fee-claim').fill('۲۵۰۰۰۰۰۰۰');
    await amir.getByTestId('arbitration-fee-estimate').waitFor();
    await checkpoint(amir, 'arbitration-start-desktop');
    await amir.getByTestId('arbitration-submit').click();
    await amir.getByTestId('arbitration-consent').waitFor();
    caseId = Number(/\/arbitrations\/(\d+)/.exec(amir.url())?.[1]);
    expect(caseId).toBeGreaterThan(0);
    await expect.poll(() => amir.getByTestId('arbitration-state').textContent()).toBe('در انتظار رضایت طرفین');
    await consentByCode(server, amir, AMIR.mobile);
    await checkpoint(amir, 'arbitration-case-drafted-desktop');
  });

  it('Nazanin, on her phone, consents and names arbitrator.tehran from the registry', async () => {
    nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await nazanin.getByTestId('arbitration-consent').waitFor();
    await consentByCode(server, nazanin, NAZANIN.mobile);
    await expect.poll(() => nazanin.getByTestId('arbitration-state').textContent()).toBe('موافقت‌نامه منعقد شد');
    await choose(nazanin, 'arbitration-registry-0', 'پروین اکبری — تهران');
    await nazanin.getByTestId('arbitration-appoint-submit').click();
    await expect.poll(() => nazanin.getByTestId('arbitration-state').textContent()).toBe('در انتظار قبول داوران');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'arbitration-case-appointed-phone');
  });

  it('the arbitrator accepts from their list; the one-month term runs to 16 Khordad 1405, 32 days left', async () => {
    arbitrator = await desktop.personPage();
    await desktop.signInAsStaff(arbitrator, 'arbitrator.tehran');
    await arbitrator.goto(`${server.url}/arbitrations`);
    await arbitrator.getByTestId(`arbitration-open-${caseId}`).click();
    const accept = arbitrator.locator('[data-testid^="arbitration-accept-"]');
    await accept.click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-state').textContent()).toBe('مدت داوری در جریان');
    await expect.poll(() => arbitrator.getByTestId('arbitration-days-left').textContent()).toBe('۳۲ روز مانده');
    expect(await arbitrator.getByTestId('arbitration-clock-term').textContent()).toContain('۱۶ خرداد ۱۴۰۵');
    await checkpoint(arbitrator, 'arbitration-case-term-desktop');

    await nazanin.reload();
    await expect.poll(() => nazanin.getByTestId('arbitration-days-left').textContent()).toBe('۳۲ روز مانده');
    expect(await nazanin.getByTestId('arbitration-timeline').textContent()).toContain('آغاز مدت داوری');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'arbitration-case-term-phone');
  });

  it('another citizen cannot open the case', async () => {
    const saeed = await phone.personPage();
    await signInAsCitizen(server, saeed, SAEED.mobile);
    await saeed.goto(`${server.url}/arbitrations/${caseId}`);
    await saeed.getByText('موردی یافت نشد.').waitFor();
    await saeed.goto(`${server.url}/arbitrations`);
    await saeed.getByTestId('arbitrations').waitFor();
    expect(await saeed.getByTestId(`arbitration-open-${caseId}`).count()).toBe(0);
  });
});

describe('the award and what follows it', () => {
  it('the arbitrator sets a hearing, writes the award for Amir and signs it: made today, within the term, and sent as an e-notice', async () => {
    await arbitrator.getByTestId('arbitration-hearing-date').fill('۱۴۰۵/۰۲/۲۵');
    await arbitrator.getByTestId('arbitration-hearing-time').fill('۱۰:۰۰');
    await choose(arbitrator, 'arbitration-hearing-place', 'تصویری');
    await arbitrator.getByTestId('arbitration-hearing-submit').click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-hearings').textContent()).toContain('۲۵ اردیبهشت ۱۴۰۵');

    await arbitrator
      .getByTestId('arbitration-award-reasons')
      .fill('با توجه به قرارداد پیمانکاری و صورت‌وضعیت‌های امضاشده، طلب خواهان از بابت کارهای انجام‌شده ثابت است.');
    await arbitrator
      .getByTestId('arbitration-award-decision')
      .fill('خوانده به پرداخت چهارصد میلیون ریال باقی‌ماندهٔ حساب در حق خواهان محکوم می‌شود.');
    await choose(arbitrator, 'arbitration-award-winner', 'امیر تهرانی (خواهان)');
    await arbitrator.getByTestId('arbitration-award-save').click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-state').textContent()).toBe('پیش‌نویس رأی');
    await checkpoint(arbitrator, 'arbitration-award-draft-desktop');
    await arbitrator.locator('[data-testid^="arbitration-sign-"]').click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-state').textContent()).toBe('رأی ابلاغ شد');
    expect(await arbitrator.getByTestId('arbitration-signatures').textContent()).toContain('امضا کرد');
    expect(await arbitrator.getByTestId('arbitration-award-text').textContent()).toContain('۱۵ اردیبهشت ۱۴۰۵');
  });

  it('both parties open the e-notice; Nazanin, on her phone, sees both twenty-day windows to 5 Khordad, 21 days left', async () => {
    for (const page of [amir, nazanin]) {
      await page.goto(`${server.url}/arbitrations/${caseId}`);
      await page.getByTestId('arbitration-award-notice').click();
      await page.getByTestId('portal-notice-delivered').waitFor();
    }
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    for (const kind of ['comply', 'annulment']) {
      const window = nazanin.getByTestId(`arbitration-window-${kind}`);
      await expect.poll(() => window.textContent()).toContain('۲۱ روز مانده');
      expect(await window.textContent()).toContain('۵ خرداد ۱۴۰۵');
    }
    expect(await nazanin.getByTestId('arbitration-award-pdf').getAttribute('href')).toBe(
      `/api/v1/arbitrations/${caseId}/award.pdf`,
    );
    await expectFits(nazanin);
    await checkpoint(nazanin, 'arbitration-award-windows-phone');
  });

  it("on 6 Khordad, the day after the window to comply, the Tehran court clerk records Amir's request for the enforcement order", async () => {
    await server.moveTo(new Date('2026-05-27T08:00:00Z'));
    await recordEnforcementRequest(server, desktop, caseId, 'امیر تهرانی', 'arbitration-enforcement-desktop');
  });
});
