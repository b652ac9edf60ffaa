/**
 * The whole story of a judicial e-services office, on one server and through the UI only, each
 * person in their own browser: an operator registers a citizen at the counter and files a petition
 * for them with two attachments, pays it at the sandbox bank, sends it to court and prints the
 * submission slip without leaving the wizard; a court clerk accepts
 * it into a case; the judge issues a decision; the citizen signs in online, opens the notice and
 * reads the last day to appeal in Jalali. Every page is checked with axe-core and photographed
 * (test-results/screenshots/story-*.png). It all happens on one chosen day (STORY_NOW), on the
 * server and in every browser, so what the story checks never depends on the day it runs.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { quoteService } from '#core/fees';
import { formatRials } from '#core/money';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { TARIFF_1403 } from '#core/tariff-1403';
import {
  describeViolations,
  type BrowserLease,
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
} from '../support/browser';
import { followServerClock } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

/**
 * Today is Saturday 15 Farvardin 1405, 10:00 in Tehran: the day of the worked example of Art. 445
 * (a notice delivered on 15 Farvardin), after the Nowruz holidays, a month before the day the demo
 * data is dated around (TEST_NOW), so every demo licence is in force.
 */
const STORY_NOW = new Date('2026-04-04T06:30:00Z');

/** The visitor: a new citizen, not in the demo data. */
const CITIZEN = {
  nationalId: '4527816306',
  firstName: 'پریسا',
  lastName: 'کاظمی',
  fatherName: 'مجید',
  birthDate: '۱۳۶۸/۰۴/۱۵',
  mobile: '09123000042',
  address: 'تهران، خیابان شریعتی، کوچهٔ بهار، پلاک ۷',
  postalCode: '1969833114',
};
/** The other side: a demo citizen who has an e-account (so the court's notices reach him too). */
const DEFENDANT_NATIONAL_ID = '0499370899';
const COURT_NAME = 'مجتمع قضایی شهید بهشتی تهران';
const BRANCH = 3;
const SUBJECT = 'مطالبهٔ وجه یک فقره چک';
const NOTICE_TITLE = 'دادنامهٔ رسیدگی به دعوای مطالبهٔ وجه';
const DECISION_DAYS = 20;

let server: E2eServer;
let browser: BrowserLease;
const contexts: BrowserContext[] = [];

/** What one person hands to the next. */
const story = { filingId: 0, trackingCode: '', caseId: 0, caseNumber: '' };

beforeAll(async () => {
  server = await startE2eServer({ now: STORY_NOW });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function personPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
  });
  contexts.push(context);
  await followServerClock(context, server);
  return context.newPage();
}

/** The accessibility check (serious and critical violations fail) and the screenshot of a step. */
async function checkpoint(page: Page, name: string) {
  // The print preview is a frame: wait for it, so that axe looks inside a loaded document.
  for (const frame of page.frames()) {
    if (frame !== page.mainFrame()) await frame.waitForLoadState('load');
  }
  // From the top, so that the fixed header is not photographed in the middle of a full page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  const violations = await seriousAccessibilityViolations(page);
  const details: string[] = [];
  for (const v of violations) {
    for (const n of v.nodes.slice(0, 3)) {
      details.push(
        `${v.id}: ${await page.evaluate((sel) => {
          const el = document.querySelector(sel);
          if (!el) return sel;
          const cs = getComputedStyle(el);
          return `${el.outerHTML.slice(0, 200)} (color ${cs.color}, background ${cs.backgroundColor}, font ${cs.fontSize}/${cs.fontWeight})`;
        }, n.target[0])}`,
      );
    }
  }
  expect(violations, `${name}:\n${describeViolations(violations)}\n${details.join('\n')}`).toEqual([]);
}

