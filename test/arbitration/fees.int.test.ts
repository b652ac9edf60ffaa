/**
 * The arbitrators' fee through the API (Civil Procedure Code Art. 498): the official scale the
 * regulator enters (public to read, never retroactive, one per first day), the fee fixed when the
 * term starts — as agreed, or by the scale in force that day — each party's share paid through the
 * sandbox bank with its receipt and a dated step on the timeline, and the refusals.
 *
 * Expected amounts are worked by hand from آیین‌نامهٔ حق‌الزحمهٔ داوری مصوب ۱۴۰۱/۰۶/۰۵, Art. 2
 * (abzarlaw.com): a claim of 30,000,000,000 Rials pays 2% of the first ten billion (200,000,000) and
 * 1% of the next twenty (200,000,000): 400,000,000 Rials, 200,000,000 for each of two parties.
 * The demo seed enters that scale in force from 2022-08-27; the clock is 15 Ordibehesht 1405.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import { expectProblem, fieldErrors } from '../support/problems';
import { NAZANIN, runningCase, signInPeople } from '../support/arbitration';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let amir: Client;
let nazanin: Client;
let saeed: Client;
let arbitrator: Client;
let operator: Client;
let regulator: Client;
let arbitratorUserId: number;
let keySerial = 0;

const agreement = (fee: unknown, over: Record<string, unknown> = {}) => ({
  agreementKind: 'separate',
  subjectKind: 'contract',
  subject: 'اختلاف در مبلغ قرارداد پیمانکاری بازسازی واحد تجاری و تأخیر در تحویل کار',
  arbitratorCount: 2,
  selection: 'parties',
  term: null,
  seatOfficeId: 1,
  awardNotice: 'e_notice',
  respondents: [NAZANIN],
  ...(fee === undefined ? {} : { fee }),
  ...over,
});

interface Fee {
  basis: string;
  payers: string;
  totalRials: number | null;
  perArbitratorRials: number[];
  scale: { validFrom: { iso: string } } | null;
  shares: {
    partyId: number;
    amountRials: number;
    status: string;
    paymentId: number | null;
    receiptNumber: string | null;
  }[];
}

/** Agreed, consented, two arbitrators named and accepted: the term (and the fee) starts, and not before. */
const running = (fee: unknown) =>
  runningCase<{ id: number; fee: Fee | null; parties: { id: number }[] }>(
    t,
    { amir, nazanin, arbitrator, operator, arbitratorUserId },
    agreement(fee),
    (kase) => expect((kase as { fee?: Fee | null }).fee?.totalRials ?? null).toBeNull(),
  );

const pay = (client: Client, id: number, key: string | null = `fee-${++keySerial}`) =>
  client.request({
    method: 'POST',
    url: `/api/v1/arbitrations/${id}/fee/payment`,
    headers: key ? { 'idempotency-key': key } : {},
  });

