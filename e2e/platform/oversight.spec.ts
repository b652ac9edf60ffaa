/**
 * Oversight in the browser: a province's association reads its province's part of the audit log,
 * in Persian, and filters it; the regulator exports the log as CSV; a page a role may not open
 * says so; the SMS outbox never shows a one-time code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, choose, peopleOf, type People } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let people: People;
/** A laptop's 1366×768 screen, where the navigation is taller than the window. */
let laptop: People;
let downloads: string;

const displayName = async (username: string) => {
  const { rows } = await server.ctx.database.pool.query<{ name: string }>(
    "select first_name || ' ' || last_name as name from users where username = $1",
    [username],
  );
  return rows[0].name;
};
/** The raw codes the log stores: none may reach the reader. */
const RAW_CODE = /\b(auth\.sign-in|users\.create|dataset\.seed|notices\.deliver)\b|\bnotice:\d/;

beforeAll(async () => {
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-e2e-oversight-'));
  server = await startE2eServer();
  people = await peopleOf(server);
  laptop = await peopleOf(server, { width: 1366, height: 768 });
  // An operator of a Tehran office and one of an Isfahan office sign in: two sign-in events.
  for (const username of ['operator.11001', 'operator.13001']) {
    const page = await people.personPage();
    await people.signInAsStaff(page, username);
    await page.close();
  }
});

