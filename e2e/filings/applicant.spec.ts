/**
 * The filing wizard names its applicant by national ID, never by an internal number: the counter
 * hands on the citizen it just looked up, an operator starting from the menu types the national
 * ID and reads back the name on record (or learns there is no e-account), and a citizen filing
 * online finds their own national ID filled in. The quote of an appeal shows the demo's sample
 * court cost as a line of its own, labelled as a sample. Every page is checked with axe-core and
 * photographed (test-results/screenshots/applicant-*.png), the citizen's at a 360 px phone.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { checkpoint, choose, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Demo citizens: 09120000001 in Tehran, 09130000002 in Isfahan. */
const TEHRANI = { nationalId: '0499370899', name: 'امیر تهرانی', mobile: '09120000001' };
const ISFAHANI = { nationalId: '1290000018' };
/** A valid national ID that has no judicial e-account. */
const UNREGISTERED = '0012345679';

let operator: Page;

const { server, people } = serverWithPeople({}, { people: DESKTOP });
beforeAll(async () => {
  operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
});

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('the applicant by national ID', () => {
  it('from the counter: the citizen just looked up is the applicant, by name and national ID, with nothing to retype', async () => {
    await operator.goto(`${server.url}/counter`);
    await operator.getByTestId('lookup-national-id').fill(toPersianDigits(TEHRANI.nationalId));
    await operator.getByTestId('lookup-submit').click();
    await operator.getByTestId('citizen-card').waitFor();
    await choose(operator, 'service-select', 'ثبت دادخواست');
    await operator.getByTestId('start-service').click();
    await operator.waitForURL(/\/filings\/new\?/);
    // No internal citizen number in the address bar.
    expect(new URL(operator.url()).searchParams.has('citizenId')).toBe(false);

    expect(toLatinDigits(await operator.getByTestId('wizard-applicant-national-id').inputValue())).toBe(
      TEHRANI.nationalId,
    );
    await expect.poll(() => text(operator, 'wizard-applicant-name')).toBe(`متقاضی: ${TEHRANI.name}`);
    expect(await operator.getByTestId('wizard-service').inputValue()).toBe('دادخواست');
    await checkpoint(operator, 'applicant-01-from-counter');

    // Saved as the draft's applicant.
    await operator.getByTestId('party-0-national-id').fill(TEHRANI.nationalId);
    await operator.getByTestId('party-1-name').fill('بهمن بدهکار');
    await operator.getByTestId('wizard-next').click();
    await operator.waitForURL(/[?&]id=\d+/);
    const id = Number(new URL(operator.url()).searchParams.get('id'));
    const filing = await operator.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/filings/${id}`);
    expect(filing.applicant).toMatchObject({ nationalId: TEHRANI.nationalId, name: TEHRANI.name });
  });

  it('from the menu: the operator types a national ID and reads back the name; one without an e-account is told so', async () => {
    await operator.goto(`${server.url}/filings/new`);
    const field = operator.getByTestId('wizard-applicant-national-id');
    await field.fill(toPersianDigits(ISFAHANI.nationalId));
    await expect.poll(() => text(operator, 'wizard-applicant-name')).toMatch(/^متقاضی: .+/);
    await field.fill(UNREGISTERED);
    await operator.getByTestId('wizard-applicant-unregistered').waitFor();
    expect(await operator.getByTestId('wizard-applicant-name').count()).toBe(0);
    await checkpoint(operator, 'applicant-02-unregistered');
    // Saved anyway, the server names the field.
    await operator.getByTestId('wizard-next').click();
    await expect
      .poll(() => operator.getByTestId('wizard-applicant').textContent())
      .toContain('حساب الکترونیک قضایی ندارد');
    expect(new URL(operator.url()).searchParams.has('id')).toBe(false);
  });

  it("the quote of an appeal lists the demo's sample court cost apart from the office's fees, labelled as no official figure", async () => {
    const created = (
      await pageRequest(operator, 'POST', '/api/v1/filings', {
        service: 'appeal',
        applicantNationalId: '0499370899',
        courtId: 1,
        branch: 3,
        subject: 'تجدیدنظرخواهی از دادنامه',
        parties: [
          { kind: 'citizen', role: 'appellant', nationalId: '0499370899' },
          { kind: 'named', role: 'respondent', name: 'بهمن بدهکار', address: 'تهران' },
        ],
      })
    ).body as { id: number };
    const confirmed = await pageRequest(operator, 'POST', `/api/v1/filings/${created.id}/confirm`);
    if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    const id = created.id;
    await operator.goto(`${server.url}/filings/new?id=${id}`);
    await operator.getByTestId('quote-table').waitFor();
    expect(await text(operator, 'quote-office-total')).toBe('۷۷۰٬۰۰۰ ریال');
    expect(await text(operator, 'quote-court-total')).toBe('۱٬۰۰۰٬۰۰۰ ریال');
    expect(await text(operator, 'quote-court-line')).toContain('نمونهٔ نمایشی، نه رقم رسمی');
    expect(await text(operator, 'quote-total')).toBe('۱٬۷۷۰٬۰۰۰ ریال');
    expect(await text(operator, 'wizard-due')).toContain('۱٬۷۷۰٬۰۰۰ ریال');
    await checkpoint(operator, 'applicant-03-appeal-quote-court-costs');
  });
});

describe('online, the citizen is the applicant', () => {
  it('their own national ID is filled in and cannot be changed (phone)', async () => {
    const citizen = await people.personPage();
    await citizen.setViewportSize({ width: 360, height: 740 });
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(TEHRANI.mobile);
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode(TEHRANI.mobile));
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();
    await citizen.goto(`${server.url}/filings/new`);
    const field = citizen.getByTestId('wizard-applicant-national-id');
    await expect.poll(async () => toLatinDigits(await field.inputValue())).toBe(TEHRANI.nationalId);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await text(citizen, 'wizard-applicant-name')).toBe(`متقاضی: ${TEHRANI.name}`);
    await checkpoint(citizen, 'applicant-04-online-phone');
  });
});
