/**
 * The applicant's SMS about their filing, through the HTTP API and read from the outbox table:
 * one message when the filing becomes paid, is submitted to court, is accepted or is returned,
 * to the applicant's mobile, naming the service and (once it exists) the tracking code; a returned
 * filing's message sends the citizen to their account for the reasons. The message is written in
 * the transaction of the status change: a replayed submission and a refused one send nothing, and
 * an applicant without a usable mobile gets nothing while the filing moves on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import type { CourtGateway } from '#server/platform/ports/court-gateway';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

/** The seeded applicants: Amir Tehrani (citizen 1) and Saeed Shirazi (citizen 3). */
const AMIR = { id: 1, nationalId: '0499370899', mobile: '09120000001' };
const SAEED = { id: 3, nationalId: '2280000016' };

let refuseNext = false;
/** A court that takes filings like the embedded court desk, and refuses one when told to. */
const court: CourtGateway = {
  name: 'test-court',
  async submit() {
    if (refuseNext) {
      refuseNext = false;
      throw new Error('the court is unreachable');
    }
  },
};

let t: TestServer;
let operator: Client; // office 1 (Tehran)
let clerk: Client; // Tehran's general court (court 1)

type Sms = { id: number; recipient: string; body: string; template: string; channel: string; status: string };

const persian = (digits: string) => digits.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

/** Every filing SMS written since `afterId`, oldest first. */
const filingSms = (afterId: number) =>
  t.query<Sms>(
    "select id::int as id, recipient, body, template, channel, status from notifier_outbox where template like 'filings.%' and id > $1 order by id",
    [afterId],
  );

const lastOutboxId = async () =>
  (await t.query<{ id: number }>('select coalesce(max(id), 0)::int as id from notifier_outbox'))[0].id;

