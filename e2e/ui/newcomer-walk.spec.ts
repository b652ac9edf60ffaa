/**
 * What a first visit turned up, at a desktop's width and a phone's: the public pages name the pages
 * open to all (a visitor lands on the sign-in page); the pages whose segmented controls held three or
 * more Persian labels in one row fit 360 px; a tariff schedule's code is read in Persian digits; the
 * language button keeps its whole label beside a long role; a staff member's own account is listed
 * under "my account", not under the system's administration.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, peopleOf, signInAsCitizen, type People } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;

beforeAll(async () => {
  server = await startE2eServer();
});

afterAll(async () => {
  await server?.stop();
});

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

// A citizen per width: a second code for the same mobile within a minute is refused.
for (const viewport of [
  { width: 1366, height: 800, name: 'desktop', citizen: '09120000001' },
  { width: 360, height: 740, name: 'phone', citizen: '09170000003' },
]) {
  describe(`a first visit at ${viewport.width} px`, () => {
    let people: People;

    beforeAll(async () => {
      people = await peopleOf(server, { width: viewport.width, height: viewport.height });
    });

    afterAll(async () => {
      await people?.close();
    });

    it('the sign-in page lists the pages open without signing in, and they open', async () => {
      const page = await people.personPage();
      await page.goto(`${server.url}/sign-in`);
      const open = page.getByTestId('open-pages');
      await open.waitFor();
      expect(await open.getByRole('link').allInnerTexts()).toEqual([
        'نزدیک‌ترین دفتر به من',
        'محاسبهٔ مهلت قانونی',
        'پیشنهادهای در حال بررسی',
        'آمار باز دفاتر',
      ]);
      await checkpoint(page, `newcomer-sign-in-open-pages-${viewport.name}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.getByTestId('open-page-office-finder').click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/find-office');
      // And back to another from the finder's own footer.
      await page.getByTestId('open-page-deadline-calculator').click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/deadline');
      await page.close();
    });

    it("the association's application queues fit the width", async () => {
      const page = await people.personPage();
      await people.signInAsStaff(page, 'association.tehran');
      await page.goto(`${server.url}/office-applications`);
      await page.getByTestId('applications-queue').waitFor();
      await checkpoint(page, `newcomer-office-applications-${viewport.name}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    });

    it("the regulator's network map and its colouring switch fit the width", async () => {
      const page = await people.personPage();
      await people.signInAsStaff(page, 'regulator');
      await page.goto(`${server.url}/network/map`);
      await page.getByTestId('choropleth-switch').waitFor();
      await checkpoint(page, `newcomer-network-map-${viewport.name}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      // "مدیر مرکز آمار و فناوری اطلاعات" beside it squeezed the button until its label was cut.
      const toggle = await page
        .getByTestId('lang-toggle')
        .evaluate((el) => ({ content: el.scrollWidth, box: el.clientWidth }));
      expect(toggle.content).toBeLessThanOrEqual(toggle.box);
      await page.close();
    });

    it("a clerk's own account is under 'my account', and there is no administration heading", async () => {
      const page = await people.personPage();
      await people.signInAsStaff(page, 'clerk.tehran');
      await page.goto(`${server.url}/court`);
      const headings = page.locator('[id^="nav-section-"]');
      await headings.first().waitFor({ state: 'attached' });
      expect(await headings.allTextContents()).toEqual(['کار روزانه', 'شبکهٔ دفاتر', 'حساب من']);
      expect(await page.locator('[aria-labelledby="nav-section-account"] [data-testid="nav-profile"]').count()).toBe(1);
      await page.close();
    });

    it('an arbitration sent empty names each missing value next to its field, in Persian', async () => {
      const page = await people.personPage();
      await signInAsCitizen(server, page, viewport.citizen);
      await page.goto(`${server.url}/arbitrations/new`);
      await page.getByTestId('arbitration-submit').click();
      // The browser's own English bubble no longer stops the form: the server's answer comes back.
      const subjectError = page.locator('[data-testid="arbitration-subject"][aria-invalid="true"]');
      await subjectError.waitFor();
      const errorOf = (testId: string) =>
        page.getByTestId(testId).evaluate((el) => {
          const id = el
            .getAttribute('aria-describedby')
            ?.split(' ')
            .find((d) => d.endsWith('-error'));
          return id ? (document.getElementById(id)?.textContent ?? '') : '';
        });
      expect(await errorOf('arbitration-subject')).toBe('این فیلد الزامی است.');
      expect(await errorOf('arbitration-office')).toBe('این فیلد الزامی است');
      expect(await errorOf('arbitration-respondent-id')).toMatch(/^(این فیلد الزامی است\.|کد ملی نامعتبر است\.)$/);
      await checkpoint(page, `newcomer-arbitration-empty-${viewport.name}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    });

    it("the tariff schedules read the 1403 schedule's code in Persian digits", async () => {
      const page = await people.personPage();
      await people.signInAsStaff(page, 'regulator');
      await page.goto(`${server.url}/tariffs`);
      const code = page.locator('[data-testid^="schedule-code-"]').first();
      await code.waitFor();
      expect(await code.innerText()).toBe('۱۴۰۳');
      await checkpoint(page, `newcomer-tariffs-${viewport.name}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    });
  });
}
