/**
 * The staff registry and employment in the browser: the manager of office 11001 opens the
 * registry, finds a newly hired operator, sees a contract with its wage left blank refused with the
 * Persian required message next to the wage (not saved with a wage of 0), records a contract and an
 * insurance period for them, uploads their photo, and sees an overlapping contract refused with the
 * Persian message next to the start date; the Tehran association reads the workforce statistics of its province; the
 * operator reads their own record; on a phone, the manager sorts the registry and the office's payments
 * without the page growing wider than the screen. Every page is checked with axe-core and photographed.
 */
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { png } from '../../test/filings/files';
import { fieldError } from '../support/fields';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');
const TODAY = tehranIsoDate(NOW);

let hireId = 0;
const HIRE = { first: 'نیلوفر', last: 'استخدامی', nationalId: '0311234566' };

/** A Jalali day relative to today, as a person types it (Persian digits and slashes). */
const jalali = (days: number) =>
  toPersianDigits(formatJalaliIso(isoToJalali(addDaysIso(TODAY, days))).replace(/-/g, '/'));

const { server, people } = serverWithPeople({ now: NOW }, { people: { width: 1280, height: 900 } });
beforeAll(async () => {
  // Hired yesterday at office 11001: an account and the operator role, no contract or insurance yet.
  const res =
    await server.ctx.db.execute(sql`insert into users (kind, username, first_name, last_name, national_id, mobile)
    values ('staff', 'operator.11001b', ${HIRE.first}, ${HIRE.last}, ${HIRE.nationalId}, '09121234987') returning id::int as id`);
  hireId = (res.rows[0] as { id: number }).id;
  await server.ctx.db.execute(
    sql`insert into role_grants (user_id, role, scope_kind, province_id, office_id) values (${hireId}, 'operator', 'office', 1, 1)`,
  );
});

