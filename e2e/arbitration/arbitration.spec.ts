/**
 * An arbitration through the UI only, each person in their own browser: Amir Tehrani (desktop)
 * starts an arbitration with Nazanin Esfahani and consents with the code sent to his mobile;
 * Nazanin (a 360 px phone) consents and names arbitrator.tehran from the registry; the arbitrator
 * accepts, and both see the term running with its days left. On the test day, Tuesday 15
 * Ordibehesht 1405, a one-month term runs 16 Ordibehesht … 14 Khordad; 15 Khordad is a Friday and a
 * holiday, so the last day is Saturday 16 Khordad 1405: 32 days left. Another citizen cannot open
 * the case. Every step is checked with axe-core and photographed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, choose, type People, peopleOf, signInAsCitizen } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

const AMIR = { mobile: '09120000001' };
const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };
const SAEED = { mobile: '09170000003' };
const PHONE = { width: 360, height: 740 };

let server: E2eServer;
let desktop: People;
let phone: People;
let caseId = 0;

beforeAll(async () => {
  server = await startE2eServer();
  desktop = await peopleOf(server, { width: 1280, height: 860 });
  phone = await peopleOf(server, PHONE);
});

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.stop();
});

async function consent(page: Page, mobile: string) {
  await page.getByTestId('arbitration-code').fill(await server.latestCodeOf(mobile, 'otp.arbitration-consent'));
  await page.getByTestId('arbitration-consent-submit').click();
  await page.getByTestId('arbitration-consent').waitFor({ state: 'detached' });
}

async function expectFits(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('an arbitration from the agreement to the running term', () => {
  let amir: Page;
  let nazanin: Page;

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
    await checkpoint(amir, 'arbitration-start-desktop');
    await amir.getByTestId('arbitration-submit').click();
    await amir.getByTestId('arbitration-consent').waitFor();
    caseId = Number(/\/arbitrations\/(\d+)/.exec(amir.url())?.[1]);
    expect(caseId).toBeGreaterThan(0);
    await expect.poll(() => amir.getByTestId('arbitration-state').textContent()).toBe('در انتظار رضایت طرفین');
    await consent(amir, AMIR.mobile);
    await checkpoint(amir, 'arbitration-case-drafted-desktop');
  });

  it('Nazanin, on her phone, consents and names arbitrator.tehran from the registry', async () => {
    nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await nazanin.getByTestId('arbitration-consent').waitFor();
    await consent(nazanin, NAZANIN.mobile);
    await expect.poll(() => nazanin.getByTestId('arbitration-state').textContent()).toBe('موافقت‌نامه منعقد شد');
    await choose(nazanin, 'arbitration-registry-0', 'پروین اکبری — تهران');
    await nazanin.getByTestId('arbitration-appoint-submit').click();
    await expect.poll(() => nazanin.getByTestId('arbitration-state').textContent()).toBe('در انتظار قبول داوران');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'arbitration-case-appointed-phone');
  });

  it('the arbitrator accepts from their list; the one-month term runs to 16 Khordad 1405, 32 days left', async () => {
    const arbitrator = await desktop.personPage();
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
