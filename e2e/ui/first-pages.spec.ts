/**
 * The two pages whose weight is budgeted (decision 0028) — the staff sign-in and the counter — at a
 * desktop width (1280 px) and a phone's (360 px): a screenshot of each, the accessibility check, and
 * proof that Mantine's CSS arrived with them now that it is split per component and per page (a
 * filled button has a colour, an input has its border, a card its frame), that the signed-in shell's
 * own CSS lays out the navigation for the width, and that nothing is wider than the screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, peopleOf, type People } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;

beforeAll(async () => {
  server = await startE2eServer();
});

afterAll(async () => {
  await server?.stop();
});

const TRANSPARENT = ['rgba(0, 0, 0, 0)', 'transparent'];

async function style(page: Page, testId: string, property: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el, prop) => getComputedStyle(el).getPropertyValue(prop), property);
}

/**
 * The field's frame: Mantine's TextInput puts the test id on the <input>, which carries the border;
 * a PasswordInput's <input> sits borderless inside the framed element (also `.mantine-Input-input`).
 */
async function expectFramedInput(page: Page, testId: string) {
  const frame = await page.getByTestId(testId).evaluate((el) => {
    const framed = el.closest('.mantine-Input-input') ?? el;
    const css = getComputedStyle(framed);
    return { style: css.borderTopStyle, width: css.borderTopWidth, color: css.borderTopColor };
  });
  expect(frame.style).toBe('solid');
  expect(parseFloat(frame.width)).toBeGreaterThan(0);
  expect(TRANSPARENT).not.toContain(frame.color);
}

async function expectFilledButton(page: Page, testId: string) {
  expect(TRANSPARENT).not.toContain(await style(page, testId, 'background-color'));
  // A Mantine button has its own height and rounded corners, not the browser's default look.
  expect(parseFloat(await style(page, testId, 'border-top-left-radius'))).toBeGreaterThan(0);
}

async function expectNoSideways(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

for (const viewport of [
  { width: 1280, height: 860, name: 'desktop' },
  { width: 360, height: 740, name: 'phone' },
]) {
  describe(`the first pages at ${viewport.width} px`, () => {
    let people: People;

    beforeAll(async () => {
      people = await peopleOf(server, { width: viewport.width, height: viewport.height });
    });

    afterAll(async () => {
      await people?.close();
    });

    it('the staff sign-in page is styled by Mantine', async () => {
      const page = await people.personPage();
      await page.goto(`${server.url}/sign-in`);
      await page.getByTestId('staff-username').fill('operator.11001');
      await page.getByTestId('staff-password').fill('Daftar-1403');
      await checkpoint(page, `first-pages-sign-in-${viewport.name}`);
      await expectFramedInput(page, 'staff-username');
      await expectFramedInput(page, 'staff-password');
      await expectFilledButton(page, 'staff-submit');
      await expectNoSideways(page, viewport.width);
    });

    it('the counter page is styled by Mantine and the shell fits the width', async () => {
      const page = await people.personPage();
      await people.signInAsStaff(page, 'operator.11001');
      await page.goto(`${server.url}/counter`);
      await page.getByTestId('counter-page').waitFor();
      await page.getByTestId('today-services').waitFor();

      await checkpoint(page, `first-pages-counter-${viewport.name}`);
      await expectFilledButton(page, 'issue-ticket');
      await expectFramedInput(page, 'lookup-national-id');
      // A card drawn with a border (withBorder) and Mantine's radius.
      expect(await style(page, 'start-service-panel', 'border-top-style')).toBe('solid');
      expect(parseFloat(await style(page, 'start-service-panel', 'border-top-left-radius'))).toBeGreaterThan(0);
      // The table of tickets has Mantine's table layout (full width, collapsed borders).
      expect(await style(page, 'tickets-table', 'border-collapse')).toBe('collapse');

      // The navigation: beside the page on a desktop, behind the header's button on a phone.
      const nav = page.getByRole('navigation', { name: /.+/ }).first();
      const burger = page.locator('.daftar-shell-burger');
      if (viewport.width >= 768) {
        expect(await nav.isVisible()).toBe(true);
        expect(await burger.isVisible()).toBe(false);
      } else {
        expect(await nav.isVisible()).toBe(false);
        expect(await burger.isVisible()).toBe(true);
      }
      await expectNoSideways(page, viewport.width);

      if (viewport.width < 768) {
        await burger.click();
        await expect.poll(() => nav.isVisible()).toBe(true);
        await checkpoint(page, `first-pages-counter-${viewport.name}-navigation`);
        await page.getByTestId('nav-counter').click();
        await expect.poll(() => nav.isVisible()).toBe(false);
      }
    });
  });
}
