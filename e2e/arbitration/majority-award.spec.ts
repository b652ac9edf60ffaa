/**
 * A majority award when one arbitrator refuses (Art. 484), through the UI: three arbitrators sit on
 * Amir Tehrani's case against Nazanin Esfahani — arbitrator.tehran from the registry, Mehdi Dadvar
 * and Sara Mianji outside it (the seat office records their answers). The agreement, the consents,
 * the appointment, the acceptances and a hearing for Wednesday 16 Ordibehesht 1405 at 10:00 are
 * made through the API from each person's own browser session on the test day (15 Ordibehesht),
 * and Nazanin, on her 360 px phone, uploads her evidence through the case page.
 * At 12:30 on 16 Ordibehesht the arbitrator records the hearing's minutes (both parties appeared),
 * writes the award for Amir and signs it; the seat office's operator, on a 360 px phone, records
 * Mehdi's signature and Sara's refusal with her dissent. Two of three signed and the third refused:
 * the award is valid and made that day (16 Ordibehesht 1405), within the one-month term, lodged
 * with the Tehran court and sent as an e-notice (Art. 485). Nazanin, on her phone, reads the award
 * as made by the majority, who refused and why, and the minutes; the printed award says the same.
 * Every step is checked with axe-core and photographed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdf } from '../../test/filings/files';
import { TEST_NOW } from '../../test/support/test-clock';
import { pageRequest } from '../support/page-api';
import { checkpoint, choose, signInAsCitizen, DESKTOP } from '../support/people';
import { expectFits } from '../support/steps';
import { PHONE, serverWithPeople } from '../support/spec-server';

const AMIR = { mobile: '09120000001' };
const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };
const MEHDI = { nationalId: '0084575948', name: 'مهدی دادور' };
const SARA = { nationalId: '0013542419', name: 'سارا میانجی' };
const MINUTES =
  'خواهان قرارداد پیمانکاری و صورت‌وضعیت‌های امضاشده را ارائه کرد؛ خوانده انجام کار را پذیرفت و به مبلغ صورت‌وضعیت آخر ایراد داشت.';
const DISSENT = 'به نظر اینجانب مبلغ صورت‌وضعیت آخر باید به کارشناس ارجاع می‌شد.';

let caseId = 0;
/** The arbitrators' ids on the case: arbitrator.tehran, Mehdi, Sara. */
let arbitratorIds: number[] = [];
/** Nazanin's phone, signed in on the test day. */
let nazaninOnTheDay: Page;

// The test day at real pace, until the story moves it on to the day of the hearing; every browser
// opened follows the server's clock (support/people.ts).
const { server, desktop, phone } = serverWithPeople(
  { now: TEST_NOW, movable: true },
  { desktop: DESKTOP, phone: PHONE },
);

/** A call from a person's page that must succeed; answers its JSON body. */
async function must<T>(page: Page, method: 'POST' | 'GET', url: string, body?: unknown): Promise<T> {
  const res = await pageRequest(page, method, url, body);
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}

