/**
 * At the counter, as the operator lives it: a visitor takes a ticket for a service and gets it
 * printed (80 mm thermal slip: number in Persian digits, service, office, Jalali time, estimated
 * wait); the operator calls them, looks them up by national ID, and reads their notices on their
 * behalf — one button texts the consent code to the citizen's registered mobile, the code read
 * back from the SMS (the test transport's outbox) goes in one field, and the notices are listed and
 * opened. No internal number is ever shown. The ticket is also checked at a 360 px phone width.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { screenshot } from '../support/browser';
import { checkpoint, choose, DESKTOP } from '../support/people';
import { serverWithPeople, PHONE } from '../support/spec-server';

const AMIR = { nationalId: '0499370899', mobile: '09120000001', name: 'امیر تهرانی' };
const NOTICE_TITLE = 'دادنامهٔ دعوای مطالبهٔ وجه';
const OFFICE_NAME = 'دفتر خدمات الکترونیک قضایی ۱۱۰۰۱ — ونک';
const SERVICE = 'گشایش صفحه ابلاغ الکترونیک';

const sql = async <R>(text: string, values: unknown[] = []) =>
  (await server.ctx.database.pool.query(text, values)).rows as R[];

const { server, people, phone } = serverWithPeople({}, { people: DESKTOP, phone: PHONE });
beforeAll(async () => {
  // A decision of Tehran's court 1 on a case Amir is a party to, not yet delivered to him.
  const [judge] = await sql<{ id: number }>("select id::int as id from users where username = 'judge.tehran'");
  const [kase] = await sql<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('CJ-1405-1', 1, 2, 1, 'مطالبهٔ وجه', $1) returning id::int as id",
    [judge.id],
  );
  await sql("insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', 1, $2)", [
    kase.id,
    AMIR.name,
  ]);
  const [notice] = await sql<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
    values ($1, 1, 1, 'decision', $2, 'متن کامل رأی دادگاه.', $3, $4) returning id::int as id`,
    [kase.id, NOTICE_TITLE, judge.id, server.ctx.clock.now()],
  );
  await sql('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, 1, 1)', [notice.id]);
});

const latin = (s: string) => toLatinDigits(s).replace(/[\s\u200e\u200f\u2066-\u2069]/g, '');

async function expectTicketSlip(page: Page, name: string) {
  const slip = page.getByTestId('ticket-slip');
  await slip.waitFor();
  expect(await page.getByTestId('ticket-slip-number').innerText()).toBe('۱');
  expect(await page.getByTestId('ticket-slip-office').innerText()).toBe(OFFICE_NAME);
  expect(await page.getByTestId('ticket-slip-service').innerText()).toBe(SERVICE);
  // Nobody ahead of the first ticket of the day.
  expect(await page.getByTestId('ticket-slip-ahead').innerText()).toBe('۰');
  expect(await page.getByTestId('ticket-slip-wait').innerText()).toBe('بدون انتظار');
  // Jalali, Persian digits: TEST_NOW is 15 Ordibehesht 1405, 10:00 in Tehran.
  const time = await page.getByTestId('ticket-slip-time').innerText();
  expect(time).toMatch(/[۰-۹]/);
  expect(time).toContain('اردیبهشت');
  expect(time).toContain('۱۴۰۵');
  await checkpoint(page, name);
  // As the thermal printer gets it: only the slip, no wider than the roll (80 mm ≈ 302 CSS px).
  await page.emulateMedia({ media: 'print' });
  const box = await slip.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(302);
  // The page's buttons stay off the paper.
  expect(await page.getByTestId('ticket-slip-print').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  await screenshot(page, `${name}-print`);
  await page.emulateMedia({ media: 'screen' });
}

describe('the operator at the counter', () => {
  let operator: Page;
  let ticketPath = '';

  it('a visitor takes a ticket for a service and it prints on an 80 mm slip', async () => {
    operator = await people.personPage();
    await people.signInAsStaff(operator, 'operator.11001');
    await operator.goto(`${server.url}/counter`);
    await operator.getByTestId('queue-panel').waitFor();
    await choose(operator, 'ticket-service', SERVICE);
    await operator.getByTestId('issue-ticket').click();
    await operator.getByTestId('print-ticket').waitFor();
    // The queue and today's work say the same: one waiting.
    await expect.poll(async () => latin(await operator.getByTestId('queue-waiting').innerText())).toContain('1');
    await expect.poll(async () => latin(await operator.getByTestId('today-waiting').innerText())).toContain('1');
    await operator.getByTestId('ticket-1').waitFor();
    await checkpoint(operator, 'counter-ticket-issued');
    await operator.getByTestId('print-ticket').click();
    await operator.waitForURL(/\/counter\/tickets\/\d+\/print$/);
    ticketPath = new URL(operator.url()).pathname;
    await expectTicketSlip(operator, 'counter-ticket-slip');
  });

  it('the same slip fits a 360 px phone', async () => {
    const small = await phone.personPage();
    await phone.signInAsStaff(small, 'operator.11001');
    await small.goto(`${server.url}${ticketPath}`);
    await expectTicketSlip(small, 'counter-ticket-slip-phone');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  // One journey in steps, each a test with its own time limit: on a loaded machine the whole of it
  // once ran past one test's limit, which names no line. A step that fails fails the ones after it.
  let decisionLine = '';
  let appealId = 0;

  it('the operator calls the visitor and finds them by national ID', async () => {
    await operator.goto(`${server.url}/counter`);
    await operator.getByTestId('queue-panel').waitFor();
    // The queue as the server has it before the call: one waiting (not a count drawn before it loaded).
    await expect.poll(async () => latin(await operator.getByTestId('queue-waiting').innerText())).toContain('1');
    await operator.getByTestId('call-next').click();
    await expect.poll(async () => latin(await operator.getByTestId('current-ticket-number').innerText())).toBe('1');
    // Waiting goes to zero in both places once the visitor is called.
    await expect.poll(async () => latin(await operator.getByTestId('queue-waiting').innerText())).toContain('0');
    await expect.poll(async () => latin(await operator.getByTestId('today-waiting').innerText())).toContain('0');
    await operator.getByTestId('lookup-national-id').fill(AMIR.nationalId);
    await operator.getByTestId('lookup-submit').click();
    await operator.getByTestId('citizen-card').waitFor();
    await choose(operator, 'service-select', SERVICE);
    await operator.getByTestId('start-service').click();
    // The citizen carries over: no national ID to type again.
    await operator.waitForURL(/\/counter\/notices$/);
    await operator.getByTestId('office-notices-citizen').waitFor();
    expect(await operator.getByTestId('office-notices-citizen-name').innerText()).toBe(AMIR.name);
  });

  it("the operator reads the visitor's notices with the code from the citizen's SMS; a wrong code is refused", async () => {
    await operator.getByTestId('office-notices-send-code').click();
    await operator.getByTestId('office-notices-code-sent').waitFor();
    await checkpoint(operator, 'counter-notices-code-sent');

    // A wrong code is refused next to the field, in Persian.
    const code = await server.latestCodeOf(AMIR.mobile, 'otp.consent');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await operator.getByTestId('office-notices-code').fill(wrong);
    await operator.getByTestId('office-notices-confirm').click();
    await expect.poll(() => operator.getByTestId('office-notices-code').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => operator.getByTestId('office-notices-code-form').innerText()).toContain('کد رضایت نادرست');

    // The right one, typed with a Persian keyboard.
    await operator.getByTestId('office-notices-code').fill(code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
    await operator.getByTestId('office-notices-confirm').click();
    await operator.getByTestId('office-notice-row').first().waitFor();
    await expect.poll(() => operator.getByTestId('office-notices').innerText()).toContain(NOTICE_TITLE);
    // Nothing internal on the page: no consent number, no citizen id.
    const page = await operator.getByTestId('office-notices-page').innerText();
    expect(page).not.toMatch(/شمارهٔ رضایت|شناسهٔ شهروند|consent/i);
    await checkpoint(operator, 'counter-notices-listed');
  });

  it('the opened notice reads in full, prints as a PDF, and offers its appeal with the time left', async () => {
    await operator.locator('[data-testid^="office-open-"]').first().click();
    await operator.getByTestId('office-opened').waitFor();
    await expect.poll(() => operator.getByTestId('office-opened').innerText()).toContain('متن کامل رأی دادگاه');
    await checkpoint(operator, 'counter-notice-opened');
    // The opened notice prints for the citizen as a PDF titled with the court's name (its address is on the page).
    // The server's printer may start its browser for this first print: a loaded machine takes its time.
    const [download] = await Promise.all([
      operator.waitForEvent('download', { timeout: 120_000 }),
      operator.getByTestId('office-notice-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^notice-\d+\.pdf$/);
    expect(await download.failure()).toBeNull();
    const pdf = await PDFDocument.load(fs.readFileSync(await download.path()));
    expect(pdf.getTitle()).toMatch(/^ابلاغیه — مجتمع قضایی /);

    // "Appeal this": the decision just delivered shows the time to appeal (CPC Art. 336: 20 days in Iran,
    // two months abroad) and opens the wizard on an appeal with its court, branch and case filled in.
    expect(await operator.getByTestId('appeal-time-resident').innerText()).toMatch(
      /^مهلت تجدیدنظرخواهی برای مقیمان ایران \(۲۰ روز\): تا .+ — [۰-۹]+ روز مانده$/,
    );
    expect(await operator.getByTestId('appeal-time-abroad').innerText()).toMatch(
      /\(دو ماه\): تا .+ — [۰-۹]+ روز مانده$/,
    );
    const [audited] = await sql<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'notices.open-at-office'",
    );
    expect(audited.n).toBe(1);
  });

  it('the appeal opens in the filing wizard with the decision, its court and the applicant filled in', async () => {
    await operator.getByTestId('office-appeal-start').click();
    await operator.waitForURL(/\/filings\/new\?service=appeal$/);
    await operator.getByTestId('wizard-appeal').waitFor();
    await expect.poll(() => operator.getByTestId('wizard-service').inputValue()).toBe('دادخواست تجدیدنظر');
    expect(toLatinDigits(await operator.getByTestId('wizard-appeal').innerText())).toMatch(
      /\(20 روز\): تا .+ — \d+ روز مانده/,
    );
    // What it appeals: the decision, its branch and court, the case — filled into the court and subject steps.
    decisionLine = await operator.getByTestId('wizard-appeal-decision').innerText();
    expect(decisionLine).toMatch(/^تجدیدنظرخواهی از .+ شعبهٔ [۰-۹]+ مجتمع قضایی .+ در پروندهٔ .+، ابلاغ‌شده در .+$/);
    await expect
      .poll(() => operator.getByTestId('wizard-applicant-national-id').inputValue())
      .toBe(toPersianDigits(AMIR.nationalId));
    await checkpoint(operator, 'counter-appeal-wizard');
  });

  it('the appeal keeps the decision it appeals: saved, the notice shows it in place of "appeal this"', async () => {
    await operator.getByTestId('party-0-national-id').fill(AMIR.nationalId);
    await operator.getByTestId('party-1-name').fill('بهمن بدهکار');
    await operator.getByTestId('wizard-next').click();
    await operator.waitForURL(/[?&]id=\d+/);
    appealId = Number(new URL(operator.url()).searchParams.get('id'));
    const [kept] = await sql<{ n: number }>(
      "select count(*)::int as n from filings f join notices n on n.id = f.appeals_notice_id where f.id = $1 and n.kind = 'decision' and f.service_code = 'appeal'",
      [appealId],
    );
    expect(kept.n).toBe(1);
    await operator.goto(`${server.url}/counter/notices`);
    await operator.locator('[data-testid^="office-open-"]').first().click();
    await operator.getByTestId('appeal-filed').waitFor();
    await expect
      .poll(() => operator.getByTestId('appeal-filed').innerText())
      .toMatch(/^تجدیدنظرخواهی از این رأی:\s*پیش‌نویس\s*پیش‌نویس آغازشده در .+[۰-۹]{4}\s*دیدن دادخواست$/);
    expect(await operator.getByTestId('office-appeal-start').count()).toBe(0);
    await checkpoint(operator, 'counter-appeal-filed');
    await operator.getByTestId('appeal-filed-open').click();
    await operator.waitForURL(new RegExp(`/filings/${appealId}$`));
    // Reopened in the wizard later (no router state), the draft still shows the decision it appeals.
    await operator.goto(`${server.url}/filings/new?id=${appealId}`);
    await operator.getByTestId('wizard-appeal').waitFor();
    await expect.poll(() => operator.getByTestId('wizard-appeal-decision').innerText()).toBe(decisionLine);
    expect(await operator.getByTestId('appeal-time-resident').innerText()).toMatch(
      /\(۲۰ روز\): تا .+ — [۰-۹]+ روز مانده$/,
    );
  });

  it('from the menu, the page starts from the citizen being served, or a national ID typed there', async () => {
    await operator.goto(`${server.url}/counter`);
    await operator.getByTestId('nav-counter-notices').click();
    await operator.getByTestId('office-notices-citizen').waitFor();
    expect(await operator.getByTestId('office-notices-citizen-name').innerText()).toBe(AMIR.name);
    // The consent given a moment ago still stands (30 minutes): the notices show at once.
    await operator.getByTestId('office-notice-row').first().waitFor();
    await operator.getByTestId('office-notices-other').click();
    await operator.getByTestId('office-notices-national-id').fill('۱۲۹۰۰۰۰۰۱۸');
    await operator.getByTestId('office-notices-find').click();
    await operator.getByTestId('office-notices-send-code').waitFor();
    expect(await operator.getByTestId('office-notices-citizen-name').innerText()).toBe('نازنین اصفهانی');
  });
});
