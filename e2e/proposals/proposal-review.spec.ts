/**
 * A proposal for a new office service, through the UI only, each person in their own browser: the
 * national association files a request for mediation with a pilot in Isfahan; the regulator
 * acknowledges it and asks for more information (the clock stops); the association answers; the
 * regulator finds it complete and approves it as a pilot until 30 Azar 1405 — the service is then
 * in the catalog, and Isfahan's office 13001 offers it at the counter at the pilot's fee while
 * Tehran's office 11001 is told it is a pilot elsewhere. The public list shows the demo's two
 * proposals in review, one overdue, also on a 360 px phone. Every page is checked with axe-core and
 * photographed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { type People, checkpoint, choose, peopleOf } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

const TITLE = 'ثبت درخواست میانجی‌گری';
const CODE = 'mediation-request';
/** A demo citizen the counters look up. */
const AMIR = '0499370899';

let server: E2eServer;
let people: People;
let phone: People;
let association: Page;
let regulator: Page;
const story = { path: '' };

beforeAll(async () => {
  server = await startE2eServer();
  people = await peopleOf(server, { width: 1280, height: 860 });
  phone = await peopleOf(server, { width: 360, height: 740 });
});

afterAll(async () => {
  await phone?.close();
  await people?.close();
  await server?.stop();
});

describe('a proposal from filing to a pilot approval', () => {
  it('the national association files it; its completeness clock runs', async () => {
    association = await people.personPage();
    await people.signInAsStaff(association, 'association');
    await association.goto(`${server.url}/proposals`);
    await association.getByTestId('proposal-dashboard').waitFor();
    await association.getByTestId('proposal-new').click();
    await association.getByTestId('proposal-form').waitFor();
    await association.getByTestId('proposal-code').fill(CODE);
    await association.getByTestId('proposal-title-fa').fill(TITLE);
    await association.getByTestId('proposal-title-en').fill('Request for mediation');
    // Registered at the counter and charged there, not filed with a court.
    await choose(association, 'proposal-service-kind', 'ثبت‌نام');
    await association
      .getByTestId('proposal-description')
      .fill('ثبت درخواست میانجی‌گری در دفتر و ارسال آن به شورای حل اختلاف برای دعوت طرفین.');
    await association.getByTestId('proposal-legal-basis').fill('قانون شوراهای حل اختلاف، ماده ۸');
    await association.getByTestId('proposal-volume').fill(toPersianDigits('2500'));
    await association.getByTestId('proposal-fee').fill(toPersianDigits('900000'));
    await association.getByTestId('proposal-pilot-months').fill(toPersianDigits('6'));
    await choose(association, 'proposal-province', 'اصفهان');
    await checkpoint(association, 'proposals-01-form');
    await association.getByTestId('proposal-submit').click();
    await association.getByTestId('clock-completeness').waitFor();
    story.path = new URL(association.url()).pathname;
    expect(story.path).toMatch(/^\/proposals\/\d+$/);
    expect(await association.getByTestId('proposal-status').innerText()).toBe('در انتظار احراز');
    expect(await association.getByTestId('clock-completeness').getAttribute('data-state')).toBe('running');
    await checkpoint(association, 'proposals-02-filed');
  });

  it('the regulator sees it in the queue beside the overdue one, acknowledges it and asks for more information', async () => {
    regulator = await people.personPage();
    await people.signInAsStaff(regulator, 'regulator');
    await regulator.goto(`${server.url}/proposals`);
    const rows = regulator.getByTestId('proposal-row');
    await rows.filter({ hasText: TITLE }).waitFor();
    // The demo's reconciliation request is past its completeness limit.
    expect(
      await rows.filter({ hasText: 'ثبت درخواست سازش' }).getByTestId('proposal-clock').getAttribute('data-state'),
    ).toBe('overdue');
    await checkpoint(regulator, 'proposals-03-queue');
    await rows.filter({ hasText: TITLE }).getByTestId('proposal-link').click();
    await regulator.getByTestId('proposal-acknowledge').click();
    await regulator.getByTestId('proposal-question').fill('برآورد حجم ماهانه بر چه آماری استوار است؟');
    await regulator.getByTestId('proposal-ask').click();
    await expect.poll(() => regulator.getByTestId('clock-completeness').getAttribute('data-state')).toBe('paused');
    await checkpoint(regulator, 'proposals-04-asked');
  });

  it('the association answers; the clock runs again', async () => {
    await association.goto(`${server.url}${story.path}`);
    await association.getByTestId('proposal-answer').fill('بر آمار پرونده‌های شوراهای حل اختلاف اصفهان در سال ۱۴۰۴.');
    await association.getByTestId('proposal-send-answer').click();
    await expect.poll(() => association.getByTestId('clock-completeness').getAttribute('data-state')).toBe('running');
    await checkpoint(association, 'proposals-05-answered');
  });

  it('the regulator finds it complete and approves it as a pilot in Isfahan: office 13001 offers the service', async () => {
    await regulator.goto(`${server.url}${story.path}`);
    await regulator.getByTestId('proposal-complete').click();
    await regulator.getByTestId('proposal-decision-form').waitFor();
    expect(await regulator.getByTestId('clock-completeness').getAttribute('data-state')).toBe('met');
    await regulator.getByTestId('proposal-pilot').check();
    await regulator.getByTestId('proposal-pilot-until').fill('۱۴۰۵/۰۹/۳۰');
    await regulator
      .getByTestId('proposal-reasons')
      .fill('آزمایش شش‌ماهه در اصفهان؛ گزارش حجم و بازگشتی‌ها پیش از گسترش.');
    await checkpoint(regulator, 'proposals-06-deciding');
    await regulator.getByTestId('proposal-decide').click();
    await regulator.getByTestId('proposal-decision').waitFor();
    expect(await regulator.getByTestId('proposal-status').innerText()).toBe('تصویب‌شده');
    await checkpoint(regulator, 'proposals-07-approved');

    const catalog = (await pageRequest(regulator, 'GET', '/api/v1/catalog/services')).body as {
      items: { code: string }[];
    };
    expect(catalog.items.map((s) => s.code)).toContain(CODE);
    const offices = (await pageRequest(regulator, 'GET', `/api/v1/offices?service=${CODE}&pageSize=200`)).body as {
      items: { code: string; province: { id: number } }[];
    };
    expect(offices.items.map((o) => o.code)).toEqual(expect.arrayContaining(['13001', '13002']));
    expect(offices.items.every((o) => o.province.id === 3)).toBe(true);
  });

  /** An operator at the counter looks the citizen up and starts the new service. */
  async function startAtCounter(page: Page, username: string) {
    await people.signInAsStaff(page, username);
    await page.goto(`${server.url}/counter`);
    await page.getByTestId('lookup-national-id').fill(AMIR);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('citizen-card').waitFor();
    await choose(page, 'service-select', TITLE);
    await page.getByTestId('start-service').click();
    await page.getByTestId('priced-service').waitFor();
  }

  it("Isfahan's office 13001 offers it at the counter at the pilot's fee of 900,000 Rials", async () => {
    // Performing it takes an activity licence naming it, issued after the operators' course for
    // it; the demo operator's licence is widened here as the licence office would.
    await server.ctx.database.pool.query(
      `update activity_licences set service_codes = service_codes || $1::jsonb
       where user_id = (select id from users where username = 'operator.13001')`,
      [JSON.stringify([CODE])],
    );
    const operator = await people.personPage();
    await startAtCounter(operator, 'operator.13001');
    const quote = operator.getByTestId('priced-quote');
    await quote.waitFor();
    expect(toLatinDigits(await quote.innerText()).replace(/\D/g, '')).toBe('900000');
    await checkpoint(operator, 'proposals-11-counter-quote');
    await operator.getByTestId('priced-charge').click();
    const charged = operator.getByTestId('priced-charged');
    await charged.waitFor();
    expect(toLatinDigits(await charged.innerText())).toMatch(/900.?000/);
    await checkpoint(operator, 'proposals-12-counter-charged');
  });

  it("Tehran's office 11001 is told the service is a pilot elsewhere, and cannot charge it", async () => {
    const operator = await people.personPage();
    await startAtCounter(operator, 'operator.11001');
    const problem = operator.getByTestId('priced-service').getByRole('alert');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('آزمایشی');
    expect(await operator.getByTestId('priced-charge').isDisabled()).toBe(true);
    await checkpoint(operator, 'proposals-13-counter-outside-pilot');
  });
});