describe('a majority award when one arbitrator refuses (Art. 484)', () => {
  it('on 15 Ordibehesht: the agreement, three arbitrators who accept, and a hearing for the next day', async () => {
    const amir = await desktop.personPage();
    await signInAsCitizen(server, amir, AMIR.mobile);
    const nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    nazaninOnTheDay = nazanin;
    const started = await must<{ id: number }>(amir, 'POST', '/api/v1/arbitrations', {
      agreementKind: 'separate',
      subjectKind: 'contract',
      subject: 'اختلاف در مبلغ صورت‌وضعیت آخر قرارداد پیمانکاری بازسازی واحد مسکونی',
      arbitratorCount: 3,
      selection: 'parties',
      term: { amount: 1, unit: 'month' },
      seatOfficeId: 1,
      awardNotice: 'e_notice',
      respondents: [NAZANIN],
    });
    caseId = started.id;
    for (const [page, mobile] of [
      [amir, AMIR.mobile],
      [nazanin, NAZANIN.mobile],
    ] as const)
      await must(page, 'POST', `/api/v1/arbitrations/${caseId}/consent`, {
        code: await server.latestCodeOf(mobile, 'otp.arbitration-consent'),
      });
    const registry = await must<{ items: { userId: number; name: string }[] }>(
      amir,
      'GET',
      '/api/v1/arbitrations/registry',
    );
    const registered = registry.items.find((r) => r.name === 'پروین اکبری')!;
    const named = await must<{ arbitrators: { id: number }[] }>(
      amir,
      'POST',
      `/api/v1/arbitrations/${caseId}/arbitrators`,
      { arbitrators: [{ userId: registered.userId }, MEHDI, SARA] },
    );
    arbitratorIds = named.arbitrators.map((a) => a.id);
    const [a, b, c] = arbitratorIds;

    const arbitrator = await desktop.personPage();
    await desktop.signInAsStaff(arbitrator, 'arbitrator.tehran');
    await must(arbitrator, 'POST', `/api/v1/arbitrations/${caseId}/arbitrators/${a}/answer`, { accept: true });
    const operator = await desktop.personPage();
    await desktop.signInAsStaff(operator, 'operator.11001');
    await must(operator, 'POST', `/api/v1/arbitrations/${caseId}/arbitrators/${b}/answer`, { accept: true });
    const running = await must<{ state: string }>(
      operator,
      'POST',
      `/api/v1/arbitrations/${caseId}/arbitrators/${c}/answer`,
      { accept: true },
    );
    expect(running.state).toBe('term_running');
    await must(arbitrator, 'POST', `/api/v1/arbitrations/${caseId}/hearings`, {
      date: '1405-02-16',
      time: '10:00',
      place: 'office',
    });
  });

  it('Nazanin, on her phone, puts her evidence before the arbitrators; it is listed on the case and its timeline', async () => {
    const nazanin = nazaninOnTheDay;
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await choose(nazanin, 'arbitration-document-kind', 'مدرک');
    await nazanin.getByTestId('arbitration-document-title').fill('صورت‌وضعیت آخر با ایراد خوانده');
    const [chooser] = await Promise.all([
      nazanin.waitForEvent('filechooser'),
      nazanin.getByTestId('arbitration-document-choose').click(),
    ]);
    await chooser.setFiles({ name: 'soorat-vaziat.pdf', mimeType: 'application/pdf', buffer: await pdf(2) });
    await expect
      .poll(() => nazanin.getByTestId('arbitration-documents-table').textContent())
      .toContain('صورت‌وضعیت آخر با ایراد خوانده');
    expect(await nazanin.getByTestId('arbitration-documents-table').textContent()).toContain('نازنین اصفهانی (خوانده)');
    expect(await nazanin.getByTestId('arbitration-timeline').textContent()).toContain('لایحه یا مدرک بارگذاری شد');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'arbitration-majority-evidence-phone');
  });

  it('on 16 Ordibehesht at 12:30 the arbitrator records the minutes of the morning hearing, writes the award for Amir and signs it', async () => {
    // Wednesday 16 Ordibehesht 1405, 12:30 in Tehran.
    await server.moveTo(new Date('2026-05-06T09:00:00Z'));
    const arbitrator = await desktop.personPage();
    await desktop.signInAsStaff(arbitrator, 'arbitrator.tehran');
    await arbitrator.goto(`${server.url}/arbitrations/${caseId}`);
    // The arbitrator reads the evidence Nazanin put before them.
    const evidence = arbitrator.locator('[data-testid^="arbitration-document-"][href]');
    expect(await evidence.textContent()).toBe('صورت‌وضعیت آخر با ایراد خوانده');
    const download = await pageRequest(arbitrator, 'GET', (await evidence.getAttribute('href'))!);
    expect(download.status).toBe(200);
    await arbitrator.getByTestId('arbitration-minutes-text').fill(MINUTES);
    const parties = arbitrator.locator('[data-testid^="arbitration-minutes-present-"]');
    expect(await parties.count()).toBe(2);
    for (const box of await parties.all()) await box.check();
    await arbitrator.getByTestId('arbitration-minutes-submit').click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-minutes').textContent()).toContain(MINUTES);
    expect(await arbitrator.getByTestId('arbitration-minutes').textContent()).toContain('نازنین اصفهانی (خوانده)');
    expect(await arbitrator.getByTestId('arbitration-timeline').textContent()).toContain('صورت‌جلسهٔ جلسه ثبت شد');

    await arbitrator
      .getByTestId('arbitration-award-reasons')
      .fill(
        'کارهای موضوع قرارداد انجام شده و خوانده در جلسهٔ رسیدگی آن را پذیرفته است؛ صورت‌وضعیت آخر به امضای ناظر رسیده است.',
      );
    await arbitrator
      .getByTestId('arbitration-award-decision')
      .fill('خوانده به پرداخت دویست میلیون ریال مبلغ صورت‌وضعیت آخر در حق خواهان محکوم می‌شود.');
    await choose(arbitrator, 'arbitration-award-winner', 'امیر تهرانی (خواهان)');
    await arbitrator.getByTestId('arbitration-award-save').click();
    await expect.poll(() => arbitrator.getByTestId('arbitration-state').textContent()).toBe('پیش‌نویس رأی');
    await arbitrator.getByTestId(`arbitration-sign-${arbitratorIds[0]}`).click();
    await expect
      .poll(() => arbitrator.getByTestId(`arbitration-signature-${arbitratorIds[0]}`).textContent())
      .toBe('امضا کرد');
    // One signature of three is not yet a majority: the award waits.
    expect(await arbitrator.getByTestId('arbitration-state').textContent()).toBe('پیش‌نویس رأی');
    await checkpoint(arbitrator, 'arbitration-majority-minutes-desktop');
  });

  it("the seat office's operator, on a phone, records Mehdi's signature and Sara's refusal with her dissent: the award is made by the majority", async () => {
    const [, b, c] = arbitratorIds;
    const operator = await phone.personPage();
    await phone.signInAsStaff(operator, 'operator.11001');
    await operator.goto(`${server.url}/arbitrations/${caseId}`);
    await operator.getByTestId(`arbitration-sign-${b}`).click();
    await expect.poll(() => operator.getByTestId(`arbitration-signature-${b}`).textContent()).toBe('امضا کرد');
    expect(await operator.getByTestId('arbitration-state').textContent()).toBe('پیش‌نویس رأی');
    await operator.getByTestId(`arbitration-dissent-${c}`).fill(DISSENT);
    await expectFits(operator);
    await checkpoint(operator, 'arbitration-majority-refusal-phone');
    await operator.getByTestId(`arbitration-refuse-${c}`).click();
    await expect.poll(() => operator.getByTestId('arbitration-state').textContent()).toBe('رأی ابلاغ شد');
    expect(await operator.getByTestId(`arbitration-signature-${c}`).textContent()).toBe('از امضا خودداری کرد');
    expect(await operator.getByTestId('arbitration-award-status').textContent()).toBe(
      'صادر شده با امضای اکثریت (مادهٔ ۴۸۴)',
    );
    expect(await operator.getByTestId('arbitration-award-text').textContent()).toContain('۱۶ اردیبهشت ۱۴۰۵');
    await expectFits(operator);
    await checkpoint(operator, 'arbitration-majority-made-phone');
  });

  it('Nazanin, on her phone, reads the award as made by the majority, who refused and why, and the minutes; so does the printed award', async () => {
    const [a, b, c] = arbitratorIds;
    const nazanin = await phone.personPage();
    await signInAsCitizen(server, nazanin, NAZANIN.mobile);
    await nazanin.goto(`${server.url}/arbitrations/${caseId}`);
    await expect
      .poll(() => nazanin.getByTestId('arbitration-award-status').textContent())
      .toBe('صادر شده با امضای اکثریت (مادهٔ ۴۸۴)');
    expect(await nazanin.getByTestId(`arbitration-signature-${a}`).textContent()).toBe('امضا کرد');
    expect(await nazanin.getByTestId(`arbitration-signature-${b}`).textContent()).toBe('امضا کرد');
    expect(await nazanin.getByTestId(`arbitration-signature-${c}`).textContent()).toBe('از امضا خودداری کرد');
    const signatures = await nazanin.getByTestId('arbitration-signatures').textContent();
    expect(signatures).toContain(SARA.name);
    expect(signatures).toContain(DISSENT);
    expect(await nazanin.getByTestId('arbitration-minutes').textContent()).toContain(MINUTES);
    expect(await nazanin.getByTestId('arbitration-timeline').textContent()).toContain('خودداری از امضای رأی');
    await expectFits(nazanin);
    await checkpoint(nazanin, 'arbitration-majority-party-phone');

    await nazanin.goto(`${server.url}/api/v1/arbitrations/${caseId}/award`);
    const printed = (await nazanin.locator('body').textContent()) ?? '';
    expect(printed).toContain(SARA.name);
    expect(printed).toContain('از امضا خودداری کرد (مادهٔ ۴۸۴)');
    expect(printed).toContain(DISSENT);
  });
});