async function confirmedFiling(applicantNationalId: string): Promise<{ id: number; totalRials: number }> {
  const created = await operator.post('/api/v1/filings', {
    service: 'petition',
    applicantNationalId,
    parties: [
      { kind: 'citizen', role: 'claimant', nationalId: applicantNationalId, address: 'تهران، خیابان ولیعصر' },
      { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱' },
    ],
    courtId: 1,
    branch: 3,
    subject: 'مطالبهٔ وجه چک',
    facts: 'خوانده وجه چک را نپرداخته است.',
    claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const confirmed = await operator.post(`/api/v1/filings/${id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { id, totalRials: confirmed.json().quote.totalRials as number };
}

let paymentId = 870_000;
/** What the payments area does when the bank confirms: the credit handler in the crediting transaction. */
async function credit(filingId: number, amountRials: number) {
  paymentId += 1;
  await t.server.ctx.db.transaction((tx) =>
    t.server.ctx.ports.onPaymentCredited.filing(tx, {
      id: paymentId,
      purpose: 'filing',
      filingId,
      serviceRecordId: null,
      amountRials,
      receiptNumber: `SMS${paymentId}`,
      createdBy: 1,
      paidAt: t.now(),
    }),
  );
}

const submit = (id: number, key: string) =>
  operator.request({ method: 'POST', url: `/api/v1/filings/${id}/submit`, headers: { 'idempotency-key': key } });

async function submitted(applicantNationalId: string): Promise<{ id: number; trackingCode: string }> {
  const f = await confirmedFiling(applicantNationalId);
  await credit(f.id, f.totalRials);
  const res = await submit(f.id, `sms-${f.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return { id: f.id, trackingCode: res.json().trackingCode as string };
}

const statusOf = async (id: number) =>
  (await t.query<{ status: string }>('select status from filings where id = $1', [id]))[0].status;

beforeAll(async () => {
  t = await startTestServer({ ports: { court } });
  [operator, clerk] = await Promise.all([t.signInStaff('operator.11001'), t.signInStaff('clerk.tehran')]);
});

afterAll(async () => {
  await t?.stop();
});

describe("the applicant's SMS about their filing", () => {
  it('one SMS when the filing becomes paid (none for a part payment), without a tracking code yet', async () => {
    const f = await confirmedFiling(AMIR.nationalId);
    const before = await lastOutboxId();
    await credit(f.id, 1_000);
    expect(await statusOf(f.id)).toBe('confirmed');
    expect(await filingSms(before)).toEqual([]);

    await credit(f.id, f.totalRials - 1_000);
    expect(await statusOf(f.id)).toBe('paid');
    const sms = await filingSms(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'sms', recipient: AMIR.mobile, template: 'filings.paid' });
    expect(sms[0].body).toBe('دفتر: هزینهٔ «ثبت دادخواست» شما پرداخت شد.');
  });

  it('a filing paid at the bank sends its SMS at once (not left to the outbox sweep), and a replayed callback sends no other', async () => {
    const f = await confirmedFiling(AMIR.nationalId);
    const started = await operator.post(`/api/v1/filings/${f.id}/payment`);
    expect(started.statusCode, started.body).toBe(201);
    const form = (fields: Record<string, string>) => ({
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const { pan, cvv2, expMonth, expYear, pin } = SANDBOX_TEST_CARD;
    const bank = await t.inject({
      method: 'POST',
      url: started.json().redirectUrl,
      ...form({ pan, cvv2, expMonth, expYear, pin, action: 'pay' }),
    });
    const fields = Object.fromEntries(
      [...bank.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const before = await lastOutboxId();
    const callback = () => t.inject({ method: 'POST', url: '/api/v1/payments/callback/sandbox', ...form(fields) });
    expect((await callback()).statusCode).toBe(303);
    expect((await callback()).statusCode).toBe(303);
    expect(await statusOf(f.id)).toBe('paid');
    const sms = await filingSms(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ recipient: AMIR.mobile, template: 'filings.paid' });
    // Handed to delivery after commit: sent within seconds, where the sweep would wait five minutes.
    const deadline = Date.now() + 10_000;
    while ((await filingSms(before))[0].status !== 'sent' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect((await filingSms(before))[0].status).toBe('sent');
  });

  it('one SMS on submission to court with the tracking code, and none when the same request is replayed', async () => {
    const f = await confirmedFiling(AMIR.nationalId);
    await credit(f.id, f.totalRials);
    const before = await lastOutboxId();

    const first = await submit(f.id, `replay-${f.id}`);
    expect(first.statusCode, first.body).toBe(200);
    const code = first.json().trackingCode as string;
    expect(code).toMatch(/^\d{15}$/);
    const again = await submit(f.id, `replay-${f.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().trackingCode).toBe(code);

    const sms = await filingSms(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ recipient: AMIR.mobile, template: 'filings.submitted' });
    expect(sms[0].body).toBe(`دفتر: «ثبت دادخواست» شما به دادگاه فرستاده شد. کد رهگیری: ${persian(code)} (${code})`);
  });

  it('a submission the court refuses is rolled back with its SMS', async () => {
    const f = await confirmedFiling(AMIR.nationalId);
    await credit(f.id, f.totalRials);
    const before = await lastOutboxId();
    refuseNext = true;
    const refused = await submit(f.id, `refused-${f.id}`);
    expect(refused.statusCode).toBeGreaterThanOrEqual(500);
    expect(await statusOf(f.id)).toBe('paid');
    expect(await filingSms(before)).toEqual([]);
  });

  it('one SMS when the court accepts the filing, naming the service and the tracking code', async () => {
    const f = await submitted(AMIR.nationalId);
    const before = await lastOutboxId();
    const res = await clerk.post(`/api/v1/court/filings/${f.id}/accept`, { branch: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const sms = await filingSms(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ recipient: AMIR.mobile, template: 'filings.accepted' });
    expect(sms[0].body).toBe(
      `دفتر: «ثبت دادخواست» شما در دادگاه پذیرفته شد. کد رهگیری: ${persian(f.trackingCode)} (${f.trackingCode})`,
    );
    // The outbox page lists it whole to the regulator and to the filing's province's association (only codes are masked).
    for (const reader of ['regulator', 'association.tehran']) {
      const client = await t.signInStaff(reader);
      const page = (await client.get('/api/v1/notifier/outbox?pageSize=200')).json();
      expect(page.items.find((m: { id: number }) => m.id === sms[0].id)?.body, reader).toBe(sms[0].body);
    }
  });

  it('one SMS when the court returns the filing, pointing to the account for the reasons (not in the SMS)', async () => {
    const f = await submitted(AMIR.nationalId);
    const before = await lastOutboxId();
    const res = await clerk.post(`/api/v1/court/filings/${f.id}/return`, { reasons: 'نقص مدارک پیوست' });
    expect(res.statusCode, res.body).toBe(200);
    const sms = await filingSms(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ recipient: AMIR.mobile, template: 'filings.returned' });
    expect(sms[0].body).toBe(
      `دفتر: «ثبت دادخواست» شما از دادگاه بازگردانده شد. کد رهگیری: ${persian(f.trackingCode)} (${f.trackingCode}) دلیل بازگرداندن را در حساب کاربری خود ببینید.`,
    );
    expect(sms[0].body).not.toContain('نقص مدارک');
  });

  it('an applicant without a mobile gets no SMS, and the filing is paid, submitted and decided all the same', async () => {
    await t.query("update citizens set mobile = '' where id = $1", [SAEED.id]);
    const before = await lastOutboxId();
    const accepted = await submitted(SAEED.nationalId);
    expect((await clerk.post(`/api/v1/court/filings/${accepted.id}/accept`, { branch: 1 })).statusCode).toBe(201);
    const returned = await submitted(SAEED.nationalId);
    expect(
      (await clerk.post(`/api/v1/court/filings/${returned.id}/return`, { reasons: 'نقص مدارک پیوست' })).statusCode,
    ).toBe(200);
    expect(await statusOf(accepted.id)).toBe('accepted');
    expect(await statusOf(returned.id)).toBe('returned');
    expect(await filingSms(before)).toEqual([]);
  });
});
