/**
 * Court costs collected with a filing's payment: when the court-cost rule set has rules in force
 * for the service, the confirmed quote carries them as lines of their own beside the office's
 * fees; the one payment asks for both; the receipt (HTML and PDF) shows them apart; and only the
 * office's fees are recorded as the office's revenue. The rules here are entered by the test as a
 * regulator would, with their source: they are test figures, not the judiciary's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRials } from '#core/money';
import { toLatinDigits } from '#core/persian-digits';
import { SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let regulator: Client;
let clerk: Client;

const CARD = {
  pan: SANDBOX_TEST_CARD.pan,
  cvv2: SANDBOX_TEST_CARD.cvv2,
  expMonth: SANDBOX_TEST_CARD.expMonth,
  expYear: SANDBOX_TEST_CARD.expYear,
  pin: SANDBOX_TEST_CARD.pin,
};
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** The payer at the sandbox bank pays with the test card, and the bank's form comes back to Daftar. */
async function payAtBank(redirectUrl: string) {
  const bank = await t.inject({ method: 'POST', url: redirectUrl, ...form({ ...CARD, action: 'pay' }) });
  const fields = Object.fromEntries(
    [...bank.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const back = await t.inject({ method: 'POST', url: '/api/v1/payments/callback/sandbox', ...form(fields) });
  expect(back.statusCode, back.body).toBe(303);
}

const RULES = [
  {
    titleFa: 'هزینهٔ دادرسی ثابت (قاعدهٔ آزمون)',
    titleEn: 'Fixed court cost (test rule)',
    basis: 'fixed',
    amountRials: 300_000,
  },
  {
    titleFa: 'هزینهٔ دادرسی دعاوی مالی (قاعدهٔ آزمون)',
    titleEn: 'Court cost of money claims (test rule)',
    basis: 'percent-of-claim',
    percent: 1,
    minRials: 100_000,
    maxRials: 50_000_000,
  },
];
/** Claims worth 500,000,000 Rials: the percentage rule asks 1% of it, 5,000,000. */
const CLAIMS = [
  { description: 'مطالبهٔ وجه چک', valueRials: 450_000_000 },
  { description: 'خسارت تأخیر تأدیه', valueRials: 50_000_000 },
  { description: 'هزینهٔ دادرسی', valueRials: null },
];
const OFFICE_RIALS = 770_000; // a petition with two parties and no pages, 1403 tariff
const COURT_RIALS = 300_000 + 5_000_000;

const petition = (claims = CLAIMS) => ({
  service: 'petition',
  applicantNationalId: '0499370899',
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی' },
  ],
  courtId: 1,
  branch: 3,
  subject: 'مطالبهٔ وجه چک',
  facts: 'خوانده وجه چک را نپرداخته است.',
  claims,
});

beforeAll(async () => {
  t = await startTestServer();
  [operator, regulator, clerk] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('regulator'),
    t.signInStaff('clerk.tehran'),
  ]);
  for (const rule of RULES) {
    const res = await regulator.post('/api/v1/tariffs/court-cost-rules', {
      serviceCode: 'petition',
      effectiveFrom: '1403-01-01',
      source: 'Entered by the court-costs integration test',
      ...rule,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.stop();
});

describe('a petition whose service has court-cost rules', () => {
  let id: number;
  let paymentId: number;

  it("the confirmed quote holds the office's fees and, apart, each court cost with its rule; the total is both", async () => {
    const created = await operator.post('/api/v1/filings', petition());
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const confirmed = await operator.post(`/api/v1/filings/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { quote, payment, totalRials } = confirmed.json();
    expect(quote.lines.map((l: { code: string }) => l.code)).toEqual(['petition']);
    expect(quote.officeRials).toBe(OFFICE_RIALS);
    expect(quote.courtCosts).toMatchObject({ configured: true, totalRials: COURT_RIALS });
    expect(
      quote.courtCosts.lines.map((l: { titleFa: string; amountRials: number }) => [l.titleFa, l.amountRials]),
    ).toEqual([
      [RULES[0].titleFa, 300_000],
      [RULES[1].titleFa, 5_000_000],
    ]);
    expect(quote.totalRials).toBe(OFFICE_RIALS + COURT_RIALS);
    expect(totalRials).toBe(OFFICE_RIALS + COURT_RIALS);
    expect(payment).toEqual({ paidRials: 0, dueRials: OFFICE_RIALS + COURT_RIALS });

    // The public fee calculator answers the same court costs for that claim value.
    const fees = (
      await t.anonymous().post('/api/v1/fees/quote', { service: 'petition', claimValueRials: 500_000_000 })
    ).json();
    expect(fees.courtCosts.totalRials).toBe(COURT_RIALS);
    expect(fees.totalRials).toBe(OFFICE_RIALS);

    // The print the applicant confirms shows the court costs apart too.
    const print = (await operator.get(`/api/v1/filings/${id}/print`)).body;
    expect(print).toContain('جمع هزینهٔ دادرسی');
    expect(print).toContain(formatRials(COURT_RIALS));
  });

  it('the one payment asks for office fees + court costs, its lines kept apart', async () => {
    const started = await operator.post(`/api/v1/filings/${id}/payment`);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().amountRials).toBe(OFFICE_RIALS + COURT_RIALS);
    paymentId = started.json().paymentId;
    await payAtBank(started.json().redirectUrl);

    const view = (await operator.get(`/api/v1/payments/${paymentId}`)).json();
    expect(view).toMatchObject({ status: 'paid', amountRials: OFFICE_RIALS + COURT_RIALS });
    const sum = (kind: string) =>
      view.lines
        .filter((l: { kind: string }) => l.kind === kind)
        .reduce((s: number, l: { amountRials: number }) => s + l.amountRials, 0);
    expect(sum('office-fee')).toBe(OFFICE_RIALS);
    expect(sum('court-cost')).toBe(COURT_RIALS);
    expect(
      view.lines.filter((l: { kind: string }) => l.kind === 'court-cost').map((l: { titleFa: string }) => l.titleFa),
    ).toEqual(RULES.map((r) => r.titleFa));
    expect(view.amountRials).toBe(sum('office-fee') + sum('court-cost'));
    expect((await operator.get(`/api/v1/filings/${id}`)).json()).toMatchObject({
      status: 'paid',
      payment: { paidRials: OFFICE_RIALS + COURT_RIALS, dueRials: 0 },
    });
  });

  it("the HTML receipt itemises the court costs under their own heading with their subtotal, apart from the office's fees", async () => {
    const html = (await operator.get(`/api/v1/payments/${paymentId}/receipt`)).body;
    expect(html).toContain('هزینهٔ دادرسی (به حساب دادگستری)');
    expect(/data-testid="receipt-office-total">([^<]+)</.exec(html)![1]).toBe(formatRials(OFFICE_RIALS));
    expect(/data-testid="receipt-court-total">([^<]+)</.exec(html)![1]).toBe(formatRials(COURT_RIALS));
    expect(/data-testid="receipt-total">([^<]+)</.exec(html)![1]).toBe(formatRials(OFFICE_RIALS + COURT_RIALS));
    const courtRows = [...html.matchAll(/<tr data-kind="court-cost">(.*?)<\/tr>/g)].map((m) => m[1]);
    expect(courtRows).toHaveLength(2);
    expect(courtRows[1]).toContain(RULES[1].titleFa);
    expect(courtRows[1]).toContain(formatRials(5_000_000));
  });

  it("the PDF receipt is printed from that page, with the court costs' subtotal on it", async () => {
    const res = await operator.get(`/api/v1/payments/${paymentId}/receipt.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const file = path.join(os.tmpdir(), `daftar-court-costs-${process.pid}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    let text: string | null = null;
    try {
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    } catch {
      text = null; // poppler-utils not installed: the %PDF check above stands alone
    } finally {
      fs.rmSync(file, { force: true });
    }
    if (text != null) {
      const numbers = toLatinDigits(text).replace(/[٬,]/g, '');
      const court = String(COURT_RIALS);
      expect(numbers.includes(court) || numbers.includes([...court].reverse().join('')), numbers).toBe(true);
    }
  }, 60_000);

  it("submitted, the office's revenue is its fees alone; the court costs are recorded as settled by the submission", async () => {
    const submitted = await operator.request({
      method: 'POST',
      url: `/api/v1/filings/${id}/submit`,
      headers: { 'idempotency-key': `cc-${id}` },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const records = await t.query<{ amount_rials: string }>(
      'select amount_rials from service_records where filing_id = $1',
      [id],
    );
    expect(records.map((r) => Number(r.amount_rials))).toEqual([OFFICE_RIALS]);
    const detail = (await operator.get(`/api/v1/filings/${id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'submitted', data: { courtCostsRials: COURT_RIALS } });
  });

  it("returned and resubmitted with a larger claim: only the difference is paid, and the office's revenue does not grow with the court costs", async () => {
    expect(
      (await clerk.post(`/api/v1/court/filings/${id}/return`, { reasons: 'خواسته باید تقویم شود.' })).statusCode,
    ).toBe(200);
    const grownClaims = [{ description: 'مطالبهٔ وجه چک', valueRials: 800_000_000 }];
    const { courtId, branch, subject, facts, parties } = petition();
    expect(
      (
        await operator.request({
          method: 'PUT',
          url: `/api/v1/filings/${id}`,
          body: { courtId, branch, subject, facts, parties, claims: grownClaims },
        })
      ).statusCode,
    ).toBe(200);
    const confirmed = (await operator.post(`/api/v1/filings/${id}/confirm`)).json();
    expect(confirmed.quote.courtCosts.totalRials).toBe(300_000 + 8_000_000);
    expect(confirmed.payment).toEqual({ paidRials: OFFICE_RIALS + COURT_RIALS, dueRials: 3_000_000 });
    const started = (await operator.post(`/api/v1/filings/${id}/payment`)).json();
    expect(started.amountRials).toBe(3_000_000);
    await payAtBank(started.redirectUrl);
    expect(
      (
        await operator.request({
          method: 'POST',
          url: `/api/v1/filings/${id}/submit`,
          headers: { 'idempotency-key': `cc2-${id}` },
        })
      ).statusCode,
    ).toBe(200);
    const records = await t.query<{ amount_rials: string }>(
      'select amount_rials from service_records where filing_id = $1 order by id',
      [id],
    );
    expect(records.map((r) => Number(r.amount_rials))).toEqual([OFFICE_RIALS]);
    const events = (await operator.get(`/api/v1/filings/${id}`))
      .json()
      .events.filter((e: { action: string }) => /submitted$/.test(e.action));
    expect(events.map((e: { data: { courtCostsRials: number } }) => e.data.courtCostsRials)).toEqual([
      COURT_RIALS,
      3_000_000,
    ]);
  });
});

describe('a service without court-cost rules', () => {
  it("collects the office's fees alone and says the court costs are not set", async () => {
    const created = await operator.post('/api/v1/filings', {
      ...petition(),
      service: 'legal-notice',
      courtId: null,
      branch: null,
      parties: [
        { kind: 'citizen', role: 'notifier', nationalId: '0499370899' },
        { kind: 'named', role: 'addressee', name: 'مستأجر', address: 'تهران' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const confirmed = (await operator.post(`/api/v1/filings/${created.json().id}/confirm`)).json();
    expect(confirmed.quote.courtCosts).toEqual({ configured: false, lines: [], totalRials: 0 });
    expect(confirmed.quote.totalRials).toBe(confirmed.quote.officeRials);
    const started = (await operator.post(`/api/v1/filings/${created.json().id}/payment`)).json();
    const view = (await operator.get(`/api/v1/payments/${started.paymentId}`)).json();
    expect(view.lines.every((l: { kind: string }) => l.kind === 'office-fee')).toBe(true);
    expect((await operator.get(`/api/v1/payments/${started.paymentId}/receipt`)).body).not.toContain('هزینهٔ دادرسی');
  });
});

describe("the demo's sample rule", () => {
  it('says in Persian and in English, wherever it is read, that it is a sample and not an official figure', async () => {
    const rules = (await t.anonymous().get('/api/v1/tariffs/court-cost-rules')).json().items as {
      serviceCode: string;
      titleFa: string;
      titleEn: string;
      source: string;
    }[];
    const samples = rules.filter((r) => r.source.includes('demo'));
    expect(samples.map((r) => r.serviceCode)).toEqual(['appeal']);
    for (const r of samples) {
      expect(r.titleFa).toContain('نمونهٔ نمایشی، نه رقم رسمی');
      expect(r.titleEn).toContain('not an official figure');
      expect(r.source).toContain('از هیچ قانون');
    }
    // An appeal's quote carries it under that title, so the receipt line reads the same.
    const fees = (await t.anonymous().post('/api/v1/fees/quote', { service: 'appeal' })).json();
    expect(fees.courtCosts.lines.map((l: { titleFa: string }) => l.titleFa)).toEqual([samples[0].titleFa]);
  });
});
