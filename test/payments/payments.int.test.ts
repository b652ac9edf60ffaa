/**
 * Payments through the sandbox bank, over HTTP: the bank page, its signed callback, the server's
 * own verify with the bank, and the one crediting transaction. Success, decline, cancellation,
 * timeout, replayed and forged callbacks; the reconciliation job; idempotent creation; receipts
 * (HTML and PDF); who may see which payment.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { toLatinDigits } from '#core/persian-digits';
import { signCallback, SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import { reconcilePayments, startPayment } from '#server/modules/payments/service';
import type { Actor } from '#server/platform/auth/actor';
import { runIdempotentInTransaction } from '#server/platform/http/idempotency';
import { AppError } from '#server/platform/errors/app-error';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type Response, type TestServer } from '../support/test-server';
import { multipart, pdf } from '../filings/files';

process.env.DAFTAR_FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-payments-'));

const SECRET = 'daftar-development-payment-secret';
const CARD = {
  pan: SANDBOX_TEST_CARD.pan,
  cvv2: SANDBOX_TEST_CARD.cvv2,
  expMonth: SANDBOX_TEST_CARD.expMonth,
  expYear: SANDBOX_TEST_CARD.expYear,
  pin: SANDBOX_TEST_CARD.pin,
};

let t: TestServer;
let operator: Client; // office 1 (Tehran)
let manager1: Client;
let manager2: Client; // office 2 (Tehran)
let isfahanOperator: Client;
let citizen1: Client;
let citizen2: Client;
let regulator: Client;
let inspectorTehran: Client;
let associationIsfahan: Client;
let clerk: Client;
let keySerial = 0;

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

interface Started {
  paymentId: number;
  receiptNumber: string;
  redirectUrl: string;
  amountRials: number;
}

/** An office service charged at the counter of office 1. */
async function startServicePayment(
  client = operator,
  body: Record<string, unknown> = { serviceCode: 'password-delivery', citizenId: 1 },
): Promise<Started> {
  const res = await client.request({
    method: 'POST',
    url: '/api/v1/payments',
    body,
    headers: { 'idempotency-key': `k-${++keySerial}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const tokenOf = (s: Started) => s.redirectUrl.split('/').pop()!;

/** Presses a button on the bank page; answers the bank's page and, when it decided, the callback fields it would post. */
async function atBank(s: Started, action: 'pay' | 'decline' | 'cancel', card: Record<string, string> = CARD) {
  const res = await t.inject({ method: 'POST', url: s.redirectUrl, ...form({ ...card, action }) });
  const fields = Object.fromEntries(
    [...res.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  return { res, fields };
}

/** The browser posting the bank's form to our callback (with whatever cookies it has, and no CSRF header). */
const callback = (fields: Record<string, string>, client?: Client): Promise<Response> => {
  const f = form(fields);
  return client
    ? client.request({
        method: 'POST',
        url: '/api/v1/payments/callback/sandbox',
        payload: f.payload,
        headers: f.headers,
        csrf: false,
      })
    : t.inject({ method: 'POST', url: '/api/v1/payments/callback/sandbox', ...f });
};

const verdicts = async (paymentId: number) =>
  (
    await t.query<{ verdict: string }>('select verdict from payment_callbacks where payment_id = $1 order by id', [
      paymentId,
    ])
  ).map((r) => r.verdict);
const statusOf = async (paymentId: number) =>
  (await t.query<{ status: string }>('select status from payments where id = $1', [paymentId]))[0].status;
const auditCount = async (action: string, paymentId: number) =>
  (
    await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = $1 and entity_type = 'payment' and entity_id = $2",
      [action, String(paymentId)],
    )
  )[0].n;

beforeAll(async () => {
  t = await startTestServer();
  [
    operator,
    manager1,
    manager2,
    isfahanOperator,
    citizen1,
    citizen2,
    regulator,
    inspectorTehran,
    associationIsfahan,
    clerk,
  ] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('manager.11001'),
    t.signInStaff('manager.11002'),
    t.signInStaff('operator.13001'),
    t.signInCitizen('09120000001'),
    t.signInCitizen('09130000002'),
    t.signInStaff('regulator'),
    t.signInStaff('inspector.tehran'),
    t.signInStaff('association.isfahan'),
    t.signInStaff('clerk.tehran'),
  ]);
});

afterAll(async () => {
  await t?.stop();
});

describe('the sandbox bank and its callback', () => {
  it('a payment paid with the test card is verified with the bank and credited once, and the browser goes to /payments/:id', async () => {
    const s = await startServicePayment();
    expect(hasValidCheckDigit(s.receiptNumber)).toBe(true);
    expect(s.redirectUrl).toMatch(/^\/sandbox-bank\/pay\/[0-9a-f]{32}$/);

    const page = await t.inject({ method: 'GET', url: s.redirectUrl });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('دفتر خدمات الکترونیک قضایی');
    expect(page.body).toMatch(/[۰-۹][۰-۹٬]* ریال/);
    expect(page.body).toContain('data-testid="bank-pay"');
    expect(page.body).toContain('data-testid="bank-decline"');
    expect(page.body).toContain('data-testid="bank-cancel"');

    const { res, fields } = await atBank(s, 'pay');
    expect(res.statusCode).toBe(200);
    expect(fields).toMatchObject({
      token: tokenOf(s),
      outcome: 'paid',
      amountRials: String(s.amountRials),
      merchantReference: s.receiptNumber,
    });
    // The operator's browser still carries its session cookie, and a bank's form sends no CSRF header.
    const back = await callback(fields, operator);
    expect(back.statusCode, back.body).toBe(303);
    expect(back.headers.location).toBe(`/payments/${s.paymentId}?verdict=credited`);

    const view = (await operator.get(`/api/v1/payments/${s.paymentId}`)).json();
    expect(view).toMatchObject({
      id: s.paymentId,
      status: 'paid',
      receiptNumber: s.receiptNumber,
      amountRials: s.amountRials,
      payUrl: null,
      office: { id: 1 },
    });
    expect(view.bankReference).toMatch(/^\d{12}$/);
    expect(view.lines.length).toBeGreaterThan(0);
    expect(await verdicts(s.paymentId)).toEqual(['credited']);
    expect(await auditCount('payments.paid', s.paymentId)).toBe(1);
    expect(await auditCount('payments.started', s.paymentId)).toBe(1);
  });

  it('a filing paid at the bank becomes paid through its credit handler, in the crediting transaction', async () => {
    const draft = await operator.post('/api/v1/filings', {
      service: 'petition',
      applicantCitizenId: 1,
      parties: [
        { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
        { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی' },
      ],
      courtId: 1,
      branch: 3,
      subject: 'مطالبهٔ وجه چک',
      facts: 'خوانده وجه چک را نپرداخته است.',
      claims: [{ description: 'مطالبهٔ وجه', valueRials: 100_000_000 }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    const up = multipart({ name: 'cheque.pdf', type: 'application/pdf', bytes: await pdf(2) }, 'چک');
    expect(
      (
        await operator.request({
          method: 'POST',
          url: `/api/v1/filings/${id}/attachments`,
          payload: up.payload,
          headers: up.headers,
        })
      ).statusCode,
    ).toBe(201);
    expect((await operator.post(`/api/v1/filings/${id}/confirm`)).statusCode).toBe(200);
    const started = await operator.post(`/api/v1/filings/${id}/payment`);
    expect(started.statusCode, started.body).toBe(201);
    const s = started.json() as Started;

    const { fields } = await atBank(s, 'pay');
    expect((await callback(fields)).statusCode).toBe(303);
    const filing = (await operator.get(`/api/v1/filings/${id}`)).json();
    expect(filing.status).toBe('paid');
    expect(filing.payment).toMatchObject({ dueRials: 0, paidRials: s.amountRials });
    const view = (await citizen1.get(`/api/v1/payments/${s.paymentId}`)).json();
    expect(view).toMatchObject({
      status: 'paid',
      purpose: 'filing',
      filingId: id,
      returnPath: `/filings/new?id=${id}`,
    });

    // The same callback again: nothing more is credited.
    const again = await callback(fields);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/payments/${s.paymentId}?verdict=duplicate`);
    expect((await operator.get(`/api/v1/filings/${id}`)).json().payment.paidRials).toBe(s.amountRials);
    expect(await auditCount('payments.paid', s.paymentId)).toBe(1);
  });

  it('a payment the bank declines fails and credits nothing', async () => {
    const s = await startServicePayment();
    const { fields } = await atBank(s, 'decline', {});
    expect(fields.outcome).toBe('declined');
    const back = await callback(fields);
    expect(back.headers.location).toBe(`/payments/${s.paymentId}?verdict=failed`);
    expect(await statusOf(s.paymentId)).toBe('failed');
    expect(await auditCount('payments.paid', s.paymentId)).toBe(0);
  });

  it('a payment the payer cancels at the bank is cancelled and credits nothing', async () => {
    const s = await startServicePayment();
    const { fields } = await atBank(s, 'cancel', {});
    const back = await callback(fields);
    expect(back.headers.location).toBe(`/payments/${s.paymentId}?verdict=cancelled`);
    expect(await statusOf(s.paymentId)).toBe('cancelled');
    expect(await verdicts(s.paymentId)).toEqual(['cancelled']);
  });

  it("the bank page's test-card hint, typed as it reads (Persian digits, month in the month field), pays", async () => {
    const s = await startServicePayment();
    const page = await t.inject({ method: 'GET', url: s.redirectUrl });
    const hint = (field: string) => {
      const m = page.body.match(new RegExp(`([^<>:]+): <bdi dir="ltr" data-testid="bank-hint-${field}">([^<]+)</bdi>`));
      expect(m, field).not.toBeNull();
      return { label: m![1].replace(/^[\s،—]+/, '').trim(), value: m![2] };
    };
    // Each value stands beside the label of the field it goes into.
    expect(hint('exp-month')).toEqual({ label: 'ماه انقضا', value: '۱۲' });
    expect(hint('exp-year')).toEqual({ label: 'سال انقضا', value: '۰۸' });
    expect(page.body).toContain('<label for="expMonth">ماه انقضا</label>');
    expect(page.body).toContain('<label for="expYear">سال انقضا</label>');
    const { res, fields } = await atBank(s, 'pay', {
      pan: hint('pan').value,
      cvv2: hint('cvv2').value,
      expMonth: hint('exp-month').value,
      expYear: hint('exp-year').value,
      pin: hint('pin').value,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(fields.outcome).toBe('paid');
  });

  it('the bank refuses a card other than the test card and the payment stays pending', async () => {
    const s = await startServicePayment();
    const { res, fields } = await atBank(s, 'pay', { ...CARD, pan: '6037991199500178', pin: '999999' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('data-testid="bank-error"');
    expect(fields).toEqual({});
    expect(await statusOf(s.paymentId)).toBe('pending');
    const short = await atBank(s, 'pay', { ...CARD, pan: '1234' });
    expect(short.res.body).toContain('۱۶ رقم');
  });

  it('a replayed success callback credits nothing more (and the bank page will not take the money twice)', async () => {
    const s = await startServicePayment();
    const { fields } = await atBank(s, 'pay');
    await Promise.all([callback(fields), callback(fields), callback(fields)]);
    expect(await statusOf(s.paymentId)).toBe('paid');
    expect((await verdicts(s.paymentId)).sort()).toEqual(['credited', 'duplicate', 'duplicate']);
    expect(await auditCount('payments.paid', s.paymentId)).toBe(1);
    const second = await atBank(s, 'pay');
    expect(second.res.statusCode).toBe(422);
    expect(second.fields).toEqual({});
  });

  describe('a forged callback credits nothing at all', () => {
    it('with a bad signature', async () => {
      const s = await startServicePayment();
      const { fields } = await atBank(s, 'pay');
      const res = await callback({ ...fields, signature: 'f'.repeat(64) });
      expectProblem(res, 400, 'payment_callback_rejected');
      expect(await statusOf(s.paymentId)).toBe('pending');
      expect(await verdicts(s.paymentId)).toEqual(['forged']);
      // The genuine callback still works afterwards.
      expect((await callback(fields)).headers.location).toBe(`/payments/${s.paymentId}?verdict=credited`);
    });

    it('with a tampered amount', async () => {
      const s = await startServicePayment();
      const { fields } = await atBank(s, 'pay');
      expectProblem(await callback({ ...fields, amountRials: '1000' }), 400, 'payment_callback_rejected');
      // Even re-signed by someone holding the secret, the amount must be the payment's.
      const resigned: Record<string, string> = { ...fields, amountRials: '1000' };
      resigned.signature = signCallback(SECRET, resigned as never);
      expectProblem(await callback(resigned), 400, 'payment_callback_rejected');
      expect(await statusOf(s.paymentId)).toBe('pending');
      expect(await verdicts(s.paymentId)).toEqual(['forged', 'forged']);
    });

    it("with a tampered token (another payment's token under this one's signature)", async () => {
      const paid = await startServicePayment();
      const other = await startServicePayment();
      const { fields } = await atBank(paid, 'pay');
      expectProblem(await callback({ ...fields, token: tokenOf(other) }), 400, 'payment_callback_rejected');
      expect(await statusOf(other.paymentId)).toBe('pending');
      expect(await verdicts(other.paymentId)).toEqual(['forged']);
    });

    it('with an unknown token, even correctly signed', async () => {
      const fields = {
        token: 'a'.repeat(32),
        outcome: 'paid',
        amountRials: '750000',
        merchantReference: '14050000000019',
        bankReference: '123456789012',
      };
      const before = await t.count('payments');
      const res = await callback({ ...fields, signature: signCallback(SECRET, fields as never) });
      expectProblem(res, 400, 'payment_callback_rejected');
      expect(res.json().verdict).toBe('unknown');
      expect(await t.count('payments')).toBe(before);
      const [last] = await t.query<{ verdict: string; payment_id: number | null }>(
        'select verdict, payment_id from payment_callbacks order by id desc limit 1',
      );
      expect(last).toEqual({ verdict: 'unknown', payment_id: null });
    });

    it('claiming success the bank itself does not confirm (correct signature, nothing paid at the bank)', async () => {
      const s = await startServicePayment();
      const fields = {
        token: tokenOf(s),
        outcome: 'paid',
        amountRials: String(s.amountRials),
        merchantReference: s.receiptNumber,
        bankReference: '999999999999',
      };
      expectProblem(
        await callback({ ...fields, signature: signCallback(SECRET, fields as never) }),
        400,
        'payment_callback_rejected',
      );
      expect(await statusOf(s.paymentId)).toBe('pending');
      expect(await auditCount('payments.paid', s.paymentId)).toBe(0);
    });

    it('with missing fields or a JSON body of garbage', async () => {
      expectProblem(await callback({}), 400, 'payment_callback_rejected');
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/payments/callback/sandbox',
        payload: JSON.stringify({ token: 5, outcome: ['paid'] }),
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(res, 400);
      expectProblem(
        await t.inject({ method: 'POST', url: '/api/v1/payments/callback/nobank', ...form({ token: 'x' }) }),
        400,
        'payment_callback_rejected',
      );
    });
  });

  it('a success callback arriving after the payment expired credits nothing (verdict expired) and the bank reverses the money', async () => {
    const s = await startServicePayment();
    const { fields } = await atBank(s, 'pay');
    await t.query("update payments set expires_at = $2::timestamptz - interval '1 minute' where id = $1", [
      s.paymentId,
      t.now(),
    ]);
    const back = await callback(fields);
    expect(back.headers.location).toBe(`/payments/${s.paymentId}?verdict=expired`);
    expect(await statusOf(s.paymentId)).toBe('expired');
    expect(await auditCount('payments.paid', s.paymentId)).toBe(0);
    expect(await auditCount('payments.expired', s.paymentId)).toBe(1);
    const [bank] = await t.query<{ status: string }>('select status from sandbox_bank_transactions where token = $1', [
      tokenOf(s),
    ]);
    expect(bank.status).toBe('reversed');
  });

  it('the bank page does not take a payment after its time is up', async () => {
    const s = await startServicePayment();
    await t.query(
      "update sandbox_bank_transactions set expires_at = $2::timestamptz - interval '1 second' where token = $1",
      [tokenOf(s), t.now()],
    );
    const page = await t.inject({ method: 'GET', url: s.redirectUrl });
    expect(page.body).toContain('data-testid="bank-closed"');
    const { res, fields } = await atBank(s, 'pay');
    expect(res.statusCode).toBe(422);
    expect(fields).toEqual({});
    expect((await t.inject({ method: 'GET', url: '/sandbox-bank/pay/nosuchtoken' })).statusCode).toBe(404);
  });
});

describe('reconciliation', () => {
  it('a payment paid at the bank whose callback never came is credited once by the job; a late callback is then a duplicate', async () => {
    const paid = await startServicePayment();
    const declined = await startServicePayment();
    const abandoned = await startServicePayment();
    const waiting = await startServicePayment();
    const { fields } = await atBank(paid, 'pay');
    await atBank(declined, 'decline', {});
    await t.query("update payments set expires_at = $2::timestamptz - interval '1 minute' where id = $1", [
      abandoned.paymentId,
      t.now(),
    ]);

    const first = await reconcilePayments(t.server.ctx, t.now());
    expect(first.credited).toBeGreaterThanOrEqual(1);
    expect(await statusOf(paid.paymentId)).toBe('paid');
    expect(await statusOf(declined.paymentId)).toBe('failed');
    expect(await statusOf(abandoned.paymentId)).toBe('expired');
    expect(await statusOf(waiting.paymentId)).toBe('pending');
    expect(await auditCount('payments.paid', paid.paymentId)).toBe(1);

    const second = await reconcilePayments(t.server.ctx, t.now());
    expect(second.credited).toBe(0);
    expect(await auditCount('payments.paid', paid.paymentId)).toBe(1);
    expect((await callback(fields)).headers.location).toBe(`/payments/${paid.paymentId}?verdict=duplicate`);
    expect(await auditCount('payments.paid', paid.paymentId)).toBe(1);
  });

  it('the job forgets idempotency answers older than a day', async () => {
    await t.query(
      "insert into idempotency_keys (key, user_id, operation, request_hash, status, body, created_at) values ('old-key', 1, 'x', 'h', 201, '{}', $1::timestamptz - interval '25 hours')",
      [t.now()],
    );
    const result = await reconcilePayments(t.server.ctx, t.now());
    expect(result.purgedKeys).toBeGreaterThanOrEqual(1);
    expect(await t.query("select 1 from idempotency_keys where key = 'old-key'")).toEqual([]);
  });
});

describe('idempotent creation (Idempotency-Key)', () => {
  it('the same key with the same request gets the stored answer and creates one payment', async () => {
    const body = { serviceCode: 'password-delivery', citizenId: 1 };
    const before = await t.count('payments');
    const send = () =>
      operator.request({ method: 'POST', url: '/api/v1/payments', body, headers: { 'idempotency-key': 'same-key-1' } });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await t.count('payments')).toBe(before + 1);
  });

  it('the same key with a different request is refused with 422 idempotency_key_reused', async () => {
    const send = (citizenId: number) =>
      operator.request({
        method: 'POST',
        url: '/api/v1/payments',
        body: { serviceCode: 'password-delivery', citizenId },
        headers: { 'idempotency-key': 'same-key-2' },
      });
    expect((await send(1)).statusCode).toBe(201);
    const before = await t.count('payments');
    expectProblem(await send(2), 422, 'idempotency_key_reused');
    expect(await t.count('payments')).toBe(before);
  });

  it("keys belong to their user: another user's same key is a different request", async () => {
    const send = (client: Client) =>
      client.request({
        method: 'POST',
        url: '/api/v1/payments',
        body: { serviceCode: 'password-delivery' },
        headers: { 'idempotency-key': 'shared-key' },
      });
    const a = await send(operator);
    const b = await send(manager1);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().paymentId).not.toBe(a.json().paymentId);
  });

  it('concurrent requests with the same key do not both run', async () => {
    const before = await t.count('payments');
    const send = () =>
      operator.request({
        method: 'POST',
        url: '/api/v1/payments',
        body: { serviceCode: 'password-delivery' },
        headers: { 'idempotency-key': 'racing-key' },
      });
    const answers = await Promise.all([send(), send(), send()]);
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
    for (const a of answers.filter((x) => x.statusCode === 409)) expectProblem(a, 409, 'idempotency_in_progress');
    expect(await t.count('payments')).toBe(before + 1);
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().paymentId)).size).toBe(1);
  });

  it('runIdempotentInTransaction: a second call while the first runs waits and gets its answer; a failed first call releases the key', async () => {
    const ctx = t.server.ctx;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let runs = 0;
    const call = (fn: () => Promise<{ status: number; body: unknown }>) =>
      runIdempotentInTransaction(ctx, { userId: 1, key: 'direct-1', operation: 'test.op', request: { a: 1 } }, fn);
    const slow = call(async () => {
      runs++;
      await gate;
      return { status: 200, body: { ok: 1 } };
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = call(async () => {
      runs++;
      return { status: 200, body: {} };
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await slow).toEqual({ status: 200, body: { ok: 1 }, replayed: false });
    expect(await second).toEqual({ status: 200, body: { ok: 1 }, replayed: true });
    expect(runs).toBe(1);

    await expect(
      runIdempotentInTransaction(ctx, { userId: 1, key: 'direct-2', operation: 'test.op', request: {} }, async () => {
        throw new AppError('conflict');
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await t.query("select 1 from idempotency_keys where key = 'direct-2'")).toEqual([]);
    expect(
      await runIdempotentInTransaction(
        ctx,
        { userId: 1, key: 'direct-2', operation: 'test.op', request: {} },
        async () => ({ status: 201, body: { second: true } }),
      ),
    ).toEqual({ status: 201, body: { second: true }, replayed: false });
  });

  it('a payment without an Idempotency-Key, or with a malformed one, is refused', async () => {
    const before = await t.count('payments');
    const none = expectProblem(
      await operator.post('/api/v1/payments', { serviceCode: 'password-delivery' }),
      400,
      'idempotency_key_required',
    );
    expect(fieldErrors(none)['Idempotency-Key'].code).toBe('required');
    const bad = expectProblem(
      await operator.request({
        method: 'POST',
        url: '/api/v1/payments',
        body: { serviceCode: 'password-delivery' },
        headers: { 'idempotency-key': 'کلید فارسی' },
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(bad)['Idempotency-Key'].code).toBe('invalid_format');
    expect(await t.count('payments')).toBe(before);
  });
});

describe('bad input on payment creation', () => {
  const post = (body: unknown, client = operator) =>
    client.request({
      method: 'POST',
      url: '/api/v1/payments',
      body,
      headers: { 'idempotency-key': `bad-${++keySerial}` },
    });

  it('an unknown service, a filing service, a consent-bound service, an unknown citizen or an unknown field are field errors; nothing is written', async () => {
    const payments = await t.count('payments');
    const records = await t.count('service_records');
    expect(
      fieldErrors(expectProblem(await post({ serviceCode: 'no-such-service' }), 400, 'validation_failed')).serviceCode
        .code,
    ).toBe('unknown_service');
    expect(
      fieldErrors(expectProblem(await post({ serviceCode: 'petition' }), 400, 'validation_failed')).serviceCode.code,
    ).toBe('invalid_value');
    expect(
      fieldErrors(expectProblem(await post({ serviceCode: 'follow-up' }), 400, 'validation_failed')).serviceCode.code,
    ).toBe('invalid_value');
    expect(
      fieldErrors(
        expectProblem(await post({ serviceCode: 'password-delivery', citizenId: 999_999 }), 400, 'validation_failed'),
      ).citizenId.code,
    ).toBe('invalid_value');
    expect(
      fieldErrors(
        expectProblem(await post({ serviceCode: 'password-delivery', amountRials: 1 }), 400, 'validation_failed'),
      ).amountRials.code,
    ).toBe('unknown_field');
    expect(fieldErrors(expectProblem(await post({}), 400, 'validation_failed')).serviceCode.code).toBe('required');
    expect(await t.count('payments')).toBe(payments);
    expect(await t.count('service_records')).toBe(records);
  });

  it('only office staff charge office services: citizens, court staff and oversight are refused', async () => {
    for (const client of [citizen1, clerk, regulator, inspectorTehran])
      expectProblem(await post({ serviceCode: 'password-delivery' }, client), 403, 'forbidden');
    expectProblem(
      await t.inject({
        method: 'POST',
        url: '/api/v1/payments',
        payload: JSON.stringify({ serviceCode: 'password-delivery' }),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'anon' },
      }),
      401,
      'unauthenticated',
    );
  });
});

describe('who may start a payment (startPayment, the contract the filings and counter areas call)', () => {
  const citizen: Actor = {
    userId: 900_001,
    kind: 'citizen',
    displayName: 'c',
    username: null,
    mobile: null,
    citizenId: 1,
    grants: [{ role: 'citizen', scope: { kind: 'own' } }],
  };
  const operatorOf1: Actor = {
    userId: 900_002,
    kind: 'staff',
    displayName: 'o',
    username: 'o',
    mobile: null,
    citizenId: null,
    grants: [{ role: 'operator', scope: { kind: 'office', officeId: 1, provinceId: 1 } }],
  };
  const input = { purpose: 'service' as const, amountRials: 75_000, lines: [], provinceId: 1, returnPath: '/x' };

  it('a citizen pays online for themself only; an operator for their own office only; nothing is written when refused', async () => {
    const before = await t.count('payments');
    await expect(
      startPayment(t.server.ctx, citizen, { ...input, officeId: null, channel: 'online', payerCitizenId: 2 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      startPayment(t.server.ctx, operatorOf1, {
        ...input,
        officeId: 4,
        provinceId: 3,
        channel: 'office',
        payerCitizenId: 1,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      startPayment(t.server.ctx, operatorOf1, {
        ...input,
        amountRials: 0,
        officeId: 1,
        channel: 'office',
        payerCitizenId: 1,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      startPayment(t.server.ctx, operatorOf1, {
        ...input,
        amountRials: 10.5,
        officeId: 1,
        channel: 'office',
        payerCitizenId: 1,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await t.count('payments')).toBe(before);
    const own = await startPayment(t.server.ctx, citizen, {
      ...input,
      officeId: null,
      channel: 'online',
      payerCitizenId: 1,
      returnPath: '//evil.example/x',
    });
    expect(hasValidCheckDigit(own.receiptNumber)).toBe(true);
    const view = (await citizen1.get(`/api/v1/payments/${own.paymentId}`)).json();
    expect(view).toMatchObject({ office: null, channel: 'online', returnPath: null, status: 'pending' });
    expect(view.payUrl).toBe(own.redirectUrl);
  });
});

describe('who may see a payment', () => {
  let office1Payment: Started;
  beforeAll(async () => {
    office1Payment = await startServicePayment(operator, { serviceCode: 'password-delivery', citizenId: 1 });
  });

  it("the payer citizen, the office's staff and oversight over its province may read it; others may not", async () => {
    const url = `/api/v1/payments/${office1Payment.paymentId}`;
    for (const client of [citizen1, operator, manager1, regulator, inspectorTehran]) {
      const res = await client.get(url);
      expect(res.statusCode, `${client.label} ${res.body}`).toBe(200);
    }
    for (const client of [citizen2, manager2, isfahanOperator, associationIsfahan, clerk])
      expectProblem(await client.get(url), 404, 'not_found');
    expectProblem(await t.inject({ method: 'GET', url }), 401, 'unauthenticated');
    expectProblem(await operator.get('/api/v1/payments/99999999'), 404, 'not_found');
    expectProblem(await operator.get('/api/v1/payments/abc'), 400, 'validation_failed');
    for (const client of [citizen2, manager2, isfahanOperator])
      expectProblem(await client.get(`${url}/receipt`), 404, 'not_found');
  });

  it("the payments list shows a manager only their office's payments; operators and citizens have no list", async () => {
    const mine = (await manager1.get('/api/v1/payments?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p: { office: { id: number } | null }) => p.office?.id === 1)).toBe(true);
    expect(mine.items.some((p: { id: number }) => p.id === office1Payment.paymentId)).toBe(true);
    const other = (await manager2.get('/api/v1/payments?pageSize=200')).json();
    expect(other.items.some((p: { id: number }) => p.id === office1Payment.paymentId)).toBe(false);
    const isfahan = (await associationIsfahan.get('/api/v1/payments?pageSize=200')).json();
    expect(isfahan.items.every((p: { office: { id: number } | null }) => p.office?.id !== 1)).toBe(true);
    expect(
      (await regulator.get('/api/v1/payments?status=paid'))
        .json()
        .items.every((p: { status: string }) => p.status === 'paid'),
    ).toBe(true);
    for (const client of [operator, citizen1, clerk])
      expectProblem(await client.get('/api/v1/payments'), 403, 'forbidden');
    expectProblem(await manager1.get('/api/v1/payments?status=lost'), 400, 'validation_failed');
    expectProblem(await manager1.get('/api/v1/payments?from=1403-13-40'), 400, 'validation_failed');
  });
});

describe('receipts', () => {
  let paid: Started;
  beforeAll(async () => {
    paid = await startServicePayment();
    const { fields } = await atBank(paid, 'pay');
    await callback(fields);
  });

  it('the HTML receipt is Persian, right to left, in Vazirmatn, with the Jalali date, Persian digits, «ریال» and the numbered receipt', async () => {
    const res = await operator.get(`/api/v1/payments/${paid.paymentId}/receipt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toMatch(/@font-face\{font-family:Vazirmatn;[^}]*src:url\(data:font\/woff2;base64,/);
    const number = /data-testid="receipt-number">([^<]+)</.exec(html)![1];
    expect(toLatinDigits(number).replace(/\s/g, '')).toBe(paid.receiptNumber);
    expect(number).toMatch(/^[۰-۹ ]+$/);
    expect(html).toMatch(/data-testid="receipt-total">[۰-۹٬]+ ریال</);
    expect(html).toContain('پرداخت‌شده');
    expect(/data-testid="receipt-date">([^<]+)</.exec(html)![1]).toMatch(/[۰-۹]{4}.*تهران/);
    expect(html).toContain('دفتر خدمات الکترونیک قضایی');
  });

  it('the PDF receipt is a PDF printed from that page, holding the receipt number', async () => {
    const res = await operator.get(`/api/v1/payments/${paid.paymentId}/receipt.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    let text: string | null = null;
    const file = path.join(os.tmpdir(), `daftar-receipt-${process.pid}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    try {
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    } catch {
      text = null; // poppler-utils not installed: the %PDF check above stands alone
    } finally {
      fs.rmSync(file, { force: true });
    }
    if (text != null) {
      const digitsOnly = toLatinDigits(text).replace(/[^\d\n]/g, '');
      expect(
        digitsOnly.includes(paid.receiptNumber) || digitsOnly.includes([...paid.receiptNumber].reverse().join('')),
      ).toBe(true);
    }
  }, 60_000);

  it('without Chromium the PDF answers 503 pdf_unavailable pointing at the HTML view', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const body = expectProblem(
        await operator.get(`/api/v1/payments/${paid.paymentId}/receipt.pdf`),
        503,
        'pdf_unavailable',
      );
      expect(body.html).toBe(`/api/v1/payments/${paid.paymentId}/receipt`);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