describe("the review's limits", () => {
  it('the regulator lengthens the completeness check to 12 working days', async () => {
    await regulator.goto(`${server.url}/proposals`);
    const field = regulator.getByTestId('limits-completenessDays');
    await expect.poll(() => field.inputValue()).toBe('۱۰');
    await field.fill('۱۲');
    await regulator.getByTestId('limits-save').click();
    await regulator.getByText('مهلت‌ها ذخیره شد.').waitFor();
    const limits = (await pageRequest(regulator, 'GET', '/api/v1/proposals/settings')).body;
    expect(limits).toEqual({ completenessDays: 12, decisionDays: 30, reminderDays: 3 });
    await regulator.getByTestId('proposal-limits').scrollIntoViewIfNeeded();
    await checkpoint(regulator, 'proposals-10-limits');
  });
});

describe('everyone sees the clock', () => {
  it('the public list shows the proposals in review, one overdue, on a desktop and on a 360 px phone', async () => {
    const visitor = await people.personPage();
    await visitor.goto(`${server.url}/proposals/in-review`);
    const rows = visitor.getByTestId('public-proposal');
    await rows.first().waitFor();
    // The demo's two; the approved one has left the list.
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: TITLE }).count()).toBe(0);
    await checkpoint(visitor, 'proposals-08-public');
    const small = await phone.personPage();
    await small.goto(`${server.url}/proposals/in-review`);
    await small.getByTestId('public-proposal').first().waitFor();
    await checkpoint(small, 'proposals-09-public-360');
  });
});
