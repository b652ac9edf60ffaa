/**
 * The filing's end at the counter: late in the office's day the counter warns of a paid filing
 * not yet sent to court and links to the list; the paid filing reopens in the wizard on its send
 * step, never as an editable draft; the operator confirms what goes to which court for which fees,
 * sends it and prints the submission slip on the same page (the print holds the slip alone, on one
 * page); the slip is reachable later from the filing's page, and the citizen reads it and a short
 * history on a 360 px phone. Every step is checked with axe-core and photographed
 * (test-results/screenshots/slip-*.png).
 */
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { screenshot } from '../support/browser';
import { checkpoint, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/**
 * Tuesday 15 Ordibehesht 1405, 15:30 in Tehran: the demo offices keep 08:00–17:00 on Tuesdays, so
 * this is the last hour and a half of office 11001's day.
 */
const LATE = new Date('2026-05-05T12:00:00Z');
const TEHRANI = { nationalId: '0499370899', name: 'امیر تهرانی', mobile: '09120000001' };
const SUBJECT = 'مطالبهٔ وجه سفته';
const COURT_NAME = 'مجتمع قضایی شهید بهشتی تهران';

let operator: Page;
let filingId = 0;
let trackingCode = '';

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).innerText()) ?? '').trim();
const latin = (s: string) => toLatinDigits(s).replace(/[\s\u200e\u200f\u2066-\u2069]/g, '');

/**
 * Every cell of the slip's fee lines and the tracking code lie inside the slip's card: nothing of
 * them is cut off or hidden in a sideways scroll (the whole page fitting is checked apart).
 */
const slipLinesInside = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('[data-testid="submission-slip"]')!.getBoundingClientRect();
    const parts = [
      ...document.querySelectorAll('[data-testid="submission-slip"] [data-testid="quote-table"] :is(td, th)'),
      document.querySelector('[data-testid="slip-tracking-code"]')!,
    ];
    const outside = parts
      .map((e) => ({ text: (e as HTMLElement).innerText, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.left < card.left - 0.5 || box.right > card.right + 0.5)
      .map(({ text }) => text);
    return { cells: parts.length, outside };
  });

/**
 * Every piece of text of the slip's fee table — the tariff line above it, the titles, «quantity ×
 * unit» and the amounts — lies inside the table's scroll region, so none of it is cut at its edge
 * or only seen by scrolling sideways; returns the pieces that do not.
 */
const slipFeesCut = (page: Page) =>
  page.evaluate(() => {
    const table = document.querySelector('[data-testid="submission-slip"] [data-testid="quote-table"]')!;
    const region = (table.closest('.mantine-ScrollArea-viewport') ?? table.parentElement!).getBoundingClientRect();
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    const cut: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()];
      if (rects.some((r) => r.width > 0 && (r.left < region.left - 0.5 || r.right > region.right + 0.5)))
        cut.push(node.textContent.trim());
    }
    return cut;
  });

