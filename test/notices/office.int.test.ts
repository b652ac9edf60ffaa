/**
 * Opening a notice at an office on the citizen's behalf: only with the citizen's consent for
 * `notice-page` at this office; it records delivery through the office, the notice-page service at
 * the tariff in force (75,000 Rials in 1403) and a payment for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let isfahanOperator: Client;
let judge: Client;
let citizen: Client;
let noticeId: number;
let operatorId: number;

async function consent(officeId: number, purpose = 'notice-page', minutes = 10, citizenId = 1) {
  const [row] = await t.query<{ id: number }>(
    `insert into consents (citizen_id, office_id, operator_user_id, purpose, expires_at) values ($1, $2, $3, $4, $6::timestamptz + ($5 || ' minutes')::interval) returning id::int as id`,
    [citizenId, officeId, operatorId, purpose, String(minutes), t.now()],
  );
  return row.id;
}

beforeAll(async () => {
  t = await startTestServer();
  [operator, isfahanOperator, judge] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('operator.13001'),
    t.signInStaff('judge.tehran'),
  ]);
  citizen = await t.signInCitizen('09120000001');
  [{ id: operatorId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'operator.11001'",
  );
  const [kase] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('O-1', 1, 2, 1, 'مطالبه', 1) returning id::int as id",
  );
  await t.query(
    "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', 1, 'امیر تهرانی'), ($1, 'claimant', 2, 'نازنین اصفهانی')",
    [kase.id],
  );
  const issued = await judge.post(`/api/v1/court/cases/${kase.id}/notices`, {
    kind: 'decision',
    title: 'دادنامه',
    body: 'متن کامل رأی دادگاه در این پرونده.',
  });
  expect(issued.statusCode, issued.body).toBe(201);
  noticeId = issued.json().id;
});
afterAll(async () => {
  await t?.stop();
});

/** A notice of its own case for citizen 1 (Tehran), not yet delivered. */
async function undeliveredNotice(): Promise<number> {
  const [{ id }] = await t.query<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by)
      values ((select id from cases where case_number = 'O-1'), 1, 1, 'order', 'اخطاریه', 'متن اخطاریه', 1) returning id::int as id`,
  );
  await t.query('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, 1, 1)', [id]);
  return id;
}

const snapshot = async () => ({
  services: await t.count('service_records'),
  payments: await t.count('payments'),
  audit: await t.count('audit_events'),
  delivered: (
    await t.query<{ n: number }>('select count(*)::int as n from notice_deliveries where delivered_at is not null')
  )[0].n,
});

describe("without the citizen's consent nothing is shown or recorded", () => {
  it("no consent, a consent for another purpose, an expired one or another office's: 403 consent_required", async () => {
    const before = await snapshot();
    const followUp = await consent(1, 'follow-up');
    const expired = await consent(1, 'notice-page', -1);
    const otherOffice = await consent(2);
    for (const consentId of [999_999, followUp, expired, otherOffice]) {
      expectProblem(
        await operator.get(`/api/v1/counter/notices?citizenId=1&consentId=${consentId}`),
        403,
        'consent_required',
      );
      expectProblem(
        await operator.post(`/api/v1/counter/notices/${noticeId}/open`, { citizenId: 1, consentId }),
        403,
        'consent_required',
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an operator of another office cannot use this office's consent", async () => {
    const consentId = await consent(1);
    const before = await snapshot();
    expectProblem(
      await isfahanOperator.post(`/api/v1/counter/notices/${noticeId}/open`, { citizenId: 1, consentId }),
      403,
      'consent_required',
    );
    expect(await snapshot()).toEqual(before);
  });

  it("a consent given by one citizen does not open another citizen's notices", async () => {
    const consentId = await consent(1);
    expectProblem(
      await operator.get(`/api/v1/counter/notices?citizenId=2&consentId=${consentId}`),
      403,
      'consent_required',
    );
  });

  it('citizens and court staff may not use the office endpoints', async () => {
    expectProblem(
      await citizen.post(`/api/v1/counter/notices/${noticeId}/open`, { citizenId: 1, consentId: 1 }),
      403,
      'forbidden',
    );
    expectProblem(await judge.get('/api/v1/counter/notices?citizenId=1&consentId=1'), 403, 'forbidden');
  });
});

describe('with consent', () => {
  it("lists the citizen's notices, undelivered", async () => {
    const consentId = await consent(1);
    const res = await operator.get(`/api/v1/counter/notices?citizenId=1&consentId=${consentId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.find((n: { id: number }) => n.id === noticeId)).toMatchObject({ delivered: false });
  });

  it('opening records delivery through the office, the notice-page service at 75,000 Rials and a payment for it', async () => {
    const consentId = await consent(1);
    const before = await snapshot();
    const res = await operator.post(
      `/api/v1/counter/notices/${noticeId}/open`,
      { citizenId: 1, consentId },
      { 'idempotency-key': 'open-notice-1' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.notice).toMatchObject({ id: noticeId, delivered: true, deliveredChannel: 'office' });
    expect(body.notice.body).toContain('رأی دادگاه');
    expect(body.notice.deadline.days).toBe(20);
    expect(body.amountRials).toBe(75_000);
    expect(body.payment.receiptNumber).toMatch(/^\d+$/);
    const [delivery] = await t.query<{ delivered_channel: string; delivered_office_id: number; delivered_by: number }>(
      'select delivered_channel, delivered_office_id, delivered_by::int from notice_deliveries where notice_id = $1 and citizen_id = 1',
      [noticeId],
    );
    expect(delivery).toEqual({ delivered_channel: 'office', delivered_office_id: 1, delivered_by: operatorId });
    const [service] = await t.query<{
      service_code: string;
      amount_rials: number;
      office_id: number;
      channel: string;
      schedule_id: number | null;
      citizen_id: number;
    }>(
      'select service_code, amount_rials::int, office_id, channel, schedule_id, citizen_id::int from service_records where id = $1',
      [body.serviceRecordId],
    );
    expect(service).toMatchObject({
      service_code: 'notice-page',
      amount_rials: 75_000,
      office_id: 1,
      channel: 'office',
      citizen_id: 1,
    });
    expect(service.schedule_id).not.toBeNull();
    const [payment] = await t.query<{
      purpose: string;
      amount_rials: number;
      status: string;
      service_record_id: number;
    }>('select purpose, amount_rials::int, status, service_record_id::int from payments where id = $1', [
      body.payment.paymentId,
    ]);
    expect(payment).toEqual({
      purpose: 'service',
      amount_rials: 75_000,
      status: 'pending',
      service_record_id: body.serviceRecordId,
    });
    const after = await snapshot();
    expect(after.services - before.services).toBe(1);
    expect(after.payments - before.payments).toBe(1);
    expect(after.delivered - before.delivered).toBe(1);
    // The other party's copy is still undelivered.
    const [other] = await t.query<{ delivered_at: Date | null }>(
      'select delivered_at from notice_deliveries where notice_id = $1 and citizen_id = 2',
      [noticeId],
    );
    expect(other.delivered_at).toBeNull();

    // A retry with the same key gets the same answer and charges nothing more.
    const again = await operator.post(
      `/api/v1/counter/notices/${noticeId}/open`,
      { citizenId: 1, consentId },
      { 'idempotency-key': 'open-notice-1' },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().serviceRecordId).toBe(body.serviceRecordId);
    expect((await snapshot()).services).toBe(after.services);
  });

  it('the same key sent twice in parallel opens the notice once and charges once; both answers are equal', async () => {
    const fresh = await undeliveredNotice();
    const consentId = await consent(1);
    const before = await snapshot();
    const open = () =>
      operator.post(
        `/api/v1/counter/notices/${fresh}/open`,
        { citizenId: 1, consentId },
        { 'idempotency-key': `parallel-${fresh}` },
      );
    const [a, b] = await Promise.all([open(), open()]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toEqual(a.json());
    const after = await snapshot();
    expect(after.services - before.services).toBe(1);
    expect(after.payments - before.payments).toBe(1);
    expect(after.delivered - before.delivered).toBe(1);
  });

  it('a failure inside the work leaves no delivery, no charge and no claimed key; the retry with that key opens once', async () => {
    const fresh = await undeliveredNotice();
    const consentId = await consent(1);
    const before = await snapshot();
    const key = `fails-${fresh}`;
    const open = () =>
      operator.post(`/api/v1/counter/notices/${fresh}/open`, { citizenId: 1, consentId }, { 'idempotency-key': key });
    await t.query(
      `create function fail_insert() returns trigger language plpgsql as $$ begin raise exception 'the work failed here'; end $$`,
    );
    await t.query('create trigger fail_insert before insert on payments for each row execute function fail_insert()');
    let failed: Awaited<ReturnType<typeof open>>;
    try {
      failed = await open();
    } finally {
      await t.query('drop trigger fail_insert on payments');
      await t.query('drop function fail_insert()');
    }
    expect(failed.statusCode).toBe(500);
    expect(await t.query('select 1 from idempotency_keys where key = $1', [key])).toEqual([]);
    expect(await snapshot()).toEqual(before);

    const retried = await open();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().notice).toMatchObject({ id: fresh, delivered: true, deliveredChannel: 'office' });
    const after = await snapshot();
    expect(after.services - before.services).toBe(1);
    expect(after.payments - before.payments).toBe(1);
  });

  it('the citizen then sees the notice delivered at the office, with the same deadline', async () => {
    const res = await citizen.get('/api/v1/me/notices');
    const item = res.json().items.find((n: { id: number }) => n.id === noticeId);
    expect(item).toMatchObject({ delivered: true, deliveredChannel: 'office' });
    expect(item.deadline.days).toBe(20);
  });

  it("a notice that is not the consenting citizen's is not found, and nothing is charged", async () => {
    const consentId = await consent(1);
    const [{ id: foreign }] = await t.query<{
      id: number;
    }>(`insert into notices (case_id, court_id, province_id, kind, title, body, issued_by)
      values ((select id from cases where case_number = 'O-1'), 1, 1, 'order', 'دیگر', 'متن ابلاغیهٔ دیگر', 1) returning id::int as id`);
    await t.query('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, 2, 3)', [foreign]);
    const before = await snapshot();
    expectProblem(
      await operator.post(`/api/v1/counter/notices/${foreign}/open`, { citizenId: 1, consentId }),
      404,
      'not_found',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('bad bodies are refused on their fields', async () => {
    expectProblem(
      await operator.post(`/api/v1/counter/notices/${noticeId}/open`, { citizenId: 'x', consentId: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await operator.post(`/api/v1/counter/notices/${noticeId}/open`, { citizenId: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(await operator.get('/api/v1/counter/notices?citizenId=1'), 400, 'validation_failed');
  });
});
