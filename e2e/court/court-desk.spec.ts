/**
 * At the court desk, in Chromium, on Saturday 15 Farvardin 1405: a judge issues a decision on a
 * case whose defendant has no e-account and attaches the signed decision as a PDF; the clerk prints
 * the notice for the court's bailiff (court, case number left to right, party and address, text,
 * the bailiff's report to fill in), records the bailiff's service — a date in the future is refused
 * next to its field, in Persian — and the defendant's deadline shows, counted from the day of
 * service. The claimant, who has an e-account, downloads the signed decision from a 360 px phone.
 *
 * The deadline is the worked example of hiu.ir ("مهلت تجدیدنظرخواهی"): a decision served on
 * 15 Farvardin may be appealed until 5 Ordibehesht (Civil Procedure Code Arts. 336, 445);
 * 5 Ordibehesht 1405 is Saturday 25 April 2026, a working day.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '#core/persian-digits';
import { checkpoint } from '../support/people';
import { serverWithPeople, PHONE } from '../support/spec-server';

const NOW = new Date('2026-04-04T06:30:00Z'); // Saturday 15 Farvardin 1405, 10:00 in Tehran
const CASE_NUMBER = '1405-THR-GEN-01-000777';
const DEFENDANT = 'بهمن بدهکار';
const ADDRESS = 'تهران، خیابان آزادی، کوچهٔ بهار، پلاک ۷';
const DECISION_TITLE = 'رأی دادگاه در پروندهٔ مطالبهٔ وجه چک';
const CLAIMANT_MOBILE = '09120000001';

let caseId: number;
let defendantId: number;
let signed: Buffer;

const query = <T>(sql: string, params: unknown[] = []) =>
  server.ctx.database.pool.query(sql, params).then((r) => r.rows as T[]);

const { server, people, phone } = serverWithPeople(
  { now: NOW },
  { people: { width: 1366, height: 768 }, phone: PHONE },
);
beforeAll(async () => {
  // A filing accepted into a case of Tehran's general court: citizen 1 (e-account) against a
  // defendant the filing names with an address and no e-account.
  const [filing] = await query<{ id: number }>(
    `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id, subject, submitted_at, case_number, branch)
    values ('petition', 'accepted', 'office', 1, 1, 1, 1, 1, 'مطالبهٔ وجه چک', $1, $2, 2) returning id::int as id`,
    [NOW, CASE_NUMBER],
  );
  await query(
    `insert into filing_parties (filing_id, role, citizen_id, name, national_id, address) values
    ($1, 'claimant', 1, 'امیر تهرانی', '0499370899', null), ($1, 'defendant', null, $2, null, $3)`,
    [filing.id, DEFENDANT, ADDRESS],
  );
  const [kase] = await query<{ id: number }>(
    `insert into cases (case_number, court_id, branch, province_id, filing_id, subject, opened_by, opened_at)
    values ($1, 1, 2, 1, $2, 'مطالبهٔ وجه چک', 1, $3) returning id::int as id`,
    [CASE_NUMBER, filing.id, NOW],
  );
  caseId = kase.id;
  const parties = await query<{ id: number }>(
    `insert into case_parties (case_id, role, citizen_id, name, national_id) values
    ($1, 'claimant', 1, 'امیر تهرانی', '0499370899'), ($1, 'defendant', null, $2, null) returning id::int as id`,
    [caseId, DEFENDANT],
  );
  defendantId = parties[1].id;
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Signed decision', { x: 50, y: 800, size: 14 });
  signed = Buffer.from(await doc.save());
});

async function signInAsStaff(page: Page, username: string) {
  await people.signInAsStaff(page, username);
}

async function openCase(page: Page) {
  await page.goto(`${server.url}/court/cases/${caseId}`);
  await page.getByTestId('court-case').waitFor();
}

const decisionCard = (page: Page) => page.getByTestId('case-notice').filter({ hasText: DECISION_TITLE });

describe('paper service at the court desk', () => {
  it('the judge issues a decision to a case whose defendant has no e-account, and attaches the signed decision as a PDF', async () => {
    const judge = await people.personPage();
    await signInAsStaff(judge, 'judge.tehran');
    await openCase(judge);
    expect(await judge.getByTestId('notice-paper-hint').innerText()).toContain('۱');
    // A summons' hearing date: the example is today, and the calendar button opens the picker.
    const hearing = judge.getByTestId('notice-hearing-date');
    expect(await hearing.getAttribute('placeholder')).toBe('۱۴۰۵/۰۱/۱۵');
    await judge.getByTestId('issue-notice-form').getByTestId('jalali-calendar-button').click();
    const picker = judge.locator('.rmdp-calendar');
    await picker.waitFor();
    await picker.locator('.rmdp-day:not(.rmdp-deactive)', { hasText: /^۲۸$/ }).first().click();
    await expect.poll(() => hearing.inputValue()).toBe('۱۴۰۵/۰۱/۲۸');
    await judge.getByTestId('notice-kind').getByText('رأی', { exact: true }).click();
    await judge.getByTestId('notice-title').fill(DECISION_TITLE);
    await judge.getByTestId('notice-body').fill('دادگاه خوانده را به پرداخت وجه چک و خسارات محکوم می‌کند.');
    await judge.getByTestId('notice-submit').click();
    const card = decisionCard(judge);
    await card.waitFor();
    // The defendant waits for the bailiff: listed, not served yet.
    const row = card.locator(`[data-party="${defendantId}"]`);
    expect(await row.getAttribute('data-served')).toBe('no');
    expect(await row.innerText()).toContain(ADDRESS);
    // A judge reads the paper service but does not record it.
    expect(await card.getByTestId(`paper-record-${defendantId}`).count()).toBe(0);

    const chooser = judge.waitForEvent('filechooser');
    await card.getByTestId('decision-file').click();
    await (await chooser).setFiles({ name: 'signed-decision.pdf', mimeType: 'application/pdf', buffer: signed });
    await card.getByTestId('decision-attach').click();
    await card.getByTestId('notice-document-link').waitFor();
    await checkpoint(judge, 'court-desk-01-decision-attached');

    const downloading = judge.waitForEvent('download');
    await card.getByTestId('notice-document-link').click();
    const download = await downloading;
    expect(fs.readFileSync((await download.path())!).equals(signed)).toBe(true);
  });

  it('the clerk prints the notice for the bailiff: court, case number left to right, party and address, text, the report to fill in', async () => {
    const clerk = await people.personPage();
    await signInAsStaff(clerk, 'clerk.tehran');
    await openCase(clerk);
    const card = decisionCard(clerk);
    await card.getByTestId(`paper-print-${defendantId}`).click();
    const sheet = clerk.getByTestId('paper-notice');
    await sheet.waitFor();
    const caseNumber = clerk.getByTestId('paper-notice-case');
    expect(await caseNumber.getAttribute('dir')).toBe('ltr');
    expect(await caseNumber.innerText()).toBe(toPersianDigits(CASE_NUMBER));
    expect(await clerk.getByTestId('paper-notice-party').innerText()).toContain(DEFENDANT);
    expect(await sheet.innerText()).toContain(ADDRESS);
    expect(await sheet.innerText()).toContain('دادگاه');
    expect(await clerk.getByTestId('paper-notice-body').innerText()).toContain('وجه چک');
    const report = await clerk.getByTestId('paper-notice-report').innerText();
    expect(report).toContain('مادهٔ ۶۸');
    expect(report).toContain('مادهٔ ۶۹');
    expect(report).toContain('مادهٔ ۷۰');
    await checkpoint(clerk, 'court-desk-02-paper-notice');
    // On paper only the notice prints: the shell and the buttons stay on the screen.
    await clerk.emulateMedia({ media: 'print' });
    expect(await clerk.getByTestId('paper-notice-print').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await clerk.emulateMedia({ media: 'screen' });
  });

  it("the clerk records the bailiff's service; a date after today is refused next to its field; the defendant's deadline shows", async () => {
    const clerk = await people.personPage();
    await signInAsStaff(clerk, 'clerk.tehran');
    await openCase(clerk);
    const card = decisionCard(clerk);
    await card.getByTestId(`paper-record-${defendantId}`).click();
    const form = card.getByTestId('paper-form');
    await form.waitFor();
    // Tomorrow: the server refuses it on the date field, in Persian.
    await form.getByTestId('paper-served-on').fill('۱۴۰۵/۰۱/۱۶');
    await form.getByTestId('paper-manner-posting').check();
    await form.getByTestId('paper-report').fill('خوانده و بستگان او در نشانی نبودند؛ نسخهٔ دوم الصاق شد.');
    await form.getByTestId('paper-submit').click();
    const dateError = form.locator('.mantine-InputWrapper-error').first();
    await dateError.waitFor();
    expect(await dateError.innerText()).toBe('تاریخ ابلاغ نمی‌تواند پس از امروز باشد.');
    await checkpoint(clerk, 'court-desk-03-date-refused');

    // Today, 15 Farvardin 1405, posted at the address (Art. 70).
    await form.getByTestId('paper-served-on').fill('۱۴۰۵/۰۱/۱۵');
    await form.getByTestId('paper-submit').click();
    const row = card.locator(`[data-party="${defendantId}"]`);
    await expect.poll(() => row.getAttribute('data-served')).toBe('yes');
    expect(await row.getByTestId('paper-served').innerText()).toContain('ابلاغ قانونی');
    const deadline = row.getByTestId('paper-deadline');
    expect(await deadline.locator('time').getAttribute('datetime')).toBe('2026-04-25');
    expect(await deadline.innerText()).toContain('۵ اردیبهشت ۱۴۰۵');
    expect(await deadline.innerText()).toContain('۲۰');
    expect(await card.getByTestId('paper-form').count()).toBe(0);
    await checkpoint(clerk, 'court-desk-04-served');

    const [event] = await query<{ action: string; data: { servedOn: string; deadlineDate: string } }>(
      "select action, data from audit_events where action = 'notices.serve-paper' order by seq desc limit 1",
    );
    expect(event.data).toMatchObject({ servedOn: '1405-01-15', deadlineDate: '2026-04-25' });
  });

  it('the claimant downloads the signed decision with the notice on a 360 px phone', async () => {
    const citizen = await phone.personPage();
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(toPersianDigits(CLAIMANT_MOBILE));
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode(CLAIMANT_MOBILE));
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();
    const [notice] = await query<{ id: number }>('select id::int as id from notices where title = $1', [
      DECISION_TITLE,
    ]);
    await citizen.goto(`${server.url}/me/notices/${notice.id}`);
    const link = citizen.getByTestId('portal-notice-document');
    await link.waitFor();
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkpoint(citizen, 'court-desk-05-citizen-decision-phone');
    const downloading = citizen.waitForEvent('download');
    await link.click();
    expect(fs.readFileSync((await (await downloading).path())!).equals(signed)).toBe(true);
  });
});
