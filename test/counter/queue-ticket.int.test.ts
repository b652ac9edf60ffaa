/**
 * The printed queue ticket (number, service, office, time, estimated wait) and the day's queue
 * figures: the queue and today's work count "waiting" by one definition, so they always agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let manager: Client;
let otherOffice: Client;
let operatorId: number;

interface Ticket {
  id: number;
  number: number;
  status: string;
  serviceCode: string | null;
}
const issue = async (client: Client, body?: object) => {
  const res = await client.post('/api/v1/counter/tickets', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().ticket as Ticket;
};
const slip = (client: Client, id: number) => client.get(`/api/v1/counter/tickets/${id}/slip`);

beforeAll(async () => {
  t = await startTestServer();
  [operator, manager, otherOffice] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('manager.11001'),
    t.signInStaff('manager.11002'),
  ]);
  [{ id: operatorId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'operator.11001'",
  );
  // Yesterday the office served three visitors in 6, 6 and 30 minutes (the median: 6), by the
  // operator, more than an hour ago (so yesterday does not make anyone a counter at work now).
  for (const [i, minutes] of [6, 6, 30].entries()) {
    await t.query(
      `insert into queue_tickets (office_id, day, number, status, served_by, created_at, called_at, done_at)
      values (1, $1::date - 1, $2, 'done', $3, $4::timestamptz - interval '1 day',
        $4::timestamptz - interval '1 day', $4::timestamptz - interval '1 day' + ($5 || ' minutes')::interval)`,
      [t.today(), i + 1, operatorId, t.now(), String(minutes)],
    );
  }
});
afterAll(async () => {
  await t?.stop();
});

describe('the printed queue ticket', () => {
  it('says the number, the service, the office, the time, and the wait: visitors ahead × the median service time ÷ counters at work', async () => {
    const first = await issue(operator, { serviceCode: 'petition' });
    expect(first).toMatchObject({ number: 1, serviceCode: 'petition' });
    await issue(operator);
    await issue(manager);
    const fourth = await issue(operator, { serviceCode: 'petition' });
    // The operator calls ticket 1: one counter at work; tickets 2 and 3 wait ahead of ticket 4.
    expect((await operator.post('/api/v1/counter/tickets/next')).json().ticket.number).toBe(1);
    const res = await slip(operator, fourth.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ticket).toMatchObject({ id: fourth.id, number: 4, status: 'waiting' });
    expect(body.office).toEqual({
      code: '11001',
      name: { fa: 'دفتر خدمات الکترونیک قضایی ۱۱۰۰۱ — ونک', en: 'Judicial e-services office 11001 — Vanak' },
    });
    expect(body.service).toEqual({ fa: 'ثبت دادخواست', en: 'Petition' });
    // Taken at the server's clock (test day), not the machine's.
    expect(Math.abs(new Date(body.ticket.createdAt).getTime() - t.now().getTime())).toBeLessThan(60_000);
    // 2 ahead × 6 minutes ÷ 1 counter = 12 minutes.
    expect(body.wait).toEqual({ ahead: 2, minutes: 12, serviceMinutes: 6, samples: 3, counters: 1 });

    // The manager calls ticket 2: two counters at work, one visitor ahead: 1 × 6 ÷ 2 = 3 minutes.
    expect((await manager.post('/api/v1/counter/tickets/next')).json().ticket.number).toBe(2);
    expect((await slip(manager, fourth.id)).json().wait).toEqual({
      ahead: 1,
      minutes: 3,
      serviceMinutes: 6,
      samples: 3,
      counters: 2,
    });
    // A ticket already called has no wait left to estimate; one without a service says so.
    const called = (await slip(operator, first.id)).json();
    expect(called.wait).toBeNull();
    expect((await slip(operator, fourth.id - 1)).json().service).toBeNull();
  });

  it('an unknown service is a field error naming the service, in Persian and English', async () => {
    const problem = expectProblem(
      await operator.post('/api/v1/counter/tickets', { serviceCode: 'no-such-service' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).serviceCode).toBeDefined();
    expect(problem.errors?.[0].message.fa).toMatch(/خدمت/);
    expect(problem.errors?.[0].message.en).toMatch(/service/);
  });

  it("another office's ticket is refused with 403; an unknown ticket is 404", async () => {
    const mine = await issue(operator);
    expectProblem(await slip(otherOffice, mine.id), 403, 'forbidden');
    expectProblem(await slip(operator, 999_999), 404, 'not_found');
  });
});

describe("the queue's count and today's work agree", () => {
  it('"waiting" is the tickets taken and not called yet, the same number in both answers', async () => {
    const list = (await operator.get('/api/v1/counter/tickets')).json();
    const today = (await operator.get('/api/v1/counter/today')).json();
    const byStatus = (status: string) => list.items.filter((i: Ticket) => i.status === status).length;
    // Tickets 1 and 2 were called; 3, 4 and 5 wait.
    expect(list.counts).toEqual({ waiting: 3, serving: 2, done: 0, cancelled: 0 });
    expect(today.tickets).toEqual(list.counts);
    expect(list.counts.waiting).toBe(byStatus('waiting'));

    // Serving and cancelling move the figures the same way in both.
    const serving = list.items.find((i: Ticket) => i.number === 1);
    await operator.post(`/api/v1/counter/tickets/${serving.id}/serve`, {});
    const waitingOne = list.items.find((i: Ticket) => i.number === 3);
    await operator.post(`/api/v1/counter/tickets/${waitingOne.id}/cancel`);
    const after = (await operator.get('/api/v1/counter/tickets')).json().counts;
    expect(after).toEqual({ waiting: 2, serving: 1, done: 1, cancelled: 1 });
    expect((await operator.get('/api/v1/counter/today')).json().tickets).toEqual(after);
  });
});
