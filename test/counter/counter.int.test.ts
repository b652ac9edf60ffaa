/**
 * The counter: queue tickets numbered per office per Tehran day, consent by one-time code, the
 * consented status lookup charged from the tariff and paid through the sandbox, today's work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { SANDBOX_TEST_CARD, decideAtBank } from '#server/modules/payments/sandbox-gateway';
import { nationalId } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let manager: Client;
let otherOffice: Client;
beforeAll(async () => {
  t = await startTestServer();
  operator = await t.signInStaff('operator.11001');
  manager = await t.signInStaff('manager.11001');
  otherOffice = await t.signInStaff('manager.11002');
});
afterAll(async () => {
  await t?.stop();
});

async function consentCode(mobileNumber: string): Promise<string> {
  const [row] = await t.query<{ body: string }>(
    "select body from notifier_outbox where recipient = $1 and template = 'otp.consent' order by id desc limit 1",
    [mobileNumber],
  );
  const code = /\((\d{6})\)/.exec(row?.body ?? '')?.[1];
  if (!code) throw new Error(`no consent code sent to ${mobileNumber}`);
  return code;
}

/** A consent of citizen 1 (Amir, 09120000001) at office 11001 for a purpose. */
async function consentFor(
  purpose: string,
  client = operator,
  citizenNationalId = '0499370899',
  mobileNumber = '09120000001',
) {
  // Codes for one purpose at one office may be asked for once a minute: make room, as time would.
  await t.query("update otp_challenges set created_at = $2::timestamptz - interval '2 minutes' where mobile = $1", [
    mobileNumber,
    t.now(),
  ]);
  const asked = await client.post('/api/v1/counter/consents', { nationalId: citizenNationalId, purpose });
  expect(asked.statusCode, asked.body).toBe(202);
  const confirmed = await client.post('/api/v1/counter/consents/confirm', {
    nationalId: citizenNationalId,
    purpose,
    code: await consentCode(mobileNumber),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  return confirmed.json() as { id: number; citizenId: number; expiresAt: string };
}

describe('queue tickets', () => {
  it('are numbered from 1 per office per Tehran day, and concurrent issues never share a number', async () => {
    const first = await operator.post('/api/v1/counter/tickets');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().ticket).toMatchObject({ number: 1, status: 'waiting', officeId: 1 });
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? operator : manager).post('/api/v1/counter/tickets')),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(burst.map((r) => r.json().ticket.number).sort((a: number, b: number) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    // Another office has its own numbering.
    expect((await otherOffice.post('/api/v1/counter/tickets')).json().ticket.number).toBe(1);
    // Yesterday's tickets do not count towards today's numbers.
    await t.query('insert into queue_tickets (office_id, day, number) values (3, $1::date - 1, 57)', [t.today()]);
    const manager3 = await t.signInStaff('regulator');
    expectProblem(await manager3.post('/api/v1/counter/tickets'), 403, 'forbidden');
  });

  it('call next takes the lowest waiting number; served and cancelled tickets leave the queue', async () => {
    const list = (await operator.get('/api/v1/counter/tickets')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(9);
    const next = await operator.post('/api/v1/counter/tickets/next');
    expect(next.json().ticket).toMatchObject({ number: 1, status: 'serving' });
    const served = await operator.post(`/api/v1/counter/tickets/${next.json().ticket.id}/serve`, { citizenId: 1 });
    expect(served.json().ticket).toMatchObject({ status: 'done', citizenId: 1 });
    expect(served.json().ticket.doneAt).not.toBeNull();
    expectProblem(
      await operator.post(`/api/v1/counter/tickets/${next.json().ticket.id}/serve`, {}),
      409,
      'ticket_status_conflict',
    );
    expectProblem(
      await operator.post(`/api/v1/counter/tickets/${next.json().ticket.id}/call`),
      409,
      'ticket_status_conflict',
    );
    const second = list.items.find((i: { number: number }) => i.number === 2);
    expect((await manager.post(`/api/v1/counter/tickets/${second.id}/cancel`)).json().ticket.status).toBe('cancelled');
    expect((await operator.post('/api/v1/counter/tickets/next')).json().ticket.number).toBe(3);
    const fifth = list.items.find((i: { number: number }) => i.number === 5);
    expect((await operator.post(`/api/v1/counter/tickets/${fifth.id}/call`)).json().ticket.status).toBe('serving');
  });

  it('an empty queue answers with no ticket', async () => {
    const office2 = (await otherOffice.post('/api/v1/counter/tickets/next')).json();
    expect(office2.ticket.number).toBe(1);
    expect((await otherOffice.post('/api/v1/counter/tickets/next')).json()).toEqual({ ticket: null });
  });

  it("acting on another office's ticket is refused with 403 and changes nothing; an unknown ticket is 404", async () => {
    const mine = (await operator.post('/api/v1/counter/tickets')).json().ticket;
    for (const move of ['call', 'serve', 'cancel']) {
      expectProblem(
        await otherOffice.post(`/api/v1/counter/tickets/${mine.id}/${move}`, move === 'serve' ? {} : undefined),
        403,
        'forbidden',
      );
    }
    const [row] = await t.query<{ status: string }>('select status from queue_tickets where id = $1', [mine.id]);
    expect(row.status).toBe('waiting');
    expect(
      (await otherOffice.get('/api/v1/counter/tickets')).json().items.map((i: { officeId: number }) => i.officeId),
    ).not.toContain(1);
    expectProblem(await operator.post('/api/v1/counter/tickets/999999/call'), 404, 'not_found');
  });

  it('only office operators and managers use the counter', async () => {
    expectProblem(await t.anonymous().post('/api/v1/counter/tickets'), 401, 'unauthenticated');
    for (const who of ['clerk.tehran', 'inspector.tehran', 'association.tehran', 'consultant.11001']) {
      const client = await t.signInStaff(who);
      expectProblem(await client.post('/api/v1/counter/tickets'), 403, 'forbidden');
      expectProblem(await client.get('/api/v1/counter/today'), 403, 'forbidden');
      expectProblem(
        await client.post('/api/v1/counter/consents', { nationalId: '0499370899', purpose: 'follow-up' }),
        403,
        'forbidden',
      );
    }
    const citizen = await t.signInCitizen('09130000002');
    expectProblem(await citizen.get('/api/v1/counter/tickets'), 403, 'forbidden');
    expectProblem(
      await citizen.post('/api/v1/counter/status-lookups', { consentId: 1, citizenId: 2 }),
      403,
      'forbidden',
    );
  });
});

describe('consent and the status lookup', () => {
  it('without a consent the status lookup is refused with 403 consent_required', async () => {
    expectProblem(
      await operator.post('/api/v1/counter/status-lookups', { consentId: 999_999, citizenId: 1 }),
      403,
      'consent_required',
    );
  });

  it('the citizen receives a code on their own mobile; a wrong code is refused; the right one gives a 30-minute consent', async () => {
    await t.query(
      "update otp_challenges set created_at = $1::timestamptz - interval '2 minutes' where mobile = '09120000001'",
      [t.now()],
    );
    const asked = await operator.post('/api/v1/counter/consents', { nationalId: '0499370899', purpose: 'case-report' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({
      sentTo: '0912***0001',
      purpose: 'case-report',
      citizen: { id: 1, firstName: 'امیر' },
    });
    expect(asked.body).not.toContain('09120000001');
    const code = await consentCode('09120000001');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const before = await t.count('consents');
    const problem = expectProblem(
      await operator.post('/api/v1/counter/consents/confirm', {
        nationalId: '0499370899',
        purpose: 'case-report',
        code: wrong,
      }),
      400,
      'invalid_consent_code',
    );
    expect(fieldErrors(problem).code).toBeDefined();
    // A code given for one purpose does not consent to another.
    expectProblem(
      await operator.post('/api/v1/counter/consents/confirm', { nationalId: '0499370899', purpose: 'follow-up', code }),
      400,
      'invalid_consent_code',
    );
    // Nor at another office.
    expectProblem(
      await otherOffice.post('/api/v1/counter/consents/confirm', {
        nationalId: '0499370899',
        purpose: 'case-report',
        code,
      }),
      400,
      'invalid_consent_code',
    );
    expect(await t.count('consents')).toBe(before);
    const ok = await operator.post('/api/v1/counter/consents/confirm', {
      nationalId: '0499370899',
      purpose: 'case-report',
      code,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const minutes = (new Date(ok.json().expiresAt).getTime() - t.now().getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    // The code is spent.
    expectProblem(
      await operator.post('/api/v1/counter/consents/confirm', {
        nationalId: '0499370899',
        purpose: 'case-report',
        code,
      }),
      400,
      'invalid_consent_code',
    );
  });

  it('bad consent requests: invalid national ID or purpose, a citizen without an e-account', async () => {
    const fields = fieldErrors(
      expectProblem(
        await operator.post('/api/v1/counter/consents', { nationalId: '0499370898', purpose: 'gossip' }),
        400,
        'validation_failed',
      ),
    );
    expect(fields.nationalId.code).toBe('invalid_national_id');
    expect(fields.purpose).toBeDefined();
    expectProblem(
      await operator.post('/api/v1/counter/consents', { nationalId: nationalId(), purpose: 'follow-up' }),
      404,
      'eaccount_not_found',
    );
  });

  it('a follow-up lookup with consent shows the status, records the service at the tariff and starts a payment — once per consent', async () => {
    const consent = await consentFor('follow-up');
    const res = await operator.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.overview).toHaveProperty('filings');
    expect(body.overview).toHaveProperty('notices');
    expect(body.amountRials).toBe(75_000);
    expect(hasValidCheckDigit(body.payment.receiptNumber)).toBe(true);
    const [record] = await t.query<{
      service_code: string;
      office_id: number;
      amount_rials: string;
      payment_id: string | null;
    }>('select service_code, office_id, amount_rials, payment_id from service_records where id = $1', [
      body.serviceRecordId,
    ]);
    expect(record).toMatchObject({ service_code: 'follow-up', office_id: 1, payment_id: null });
    expect(Number(record.amount_rials)).toBe(75_000);

    const again = await operator.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 1 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ serviceRecordId: body.serviceRecordId, payment: null });
    expect(
      (await t.query("select id from service_records where service_code = 'follow-up' and citizen_id is not null"))
        .length,
    ).toBe(1);

    // Paying in the sandbox links the payment to the service record.
    const [payment] = await t.query<{ gateway_token: string }>('select gateway_token from payments where id = $1', [
      body.payment.paymentId,
    ]);
    const decided = await decideAtBank(
      t.server.ctx.db,
      t.server.ctx.config.paymentSecret,
      payment.gateway_token,
      'pay',
      SANDBOX_TEST_CARD,
      t.now(),
    );
    if (!decided || 'error' in decided) throw new Error('the sandbox bank refused');
    const callback = await t.inject({
      method: 'POST',
      url: '/api/v1/payments/callback/sandbox',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(decided.callback as unknown as Record<string, string>).toString(),
    });
    expect(callback.statusCode, callback.body).toBe(303);
    const [linked] = await t.query<{ payment_id: string }>('select payment_id from service_records where id = $1', [
      body.serviceRecordId,
    ]);
    expect(Number(linked.payment_id)).toBe(body.payment.paymentId);

    const today = (await manager.get('/api/v1/counter/today')).json();
    expect(today.revenueRials).toBeGreaterThanOrEqual(75_000);
    expect(today.services.find((s: { code: string }) => s.code === 'follow-up')).toMatchObject({
      count: 1,
      amountRials: 75_000,
      title: { fa: 'پیگیری' },
    });
  });

  it('a lookup charged earlier whose payment never started gets its payment on the next view, and only one', async () => {
    const consent = await consentFor('case-report');
    const [record] = await t.query<{ id: number }>(
      `insert into service_records (service_code, channel, office_id, province_id, citizen_id, amount_rials, created_at)
      values ('case-report', 'office', 1, 1, 1, 75000, $1) returning id::int as id`,
      [t.now()],
    );
    await t.query('update consents set service_record_id = $1 where id = $2', [record.id, consent.id]);
    const first = await operator.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().serviceRecordId).toBe(record.id);
    expect(first.json().payment).not.toBeNull();
    const second = await operator.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 1 });
    expect(second.json().payment).toBeNull();
    expect((await t.query('select id from payments where service_record_id = $1', [record.id])).length).toBe(1);
  });

  it("a lookup names the visitor's ticket only at its own office", async () => {
    const consent = await consentFor('follow-up');
    const foreign = (await otherOffice.post('/api/v1/counter/tickets')).json().ticket;
    const problem = expectProblem(
      await operator.post('/api/v1/counter/status-lookups', {
        consentId: consent.id,
        citizenId: 1,
        ticketId: foreign.id,
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).ticketId).toBeDefined();
    const mine = (await operator.post('/api/v1/counter/tickets')).json().ticket;
    const res = await operator.post('/api/v1/counter/status-lookups', {
      consentId: consent.id,
      citizenId: 1,
      ticketId: mine.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [record] = await t.query<{ ticket_id: string }>('select ticket_id from service_records where id = $1', [
      res.json().serviceRecordId,
    ]);
    expect(Number(record.ticket_id)).toBe(mine.id);
  });

  it('a consent works only for its citizen, its office and a lookup purpose, and only until it expires', async () => {
    const consent = await consentFor('case-report');
    expectProblem(
      await otherOffice.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 1 }),
      403,
      'consent_required',
    );
    expectProblem(
      await operator.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 2 }),
      403,
      'consent_required',
    );
    const noticePage = await consentFor('notice-page');
    expectProblem(
      await operator.post('/api/v1/counter/status-lookups', { consentId: noticePage.id, citizenId: 1 }),
      403,
      'consent_required',
    );
    await t.query("update consents set expires_at = $2::timestamptz - interval '1 second' where id = $1", [
      consent.id,
      t.now(),
    ]);
    const before = await t.count('service_records');
    expectProblem(
      await operator.post('/api/v1/counter/status-lookups', { consentId: consent.id, citizenId: 1 }),
      403,
      'consent_required',
    );
    expect(await t.count('service_records')).toBe(before);
  });

  it('the consent and the lookup are in the audit log', async () => {
    const actions = (
      await t.query<{ action: string }>("select action from audit_events where action like 'counter.%'")
    ).map((a) => a.action);
    expect(actions).toContain('counter.consent');
    expect(actions).toContain('counter.status-lookup');
  });
});

