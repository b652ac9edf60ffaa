/**
 * Steps a person takes the same way in several stories: a party's consent to an arbitration with
 * the one-time code sent to their mobile, a payment at the sandbox bank with its test card, and the
 * check that a page fits its screen's width (nothing to scroll sideways on a 360 px phone), the
 * court clerk's record of a request to enforce an arbitration award, a staff member opening a page
 * and its checks at a desk and on a phone, and a citizen served at an office's counter who answers
 * the survey its SMS links to.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pageRequest } from './page-api';
import { checkpoint, type People } from './people';
import type { E2eServer } from './server';

/** Types the one-time code the case sent to this mobile and confirms the party's consent. */
export async function consentByCode(server: E2eServer, page: Page, mobile: string): Promise<void> {
  await page.getByTestId('arbitration-code').fill(await server.latestCodeOf(mobile, 'otp.arbitration-consent'));
  await page.getByTestId('arbitration-consent-submit').click();
  await page.getByTestId('arbitration-consent').waitFor({ state: 'detached' });
}

/** Pays with the sandbox bank's test card and waits for the payment to be credited. */
export async function payAtSandboxBank(page: Page): Promise<void> {
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

/** The page fits its window's width: nothing to scroll sideways. */
export async function expectFits(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/**
 * The Tehran court's clerk, in a new desktop page, opens the arbitration's award from the court's
 * list and records the winner's request for the enforcement order; the case then reads «درخواست اجرا».
 */
export async function recordEnforcementRequest(
  server: E2eServer,
  desktop: People,
  caseId: number,
  winner: string,
  shot: string,
): Promise<void> {
  const clerk = await desktop.personPage();
  await desktop.signInAsStaff(clerk, 'clerk.tehran');
  await clerk.goto(`${server.url}/court/cases`);
  await clerk.getByTestId('court-arbitration-awards').click();
  await clerk.getByTestId(`arbitration-open-${caseId}`).click();
  await clerk.getByTestId('arbitration-court-desk').waitFor();
  await clerk.getByTestId('arbitration-enforcement-submit').click();
  await expect.poll(() => clerk.getByTestId('arbitration-state').textContent()).toBe('درخواست اجرا');
  expect(await clerk.getByTestId('arbitration-enforcement-recorded').textContent()).toContain(winner);
  await checkpoint(clerk, shot);
}

/** A staff member's fresh page, signed in and opened at `path`; the page's uncaught script errors are added to `errors`. */
export async function staffPageAt(
  server: E2eServer,
  people: People,
  username: string,
  path: string,
  errors: string[],
): Promise<Page> {
  const page = await people.personPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await people.signInAsStaff(page, username);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The page's checkpoint at a desk and on a 360 px phone, back at the desk's size after. */
export async function checkpointAtDeskAndPhone(page: Page, name: string): Promise<void> {
  const desk = page.viewportSize() ?? { width: 1280, height: 860 };
  await checkpoint(page, `${name}-desk`);
  await page.setViewportSize({ width: 360, height: 740 });
  await checkpoint(page, `${name}-phone`);
  await page.setViewportSize(desk);
}

/**
 * The staff member signed in on `counter` serves the citizen of `mobile` at their office's counter
 * (a petition); returns the survey link's token from the SMS the sandbox's outbox holds.
 */
export async function serveAndReadSurveyLink(server: E2eServer, counter: Page, mobile: string): Promise<string> {
  const pool = server.ctx.database.pool;
  const { rows } = await pool.query<{ id: number }>('select id::int as id from citizens where mobile = $1', [mobile]);
  const issued = await pageRequest(counter, 'POST', '/api/v1/counter/tickets', { serviceCode: 'petition' });
  expect(issued.status).toBe(201);
  const ticketId = (issued.body as { ticket: { id: number } }).ticket.id;
  const served = await pageRequest(counter, 'POST', `/api/v1/counter/tickets/${ticketId}/serve`, {
    citizenId: rows[0].id,
  });
  expect(served.status).toBe(200);
  const sms = await pool.query<{ body: string }>(
    "select body from notifier_outbox where template = 'quality.survey' and recipient = $1 order by id desc limit 1",
    [mobile],
  );
  const token = /\/s\/([A-Za-z0-9_-]+)$/.exec(sms.rows[0].body)?.[1] ?? '';
  expect(token).not.toBe('');
  return token;
}

/** Opens the survey of `token` without signing in and waits for its form, which names the office served at. */
export async function openSurvey(server: E2eServer, citizen: Page, token: string, office: string): Promise<void> {
  await citizen.goto(`${server.url}/s/${token}`);
  await citizen.getByTestId('survey-form').waitFor();
  expect(await citizen.getByTestId('survey-office').textContent()).toContain(office);
}

/** Chooses the survey's answers (satisfaction 1 to 5, coming back or not) and writes a word; sends nothing. */
export async function fillSurvey(
  citizen: Page,
  answers: { score: number; wouldReturn: boolean; comment: string },
): Promise<void> {
  await citizen.getByTestId(`survey-score-${answers.score}`).check();
  await citizen.getByTestId(answers.wouldReturn ? 'survey-return-yes' : 'survey-return-no').check();
  await citizen.getByTestId('survey-comment').fill(answers.comment);
}
