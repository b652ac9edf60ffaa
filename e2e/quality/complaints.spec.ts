/**
 * A complaint's case in the browser (docs/decisions/0063): a citizen, on a phone, files one against
 * the Vanak office (first sending the form empty: each missing field says so in Persian); the
 * office's manager answers it; Tehran's association upholds it with its reasons; the citizen reads
 * the answer and the reasons. Photographed (test-results/screenshots/quality-complaint-*.png) at
 * 360 px for the citizen and on the desktop for the staff, each checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, choose, peopleOf, type People, signInAsCitizen } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let phone: People;
let desk: People;
let citizen: Page;

const TEXT = 'برای ثبت دادخواست بیش از تعرفه از من پول گرفتند و رسیدی ندادند.';

beforeAll(async () => {
  server = await startE2eServer();
  [phone, desk] = await Promise.all([peopleOf(server, { width: 360, height: 740 }), peopleOf(server)]);
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
  await server?.stop();
});

describe('a complaint from filing to the decision', () => {
  it('the citizen files it on a phone; a field left empty says so beside it', async () => {
    citizen = await phone.personPage();
    await signInAsCitizen(server, citizen, '09120000001');
    await citizen.goto(`${server.url}/complaints`);
    await citizen.getByTestId('complaint-new').click();
    await citizen.getByTestId('complaint-submit').click();
    await expect.poll(() => citizen.getByText('این بخش را پر کنید.').count()).toBe(3);
    await checkpoint(citizen, 'quality-complaint-01-missing');
    await citizen.getByTestId('complaint-office').fill('ونک');
    await citizen.getByRole('option', { name: /ونک/ }).first().click();
    await choose(citizen, 'complaint-category', 'دریافت وجه بیش از تعرفه');
    await citizen.getByTestId('complaint-text').fill(TEXT);
    await citizen.getByTestId('complaint-submit').click();
    await citizen.getByTestId('complaint-filed').waitFor();
    const card = citizen.getByTestId('complaint').filter({ hasText: TEXT });
    expect(await card.getByTestId('complaint-state').textContent()).toBe('در انتظار پاسخ دفتر');
    expect(await card.getByTestId('complaint-clock').textContent()).toContain('۵ روز کاری');
    await checkpoint(citizen, 'quality-complaint-02-filed');
  });

  it("the office's manager answers it", async () => {
    const manager = await desk.personPage();
    await desk.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/complaints`);
    const card = manager.getByTestId('complaint').filter({ hasText: TEXT });
    await card.getByTestId('complaint-answer').fill('مبلغ اضافه بازگردانده شد و به کارمند تذکر داده شد.');
    await checkpoint(manager, 'quality-complaint-03-manager');
    await card.getByTestId('complaint-answer-submit').click();
    await expect.poll(() => card.getByTestId('complaint-state').textContent()).toBe('در بررسی انجمن');
    expect(await card.getByTestId('complaint-clock').textContent()).toBe('پاسخ در مهلت');
  });

  it("the province's association upholds it with reasons, and the citizen reads them", async () => {
    const association = await desk.personPage();
    await desk.signInAsStaff(association, 'association.tehran');
    await association.goto(`${server.url}/complaints`);
    const card = association.getByTestId('complaint').filter({ hasText: TEXT });
    await card.getByTestId('complaint-upheld').check();
    await card.getByTestId('complaint-reasons').fill('رسید بانکی شاکی نشان می‌دهد مبلغ بیش از تعرفه بوده است.');
    await checkpoint(association, 'quality-complaint-04-association');
    await card.getByTestId('complaint-decide').click();
    await expect.poll(() => card.getByTestId('complaint-state').textContent()).toBe('وارد دانسته شد');

    await citizen.reload();
    const mine = citizen.getByTestId('complaint').filter({ hasText: TEXT });
    await expect.poll(() => mine.getByTestId('complaint-state').textContent()).toBe('وارد دانسته شد');
    expect(await mine.getByTestId('complaint-reasons-text').textContent()).toContain('رسید بانکی');
    expect(await mine.getByTestId('complaint-answer-text').textContent()).toContain('بازگردانده شد');
    await checkpoint(citizen, 'quality-complaint-05-decided');
  });
});
