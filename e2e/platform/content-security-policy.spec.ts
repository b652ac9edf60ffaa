/**
 * Every main page works under the Content-Security-Policy: the page is opened by each kind of
 * person who uses it, and the browser reports no violation (no script, style, font, image, worker
 * or connection refused) — the map, the charts and the date pickers included.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { networkOf } from '../support/network-quiet';
import { DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

const { server, people } = serverWithPeople({}, { people: DESKTOP });

const PAGES: Record<string, string[]> = {
  anonymous: ['/sign-in', '/sign-in/citizen', '/register', '/deadline', '/find-office', '/fees', '/offices'],
  regulator: [
    '/',
    '/network/map',
    '/network/siting',
    '/network/viability',
    '/tariffs',
    '/tariffs/simulator',
    '/tariffs/cost-model',
    '/audit',
    '/users',
    '/staff',
    '/admin/holidays',
    '/admin/geography',
    '/admin/deadline-rules',
    '/office-applications',
    '/licences',
    '/workforce',
    '/channels',
    '/competencies',
    '/outbox',
    '/training/admin',
    '/payments',
  ],
  'operator.11001': [
    '/counter',
    '/counter/notices',
    '/filings',
    '/filings/new',
    '/parties',
    '/training',
    '/my-record',
    '/profile',
  ],
  'clerk.tehran': ['/court', '/court/cases'],
};

/** Collects the page's CSP violations from the moment it starts loading. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('the Content-Security-Policy', () => {
  for (const [who, paths] of Object.entries(PAGES)) {
    it(`lets every page ${who === 'anonymous' ? 'a visitor' : who} opens run with no violation`, async () => {
      const page = await people.personPage();
      const network = networkOf(page);
      const violations = await watchViolations(page);
      if (who !== 'anonymous') await people.signInAsStaff(page, who);
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        await network.quiet();
        expect(violations, `${who} at ${path}`).toEqual([]);
      }
      const response = await page.goto(`${server.url}${paths[0]}`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    });
  }
});
