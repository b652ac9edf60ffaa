/**
 * Numbers as people type and read them, and text that reads the right way round in English.
 * A national ID and a claim amount typed with a Persian keyboard (۰-۹) or an Arabic one (٠-٩) are
 * kept and shown in Persian digits, amounts with «٬» between thousands, also where the page fills
 * the value in itself; a citizen's mobile and one-time code likewise on a 360 px phone. In English,
 * a filing's status history reads "Draft → Confirmed" left to right and the applicant's Persian
 * name stays before their national ID. The orange "expiring" licence badge passes the contrast
 * check. Screenshots: test-results/screenshots/digits-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageRequest } from '../support/page-api';
import { checkpoint, choose, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** The demo citizen (Tehran) and the same digits as each keyboard types them. */
const TEHRANI = {
  nationalId: '0499370899',
  persian: '۰۴۹۹۳۷۰۸۹۹',
  arabic: '٠٤٩٩٣٧٠٨٩٩',
  name: 'امیر تهرانی',
  mobile: '09120000001',
};
const ARABIC_MOBILE = '٠٩١٢٠٠٠٠٠٠١';
const PERSIAN_MOBILE = '۰۹۱۲۰۰۰۰۰۰۱';
const TO_ARABIC = (latin: string) => latin.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);

let operator: Page;

const { server, people } = serverWithPeople({}, { people: DESKTOP });
beforeAll(async () => {
  operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
});

const value = (page: Page, testId: string) => page.getByTestId(testId).inputValue();