describe("today's work", () => {
  it("counts the office's tickets, services with amounts, filings prepared today by status and revenue — and nothing of other offices", async () => {
    // Prepared today by the server's clock.
    await t.query(
      `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, subject, created_at)
      values ('petition', 'draft', 'office', 1, 1, 1, 1, 'امروز', $1), ('petition', 'draft', 'office', 2, 1, 1, 1, 'دفتر دیگر', $1)`,
      [t.now()],
    );
    const res = await operator.get('/api/v1/counter/today');
    expect(res.statusCode, res.body).toBe(200);
    const today = res.json();
    expect(today.officeId).toBe(1);
    expect(today.dayJalali).toMatch(/^14\d\d-\d\d-\d\d$/);
    expect(today.tickets.done).toBeGreaterThanOrEqual(1);
    expect(today.tickets.cancelled).toBeGreaterThanOrEqual(1);
    expect(today.tickets.waiting + today.tickets.serving).toBeGreaterThanOrEqual(1);
    expect(today.filings.find((f: { status: string }) => f.status === 'draft').count).toBe(1);
    expect(today.servicesTotalRials).toBe(
      today.services.reduce((s: number, x: { amountRials: number }) => s + x.amountRials, 0),
    );
    const other = (await otherOffice.get('/api/v1/counter/today')).json();
    expect(other.officeId).toBe(2);
    expect(other.revenueRials).toBe(0);
    expect(other.services).toEqual([]);
  });
});