afterAll(async () => {
  await people?.close();
  await laptop?.close();
  await server?.stop();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

describe('the audit log', () => {
  it("association.tehran opens /audit, reads its province's sign-ins in Persian and filters them", async () => {
    const tehranOperator = await displayName('operator.11001');
    const isfahanOperator = await displayName('operator.13001');
    const page = await people.personPage();
    await people.signInAsStaff(page, 'association.tehran');
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await page.getByTestId('audit-scope').innerText()).toContain('استان خود');
    // Only the regulator verifies the chain and signs checkpoints.
    expect(await page.getByTestId('audit-verify').count()).toBe(0);
    expect(await page.getByTestId('audit-table').innerText()).not.toMatch(RAW_CODE);
    await checkpoint(page, 'oversight-audit-association-tehran');

    await choose(page, 'audit-filter-action', 'ورود به سامانه');
    await page.getByTestId('audit-filter-apply').click();
    await expect
      .poll(async () =>
        (await page.getByTestId('audit-row').allInnerTexts()).every((r) => r.includes('ورود به سامانه')),
      )
      .toBe(true);
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    expect(rows.some((r) => r.includes(tehranOperator) && r.includes('127.0.0.1'))).toBe(true);
    expect(rows.some((r) => r.includes(isfahanOperator))).toBe(false);

    // Who: part of the operator's name.
    await page.getByTestId('audit-filter-who').fill(tehranOperator.split(' ')[0]);
    await page.getByTestId('audit-filter-apply').click();
    await expect
      .poll(async () => (await page.getByTestId('audit-row').allInnerTexts()).every((r) => r.includes(tehranOperator)))
      .toBe(true);
    await checkpoint(page, 'oversight-audit-association-tehran-filtered');

    // A range that ends before it starts: said next to the field, in Persian.
    await page.getByTestId('audit-filter-from').fill('۱۴۰۵/۰۲/۱۰');
    await page.getByTestId('audit-filter-to').fill('۱۴۰۵/۰۲/۰۱');
    await page.getByTestId('audit-filter-apply').click();
    await expect.poll(() => page.getByText('تاریخ پایان باید پس از تاریخ آغاز باشد.').count()).toBeGreaterThan(0);
    await checkpoint(page, 'oversight-audit-range-error');
    await page.close();
  });

  it('the regulator exports the log as CSV, with Persian labels rather than codes', async () => {
    const page = await people.personPage();
    await people.signInAsStaff(page, 'regulator');
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('audit-scope').innerText()).toContain('همهٔ رویدادهای کشور');
    await checkpoint(page, 'oversight-audit-regulator');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-table-csv').click()]);
    expect(download.suggestedFilename()).toBe('audit-events.csv');
    const file = path.join(downloads, 'audit-events.csv');
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('عمل');
    expect(header).toContain('نشانی مبدأ');
    expect(lines.length).toBe(await page.getByTestId('audit-row').count());
    expect(csv).toContain('ورود به سامانه');
    expect(csv).toContain(await displayName('operator.13001'));
    expect(csv).not.toMatch(RAW_CODE);
    await page.close();
  });

  it('an operator opening /audit is told in Persian that the page is not theirs, and offered the way home', async () => {
    const page = await people.personPage();
    await people.signInAsStaff(page, 'operator.11001');
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('forbidden-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await page.getByTestId('forbidden-page').innerText()).toContain('دسترسی به این صفحه ندارید');
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    await checkpoint(page, 'oversight-audit-forbidden');
    await page.getByTestId('forbidden-home').click();
    await page.waitForURL(`${server.url}/`);
    await page.close();
  });
});

describe('the SMS outbox', () => {
  it('shows sign-in codes masked, to the regulator and to the province association', async () => {
    // A citizen of Tehran asks for a sign-in code, as on the sign-in page.
    const res = await fetch(`${server.url}/api/v1/auth/citizen/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mobile: '09120000001' }),
    });
    expect(res.status).toBe(202);
    const code = await server.latestCode('09120000001');
    const persianCode = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    for (const admin of ['regulator', 'association.tehran']) {
      const page = await people.personPage();
      await people.signInAsStaff(page, admin);
      await page.goto(`${server.url}/outbox`);
      await page.getByTestId('outbox-row').first().waitFor();
      const codeRow = page.getByTestId('outbox-row').filter({ hasText: 'کد ورود' }).first();
      expect(await codeRow.innerText()).toContain('••••••');
      const table = await page.getByTestId('outbox-table').innerText();
      expect(table).not.toContain(code);
      expect(table).not.toContain(persianCode);
      await checkpoint(page, `oversight-outbox-${admin}`);
      await page.close();
    }
  });
});

describe("a province's association on a laptop screen", () => {
  it("the map's figures panel names its province, and no legend range runs from a number to itself", async () => {
    const page = await laptop.personPage();
    await laptop.signInAsStaff(page, 'association.tehran');
    await page.goto(`${server.url}/network/map`);
    const legend = page.getByTestId('map-legend');
    await legend.getByText('دفتر در هر صد هزار نفر').waitFor();
    await expect.poll(() => page.getByTestId('totals-title').innerText()).toBe('استان تهران');
    for (const metric of ['دفتر در هر صد هزار نفر', 'تقاضای ماهانه به ازای هر دفتر']) {
      await page.getByTestId('choropleth-switch').getByText(metric).click();
      await legend.getByText(metric).waitFor();
      const ranges = (await legend.innerText()).split('\n').filter((line) => line.includes('–'));
      for (const range of ranges) {
        const [from, to] = range.split('–').map((x) => x.trim());
        expect(from, range).not.toBe(to);
      }
    }
    await checkpoint(page, 'oversight-map-association-tehran');
    await page.close();
  });

  it('the navigation taller than the window shows that it scrolls, and its last link is reachable', async () => {
    const page = await laptop.personPage();
    await laptop.signInAsStaff(page, 'regulator');
    const nav = page.locator('#main-navigation');
    const size = await nav.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(size.scroll).toBeGreaterThan(size.client);
    // The edge where links continue is shaded: shadows fixed to the box, covers that scroll with the links.
    const style = await nav.evaluate((el) => {
      const css = getComputedStyle(el);
      return { image: css.backgroundImage, attachment: css.backgroundAttachment, overflow: css.overflowY };
    });
    expect(style.overflow).toBe('auto');
    expect(style.image).toContain('radial-gradient');
    expect(style.attachment).toBe('local, local, scroll, scroll');
    await page.screenshot({ path: 'test-results/screenshots/oversight-nav-768-top.png' });
    const last = nav.getByRole('link').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/oversight-nav-768-bottom.png' });
    await checkpoint(page, 'oversight-nav-768');
    await page.close();
  });
});