/** A draft petition for the demo citizen at Tehran's court, made through the API as the page would. */
async function draftFiling(page: Page, confirm: boolean): Promise<number> {
  const nationalId = TEHRANI.nationalId;
  const res = await pageRequest(page, 'POST', '/api/v1/filings', {
    service: 'petition',
    applicantNationalId: nationalId,
    courtId: 1,
    branch: 3,
    subject: 'مطالبهٔ وجه چک',
    parties: [
      { kind: 'citizen', role: 'claimant', nationalId },
      { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
    ],
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  const created = res.body as { id: number };
  if (confirm) {
    const confirmed = await pageRequest(page, 'POST', `/api/v1/filings/${created.id}/confirm`);
    if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  }
  return created.id;
}

describe('digits as typed, shown in Persian', () => {
  it('a national ID typed with Arabic-Indic digits at the counter is kept, shown in Persian digits, and carried into the wizard in Persian digits', async () => {
    await operator.goto(`${server.url}/counter`);
    await operator.getByTestId('lookup-national-id').pressSequentially(TEHRANI.arabic);
    expect(await value(operator, 'lookup-national-id')).toBe(TEHRANI.persian);
    await operator.getByTestId('lookup-submit').click();
    await operator.getByTestId('citizen-card').waitFor();
    expect(await operator.getByTestId('citizen-name').innerText()).toBe(TEHRANI.name);
    await checkpoint(operator, 'digits-01-counter-lookup');

    // The wizard fills the applicant in itself: in Persian digits too.
    await choose(operator, 'service-select', 'ثبت دادخواست');
    await operator.getByTestId('start-service').click();
    await operator.waitForURL(/\/filings\/new\?/);
    await expect.poll(() => value(operator, 'wizard-applicant-national-id')).toBe(TEHRANI.persian);
    await expect.poll(() => operator.getByTestId('wizard-applicant-name').innerText()).toBe(`متقاضی: ${TEHRANI.name}`);
    // Typed again by hand, in Persian digits, it stays as typed.
    await operator.goto(`${server.url}/filings/new`);
    const applicant = operator.getByTestId('wizard-applicant-national-id');
    await applicant.pressSequentially(TEHRANI.persian);
    expect(await applicant.inputValue()).toBe(TEHRANI.persian);
    await operator.getByTestId('party-0-national-id').pressSequentially(TEHRANI.arabic);
    expect(await value(operator, 'party-0-national-id')).toBe(TEHRANI.persian);
    await checkpoint(operator, 'digits-02-wizard-national-ids');
  });

  it('a claim amount typed with Persian or Arabic-Indic digits is kept, grouped with «٬», and saved as that many Rials', async () => {
    const id = await draftFiling(operator, false);
    await operator.goto(`${server.url}/filings/new?id=${id}`);
    // The national ID the page loads from the draft shows in Persian digits.
    await expect.poll(() => value(operator, 'wizard-applicant-national-id')).toBe(TEHRANI.persian);
    await operator.getByTestId('wizard-next').click();
    await operator.getByTestId('court-picker').waitFor();
    await operator.getByTestId('wizard-next').click();
    await operator.getByTestId('claim-add').click();
    await operator.getByTestId('claim-0-description').fill('وجه چک');
    const amount = operator.getByTestId('claim-0-value');
    await amount.pressSequentially('۵۰۰۰۰۰۰۰۰');
    expect(await amount.inputValue()).toBe('۵۰۰٬۰۰۰٬۰۰۰');
    expect(await operator.getByTestId('claim-0').innerText()).toContain('۵۰۰٬۰۰۰٬۰۰۰ ریال');

    await operator.getByTestId('claim-add').click();
    await operator.getByTestId('claim-1-description').fill('خسارت تأخیر');
    await operator.getByTestId('claim-1-value').pressSequentially(TO_ARABIC('7250000'));
    expect(await value(operator, 'claim-1-value')).toBe('۷٬۲۵۰٬۰۰۰');
    await checkpoint(operator, 'digits-03-claim-amounts');

    await operator.getByTestId('wizard-next').click();
    await operator.getByTestId('attachments').waitFor();
    const saved = await operator.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/filings/${id}`);
    expect(saved.claims.map((c: { valueRials: number }) => c.valueRials)).toEqual([500_000_000, 7_250_000]);
  });

  it('a date and a number of days typed with Arabic-Indic digits read in Persian digits', async () => {
    await operator.goto(`${server.url}/deadline`);
    const date = operator.getByTestId('deadline-delivered-on');
    await date.fill('');
    await date.pressSequentially('١٤٠٣/٠١/١٥');
    expect(await date.inputValue()).toBe('۱۴۰۳/۰۱/۱۵');
    const amount = operator.getByTestId('deadline-amount');
    await amount.fill('');
    await amount.pressSequentially('٢٠');
    expect(await amount.inputValue()).toBe('۲۰');
    await checkpoint(operator, 'digits-03b-date');
  });

  it('on a phone, a citizen types their mobile and one-time code with Arabic-Indic digits and reads them in Persian digits', async () => {
    const citizen = await people.personPage();
    await citizen.setViewportSize({ width: 360, height: 740 });
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').pressSequentially(ARABIC_MOBILE);
    expect(await value(citizen, 'citizen-mobile')).toBe(PERSIAN_MOBILE);
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    const code = await server.latestCode(TEHRANI.mobile);
    await citizen.getByTestId('citizen-code').pressSequentially(TO_ARABIC(code));
    expect(await value(citizen, 'citizen-code')).toBe(code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
    await checkpoint(citizen, 'digits-04-phone-code');
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();
    // The online wizard fills in the citizen's own national ID: Persian digits.
    await citizen.goto(`${server.url}/filings/new`);
    await expect.poll(() => value(citizen, 'wizard-applicant-national-id')).toBe(TEHRANI.persian);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkpoint(citizen, 'digits-05-phone-wizard');
  });
});

describe('English reads left to right', () => {
  it('the status history reads "Draft → Confirmed, awaiting payment" and a Persian name stays before its national ID', async () => {
    const id = await draftFiling(operator, true);
    await operator.goto(`${server.url}/filings/${id}`);
    await operator.getByTestId('lang-toggle').click();
    await expect.poll(() => operator.evaluate(() => document.documentElement.dir)).toBe('ltr');

    // The first step of the history is the draft's creation (no "from"); the next is its confirmation.
    const step = operator.locator('.daftar-from-to', { hasText: '→' }).first();
    await expect.poll(() => step.innerText()).toBe('Draft → Confirmed, awaiting payment');
    // As drawn on screen: "Draft" left of the arrow, "Confirmed" right of it.
    const [from, to] = await step.locator('bdi').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect(from).toBeLessThan(to);

    // «امیر تهرانی (0499370899)»: the name first, then the number in brackets, left to right.
    const applicant = operator.locator('bdi', { hasText: TEHRANI.name }).first();
    const number = operator.locator('bdi', { hasText: TEHRANI.nationalId }).first();
    expect(await number.innerText()).toBe(TEHRANI.nationalId);
    const nameBox = (await applicant.boundingBox())!;
    const numberBox = (await number.boundingBox())!;
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(numberBox.x);
    await checkpoint(operator, 'digits-06-english-history');

    // Back in Persian, the arrow points the way Persian reads: «پیش‌نویس ← تأییدشده», right to left.
    await operator.getByTestId('lang-toggle').click();
    await expect.poll(() => operator.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const faStep = operator.locator('.daftar-from-to', { hasText: '←' }).first();
    expect(await faStep.innerText()).toMatch(/^\S.* ← .*\S$/);
    const [faFrom, faTo] = await faStep
      .locator('bdi')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect(faFrom).toBeGreaterThan(faTo);
  });
});

describe('contrast', () => {
  it('the orange "expiring" licence badge on /staff passes the accessibility check', async () => {
    // One of the office's operators has a licence running out in ten days.
    const [{ id }] = (
      await server.ctx.database.pool.query<{ id: number }>(
        `update activity_licences set expires_on = $1::date + 10
         where id = (select l.id from activity_licences l join users u on u.id = l.user_id
                     where u.username = 'operator.11001' and l.status = 'active' order by l.id limit 1)
         returning id`,
        ['2026-05-05'],
      )
    ).rows;
    expect(id).toBeGreaterThan(0);
    const manager = await people.personPage();
    await people.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/staff`);
    const badge = manager.locator('[data-testid="licence-badge"][data-status="expiring"]').first();
    await badge.waitFor();
    await checkpoint(manager, 'digits-07-staff-expiring');
  });
});
