/**
 * The survey after a counter service, on a citizen's phone: the operator serves a known citizen,
 * the SMS's link opens the survey without signing in, the citizen answers the two questions and
 * adds a word; the same link again says it was answered. Checked with axe-core and photographed
 * (test-results/screenshots/quality-survey-*.png) at 360 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageRequest } from '../support/page-api';
import { checkpoint, peopleOf, type People } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let people: People;
let token = '';

beforeAll(async () => {
  server = await startE2eServer();
  people = await peopleOf(server, { width: 360, height: 740 });
  const operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
  const { rows } = await server.ctx.database.pool.query<{ id: number }>(
    "select id::int as id from citizens where mobile = '09120000001'",
  );
  const issued = await pageRequest(operator, 'POST', '/api/v1/counter/tickets', { serviceCode: 'petition' });
  expect(issued.status).toBe(201);
  const ticketId = (issued.body as { ticket: { id: number } }).ticket.id;
  const served = await pageRequest(operator, 'POST', `/api/v1/counter/tickets/${ticketId}/serve`, {
    citizenId: rows[0].id,
  });
  expect(served.status).toBe(200);
  const sms = await server.ctx.database.pool.query<{ body: string }>(
    "select body from notifier_outbox where template = 'quality.survey' and recipient = '09120000001' order by id desc limit 1",
  );
  token = /\/s\/([A-Za-z0-9_-]+)$/.exec(sms.rows[0].body)?.[1] ?? '';
  expect(token).not.toBe('');
});
afterAll(async () => {
  await people?.close();
  await server?.stop();
});

describe('the survey an SMS link opens', () => {
  let citizen: Page;

  it('opens without signing in, asks both questions, and thanks the citizen once answered', async () => {
    citizen = await people.personPage();
    await citizen.goto(`${server.url}/s/${token}`);
    await citizen.getByTestId('survey-form').waitFor();
    expect(await citizen.getByTestId('survey-office').textContent()).toContain('ونک');
    await checkpoint(citizen, 'quality-survey-01-phone');
    // Sending without choosing says what is missing and sends nothing.
    await citizen.getByTestId('survey-submit').click();
    await expect.poll(() => citizen.getByText('یکی را انتخاب کنید.').count()).toBe(2);
    await citizen.getByTestId('survey-score-4').check();
    await citizen.getByTestId('survey-return-yes').check();
    await citizen.getByTestId('survey-comment').fill('کارمند با حوصله توضیح داد.');
    await citizen.getByTestId('survey-submit').click();
    await citizen.getByTestId('survey-thanks').waitFor();
    await checkpoint(citizen, 'quality-survey-02-thanks');
    const { rows } = await server.ctx.database.pool.query<{
      satisfaction: number;
      would_return: boolean;
      comment: string;
    }>(
      'select satisfaction, would_return, comment from quality_surveys where answered_at is not null order by id desc limit 1',
    );
    expect(rows[0]).toEqual({ satisfaction: 4, would_return: true, comment: 'کارمند با حوصله توضیح داد.' });
  });

  it('the same link again says it has been answered', async () => {
    await citizen.goto(`${server.url}/s/${token}`);
    await citizen.getByTestId('survey-problem').waitFor();
    expect(await citizen.getByTestId('survey-problem').textContent()).toContain('پیش‌تر پاسخ داده شده');
    expect(await citizen.getByTestId('survey-form').count()).toBe(0);
    await checkpoint(citizen, 'quality-survey-03-used');
  });
});