/** Pays at the sandbox bank and posts its answer to our callback, as the browser would. */
async function atBank(redirectUrl: string) {
  const page = await t.inject({
    method: 'POST',
    url: redirectUrl,
    payload: new URLSearchParams({ ...SANDBOX_TEST_CARD, action: 'pay' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const fields = Object.fromEntries(
    [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/payments/callback/sandbox',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.statusCode, res.body).toBe(303);
}

const scaleBody = (over: Record<string, unknown> = {}) => ({
  validFrom: '1405-07-01',
  source: 'جدول آزمایشی حق‌الزحمهٔ داوری',
  bands: [
    { upToRials: 10_000_000_000, basisPoints: 300 },
    { upToRials: null, basisPoints: 100 },
  ],
  capRials: null,
  nonMonetaryMinRials: 8_000_000,
  nonMonetaryMaxRials: 40_000_000,
  ...over,
});

beforeAll(async () => {
  t = await startTestServer();
  ({ amir, nazanin, saeed, arbitrator, operator, arbitratorUserId } = await signInPeople(t));
  regulator = await t.signInStaff('regulator');
});
afterAll(async () => {
  await t?.stop();
});

describe('the fee by the scale, paid in equal shares', () => {
  it('fixes 400,000,000 Rials on a thirty-billion claim when the term starts, and each party pays half with a receipt', async () => {
    const kase = await running({ basis: 'scale', claimRials: 30_000_000_000 });
    const fee = kase.fee!;
    expect(fee.basis).toBe('scale');
    expect(fee.totalRials).toBe(400_000_000);
    expect(fee.perArbitratorRials).toEqual([200_000_000, 200_000_000]);
    expect(fee.scale?.validFrom.iso).toBe('2022-08-27');
    expect(fee.shares.map((s) => [s.amountRials, s.status])).toEqual([
      [200_000_000, 'owed'],
      [200_000_000, 'owed'],
    ]);

    // Amir pays his share; a retry with the same key answers the same payment.
    const key = `fee-${++keySerial}`;
    const started = await pay(amir, kase.id, key);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().amountRials).toBe(200_000_000);
    const again = await pay(amir, kase.id, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().paymentId).toBe(started.json().paymentId);
    // A new request while that payment is open at the bank offers the same payment, not a second one.
    const reopened = await pay(amir, kase.id);
    expect(reopened.json()).toMatchObject({
      paymentId: started.json().paymentId,
      redirectUrl: `/payments/${started.json().paymentId}`,
    });
    const pending = (await amir.get(`/api/v1/arbitrations/${kase.id}`)).json().fee as Fee;
    expect(pending.shares[0].status).toBe('pending');

    await atBank(started.json().redirectUrl);
    const after = (await amir.get(`/api/v1/arbitrations/${kase.id}`)).json();
    const mine = (after.fee as Fee).shares[0];
    expect(mine.status).toBe('paid');
    expect(mine.receiptNumber).toBe(started.json().receiptNumber);
    expect((after.fee as Fee).shares[1].status).toBe('owed');
    const paid = (after.timeline as { kind: string; data: Record<string, unknown> }[]).find(
      (e) => e.kind === 'fee-paid',
    );
    expect(paid?.data).toMatchObject({ amountRials: 200_000_000, receiptNumber: started.json().receiptNumber });

    // The receipt is the payment's: for the arbitrators' fee, in Persian.
    const receipt = await amir.get(`/api/v1/payments/${mine.paymentId}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('حق‌الزحمهٔ داوران');
    expect(receipt.body).toContain('data-kind="arbitrator-fee"');
    expect(receipt.body).toContain('پرداخت‌شده');

    // The other party sees that Amir paid, but not his payment or receipt.
    const seenByNazanin = (await nazanin.get(`/api/v1/arbitrations/${kase.id}`)).json().fee as Fee;
    expect(seenByNazanin.shares[0]).toMatchObject({ status: 'paid', paymentId: null, receiptNumber: null });

    // Paid once: a second payment is refused. The audit chain holds the step.
    await expectProblem(await pay(amir, kase.id), 409, 'arbitration_fee_paid');
    const audit = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'arbitration.fee-paid' and entity_id = $1",
      [String(kase.id)],
    );
    expect(audit[0].n).toBe(1);
  });
});

describe('a share asked for many times at once', () => {
  it('ten requests with ten keys start one payment for the share, and every answer names it', async () => {
    const kase = await running({ basis: 'agreed', perArbitratorRials: 10_000_000, payers: 'claimant' });
    const arbitrationPayments = async () =>
      (await t.query<{ n: number }>("select count(*)::int as n from payments where purpose = 'arbitration'"))[0].n;
    const before = await arbitrationPayments();
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay(amir, kase.id)));
    expect(answers.map((r) => r.statusCode).filter((s) => s >= 300)).toEqual([]);
    const ids = new Set(answers.map((r) => r.json().paymentId));
    expect(ids.size).toBe(1);
    expect((await arbitrationPayments()) - before).toBe(1);
  });
});

describe('the fee as agreed, paid by one side', () => {
  it('the respondent alone owes 2 × 40,000,000 Rials; the claimant owes nothing', async () => {
    const kase = await running({ basis: 'agreed', perArbitratorRials: 40_000_000, payers: 'respondent' });
    expect(kase.fee?.totalRials).toBe(80_000_000);
    expect(kase.fee?.scale).toBeNull();
    expect(kase.fee?.shares.map((s) => [s.partyId, s.amountRials])).toEqual([[kase.parties[1].id, 80_000_000]]);
    await expectProblem(await pay(amir, kase.id), 409, 'arbitration_fee_not_owed');
    const started = await pay(nazanin, kase.id);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().amountRials).toBe(80_000_000);
  });
});

describe('refusals', () => {
  it('before the term starts there is no fee to pay; without a key, or for a case not theirs, nothing is started', async () => {
    const started = await amir.post('/api/v1/arbitrations', agreement({ basis: 'scale', claimRials: null }));
    const id = started.json().id as number;
    expect(started.json().fee).toMatchObject({ basis: 'scale', totalRials: null, shares: [] });
    await expectProblem(await pay(amir, id), 409, 'arbitration_fee_not_fixed');
    await expectProblem(await pay(amir, id, null), 400, 'idempotency_key_required');
    await expectProblem(await pay(saeed, id), 404, 'not_found');
    await expectProblem(await pay(arbitrator, id), 403, 'forbidden');
    await expectProblem(await pay(amir, 987_654), 404, 'not_found');
  });

  it('an agreed fee must be a positive whole number of Rials; the basis must be known', async () => {
    for (const fee of [
      { basis: 'agreed', perArbitratorRials: 0 },
      { basis: 'agreed', perArbitratorRials: 1.5 },
      { basis: 'scale', claimRials: -1 },
      { basis: 'by-the-hour', claimRials: 1 },
      { basis: 'scale', claimRials: 1, payers: 'office' },
    ]) {
      const res = await amir.post('/api/v1/arbitrations', agreement(fee));
      await expectProblem(res, 400, 'validation_failed');
      expect(Object.keys(fieldErrors(res.json())).some((f) => f.startsWith('fee'))).toBe(true);
    }
  });

  it('without fee terms the agreement records none, and the case shows no fee', async () => {
    const started = await amir.post('/api/v1/arbitrations', agreement(undefined));
    expect(started.statusCode).toBe(201);
    expect(started.json().fee).toBeNull();
  });
});

describe("the regulator's scale", () => {
  it('anyone reads the scales; the 1401 scale is in force', async () => {
    const res = await t.anonymous().get('/api/v1/arbitrations/fee-scales');
    expect(res.statusCode).toBe(200);
    const [scale] = res.json().items;
    expect(scale).toMatchObject({ validFrom: { iso: '2022-08-27' }, capRials: 1_500_000_000, inForce: true });
    expect(scale.bands).toHaveLength(4);
  });

  it('a new scale comes into force from a later day, is audited, and its first day is not taken twice', async () => {
    const res = await regulator.post('/api/v1/arbitrations/fee-scales', scaleBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ validFrom: { iso: '2026-09-23', jalali: '1405-07-01' }, inForce: false });
    const list = (await t.anonymous().get('/api/v1/arbitrations/fee-scales')).json().items as {
      id: number;
      inForce: boolean;
    }[];
    expect(list.map((s) => s.inForce)).toEqual([false, true]);
    const audit = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'arbitration.fee-scale'",
    );
    expect(audit[0].n).toBe(1);
    await expectProblem(
      await regulator.post('/api/v1/arbitrations/fee-scales', scaleBody()),
      409,
      'arbitration_fee_scale_exists',
    );
  });

  it('today or earlier is refused as retroactive, naming the field', async () => {
    for (const validFrom of ['1405-02-15', '1401-06-05']) {
      const res = await regulator.post('/api/v1/arbitrations/fee-scales', scaleBody({ validFrom }));
      await expectProblem(res, 422, 'arbitration_fee_scale_retroactive');
      expect(fieldErrors(res.json()).validFrom).toBeDefined();
    }
  });

  it('bands that do not rise, a closed last band or an inverted range are refused on their field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          bands: [
            { upToRials: 10_000, basisPoints: 100 },
            { upToRials: 5_000, basisPoints: 100 },
            { upToRials: null, basisPoints: 50 },
          ],
        },
        'bands.1.upToRials',
      ],
      [{ bands: [{ upToRials: 10_000, basisPoints: 100 }] }, 'bands.0.upToRials'],
      [{ nonMonetaryMinRials: 50_000_000 }, 'nonMonetaryMaxRials'],
      [{ bands: [{ upToRials: null, basisPoints: 10_001 }] }, 'bands.0.basisPoints'],
      [{ validFrom: '1405-13-01' }, 'validFrom'],
    ];
    for (const [over, field] of cases) {
      const res = await regulator.post(
        '/api/v1/arbitrations/fee-scales',
        scaleBody({ validFrom: '1405-08-01', ...over }),
      );
      await expectProblem(res, 400, 'validation_failed');
      expect(fieldErrors(res.json())[field], field).toBeDefined();
    }
  });

  it("the screen's empty fields, sent as null, are each refused on their field in Persian and English, and nothing is written", async () => {
    const count = async () =>
      (await t.query<{ n: number }>('select count(*)::int as n from arbitration_fee_scales'))[0].n;
    const before = await count();
    const res = await regulator.post(
      '/api/v1/arbitrations/fee-scales',
      scaleBody({
        validFrom: '',
        bands: [
          { upToRials: null, basisPoints: 300 },
          { upToRials: null, basisPoints: null },
        ],
        nonMonetaryMinRials: null,
      }),
    );
    await expectProblem(res, 400, 'validation_failed');
    const fields = fieldErrors(res.json());
    for (const field of ['validFrom', 'bands.1.basisPoints', 'nonMonetaryMinRials']) {
      expect(fields[field]?.message.fa, field).toMatch(/\p{Script=Arabic}/u);
      expect(fields[field]?.message.en, field).toMatch(/[A-Za-z]/);
    }
    expect(await count()).toBe(before);
  });

  it('a band below the one before it is refused on its own field, in the words the screen shows', async () => {
    const res = await regulator.post(
      '/api/v1/arbitrations/fee-scales',
      scaleBody({
        validFrom: '1405-08-01',
        bands: [
          { upToRials: 10_000_000_000, basisPoints: 300 },
          { upToRials: 5_000_000_000, basisPoints: 100 },
          { upToRials: null, basisPoints: 25 },
        ],
      }),
    );
    await expectProblem(res, 400, 'validation_failed');
    expect(fieldErrors(res.json())['bands.1.upToRials']).toEqual({
      code: 'bands_not_ascending',
      message: {
        fa: 'سقف هر ردیف باید از سقف ردیف پیش از آن بیشتر باشد.',
        en: "Each band's upper bound must be above the previous band's.",
      },
    });
  });

  it('only the regulator enters a scale', async () => {
    await expectProblem(await amir.post('/api/v1/arbitrations/fee-scales', scaleBody()), 403, 'forbidden');
    await expectProblem(await operator.post('/api/v1/arbitrations/fee-scales', scaleBody()), 403, 'forbidden');
    await expectProblem(
      await t.anonymous().post('/api/v1/arbitrations/fee-scales', scaleBody()),
      401,
      'unauthenticated',
    );
  });
});
