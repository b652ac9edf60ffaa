/**
 * An office's measured facts for a Jalali month, read from what the counter, filings, the court,
 * payments and notices recorded: the month of Farvardin 1404 (21 March – 20 April 2025, before
 * the demo's year of counter history) is laid down as records, this month (Ordibehesht 1405) is
 * worked through the counter's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let manager: Client;
let operatorId: number;
let managerId: number;

const at = (isoDay: string, hhmm: string) => `${isoDay}T${hhmm}:00+03:30`;

async function filing(officeId: number): Promise<number> {
  const [row] = await t.query<{ id: number }>(
    `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, subject)
    values ('petition', 'accepted', 'office', $1, 1, (select min(id) from citizens), $2, 'مطالبه وجه') returning id::int as id`,
    [officeId, operatorId],
  );
  return row.id;
}

async function event(filingId: number, action: string, when: string, by: number | null, extra: object = {}) {
  const to = {
    paid: 'paid',
    submitted: 'submitted',
    resubmitted: 'submitted',
    returned: 'returned',
    accepted: 'accepted',
  }[action];
  await t.query(
    `insert into filing_events (filing_id, at, actor_user_id, action, to_status, channel, office_id, data)
    values ($1, $2, $3, $4, $5, $6, 1, $7)`,
    [filingId, when, by, action, to, action === 'returned' || action === 'accepted' ? 'court' : 'office', extra],
  );
}

async function ticket(
  officeId: number,
  day: string,
  n: number,
  times: { created: string; called?: string; done?: string },
  by: number | null,
) {
  const status = times.done ? 'done' : times.called ? 'serving' : 'cancelled';
  await t.query(
    `insert into queue_tickets (office_id, day, number, status, served_by, created_at, called_at, done_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      officeId,
      day,
      n,
      status,
      by,
      at(day, times.created),
      times.called ? at(day, times.called) : null,
      times.done ? at(day, times.done) : null,
    ],
  );
}

let serial = 0;
async function payment(officeId: number, channel: 'office' | 'online', status: string, when: string, by: number) {
  serial += 1;
  await t.query(
    `insert into payments (receipt_number, purpose, amount_rials, status, gateway, gateway_token, office_id, province_id, channel, created_by, created_at, expires_at)
    values ($1, 'service', 500000, $2, 'sandbox', $1, $3, 1, $4, $5, $6, $6::timestamptz + interval '1 hour')`,
    [`Q${process.pid}${serial}`, status, officeId, channel, by, when],
  );
}

beforeAll(async () => {
  t = await startTestServer();
  [operator, manager] = await Promise.all([t.signInStaff('operator.11001'), t.signInStaff('manager.11001')]);
  const ids = await t.query<{ username: string; id: number }>(
    "select username, id::int as id from users where username in ('operator.11001', 'manager.11001')",
  );
  operatorId = ids.find((r) => r.username === 'operator.11001')!.id;
  managerId = ids.find((r) => r.username === 'manager.11001')!.id;

  // The counter in Farvardin: waits of 10 and 30 minutes, services of 15 and 8, one visitor who left.
  await ticket(1, '2025-04-05', 1, { created: '09:00', called: '09:10', done: '09:25' }, operatorId);
  await ticket(1, '2025-04-05', 2, { created: '09:02', called: '09:32', done: '09:40' }, managerId);
  await ticket(1, '2025-04-05', 3, { created: '09:05' }, null);
  // The last day of Esfand 1403 and the first of Ordibehesht 1404 are other months; office 11002 another office.
  await ticket(1, '2025-03-20', 1, { created: '09:00', called: '11:00', done: '11:30' }, operatorId);
  await ticket(1, '2025-04-21', 99, { created: '09:00', called: '11:00', done: '11:30' }, operatorId);
  await ticket(2, '2025-04-05', 1, { created: '09:00', called: '12:00', done: '12:30' }, null);

  // Filing 1: paid and submitted the same day, returned, resubmitted, accepted.
  const f1 = await filing(1);
  await event(f1, 'paid', at('2025-04-06', '10:00'), operatorId);
  await event(f1, 'submitted', at('2025-04-06', '15:00'), operatorId);
  await event(f1, 'returned', at('2025-04-08', '11:00'), null, { reasons: 'نشانی خوانده کامل نیست.' });
  await event(f1, 'resubmitted', at('2025-04-09', '10:00'), operatorId);
  await event(f1, 'accepted', at('2025-04-12', '10:00'), null);
  // Filing 2: paid one day, submitted the next by the manager, returned.
  const f2 = await filing(1);
  await event(f2, 'paid', at('2025-04-06', '12:00'), managerId);
  await event(f2, 'submitted', at('2025-04-07', '09:00'), managerId);
  await event(f2, 'returned', at('2025-04-10', '11:00'), null, { reasons: 'خواسته تقویم نشده است.' });

  // Payments started at the counter: three, one cancelled; an online one is not the office's.
  await payment(1, 'office', 'paid', at('2025-04-06', '10:00'), operatorId);
  await payment(1, 'office', 'cancelled', at('2025-04-06', '11:00'), operatorId);
  await payment(1, 'office', 'paid', at('2025-04-07', '11:00'), managerId);
  await payment(1, 'online', 'cancelled', at('2025-04-07', '12:00'), operatorId);

  // A notice opened at the office by the operator.
  const [notice] = await t.query<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
    values (1, (select min(id) from courts), 1, 'summons', 'احضاریه', 'در وقت مقرر حاضر شوید.', $1, $2) returning id::int as id`,
    [operatorId, at('2025-04-01', '09:00')],
  );
  await t.query(
    `insert into notice_deliveries (notice_id, citizen_id, province_id, delivered_at, delivered_channel, delivered_office_id, delivered_by)
    values ($1, (select min(id) from citizens), 1, $2, 'office', 1, $3)`,
    [notice.id, at('2025-04-02', '10:00'), operatorId],
  );
});
afterAll(async () => {
  await t?.stop();
});

const farvardin = {
  waiting: { count: 2, medianMinutes: 20, p90Minutes: 30 },
  service: { count: 2, medianMinutes: 12, p90Minutes: 15 },
  ticketsCancelled: { count: 3, part: 1, percent: 33.3 },
  returned: {
    count: 3,
    part: 2,
    percent: 66.7,
    reasons: [
      { reasons: 'خواسته تقویم نشده است.', count: 1 },
      { reasons: 'نشانی خوانده کامل نیست.', count: 1 },
    ],
  },
  sameDay: { count: 2, part: 1, percent: 50 },
  noticesAtOffice: { count: 1 },
  paymentsCancelled: { count: 3, part: 1, percent: 33.3 },
  feedback: { count: 0, meanSatisfaction: null, wouldReturn: { count: 0, part: 0, percent: null } },
};

describe("an office's measured facts for a month", () => {
  it('are measured from what the office recorded that month, each with its count, and split by who did the work', async () => {
    const res = await manager.get('/api/v1/quality/offices/1/facts?month=1404-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.office).toMatchObject({ id: 1, code: '11001', provinceId: 1 });
    expect(body.month).toBe('1404-01');
    expect(body.facts).toEqual(farvardin);
    expect(body.operators.map((o: { name: string }) => o.name)).toEqual(['حسین نوری', 'سارا حسینی']);
    const [mgr, op] = body.operators;
    expect(mgr.facts.waiting).toEqual({ count: 1, medianMinutes: 30, p90Minutes: 30 });
    expect(mgr.facts.returned).toMatchObject({ count: 1, part: 1, percent: 100 });
    expect(mgr.facts.sameDay).toEqual({ count: 1, part: 0, percent: 0 });
    expect(op.facts.waiting).toEqual({ count: 1, medianMinutes: 10, p90Minutes: 10 });
    // Filing 1 was returned on its submission and accepted on its resubmission, both the operator's.
    expect(op.facts.returned).toMatchObject({ count: 2, part: 1, percent: 50 });
    expect(op.facts.sameDay).toEqual({ count: 1, part: 1, percent: 100 });
    expect(op.facts.noticesAtOffice).toEqual({ count: 1 });
    expect(op.facts.paymentsCancelled).toEqual({ count: 2, part: 1, percent: 50 });
  });

  it('takes the month in Persian digits and with a slash as well', async () => {
    const res = await manager.get(`/api/v1/quality/offices/1/facts?month=${encodeURIComponent('۱۴۰۴/۰۱')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().facts).toEqual(farvardin);
  });

  it("measures this month's counter as the operator works it, when no month is named", async () => {
    const before = (await manager.get('/api/v1/quality/offices/1/facts')).json().facts;
    const issued = await operator.post('/api/v1/counter/tickets', { serviceCode: 'petition' });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json().ticket.id;
    expect((await operator.post(`/api/v1/counter/tickets/${id}/call`)).statusCode).toBe(200);
    expect((await operator.post(`/api/v1/counter/tickets/${id}/serve`, {})).statusCode).toBe(200);
    const res = await manager.get('/api/v1/quality/offices/1/facts');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.month).toBe('1405-02');
    // The ticket just served is one more, the operator's.
    expect(body.facts.waiting.count).toBe(before.waiting.count + 1);
    expect(body.facts.service.count).toBe(before.service.count + 1);
    expect(body.operators.map((o: { name: string }) => o.name)).toContain('سارا حسینی');
  });

  it('refuses a month that is not a Jalali month, naming the field', async () => {
    const res = await manager.get('/api/v1/quality/offices/1/facts?month=1405-13');
    expectProblem(res, 400, 'validation_failed');
    expect(Object.keys(fieldErrors(res.json()))).toEqual(['month']);
  });
});

describe('who sees which office', () => {
  it("answers 404 for another office's facts, as for one that does not exist", async () => {
    const other = await t.signInStaff('manager.11002');
    expectProblem(await other.get('/api/v1/quality/offices/1/facts?month=1404-01'), 404, 'not_found');
    expectProblem(await manager.get('/api/v1/quality/offices/999999/facts'), 404, 'not_found');
    const isfahan = await t.signInStaff('association.isfahan');
    expectProblem(await isfahan.get('/api/v1/quality/offices/1/facts'), 404, 'not_found');
  });

  it("lists the offices of the caller's scope: a manager their office, Tehran's association and inspector Tehran's", async () => {
    const codes = async (c: Client, query = 'month=1404-01') => {
      const res = await c.get(`/api/v1/quality/facts?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().offices.map((o: { office: { code: string } }) => o.office.code);
    };
    expect(await codes(manager)).toEqual(['11001']);
    expect(await codes(await t.signInStaff('association.tehran'))).toEqual(['11001', '11002', '11003']);
    expect(await codes(await t.signInStaff('inspector.tehran'))).toEqual(['11001', '11002', '11003']);
    const regulator = await t.signInStaff('regulator');
    expect(await codes(regulator, 'month=1404-01&provinceId=3')).toEqual(['13001', '13002']);
    const res = await regulator.get('/api/v1/quality/facts?month=1404-01&provinceId=1');
    const vanak = res.json().offices.find((o: { office: { code: string } }) => o.office.code === '11001');
    expect(vanak.facts).toEqual(farvardin);
    const narmak = res.json().offices.find((o: { office: { code: string } }) => o.office.code === '11002');
    expect(narmak.facts.waiting).toEqual({ count: 1, medianMinutes: 180, p90Minutes: 180 });
  });

  it('refuses with 403, not an empty answer, a province outside the caller’s scope', async () => {
    expectProblem(await manager.get('/api/v1/quality/facts?provinceId=1'), 403, 'forbidden');
    const tehran = await t.signInStaff('association.tehran');
    expectProblem(await tehran.get('/api/v1/quality/facts?provinceId=3'), 403, 'forbidden');
    expect((await tehran.get('/api/v1/quality/facts?provinceId=1')).statusCode).toBe(200);
  });
});