describe('staff registry and employment', () => {
  let manager: Page;

  it("the manager opens the registry: the office's staff with licence and insurance badges", async () => {
    manager = await people.personPage();
    await people.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/staff`);
    await manager.getByTestId('staff-table').waitFor();
    await expect.poll(() => manager.getByTestId('staff-row').count()).toBe(4);
    const consultantRow = manager.getByTestId('staff-row').filter({ hasText: 'شریفی' });
    await expect.poll(() => consultantRow.getByTestId('insured-badge').getAttribute('data-insured')).toBe('false');
    const hireRow = manager.getByTestId('staff-row').filter({ hasText: HIRE.last });
    await expect.poll(() => hireRow.getByTestId('licence-badge').getAttribute('data-status')).toBe('none');
    // National IDs are read in Persian digits.
    expect(await hireRow.innerText()).toContain(toPersianDigits(HIRE.nationalId));
    await checkpoint(manager, 'staff-registry');

    await manager.getByTestId('staff-search').fill('استخد');
    await expect.poll(() => manager.getByTestId('staff-row').count()).toBe(1);
    await manager.getByTestId('staff-link').click();
    await manager.getByTestId('record-name').waitFor();
    expect(await manager.getByTestId('record-name').innerText()).toBe(`${HIRE.first} ${HIRE.last}`);
  });

  it('a contract with its wage left blank is refused with the Persian required message next to the wage, not saved as 0', async () => {
    await manager.getByTestId('contract-hours').fill('44');
    await manager.getByTestId('contract-wage').fill('');
    await manager.getByTestId('contract-starts').fill(jalali(-1));
    await manager.getByTestId('contract-ends').fill(jalali(364));
    await manager.getByTestId('contract-submit').click();
    // The message is the wage field's own error (announced with it); the weekly hours are fine.
    await expect.poll(() => manager.getByTestId('contract-wage').getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(manager, 'contract-wage')).toBe('این فیلد الزامی است.');
    expect(await manager.getByTestId('contract-hours').getAttribute('aria-invalid')).not.toBe('true');
    expect(await manager.getByTestId('contract-row').count()).toBe(0);
    const contracts = await server.ctx.db.execute(
      sql`select count(*)::int as n from employment_contracts where user_id = ${hireId}`,
    );
    expect((contracts.rows[0] as { n: number }).n).toBe(0);
  });

  it('adds a contract, an insurance period and a photo for the new operator', async () => {
    await manager.getByTestId('contract-hours').fill('44');
    await manager.getByTestId('contract-wage').fill('250000000');
    await manager.getByTestId('contract-starts').fill(jalali(-1));
    await manager.getByTestId('contract-ends').fill(jalali(364));
    await manager.getByTestId('contract-submit').click();
    await expect.poll(() => manager.getByTestId('contract-row').count()).toBe(1);
    expect(await manager.getByTestId('contract-row').innerText()).toContain('۲۵۰٬۰۰۰٬۰۰۰');

    await manager.getByTestId('insurance-number').fill('۱۲۰۰۵۵۵۵۵۵');
    await manager.getByTestId('insurance-starts').fill(jalali(-1));
    await manager.getByTestId('insurance-submit').click();
    await expect.poll(() => manager.getByTestId('insurance-row').count()).toBe(1);
    await expect
      .poll(async () => await manager.getByTestId('insured-badge').first().getAttribute('data-insured'))
      .toBe('true');

    const chooser = manager.waitForEvent('filechooser');
    await manager.getByTestId('photo-input').click();
    await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png() });
    await manager.getByRole('img', { name: new RegExp(HIRE.last) }).waitFor();
    await checkpoint(manager, 'staff-member-contract-insurance');
  });

  it('refuses an overlapping contract with the Persian message next to the start date', async () => {
    await manager.getByTestId('contract-starts').fill(jalali(30));
    await manager.getByTestId('contract-ends').fill(jalali(90));
    await manager.getByTestId('contract-submit').click();
    const form = manager.getByTestId('contract-form');
    const message = form.getByText('این قرارداد با قرارداد دیگری از همین شخص در همین دفتر هم‌پوشانی دارد.');
    await message.first().waitFor();
    // The message belongs to the start-date field (announced as its error), and nothing was added.
    expect(await fieldError(manager, 'contract-starts')).toContain('هم‌پوشانی');
    expect(await manager.getByTestId('contract-row').count()).toBe(1);
    await checkpoint(manager, 'staff-contract-overlap');
  });

  it("the Tehran association reads the workforce statistics of its province and today's alerts", async () => {
    const association = await people.personPage();
    await people.signInAsStaff(association, 'association.tehran');
    await association.goto(`${server.url}/workforce`);
    await association.getByTestId('office-stats').waitFor();
    const offices = await association.getByTestId('office-stats-row').allInnerTexts();
    expect(offices).toHaveLength(2);
    expect(offices[0]).toContain('۱۱۰۰۱');
    expect(offices[1]).toContain('۱۱۰۰۲');
    const provinces = await association.getByTestId('province-stats-row').allInnerTexts();
    expect(provinces).toHaveLength(1);
    expect(provinces[0]).toContain('تهران');
    // Office 11001 now has four people under contract, three of them insured (the consultant is not).
    expect(offices[0]).toContain('۷۵');
    await association.getByTestId('alerts-table').waitFor();
    expect(
      await association.locator('[data-testid="alert-row"][data-kind="insurance-lapsed"]').count(),
    ).toBeGreaterThan(0);
    await checkpoint(association, 'workforce-statistics');

    // The same page in English: Latin digits, English labels.
    await association.getByTestId('lang-toggle').click();
    await association.getByRole('heading', { name: 'Employment and insurance' }).waitFor();
    expect(await association.getByTestId('office-stats-row').first().innerText()).toContain('75%');
    await checkpoint(association, 'workforce-statistics-en');
  });

  it('the operator reads their own record', async () => {
    const operator = await people.personPage();
    await people.signInAsStaff(operator, 'operator.11001');
    await operator.goto(`${server.url}/my-record`);
    await operator.getByTestId('record-name').waitFor();
    expect(await operator.getByTestId('contract-form').count()).toBe(0);
    expect(await operator.getByTestId('contract-row').count()).toBe(1);
    await checkpoint(operator, 'my-record');
  });

  it("on a phone, the manager sorts the registry and the office's payments, and neither is wider than the screen", async () => {
    const phone = await people.personPage();
    await phone.setViewportSize({ width: 360, height: 780 });
    await people.signInAsStaff(phone, 'manager.11001');
    const fitsTheScreen = async () => {
      const { scrollWidth, innerWidth } = await phone.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    };

    // The registry by national ID: ascending on the first click, descending on the second.
    await phone.goto(`${server.url}/staff`);
    await expect.poll(() => phone.getByTestId('staff-row').count()).toBe(4);
    const nationalIds = async () =>
      (await phone.getByTestId('staff-row').locator('bdi').allInnerTexts())
        .map(toLatinDigits)
        .filter((id) => /^\d{10}$/.test(id));
    const sortById = phone.getByTestId('staff-table-sort-nationalId');
    await sortById.click();
    await expect.poll(() => sortById.locator('xpath=ancestor::th').getAttribute('aria-sort')).toBe('ascending');
    // The server sorts the list: the rows change when its answer arrives, after the header shows the order.
    const ascending = [...(await nationalIds())].sort();
    expect(ascending).toContain(HIRE.nationalId);
    await expect.poll(nationalIds).toEqual(ascending);
    await sortById.click();
    await expect.poll(() => sortById.locator('xpath=ancestor::th').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(nationalIds).toEqual([...ascending].reverse());
    await fitsTheScreen();
    await checkpoint(phone, 'staff-registry-phone');

    // Three payments at office 11001, the newest first until the amount is sorted.
    const [{ id: managerId }] = (
      await server.ctx.db.execute(sql`select id::int as id from users where username = 'manager.11001'`)
    ).rows as { id: number }[];
    const paid = [
      { receipt: '14050000009013', amount: 1_250_000, daysAgo: 3 },
      { receipt: '14050000009024', amount: 30_500_000, daysAgo: 2 },
      { receipt: '14050000009035', amount: 90_000, daysAgo: 1 },
    ];
    const ids: number[] = [];
    for (const p of paid) {
      const at = new Date(NOW.getTime() - p.daysAgo * 86_400_000).toISOString();
      const res = await server.ctx.db.execute(sql`insert into payments
        (receipt_number, purpose, amount_rials, status, gateway, gateway_token, bank_reference, office_id, province_id,
         channel, created_by, created_at, expires_at, paid_at)
        values (${p.receipt}, 'service', ${p.amount}, 'paid', 'sandbox', ${`sort-${p.receipt}`}, '123456789012', 1, 1,
         'office', ${managerId}, ${at}, ${at}, ${at}) returning id::int as id`);
      ids.push((res.rows[0] as { id: number }).id);
    }
    const [small, large, smallest] = ids;
    await phone.goto(`${server.url}/payments`);
    const order = async () =>
      (
        await phone
          .getByTestId('payments-table')
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))
      ).filter((id) => ids.some((i) => id === `payment-row-${i}`));
    await expect.poll(order).toEqual([smallest, large, small].map((i) => `payment-row-${i}`));
    // Amounts are largest first on the first click, smallest first on the second.
    await phone.getByTestId('payments-table-sort-amount').click();
    await expect.poll(order).toEqual([large, small, smallest].map((i) => `payment-row-${i}`));
    expect(await phone.getByTestId(`payment-row-${large}`).innerText()).toContain('۳۰٬۵۰۰٬۰۰۰');
    await phone.getByTestId('payments-table-sort-amount').click();
    await expect.poll(order).toEqual([smallest, small, large].map((i) => `payment-row-${i}`));
    await fitsTheScreen();
    await checkpoint(phone, 'payments-phone');
  });
});
