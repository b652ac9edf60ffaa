/**
 * A citizen on a 360 × 740 phone: every page a citizen can reach — the public and sign-in pages, and
 * every page `access.ts` opens to the citizen role, read off the features' own routes.ts so a new one
 * is visited too — fits the screen with no sideways scroll, and passes the accessibility check
 * (screenshots: test-results/screenshots/citizen-phone-*.png). Case numbers and tracking codes read
 * left to right inside Persian text, in the order they are written.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { pageRoles } from '#web/app/access.ts';
import { FEATURE_ROUTES } from '#web/app/feature-routes.ts';
import { screenshot } from '../support/browser';
import { fieldsWithHelp } from '../support/fields';
import { networkOf } from '../support/network-quiet';
import { pageRequest } from '../support/page-api';
import { checkpoint } from '../support/people';
import { PHONE, serverWithPeople } from '../support/spec-server';

/** Demo citizen 1, in Tehran. */
const TEHRANI = { id: 1, nationalId: '0499370899', mobile: '09120000001' };
/** A case number as courts write them: Latin letters, digits and hyphens. */
const CASE_NUMBER = 'THR-GEN-01-000001-1405';
/**
 * "Today": Friday 13 Azar 1405 (4 December 2026), 10:00 in Tehran. A decision opened today gives 20
 * days to appeal: 14 Azar … 3 Dey are counted, so the last day would be Friday 4 Dey (25 December),
 * which is closed — it moves to Saturday 5 Dey 1405 (Art. 444, 445).
 */
const TODAY = new Date('2026-12-04T06:30:00Z');

let citizen: Page;
/** The example id for each page address with a parameter. */
const examples: Record<string, string> = {};

/** The pages a citizen can open once signed in, as the features declare them. */
const citizenRoutes = FEATURE_ROUTES.filter(
  (r) =>
    r.access === 'public' ||
    r.access === 'signed-in' ||
    (r.access !== 'guest' && pageRoles(r.access).includes('citizen')),
).map((r) => r.path);
const guestRoutes = FEATURE_ROUTES.filter((r) => r.access === 'guest').map((r) => r.path);

async function q<R>(sql: string, values: unknown[]): Promise<R[]> {
  return (await server.ctx.database.pool.query(sql, values)).rows as R[];
}

/** A video hearing of a case of the court's, the citizen called to it as a party from home. */
async function hearingCallingTheCitizen(): Promise<number> {
  const [kase] = await q<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('E-PH-H1', 1, 1, 1, 'مطالبهٔ وجه', 1) returning id::int as id",
    [],
  );
  const [judge] = await q<{ id: number }>("select id::int as id from users where username = 'judge.tehran'", []);
  const [hearing] = await q<{ id: number }>(
    `insert into hearings (case_id, court_id, province_id, judge_user_id, starts_at, duration_minutes, scheduled_by, state)
     values ($1, 1, 1, $2, $3, 30, 1, 'scheduled') returning id::int as id`,
    [kase.id, judge.id, server.ctx.clock.now()],
  );
  await q(
    "insert into hearing_participants (hearing_id, role, citizen_id, name, mode) values ($1, 'party', $2, 'امیر تهرانی', 'home')",
    [hearing.id, TEHRANI.id],
  );
  return hearing.id;
}

/** The survey link the SMS carries after an operator serves the citizen at the counter. */
async function surveyLinkToken(): Promise<string> {
  const operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
  const issued = await pageRequest(operator, 'POST', '/api/v1/counter/tickets', { serviceCode: 'petition' });
  expect(issued.status).toBe(201);
  const ticketId = (issued.body as { ticket: { id: number } }).ticket.id;
  const served = await pageRequest(operator, 'POST', `/api/v1/counter/tickets/${ticketId}/serve`, {
    citizenId: TEHRANI.id,
  });
  expect(served.status).toBe(200);
  const [sms] = await q<{ body: string }>(
    "select body from notifier_outbox where template = 'quality.survey' and recipient = $1 order by id desc limit 1",
    [TEHRANI.mobile],
  );
  const token = /\/s\/([A-Za-z0-9_-]+)$/.exec(sms.body)?.[1];
  if (!token) throw new Error('no survey link in the SMS');
  return token;
}

