/**
 * The web shell as people meet it: staff and citizen sign-in, the Persian/English switch, live
 * validation of a national ID with its Persian message, and an accessibility check on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeViolations,
  type BrowserLease,
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
} from '../support/browser';
import { checkpoint } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let browser: BrowserLease;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fa-IR' });
  return { context, page: await context.newPage() };
}

async function expectAccessible(page: Page) {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function signInAsStaff(page: Page, username: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('staff-username').fill(username);
  await page.getByTestId('staff-password').fill('Daftar-1403');
  await page.getByTestId('staff-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

describe('staff sign-in', () => {
  it('a staff member signs in with username and password and lands on a right-to-left Persian dashboard', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${server.url}/sign-in`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page);
    await screenshot(page, 'staff-sign-in-fa');

    await signInAsStaff(page, 'regulator');
    await page.getByTestId('stat-offices').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fa');
    // Counts are read by people: Persian digits.
    await expect.poll(() => page.getByTestId('stat-offices').innerText()).toMatch(/[۰-۹]/);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-fa');
    await context.close();
  });

  it('a wrong password is refused with a Persian message and no session', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('staff-username').fill('regulator');
    await page.getByTestId('staff-password').fill('not-the-password-1');
    await page.getByTestId('staff-submit').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('نام کاربری یا گذرواژه نادرست است');
    expect((await context.cookies()).some((c) => c.name === 'daftar_session')).toBe(false);
    await context.close();
  });
});

describe('a staff account locked by strangers', () => {
  /** Twenty-one wrong passwords, each from an address of its own: the account's ceiling over all addresses. */
  async function lockFromManyAddresses(username: string) {
    for (let i = 0; i < 21; i++)
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/staff/login',
        payload: { username, password: `Stranger-${i}` },
        remoteAddress: `198.51.100.${10 + i}`,
      });
  }

  async function tryPassword(page: Page, username: string) {
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('staff-username').fill(username);
    await page.getByTestId('staff-password').fill('Daftar-1403');
    await page.getByTestId('staff-submit').click();
    await page.getByTestId('staff-locked').waitFor();
  }

  it('its owner is offered a code to the registered mobile and signs in with it', async () => {
    const username = 'association.isfahan';
    await lockFromManyAddresses(username);
    const { rows } = await server.ctx.database.pool.query<{ mobile: string }>(
      'select mobile from users where username = $1',
      [username],
    );

    // The right password is refused while the lock holds; the page says so in Persian and offers the code.
    const { context, page } = await freshPage();
    await tryPassword(page, username);
    await expect.poll(() => page.getByTestId('staff-locked').innerText()).toContain('ورود با گذرواژه');
    await expect.poll(() => page.getByTestId('staff-request-code').innerText()).toBe('ارسال کد به تلفن همراه من');
    await checkpoint(page, 'staff-locked-fa');
    expect((await context.cookies()).some((c) => c.name === 'daftar_session')).toBe(false);

    await page.getByTestId('staff-request-code').click();
    await page.getByTestId('staff-code-sent').waitFor();
    await checkpoint(page, 'staff-code-sent-fa');
    const code = await server.latestCode(rows[0].mobile);
    await page.getByTestId('staff-code').fill('000000' === code ? '111111' : '000000');
    await page.getByTestId('staff-code-submit').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('کد یکبارمصرف نادرست');
    // Typed in Persian digits, as a Persian keyboard gives them.
    await page.getByTestId('staff-code').fill(code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
    await page.getByTestId('staff-code-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect((await context.cookies()).some((c) => c.name === 'daftar_session')).toBe(true);
    await checkpoint(page, 'staff-signed-in-with-code');
    await context.close();
  });

  it('on a 360 px phone the locked page and its code form fit the screen', async () => {
    const username = 'arbitrator.tehran';
    await lockFromManyAddresses(username);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fa-IR' });
    const page = await context.newPage();
    await tryPassword(page, username);
    await page.getByTestId('staff-request-code').click();
    await page.getByTestId('staff-code-sent').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkpoint(page, 'staff-code-sent-360');
    await context.close();
  });
});

