/**
 * The survey after a counter service, on a citizen's phone: the operator serves a known citizen,
 * the SMS's link opens the survey without signing in, the citizen answers the two questions and
 * adds a word; the same link again says it was answered. Checked with axe-core and photographed
 * (test-results/screenshots/quality-survey-*.png) at 360 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpoint } from '../support/people';
import { fillSurvey, openSurvey, serveAndReadSurveyLink } from '../support/steps';
import { serverWithPeople, PHONE } from '../support/spec-server';

let token = '';

const { server, people } = serverWithPeople({}, { people: PHONE });
beforeAll(async () => {
  const operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
  token = await serveAndReadSurveyLink(server, operator, '09120000001');
});

describe('the survey an SMS link opens', () => {
  let citizen: Page;

  it('opens without signing in, asks both questions, and thanks the citizen once answered', async () => {
    citizen = await people.personPage();
    await openSurvey(server, citizen, token, 'ونک');
    await checkpoint(citizen, 'quality-survey-01-phone');
    // Sending without choosing says what is missing and sends nothing.
    await citizen.getByTestId('survey-submit').click();
    await expect.poll(() => citizen.getByText('یکی را انتخاب کنید.').count()).toBe(2);
    await fillSurvey(citizen, { score: 4, wouldReturn: true, comment: 'کارمند با حوصله توضیح داد.' });
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
