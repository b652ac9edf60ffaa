/**
 * What every browser story needs: a page per person (each in its own browser context, so their
 * sessions never mix, in Persian with Tehran's clock), staff sign-in through the sign-in form, a
 * checkpoint at each step (a screenshot and the accessibility check), and picking an option of a
 * select by what the person reads. On a server started on a chosen day, every person's browser
 * takes the server's clock, so the page's "today" is the server's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  type BrowserLease,
  describeViolations,
  launchBrowser,
  pageChecks,
  screenshot,
  seriousAccessibilityViolations,
} from './browser';
import { toPersianDigits } from '#core/persian-digits';
import type { E2eServer } from './server';

const STAFF_PASSWORD = 'Daftar-1403';

/**
 * A browser context whose clock reads what the server's reads, when the server runs on a chosen
 * day (`startE2eServer({ now })`). Installed before any page opens; time then runs on at its real
 * pace in both (playwright's `clock.install`), so dates typed, shown and counted agree.
 */
export async function followServerClock(context: BrowserContext, server: E2eServer): Promise<void> {
  if (server.chosenDay) await context.clock.install({ time: server.ctx.clock.now() });
}

export interface People {
  /** A fresh page for one more person. */
  personPage(): Promise<Page>;
  /** Signs a staff member in and waits for the signed-in shell. */
  signInAsStaff(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** A window's size in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** The desk's screen every person gets unless the spec says otherwise. */
export const DESKTOP: Viewport = { width: 1280, height: 860 };

export async function peopleOf(server: E2eServer, viewport: Viewport = DESKTOP): Promise<People> {
  const browser: BrowserLease = await launchBrowser();
  return {
    async personPage() {
      const context = await browser.newContext({ viewport, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
      await followServerClock(context, server);
      return context.newPage();
    },
    async signInAsStaff(page, username, password = STAFF_PASSWORD) {
      await page.goto(`${server.url}/sign-in`);
      await page.getByTestId('staff-username').fill(username);
      await page.getByTestId('staff-password').fill(password);
      await page.getByTestId('staff-submit').click();
      await page.getByTestId('user-menu').waitFor();
    },
    close: () => browser.close(),
  };
}

/** Signs a citizen in with the one-time code sent to their mobile (typed in Persian digits) and waits for the signed-in shell. */
export async function signInAsCitizen(server: E2eServer, page: Page, mobile: string): Promise<void> {
  await page.goto(`${server.url}/sign-in/citizen`);
  await page.getByTestId('citizen-mobile').fill(toPersianDigits(mobile));
  await page.getByTestId('citizen-request-code').click();
  await page.getByTestId('citizen-code-sent').waitFor();
  await page.getByTestId('citizen-code').fill(await server.latestCode(mobile));
  await page.getByTestId('citizen-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** A step's screenshot (from the top of the page) and its accessibility check: serious and critical violations fail, with the offending markup. */
export async function checkpoint(page: Page, name: string): Promise<void> {
  if (!pageChecks) return;
  await screenshot(page, name);
  const violations = await seriousAccessibilityViolations(page);
  const where = await Promise.all(
    violations.flatMap((v) =>
      v.nodes
        .slice(0, 2)
        .map((n) => page.evaluate((sel) => document.querySelector(sel)?.outerHTML.slice(0, 300) ?? sel, n.target[0])),
    ),
  );
  expect(violations, `${name}:\n${describeViolations(violations)}\n${where.join('\n')}`).toEqual([]);
}

/** Picks an option of a Mantine select (by its test id) by the option's visible name. */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