describe('language', () => {
  it('switching to English turns the page left-to-right and back', async () => {
    const { context, page } = await freshPage();
    await signInAsStaff(page, 'association.tehran');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('nav').first().innerText()).toMatch(/[A-Za-z]/);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-en');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await context.close();
  });
});

describe('citizen sign-in', () => {
  it('a citizen signs in with their mobile and the one-time code sent by SMS', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${server.url}/sign-in/citizen`);
    await expectAccessible(page);
    await page.getByTestId('citizen-mobile').fill('۰۹۱۲۰۰۰۰۰۰۱');
    await page.getByTestId('citizen-request-code').click();
    await page.getByTestId('citizen-code-sent').waitFor();
    await screenshot(page, 'citizen-code-sent');
    const code = await server.latestCode('09120000001');
    await page.getByTestId('citizen-code').fill(code);
    await page.getByTestId('citizen-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('امیر تهرانی');
    await expectAccessible(page);
    await screenshot(page, 'citizen-home');
    await context.close();
  });

  it('asking again within the minute keeps the code field, says in Persian when a new code may be asked for, and the code sent first signs in', async () => {
    const mobile = '09130000002';
    // The first code, asked for from another device a moment ago.
    const first = await server.app.inject({ method: 'POST', url: '/api/v1/auth/citizen/otp', payload: { mobile } });
    expect(first.statusCode, first.body).toBe(202);
    const code = await server.latestCode(mobile);

    const askAgain = async (page: Page) => {
      await page.goto(`${server.url}/sign-in/citizen`);
      await page.getByTestId('citizen-mobile').fill('۰۹۱۳۰۰۰۰۰۰۲');
      await page.getByTestId('citizen-request-code').click();
      await page.getByTestId('citizen-code').waitFor();
      const note = await page.getByTestId('citizen-new-code-in').innerText();
      expect(note).toMatch(/^کد تازه را تا [۰-۹]{1,2} ثانیهٔ دیگر می‌توانید درخواست کنید\.$/);
      expect(await page.getByTestId('citizen-code-sent').innerText()).toContain('هنوز معتبر است');
      // Being told to wait is not shown as an error.
      expect(await page.getByTestId('problem-alert').count()).toBe(0);
      await expect.poll(() => page.getByTestId('citizen-resend').isDisabled()).toBe(true);
    };

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fa-IR' });
    const phonePage = await phone.newPage();
    await askAgain(phonePage);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkpoint(phonePage, 'citizen-code-too-soon-360');
    await phone.close();

    const { context, page } = await freshPage();
    await askAgain(page);
    await checkpoint(page, 'citizen-code-too-soon-fa');
    await page.getByTestId('citizen-code').fill(code);
    await page.getByTestId('citizen-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await context.close();
  });
});

describe('identifier fields', () => {
  it('an invalid national ID shows the Persian message under the field as it is typed', async () => {
    const { context, page } = await freshPage();
    await signInAsStaff(page, 'manager.11001');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-new').click();
    const field = page.getByTestId('national-id-input');
    await field.fill('0499370898');
    await field.blur();
    await expect.poll(() => page.getByTestId('create-staff-form').innerText()).toContain('کد ملی نامعتبر است');
    await expectAccessible(page);
    await screenshot(page, 'invalid-national-id');
    await field.fill('0499370899');
    await field.blur();
    await expect.poll(() => page.getByTestId('create-staff-form').innerText()).not.toContain('کد ملی نامعتبر است');
    await context.close();
  });

  it('an operator is not offered the staff pages and the server refuses them too', async () => {
    const { context, page } = await freshPage();
    await signInAsStaff(page, 'operator.11001');
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    expect(status).toBe(403);
    await context.close();
  });
});
