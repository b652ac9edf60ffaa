/**
 * The activity licences list is sorted by the server: the association clicks the expiry header
 * twice (soonest, then latest first) and the table asks the server for `sort=expires:desc`; the
 * first row is then the licence that expires last, by the database's own account. At a desk and on
 * a 360 px phone, checked with axe-core and photographed (test-results/screenshots/licences-sorted-*.png).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '#core/persian-digits';
import { checkpoint, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Licence numbers, the latest expiry first (the id breaking a tie, as the list does). */
let latestFirst: string[] = [];

const { server, desktop, phone } = serverWithPeople({}, { desktop: DESKTOP, phone: { width: 360, height: 780 } });
beforeAll(async () => {
  latestFirst = (
    await server.ctx.database.pool.query<{ number: string }>(
      'select number from activity_licences order by expires_on desc, id desc',
    )
  ).rows.map((r) => r.number);
});

describe('a server-sorted list', () => {
  it.each([
    ['desktop', () => desktop],
    ['phone', () => phone],
  ] as const)(
    'on the %s, two clicks on the expiry header show the licence that expires last first',
    async (name, people) => {
      const page = await people().personPage();
      await people().signInAsStaff(page, 'association');
      await page.goto(`${server.url}/licences`);
      const rows = page.getByTestId('licences-row');
      await rows.first().waitFor();
      const header = page.getByTestId('licences-table-sort-expires');
      await header.click();
      const asked = page.waitForRequest((r) => /\/api\/v1\/licences\?.*sort=expires(%3A|:)desc/.test(r.url()));
      await header.click();
      await asked;
      await expect
        .poll(() => rows.first().getByTestId('licences-open').textContent())
        .toBe(toPersianDigits(latestFirst[0]));
      const sorted = page.getByTestId('licences-table').locator('th[aria-sort="descending"]');
      expect(await sorted.count()).toBe(1);
      expect(await sorted.textContent()).toContain('▼');
      await checkpoint(page, `licences-sorted-${name}`);
    },
  );
});