/** Picks an option of a Mantine select by what the person reads. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => page.getByTestId(testId).inputValue()).toBe(option);
}

async function signInAsStaff(page: Page, username: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('staff-username').fill(username);
  await page.getByTestId('staff-password').fill('Daftar-1403');
  await page.getByTestId('staff-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

const textOf = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const latin = (s: string) => toLatinDigits(s).replace(/[\s\u200e\u200f\u2066-\u2069]/g, '');
/** The number on one of the counter's "today" figures. */
const figure = async (page: Page, testId: string) => Number(latin(await textOf(page, testId)).replace(/\D/g, ''));

// ——— two small, valid attachments made here ————————————————————————————————————————

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Cheque no. 123456, returned by the bank on 1403/03/10', { x: 50, y: 780, size: 12, font });
  return Buffer.from(await doc.save());
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** A 120×80 grey-blue RGB image. */
function smallPng(): Buffer {
  const [w, h] = [120, 80];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([0x60, 0x80, 0xa0]))]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function uploadAttachment(
  page: Page,
  title: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  rowsAfter: number,
) {
  await page.getByTestId('attachment-title').fill(title);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('attachment-choose').click(),
  ]);
  await chooser.setFiles(file);
  await expect
    .poll(() => page.locator('[data-testid^="attachment-"][data-testid$="-remove"]').count(), { timeout: 15_000 })
    .toBe(rowsAfter);
}