/** A case of the citizen's own with a court decision served on them. */
async function caseWithNotice(): Promise<number> {
  const [kase] = await q<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, 1, 2, 1, 'مطالبهٔ وجه', 1) returning id::int as id",
    [CASE_NUMBER],
  );
  await q("insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', $2, 'امیر تهرانی')", [
    kase.id,
    TEHRANI.id,
  ]);
  const [notice] = await q<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
     values ($1, 1, 1, 'decision', 'دادنامهٔ پروندهٔ مطالبهٔ وجه', 'رأی دادگاه در پروندهٔ مطالبهٔ وجه صادر شد.', 1, $2) returning id::int as id`,
    [kase.id, new Date(server.ctx.clock.now().getTime() - 3_600_000)],
  );
  await q('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, $2, 1)', [
    notice.id,
    TEHRANI.id,
  ]);
  return notice.id;
}

/** A filing the citizen drafted online, confirmed and started paying: the filing and its payment. */
async function filingWithPayment(): Promise<{ filingId: number; paymentId: number }> {
  const post = async (url: string, body?: unknown) => {
    const res = await pageRequest(citizen, 'POST', url, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const created = (await post('/api/v1/filings', {
    service: 'brief',
    courtId: 1,
    branch: 3,
    subject: 'مطالبهٔ وجه یک فقره چک به مبلغ پانصد میلیون ریال',
    parties: [
      { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
      { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱۲' },
    ],
  })) as { id: number };
  await post(`/api/v1/filings/${created.id}/confirm`);
  const payment = (await post(`/api/v1/filings/${created.id}/payment`)) as { paymentId: number };
  return { filingId: created.id, paymentId: payment.paymentId };
}

async function expectFits(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${name} is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
}

/** Opens a page and waits until it has drawn its title and finished loading what it shows. */
async function open(page: Page, path: string) {
  const network = networkOf(page);
  await page.goto(`${server.url}${path}`);
  await page.locator('main h1, h1').first().waitFor();
  await network.quiet();
  await page.waitForFunction(() => !document.querySelector('[role="status"][aria-label]'), null, { timeout: 10_000 });
}

const slug = (path: string) => path.replace(/^\//, '').replace(/[/:]+/g, '-') || 'home';

const { server, people } = serverWithPeople({ now: TODAY }, { people: PHONE });

describe('a citizen on a 360 px phone', () => {
  it('the sign-in pages fit the screen and pass the accessibility check', async () => {
    const guest = await people.personPage();
    for (const path of guestRoutes) {
      await open(guest, path);
      await expectFits(guest, path);
      await checkpoint(guest, `citizen-phone-guest-${slug(path)}`);
    }
  });

  it('signs in with a one-time code', async () => {
    citizen = await people.personPage();
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(toPersianDigits(TEHRANI.mobile));
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode(TEHRANI.mobile));
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();

    examples['/me/notices/:id'] = String(await caseWithNotice());
    const { filingId, paymentId } = await filingWithPayment();
    examples['/filings/:id'] = String(filingId);
    examples['/filings/:id/slip'] = String(filingId);
    examples['/payments/:id'] = String(paymentId);
    examples['/offices/:id'] = '1';
    // The demo's lease arbitration between this citizen and citizen 2.
    const [arbitration] = await q<{ id: number }>('select min(id)::int as id from arbitration_cases', []);
    examples['/arbitrations/:id'] = String(arbitration.id);
    examples['/hearings/:id'] = String(await hearingCallingTheCitizen());
    examples['/hearings/:id/self-test'] = examples['/hearings/:id'];
    examples['/s/:token'] = await surveyLinkToken();
    // One of the demo's consultations booked by this citizen: its call page says when the call opens.
    const [booking] = await q<{ id: number }>(
      'select min(id)::int as id from consultation_bookings where citizen_id = $1',
      [TEHRANI.id],
    );
    examples['/consultation/call/:id'] = String(booking.id);
  });

  /** Visits every citizen page; answers the pages wider than the screen. */
  async function visitAll(suffix: string): Promise<string[]> {
    const failures: string[] = [];
    for (const route of citizenRoutes) {
      const path = route.replace(/:(\w+)/g, () => {
        const example = examples[route];
        if (!example) throw new Error(`no example address for ${route}: add one to the spec`);
        return example;
      });
      await open(citizen, path);
      const { scrollWidth, innerWidth } = await citizen.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) failures.push(`${path}: ${scrollWidth} px`);
      await checkpoint(citizen, `citizen-phone-${slug(route)}${suffix}`);
    }
    return failures;
  }

  it('every page a citizen can open fits 360 px with no sideways scroll and passes the accessibility check', async () => {
    // The list is the features' own; these are the ones known today, so a lost route shows here.
    expect(citizenRoutes).toEqual(
      expect.arrayContaining(['/me', '/me/notices/:id', '/filings', '/filings/new', '/filings/:id', '/profile']),
    );
    expect(await visitAll(''), 'pages wider than the screen').toEqual([]);
  });

  it('and in English, left to right', async () => {
    await open(citizen, '/me');
    await citizen.getByTestId('lang-toggle').click();
    await citizen.waitForFunction(() => document.documentElement.dir === 'ltr');
    try {
      expect(await visitAll('-en'), 'pages wider than the screen').toEqual([]);
    } finally {
      await citizen.getByTestId('lang-toggle').click();
      await citizen.waitForFunction(() => document.documentElement.dir === 'rtl');
    }
  });

  it("the menu opens over the page, fits it, and speaks the citizen's words, not the offices' headings", async () => {
    await open(citizen, '/me');
    const burger = citizen.locator('.daftar-shell-burger');
    await burger.click();
    const nav = citizen.getByRole('navigation').first();
    await expect.poll(() => nav.isVisible()).toBe(true);
    const headings = await nav.locator('[id^="nav-section-"]').allInnerTexts();
    expect(headings).toEqual(['کارهای من', 'راهنما و محاسبه', 'حساب من']);
    expect(await citizen.getByTestId('nav-filings').innerText()).toBe('درخواست‌های من');
    expect(await citizen.getByTestId('nav-portal').getAttribute('aria-current')).toBe('page');
    await expectFits(citizen, 'the open menu');
    await checkpoint(citizen, 'citizen-phone-menu');
    await burger.click();
    await expect.poll(() => nav.isVisible()).toBe(false);
  });
});

/**
 * The characters of an element as they stand on the screen from left to right (each character's
 * box measured by a Range): what a reader's eye meets, whatever the text's logical order.
 */
async function visualOrder(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const chars: { line: number; x: number; c: string }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0) chars.push({ line: Math.round(rect.top), x: rect.left, c: text[i] });
        }
      }
      return chars
        .sort((a, b) => a.line - b.line || a.x - b.x)
        .map((ch) => ch.c)
        .join('');
    });
}

/** The wizard's open step: each field has help under its label, and the ones typed into give an example. */
async function expectHelpOnEveryField(page: Page, step: string) {
  const fields = await fieldsWithHelp(page, '.mantine-Stepper-content');
  expect(fields.length, step).toBeGreaterThan(2);
  for (const f of fields) expect(f.help, `${step}: ${f.label}`).not.toBe('');
  const examples = fields.filter((f) => f.help.includes('نمونه:'));
  expect(examples.length, `${step}: fields with an example`).toBeGreaterThanOrEqual(Math.ceil(fields.length / 2));
}

describe('filing online from the desk', () => {
  it('opens the wizard on the service chosen with their own national ID locked, and a draft left is found again on the desk', async () => {
    await open(citizen, '/me');
    await citizen.getByTestId('portal-start-brief').click();
    await citizen.waitForURL(/\/filings\/new\?service=brief/);
    expect(await citizen.getByTestId('wizard-service').inputValue()).toBe('لایحه');
    const nationalId = citizen.getByTestId('wizard-applicant-national-id');
    await expect.poll(async () => toLatinDigits(await nationalId.inputValue())).toBe(TEHRANI.nationalId);
    expect(await nationalId.getAttribute('readonly')).not.toBeNull();
    await citizen.getByTestId('party-0-national-id').fill(toPersianDigits(TEHRANI.nationalId));
    await citizen.getByTestId('party-1-name').fill('شرکت خدمات نمونه');
    await expectFits(citizen, 'the wizard');
    await checkpoint(citizen, 'citizen-phone-wizard-brief');
    // Every field says what goes in it, most with an example, under its label (read out with the field).
    await expectHelpOnEveryField(citizen, 'parties');
    await citizen.getByTestId('wizard-next').click();
    await citizen.waitForURL(/[?&]id=\d+/);
    const id = new URL(citizen.url()).searchParams.get('id');
    await citizen.getByTestId('court-picker').waitFor();
    await expectHelpOnEveryField(citizen, 'court');
    await citizen.getByTestId('wizard-next').click();
    await citizen.getByTestId('claim-add').click();
    await expectHelpOnEveryField(citizen, 'subject');
    await expectFits(citizen, 'the wizard with its help');
    await checkpoint(citizen, 'citizen-phone-wizard-help');

    // Later: the desk lists the draft, and it opens again where it was left.
    await open(citizen, '/me');
    const draft = citizen.locator(`[data-testid="portal-draft"][data-id="${id}"]`);
    await draft.waitFor();
    expect(await draft.innerText()).toContain('لایحه');
    await expectFits(citizen, 'the desk with drafts');
    await checkpoint(citizen, 'citizen-phone-my-drafts');
    await citizen.getByTestId(`portal-draft-continue-${id}`).click();
    await citizen.waitForURL(new RegExp(`/filings/new\\?id=${id}$`));
    await expect.poll(() => citizen.getByTestId('wizard-service').inputValue()).toBe('لایحه');
    await expect.poll(() => citizen.getByTestId('party-1-name').inputValue()).toBe('شرکت خدمات نمونه');

    // From "my filings" too, the citizen picks the service before the wizard opens.
    await open(citizen, '/filings');
    await citizen.getByTestId('filings-new-legal-notice').click();
    await citizen.waitForURL(/\/filings\/new\?service=legal-notice/);
    expect(await citizen.getByTestId('wizard-service').inputValue()).toBe('اظهارنامه');
  });
});

describe("a notice's deadline on the phone", () => {
  it('says the last day once, plainly, and where it moved from, in Persian and in English, readable', async () => {
    const id = examples['/me/notices/:id'];
    await open(citizen, `/me/notices/${id}`);
    const line = async () =>
      ((await citizen.getByTestId('deadline-line').first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
    expect(await line()).toBe('آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد');
    expect(await citizen.getByTestId('deadline-line').count()).toBe(1);
    await expectFits(citizen, 'the notice');
    await checkpoint(citizen, 'citizen-phone-deadline-fa');

    // The notice as a PDF to print, with the court's name and address, from the phone.
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.getByTestId('portal-notice-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`notice-${id}.pdf`);
    const pdf = await PDFDocument.load(fs.readFileSync(await download.path()));
    expect(pdf.getTitle()).toMatch(/^ابلاغیه — مجتمع قضایی /);
    expect(pdf.getPageCount()).toBe(1);

    // The time to appeal (CPC Art. 336: 20 days for residents, two months abroad), and where to file it:
    // the catalog offers the appeal at offices only, so the notice points to the office finder.
    // Abroad: 60 days counted 14 Azar … 13 Bahman, the act on Wednesday 14 Bahman 1405 (3 February 2027).
    const appeal = citizen.getByTestId('portal-appeal');
    await appeal.waitFor();
    expect(await citizen.getByTestId('appeal-time-resident').innerText()).toBe(
      'مهلت تجدیدنظرخواهی برای مقیمان ایران (۲۰ روز): تا شنبه ۵ دی — ۲۲ روز مانده',
    );
    expect(await citizen.getByTestId('appeal-time-abroad').innerText()).toBe(
      'برای مقیمان خارج از کشور (دو ماه): تا چهارشنبه ۱۴ بهمن — ۶۱ روز مانده',
    );
    expect(await citizen.getByTestId('portal-appeal-start').count()).toBe(0);
    expect(await citizen.getByTestId('portal-appeal-find-office').getAttribute('href')).toBe('/find-office');
    await appeal.scrollIntoViewIfNeeded();
    await expectFits(citizen, 'the notice with its appeal');
    await screenshot(citizen, 'citizen-phone-appeal');

    // The desk says it the same way.
    await open(citizen, '/me');
    expect(await line()).toBe('آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد');
    await expectFits(citizen, 'the desk with a deadline');
    await checkpoint(citizen, 'citizen-phone-deadline-desk');

    await citizen.getByTestId('lang-toggle').click();
    await citizen.waitForFunction(() => document.documentElement.lang === 'en');
    await open(citizen, `/me/notices/${id}`);
    expect(await line()).toBe('Last day: Saturday 5 Dey 1405 — moved from Friday 4 Dey');
    await expectFits(citizen, 'the notice in English');
    await checkpoint(citizen, 'citizen-phone-deadline-en');
    await citizen.getByTestId('lang-toggle').click();
    await citizen.waitForFunction(() => document.documentElement.lang === 'fa');
  });
});

describe('case numbers and tracking codes in Persian text', () => {
  it('read left to right in their written order, in Persian digits, on the desk and the notice', async () => {
    const written = toPersianDigits(CASE_NUMBER);
    await open(citizen, '/me');
    const onDesk = citizen.getByTestId('portal-notice').locator('bdi[dir="ltr"]').first();
    expect(await onDesk.textContent()).toBe(written);
    expect(await visualOrder(citizen, '[data-testid="portal-notice"] bdi[dir="ltr"]')).toBe(written);
    expect(await visualOrder(citizen, '[data-testid="portal-case"] bdi[dir="ltr"]')).toBe(written);
    await checkpoint(citizen, 'citizen-phone-case-number-desk');

    await open(citizen, `/me/notices/${examples['/me/notices/:id']}`);
    expect(await visualOrder(citizen, '[data-testid="portal-notice-page"] bdi[dir="ltr"]')).toBe(written);
  });
});