/** A petition the operator prepares and the applicant confirms, through the API as the wizard would. */
async function confirmedPetition(page: Page): Promise<{ id: number; totalRials: number }> {
  const nationalId = TEHRANI.nationalId;
  const created = (
    await pageRequest(page, 'POST', '/api/v1/filings', {
      service: 'petition',
      applicantNationalId: nationalId,
      courtId: 1,
      branch: 3,
      subject: SUBJECT,
      parties: [
        { kind: 'citizen', role: 'claimant', nationalId },
        { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی' },
      ],
      claims: [{ description: 'مطالبهٔ وجه سفته', valueRials: 200_000_000 }],
    })
  ).body as { id: number };
  const confirmed = await pageRequest(page, 'POST', `/api/v1/filings/${created.id}/confirm`);
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { id: created.id, totalRials: (confirmed.body as { quote: { totalRials: number } }).quote.totalRials };
}

/** The bank's confirmation, as the payments area hands it to the filing (the bank's pages have their own story). */
async function creditAtBank(id: number, amountRials: number) {
  const { rows } = await server.ctx.database.pool.query<{ id: number }>(
    "select id::int as id from users where username = 'operator.11001'",
  );
  await server.ctx.db.transaction((tx) =>
    server.ctx.ports.onPaymentCredited.filing(tx, {
      id: 700_000 + id,
      purpose: 'filing',
      filingId: id,
      serviceRecordId: null,
      amountRials,
      receiptNumber: `E${id}`,
      createdBy: rows[0].id,
      paidAt: server.ctx.clock.now(),
    }),
  );
}

const { server, people } = serverWithPeople({ now: LATE }, { people: DESKTOP });
beforeAll(async () => {
  operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
});

describe('from payment to a printed submission slip', () => {
  it("late in the office's day the counter warns of a paid filing not yet sent, and links to the list", async () => {
    const { id, totalRials } = await confirmedPetition(operator);
    filingId = id;
    await creditAtBank(id, totalRials);
    await operator.goto(`${server.url}/counter`);
    const warning = operator.getByTestId('unsent-filings');
    await warning.waitFor();
    expect(await warning.getAttribute('data-warn')).toBe('true');
    const message = await text(operator, 'unsent-filings-message');
    expect(message).toContain('۱۷:۰۰');
    expect(message).toMatch(/[۰-۹]+ درخواست پرداخت‌شده هنوز به دادگاه فرستاده نشده است/);
    await checkpoint(operator, 'slip-01-counter-end-of-day');

    // A closure declared for tomorrow, Wednesday 16 Ordibehesht: today is the last working day before it,
    // so the warning names the closed day and the day the office opens again (Thursday 17 Ordibehesht).
    const regulator = await people.personPage();
    await people.signInAsStaff(regulator, 'regulator');
    const added = await pageRequest(regulator, 'POST', '/api/v1/holidays', {
      date: '1405-02-16',
      titleFa: 'تعطیلی اعلام‌شده',
      titleEn: 'Declared closure',
    });
    expect(added.status).toBe(201);
    await operator.reload();
    await operator.locator('[data-testid="unsent-filings"][data-before-holiday="true"]').waitFor();
    expect(await text(operator, 'unsent-filings-message')).toMatch(
      /^دفتر از فردا تعطیل است \(۱۶ اردیبهشت \(تعطیلی اعلام‌شده\)\) و پنجشنبه ۱۷ اردیبهشت دوباره باز می‌شود: [۰-۹]+ درخواست پرداخت‌شده هنوز به دادگاه فرستاده نشده است؛ پیش از پایان وقت امروز \(ساعت ۱۷:۰۰\) بفرستید\.$/,
    );
    await checkpoint(operator, 'slip-01b-counter-before-holiday');
    expect((await pageRequest(regulator, 'DELETE', '/api/v1/holidays/1405-02-16')).status).toBe(204);
    await regulator.close();
    await operator.reload();
    await operator.locator('[data-testid="unsent-filings"][data-warn="true"]').waitFor();
    expect(await operator.getByTestId('unsent-filings').getAttribute('data-before-holiday')).toBeNull();

    await operator.getByTestId('unsent-filings-list').click();
    await operator.waitForURL(/\/filings\?status=paid$/);
    const row = operator.getByTestId('filings-table').locator('tr', { hasText: SUBJECT });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
  });

  it('the paid filing reopens in the wizard on its send step, not as an editable draft', async () => {
    await operator.goto(`${server.url}/filings/new?id=${filingId}`);
    await operator.getByTestId('send-step').waitFor();
    expect(await operator.getByTestId('send-locked').count()).toBe(1);
    // No field of the draft is offered, and the earlier steps cannot be opened.
    expect(await operator.getByTestId('wizard-subject').count()).toBe(0);
    expect(await operator.getByTestId('party-0-national-id').count()).toBe(0);
    await operator.getByTestId('wizard-steps').getByRole('button').first().click();
    expect(await operator.getByTestId('send-step').count()).toBe(1);
    expect(await text(operator, 'filing-status')).toBe('پرداخت‌شده');

    // What is sent, to which court, for which fees.
    expect(await text(operator, 'send-what')).toContain(SUBJECT);
    expect(await text(operator, 'send-court')).toContain(COURT_NAME);
    expect(await text(operator, 'send-court')).toContain('شعبهٔ ۳');
    expect(await text(operator, 'send-applicant')).toContain(TEHRANI.name);
    // The 1403 tariff's petition with two parties and no pages: its base fee (the story checks the tariff itself).
    expect(await text(operator, 'quote-total')).toBe('۷۷۰٬۰۰۰ ریال');
    expect(await text(operator, 'send-paid')).toContain('۷۷۰٬۰۰۰ ریال');
    // Sending waits for the operator's confirmation.
    expect(await operator.getByTestId('wizard-send').isDisabled()).toBe(true);
    await checkpoint(operator, 'slip-02-send-step');
  });

  it('the operator confirms, sends it, and prints the slip on the same page: the print holds the slip alone, on one page', async () => {
    await operator.getByTestId('send-confirm').check();
    await operator.getByTestId('wizard-send').click();
    await operator.getByTestId('submission-slip').waitFor();
    expect(new URL(operator.url()).pathname).toBe('/filings/new');

    const code = await text(operator, 'slip-tracking-code');
    expect(code).toMatch(/^[۰-۹]{15}$/);
    trackingCode = latin(code);
    expect(hasValidCheckDigit(trackingCode)).toBe(true);
    // The code is an isolated left-to-right run.
    expect(await operator.getByTestId('slip-tracking-code').getAttribute('dir')).toBe('ltr');
    expect(await text(operator, 'slip-court')).toContain(COURT_NAME);
    expect(await text(operator, 'slip-applicant')).toContain(TEHRANI.name);
    expect(latin(await text(operator, 'slip-applicant'))).toContain(TEHRANI.nationalId);
    expect(await text(operator, 'slip-service')).toBe('ثبت دادخواست');
    expect(await text(operator, 'slip-paid')).toBe('۷۷۰٬۰۰۰ ریال');
    // Sent today, 15 Ordibehesht 1405, in the afternoon.
    const sentAt = await text(operator, 'slip-submitted-at');
    expect(sentAt).toContain('۱۵ اردیبهشت ۱۴۰۵');
    expect(sentAt).toMatch(/۱۵:[۳-۵][۰-۹]/);
    expect(await text(operator, 'slip-office')).toContain(toPersianDigits('11001'));
    // A QR code of 15 digits is a version 1 symbol: 21 modules and the 2-module margin each side.
    const qr = operator.getByTestId('slip-qr');
    expect(await qr.getAttribute('viewBox')).toBe('0 0 25 25');
    expect(await qr.getAttribute('aria-label')).toBe('کد QR کد رهگیری');
    await checkpoint(operator, 'slip-03-sent-desktop');

    // The print: the slip and nothing else of the page.
    await operator.emulateMedia({ media: 'print' });
    expect(await operator.getByTestId('submission-slip').isVisible()).toBe(true);
    expect(await operator.getByTestId('wizard-steps').locator('.mantine-Stepper-steps').isVisible()).toBe(false);
    expect(await operator.getByTestId('user-menu').isVisible()).toBe(false);
    expect(await operator.getByTestId('slip-print').isVisible()).toBe(false);
    await screenshot(operator, 'slip-04-print-view');
    const pdf = await PDFDocument.load(await operator.pdf({ preferCSSPageSize: true }));
    expect(pdf.getPageCount()).toBe(1);
    await operator.emulateMedia({ media: 'screen' });
  });

  it("the slip is reachable later from the filing's page, and fits a 360 px phone", async () => {
    await operator.getByTestId('wizard-open-filing').click();
    await operator.getByTestId('filing-page').waitFor();
    expect(latin(await text(operator, 'tracking-code'))).toBe(trackingCode);
    await operator.getByTestId('action-slip').click();
    await operator.waitForURL(new RegExp(`/filings/${filingId}/slip$`));
    expect(latin(await text(operator, 'slip-tracking-code'))).toBe(trackingCode);
    // In English the code keeps its order, in Latin digits.
    await operator.getByTestId('lang-toggle').click();
    await expect.poll(() => text(operator, 'slip-tracking-code')).toBe(trackingCode);
    expect(await operator.getByTestId('submission-slip').innerText()).toContain('Court submission slip');
    await checkpoint(operator, 'slip-05a-slip-page-english');
    await operator.getByTestId('lang-toggle').click();
    await expect.poll(() => text(operator, 'slip-tracking-code')).toBe(toPersianDigits(trackingCode));
    await operator.setViewportSize({ width: 360, height: 740 });
    await operator.getByTestId('submission-slip').waitFor();
    expect(await operator.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The fee lines read whole on the phone: each line's title with «quantity × unit» under it, and its amount.
    await expect.poll(async () => (await slipLinesInside(operator)).outside).toEqual([]);
    expect((await slipLinesInside(operator)).cells).toBeGreaterThan(4);
    // The tariff line and every fee line wrap to fit the table's scroll region at 360 px.
    expect(await slipFeesCut(operator)).toEqual([]);
    expect(await text(operator, 'quote-total')).toBe('۷۷۰٬۰۰۰ ریال');
    expect(await operator.getByTestId('quote-line-detail').first().innerText()).toMatch(/^[۰-۹]+ × [۰-۹٬]+ ریال$/);
    await operator.getByTestId('quote-table').scrollIntoViewIfNeeded();
    await screenshot(operator, 'slip-05b-fee-lines-phone');
    await checkpoint(operator, 'slip-05-slip-page-phone');
    await operator.setViewportSize({ width: 1280, height: 860 });

    // Sent: the counter no longer warns of it.
    await operator.goto(`${server.url}/counter`);
    await operator.getByTestId('today-panel').waitFor();
    await expect.poll(() => operator.getByTestId('unsent-filings').count()).toBe(0);
  });

  it('the citizen reads the slip and a short history on a 360 px phone', async () => {
    const citizen = await people.personPage();
    await citizen.setViewportSize({ width: 360, height: 740 });
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(TEHRANI.mobile);
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode(TEHRANI.mobile));
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();

    await citizen.goto(`${server.url}/filings/${filingId}/slip`);
    await citizen.getByTestId('submission-slip').waitFor();
    expect(latin(await text(citizen, 'slip-tracking-code'))).toBe(trackingCode);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect.poll(async () => (await slipLinesInside(citizen)).outside).toEqual([]);
    expect(await slipFeesCut(citizen)).toEqual([]);
    await checkpoint(citizen, 'slip-06-citizen-slip-phone');

    // The office's drafting and confirming are not the citizen's history: paid, then sent.
    await citizen.goto(`${server.url}/filings/${filingId}`);
    const timeline = citizen.getByTestId('timeline');
    await timeline.waitFor();
    const items = await timeline.locator('.mantine-Timeline-itemTitle').allInnerTexts();
    expect(items).toEqual(['پرداخت', 'ارسال به دادگاه']);
    await checkpoint(citizen, 'slip-07-citizen-history-phone');
  });
});