describe('the office services story', () => {
  let operator: Page;
  // One story: when a person's part fails, the next people have nothing to work on.
  let broken = false;
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') broken = true;
  });
  beforeEach((ctx) => {
    if (broken) ctx.skip();
  });

  it('an operator serves a visitor at the counter and registers their judicial e-account', async () => {
    operator = await personPage();
    await signInAsStaff(operator, 'operator.11001');
    await operator.getByTestId('nav-counter').click();
    await operator.getByTestId('counter-page').waitFor();
    // The demo's year of recorded services reaches into this month, so today's count need not start at nought.
    await operator.getByTestId('today-services').waitFor();
    const servicesBefore = await figure(operator, 'today-services');
    await operator.getByTestId('issue-ticket').click();
    await operator.getByTestId('issued-ticket').waitFor();
    await operator.getByTestId('call-next').click();
    await operator.getByTestId('current-ticket-number').waitFor();
    expect(await textOf(operator, 'current-ticket-number')).toBe('۱');
    await checkpoint(operator, 'story-01-counter');

    // The visitor has no e-account yet.
    await operator.getByTestId('lookup-national-id').fill(toPersianDigits(CITIZEN.nationalId));
    await operator.getByTestId('lookup-submit').click();
    await operator.getByTestId('citizen-not-registered').waitFor();
    await checkpoint(operator, 'story-02-not-registered');

    await operator.getByTestId('register-new').click();
    const form = operator.getByTestId('eaccount-form-office');
    await form.waitFor();
    expect(latin(await operator.getByTestId('eaccount-national-id').inputValue())).toBe(CITIZEN.nationalId);
    await operator.getByTestId('eaccount-first-name').fill(CITIZEN.firstName);
    await operator.getByTestId('eaccount-last-name').fill(CITIZEN.lastName);
    await operator.getByTestId('eaccount-father-name').fill(CITIZEN.fatherName);
    await operator.getByTestId('eaccount-birth-date').fill(CITIZEN.birthDate);
    await choose(operator, 'eaccount-identity-check', 'کارت ملی');
    await operator.getByTestId('eaccount-address').fill(CITIZEN.address);
    await operator.getByTestId('eaccount-postal-code').fill(toPersianDigits(CITIZEN.postalCode));
    await operator.getByTestId('eaccount-mobile').fill(toPersianDigits(CITIZEN.mobile));
    await operator.getByTestId('eaccount-send-code').click();
    await operator.getByTestId('eaccount-code-sent').waitFor();
    // The citizen reads the code from their phone.
    await operator
      .getByTestId('eaccount-mobile-code')
      .fill(await server.latestCodeOf(CITIZEN.mobile, 'otp.mobile-confirm'));
    await checkpoint(operator, 'story-03-registration-form');

    await operator.getByTestId('eaccount-submit').click();
    await operator.getByTestId('citizen-card').waitFor();
    expect(await textOf(operator, 'citizen-name')).toBe(`${CITIZEN.firstName} ${CITIZEN.lastName}`);
    const judicialId = await textOf(operator, 'citizen-judicial-id');
    // Shown in Persian digits: 9, the province (Tehran: 01), the citizen's number, a check digit.
    expect(judicialId).toMatch(/^[۰-۹]{13}$/);
    expect(latin(judicialId)).toMatch(/^901\d{10}$/);
    expect(hasValidCheckDigit(latin(judicialId))).toBe(true);
    expect(await textOf(operator, 'citizen-masked-mobile')).toBe(toPersianDigits('0912***0042'));
    // The registration is a charged service: today's work counts it.
    await expect.poll(() => figure(operator, 'today-services')).toBe(servicesBefore + 1);
    await checkpoint(operator, 'story-04-registered');
  });

  it('the operator files a petition with two attachments, has it confirmed, pays at the sandbox bank, sends it to court and prints the slip, all in the wizard', async () => {
    await choose(operator, 'service-select', 'ثبت دادخواست');
    await operator.getByTestId('start-service').click();
    await operator.waitForURL(/\/filings\/new\?/);

    // Parties: the visitor as claimant, the demo citizen as defendant.
    await operator.getByTestId('party-0-national-id').fill(CITIZEN.nationalId);
    await operator.getByTestId('party-0-address').fill(CITIZEN.address);
    await choose(operator, 'party-1-kind', 'شخص دارای حساب');
    await operator.getByTestId('party-1-national-id').fill(toPersianDigits(DEFENDANT_NATIONAL_ID));
    await operator.getByTestId('party-1-address').fill('تهران، خیابان ولیعصر، پلاک ۱۱۰');
    await checkpoint(operator, 'story-05-wizard-parties');
    await operator.getByTestId('wizard-next').click();

    // Court: province → city → court → branch.
    await operator.getByTestId('court-picker').waitFor();
    await operator.waitForURL(/[?&]id=\d+/);
    story.filingId = Number(new URL(operator.url()).searchParams.get('id'));
    if ((await operator.getByTestId('court-province').inputValue()) !== 'تهران')
      await choose(operator, 'court-province', 'تهران');
    await choose(operator, 'court-city', 'تهران');
    await choose(operator, 'court-court', COURT_NAME);
    await choose(operator, 'court-branch', `شعبهٔ ${toPersianDigits(BRANCH)}`);
    await checkpoint(operator, 'story-06-wizard-court');
    await operator.getByTestId('wizard-next').click();

    // Subject, claims and facts.
    await operator.getByTestId('wizard-subject').fill(SUBJECT);
    await operator.getByTestId('claim-add').click();
    await operator.getByTestId('claim-0-description').fill('مطالبهٔ وجه چک به شمارهٔ ۱۲۳۴۵۶');
    await operator.getByTestId('claim-0-value').fill('500000000');
    await operator
      .getByTestId('wizard-facts')
      .fill(
        'خوانده چکی به مبلغ پانصد میلیون ریال به خواهان داده که در سررسید به علت کسری موجودی برگشت خورده است. درخواست صدور حکم به پرداخت وجه چک و خسارات دادرسی را دارم.',
      );
    await checkpoint(operator, 'story-07-wizard-subject');
    await operator.getByTestId('wizard-next').click();

    // Two attachments, one page each: the cheque (PDF) and the bank's return slip (PNG).
    await operator.getByTestId('attachments').waitFor();
    await uploadAttachment(
      operator,
      'تصویر چک',
      { name: 'cheque.pdf', mimeType: 'application/pdf', buffer: await onePagePdf() },
      1,
    );
    await uploadAttachment(
      operator,
      'گواهی عدم پرداخت',
      { name: 'return-slip.png', mimeType: 'image/png', buffer: smallPng() },
      2,
    );
    expect(await textOf(operator, 'attachments-pages')).toBe('۲');
    await checkpoint(operator, 'story-08-wizard-attachments');
    await operator.getByTestId('wizard-next').click();

    // The applicant reads the print of the draft and confirms it.
    const preview = operator.getByTestId('print-preview');
    await preview.waitFor();
    await expect
      .poll(() => operator.frameLocator('[data-testid="print-preview"]').locator('body').innerText(), {
        timeout: 15_000,
      })
      .toContain(SUBJECT);
    await checkpoint(operator, 'story-09-wizard-print');
    await operator.getByTestId('wizard-confirm').click();

    // The quote: two parties and two pages are within the base fee of a petition.
    await operator.getByTestId('quote-table').waitFor();
    const schedule = {
      id: 0,
      code: TARIFF_1403.code,
      titleFa: TARIFF_1403.titleFa,
      titleEn: TARIFF_1403.titleEn,
      effectiveFrom: TARIFF_1403.effectiveFrom,
      lines: TARIFF_1403.lines,
    };
    const quoted = quoteService(schedule, { service: 'petition', parties: 2, pages: 2 });
    if (!quoted.ok) throw new Error('the 1403 tariff does not quote a petition');
    expect(quoted.quote.totalRials).toBe(770_000);
    expect(await textOf(operator, 'quote-total')).toBe(formatRials(quoted.quote.totalRials, 'fa'));
    expect(await textOf(operator, 'quote-total')).toBe('۷۷۰٬۰۰۰ ریال');
    await checkpoint(operator, 'story-10-wizard-quote');

    // The sandbox bank's page.
    await operator.getByTestId('wizard-pay').click();
    await operator.waitForURL(/\/sandbox-bank\/pay\//);
    expect(await textOf(operator, 'bank-amount')).toBe('۷۷۰٬۰۰۰ ریال');
    await operator.getByTestId('bank-pan').fill('6037-9911-9950-0186');
    await operator.getByTestId('bank-cvv2').fill('123');
    await operator.getByTestId('bank-exp-month').fill('12');
    await operator.getByTestId('bank-exp-year').fill('08');
    await operator.getByTestId('bank-pin').fill('123456');
    await checkpoint(operator, 'story-11-sandbox-bank');
    await operator.getByTestId('bank-pay').click();

    // Back from the bank: the payment's result and receipt.
    await operator.waitForURL(/\/payments\/\d+(\?.*)?$/, { timeout: 20_000 });
    await expect
      .poll(() => operator.getByTestId('payment-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('paid');
    expect(await textOf(operator, 'payment-amount')).toBe('۷۷۰٬۰۰۰ ریال');
    expect(hasValidCheckDigit(latin(await textOf(operator, 'payment-receipt-number')))).toBe(true);
    await checkpoint(operator, 'story-12-payment-paid');

    // Back from the bank into the wizard's last step: what is sent, to which court, for which fees.
    await operator.getByTestId('payment-return').click();
    await operator.waitForURL(new RegExp(`/filings/new\\?id=${story.filingId}$`));
    await operator.getByTestId('send-step').waitFor();
    expect(await textOf(operator, 'send-what')).toContain(SUBJECT);
    expect(await textOf(operator, 'send-court')).toContain(COURT_NAME);
    expect(await textOf(operator, 'send-paid')).toContain('۷۷۰٬۰۰۰ ریال');
    expect(await operator.getByTestId('wizard-send').isDisabled()).toBe(true);
    await checkpoint(operator, 'story-13-send-to-court');

    // Sent to the court after the operator's confirmation: the slip with the tracking code the citizen keeps.
    await operator.getByTestId('send-confirm').check();
    await operator.getByTestId('wizard-send').click();
    await operator.getByTestId('slip-tracking-code').waitFor();
    const tracking = await textOf(operator, 'slip-tracking-code');
    expect(tracking).toMatch(/^[۰-۹]+$/);
    story.trackingCode = latin(tracking);
    expect(story.trackingCode).toMatch(/^\d{4}01\d{9}$/);
    expect(hasValidCheckDigit(story.trackingCode)).toBe(true);
    expect(await textOf(operator, 'slip-paid')).toBe('۷۷۰٬۰۰۰ ریال');
    expect(await textOf(operator, 'slip-court')).toContain(COURT_NAME);
    expect(await textOf(operator, 'slip-court')).toContain(`شعبهٔ ${toPersianDigits(BRANCH)}`);
    expect(await textOf(operator, 'slip-applicant')).toContain(`${CITIZEN.firstName} ${CITIZEN.lastName}`);
    expect(await textOf(operator, 'slip-submitted-at')).toContain('۱۵ فروردین ۱۴۰۵');
    await checkpoint(operator, 'story-13b-submission-slip');
    // Printed without leaving the page: the slip alone.
    await operator.emulateMedia({ media: 'print' });
    expect(await operator.getByTestId('submission-slip').isVisible()).toBe(true);
    expect(await operator.getByTestId('user-menu').isVisible()).toBe(false);
    expect(await operator.getByTestId('send-step').count()).toBe(0);
    await screenshot(operator, 'story-13c-slip-print');
    await operator.emulateMedia({ media: 'screen' });

    // The visitor has been served.
    await operator.getByTestId('nav-counter').click();
    await operator.getByTestId('serve-current').click();
    await expect.poll(() => operator.getByTestId('current-ticket-number').count()).toBe(0);
    await expect.poll(() => textOf(operator, 'today-served')).toContain('۱');
    await checkpoint(operator, 'story-14-counter-served');
  });

  it('a court clerk finds the petition in the queue and accepts it into a case in a branch', async () => {
    const clerk = await personPage();
    await signInAsStaff(clerk, 'clerk.tehran');
    await clerk.getByTestId('nav-court').click();
    const row = clerk.getByTestId('court-queue-row').filter({ hasText: toPersianDigits(story.trackingCode) });
    await row.waitFor();
    await checkpoint(clerk, 'story-15-court-queue');

    await clerk.getByTestId(`court-review-${story.filingId}`).click();
    await clerk.getByTestId('court-filing').waitFor();
    expect(await clerk.getByTestId('court-attachments').locator('a').count()).toBe(2);
    expect(await textOf(clerk, 'court-parties')).toContain(CITIZEN.lastName);
    await checkpoint(clerk, 'story-16-court-filing');

    // The branch the office asked for is already chosen.
    await expect.poll(() => clerk.getByTestId('accept-branch').inputValue()).toBe(`شعبهٔ ${toPersianDigits(BRANCH)}`);
    await clerk.getByTestId('accept-submit').click();
    await clerk.waitForURL(/\/court\/cases\/\d+$/);
    story.caseId = Number(/\/court\/cases\/(\d+)$/.exec(clerk.url())![1]);
    await clerk.getByTestId('court-case').waitFor();
    const caseText = await textOf(clerk, 'court-case');
    const caseNumber = /[۰-۹]{4}-THR-GEN-[۰-۹]{2}-[۰-۹]{6}/.exec(caseText)?.[0];
    expect(caseNumber, caseText).toBeTruthy();
    story.caseNumber = toLatinDigits(caseNumber!);
    expect(caseText).toContain(`شعبهٔ ${toPersianDigits(BRANCH)}`);
    await checkpoint(clerk, 'story-17-case-accepted');
  });

  it('the judge issues a decision on the case to its parties', async () => {
    const judge = await personPage();
    await signInAsStaff(judge, 'judge.tehran');
    await judge.getByTestId('nav-court-cases').click();
    await judge.getByTestId(`court-case-${story.caseId}`).waitFor();
    await checkpoint(judge, 'story-18-court-cases');

    await judge.getByTestId(`court-case-${story.caseId}`).click();
    await judge.getByTestId('issue-notice-form').waitFor();
    // One place in the navigation is current: the cases.
    expect(await judge.locator('nav [aria-current="page"]').count()).toBe(1);
    await judge.getByTestId('notice-kind').getByText('رأی', { exact: true }).click();
    await judge.getByTestId('notice-title').fill(NOTICE_TITLE);
    await judge
      .getByTestId('notice-body')
      .fill(
        'دادگاه با توجه به مدارک پیوست، خوانده را به پرداخت پانصد میلیون ریال بابت وجه چک و خسارات دادرسی در حق خواهان محکوم می‌کند. این رأی ظرف بیست روز پس از ابلاغ قابل تجدیدنظر است.',
      );
    await checkpoint(judge, 'story-19-issue-notice');
    await judge.getByTestId('notice-submit').click();
    const issued = judge.getByTestId('case-notice').filter({ hasText: NOTICE_TITLE });
    await issued.waitFor();
    // Both parties have e-accounts; neither has opened it yet.
    expect(await issued.locator('tbody tr').count()).toBe(2);
    await checkpoint(judge, 'story-20-notice-issued');
  });

  it('the citizen signs in online, opens the notice and reads the last day to appeal in Jalali', async () => {
    const citizen = await personPage();
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(toPersianDigits(CITIZEN.mobile));
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode(CITIZEN.mobile));
    await checkpoint(citizen, 'story-21-citizen-sign-in');
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();

    await citizen.getByTestId('nav-portal').click();
    const notice = citizen.getByTestId('portal-notice').filter({ hasText: NOTICE_TITLE });
    await notice.waitFor();
    expect(await notice.getAttribute('data-delivered')).toBe('false');
    expect(await notice.innerText()).toContain(toPersianDigits(story.caseNumber));
    const filing = citizen.getByTestId('portal-filing').filter({ hasText: toPersianDigits(story.trackingCode) });
    expect(await filing.innerText()).toContain(toPersianDigits(story.caseNumber));
    await checkpoint(citizen, 'story-22-portal');

    // The citizen's browser lives on the story's day too.
    expect(await citizen.evaluate(() => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Tehran' }))).toBe(
      '2026-04-04',
    );

    // Opening the notice is its delivery, today, 15 Farvardin 1405: the 20 days to appeal run from it.
    // Civil Procedure Code, Arts. 443–445: a limit that runs from a notice is a "free limit" (Art. 445),
    // neither the day of the notice nor the day of the act counts; the practice's worked example is a
    // 20-day appeal limit from a notice delivered on 15 Farvardin, running 16 Farvardin … 4 Ordibehesht,
    // so the appeal is in time on 5 Ordibehesht (delivery + 20 + 1). 5 Ordibehesht 1405 is a Saturday
    // and no holiday, so Art. 444 moves nothing: a plain case. It is 21 days from today.
    await notice.getByRole('link', { name: NOTICE_TITLE }).click();
    await citizen.getByTestId('portal-notice-page').waitFor();
    await citizen.getByTestId('deadline').waitFor();
    expect(await textOf(citizen, 'deadline-last-day')).toBe('۵ اردیبهشت ۱۴۰۵');
    expect((await textOf(citizen, 'deadline-line')).replace(/\s+/g, ' ').trim()).toBe(
      'آخرین مهلت: شنبه ۵ اردیبهشت ۱۴۰۵',
    );
    expect(await textOf(citizen, 'deadline-days-left')).toContain('۲۱');
    expect(await textOf(citizen, 'deadline')).toContain(toPersianDigits(DECISION_DAYS));
    expect(await citizen.getByTestId('deadline-moved').count()).toBe(0);
    await checkpoint(citizen, 'story-23-notice-opened');

    // Back on the desk the notice is read and shows its deadline.
    await citizen.getByTestId('nav-portal').click();
    const read = citizen.getByTestId('portal-notice').filter({ hasText: NOTICE_TITLE });
    await expect.poll(() => read.getAttribute('data-delivered')).toBe('true');
    expect(await read.getByTestId('deadline-last-day').innerText()).toBe('۵ اردیبهشت ۱۴۰۵');
    await checkpoint(citizen, 'story-24-portal-after');
  });
});
