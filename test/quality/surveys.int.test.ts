/**
 * Citizens' feedback after a counter service: serving a known citizen queues an SMS with a survey
 * link; the link opens without signing in and takes one answer within seven days.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let anonymous: Client;
let citizenId: number;

const VANAK = 'دفتر خدمات الکترونیک قضایی ۱۱۰۰۱ — ونک';

/** Serves a visitor at office 11001's counter; the survey SMS's token, if one was sent. */
async function serve(body: object): Promise<{ ticketId: number; token: string | null }> {
  const issued = await operator.post('/api/v1/counter/tickets', { serviceCode: 'petition' });
  expect(issued.statusCode, issued.body).toBe(201);
  const ticketId = issued.json().ticket.id;
  const before = await t.query<{ n: number }>(
    "select count(*)::int as n from notifier_outbox where template = 'quality.survey'",
  );
  const served = await operator.post(`/api/v1/counter/tickets/${ticketId}/serve`, body);
  expect(served.statusCode, served.body).toBe(200);
  const sms = await t.query<{ body: string; recipient: string }>(
    "select body, recipient from notifier_outbox where template = 'quality.survey' order by id desc limit 1",
  );
  const after = await t.query<{ n: number }>(
    "select count(*)::int as n from notifier_outbox where template = 'quality.survey'",
  );
  if (after[0].n === before[0].n) return { ticketId, token: null };
  expect(sms[0].recipient).toBe('09120000001');
  return { ticketId, token: /\/s\/([A-Za-z0-9_-]+)$/.exec(sms[0].body)?.[1] ?? null };
}

beforeAll(async () => {
  t = await startTestServer();
  operator = await t.signInStaff('operator.11001');
  anonymous = t.anonymous();
  [{ id: citizenId }] = await t.query<{ id: number }>(
    "select id::int as id from citizens where mobile = '09120000001'",
  );
});
afterAll(async () => {
  await t?.stop();
});

describe('the survey after a counter service', () => {
  it('is sent by SMS to the citizen served, and opens without signing in naming the office and the service', async () => {
    const { ticketId, token } = await serve({ citizenId });
    expect(token).not.toBeNull();
    const [sms] = await t.query<{ body: string }>(
      "select body from notifier_outbox where template = 'quality.survey' order by id desc limit 1",
    );
    expect(sms.body).toContain(VANAK);
    expect(sms.body).toContain('تا ۷ روز');
    const res = await anonymous.get(`/api/v1/quality/surveys/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ office: { fa: VANAK }, service: { en: expect.any(String) } });
    // Seven days from the service.
    expect(new Date(res.json().expiresAt).getTime() - new Date(res.json().servedAt).getTime()).toBe(
      7 * 24 * 3600 * 1000,
    );
    const rows = await t.query<{ n: number }>('select count(*)::int as n from quality_surveys where ticket_id = $1', [
      ticketId,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('takes one answer; the same link again is refused with survey_link_used, and the answer stays the first', async () => {
    const { token } = await serve({ citizenId });
    const first = await anonymous.post(`/api/v1/quality/surveys/${token}/answer`, {
      satisfaction: 4,
      wouldReturn: true,
      comment: '  برخورد کارمند خوب بود  ',
    });
    expect(first.statusCode, first.body).toBe(200);
    expectProblem(
      await anonymous.post(`/api/v1/quality/surveys/${token}/answer`, { satisfaction: 1, wouldReturn: false }),
      409,
      'survey_link_used',
    );
    expectProblem(await anonymous.get(`/api/v1/quality/surveys/${token}`), 409, 'survey_link_used');
    const [row] = await t.query<{ satisfaction: number; would_return: boolean; comment: string }>(
      'select satisfaction, would_return, comment from quality_surveys where token_hash = $1',
      [createHash('sha256').update(token!).digest('hex')],
    );
    expect(row).toEqual({ satisfaction: 4, would_return: true, comment: 'برخورد کارمند خوب بود' });
    // The answer counts in the office's facts for this month, and in the operator's part.
    const manager = await t.signInStaff('manager.11001');
    const facts = (await manager.get('/api/v1/quality/offices/1/facts')).json();
    expect(facts.facts.feedback).toEqual({
      count: 1,
      meanSatisfaction: 4,
      wouldReturn: { count: 1, part: 1, percent: 100 },
    });
    // The month's other work (the demo's first days) has no survey answered: the one answer is hers.
    expect(
      facts.operators
        .filter((o: { facts: { feedback: { count: number } } }) => o.facts.feedback.count > 0)
        .map((o: { name: string; facts: { feedback: { count: number } } }) => [o.name, o.facts.feedback.count]),
    ).toEqual([['سارا حسینی', 1]]);
  });

  it('five answers sent at once: one is taken, four are refused', async () => {
    const { token } = await serve({ citizenId });
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((s) =>
        anonymous.post(`/api/v1/quality/surveys/${token}/answer`, { satisfaction: s, wouldReturn: true }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('a visitor served without a known citizen gets no survey', async () => {
    const { ticketId, token } = await serve({});
    expect(token).toBeNull();
    const rows = await t.query<{ n: number }>('select count(*)::int as n from quality_surveys where ticket_id = $1', [
      ticketId,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('a link past its seven days is refused with survey_link_expired; an unknown one is not found', async () => {
    const token = 'expired-survey-token-000000000001';
    await t.query(
      `insert into quality_surveys (ticket_id, office_id, province_id, citizen_id, service_code, token_hash, sent_at, expires_at)
      values (900000001, 1, 1, $1, 'petition', $2, $3::timestamptz - interval '8 days', $3::timestamptz - interval '1 day')`,
      [citizenId, createHash('sha256').update(token).digest('hex'), t.now()],
    );
    expectProblem(await anonymous.get(`/api/v1/quality/surveys/${token}`), 410, 'survey_link_expired');
    expectProblem(
      await anonymous.post(`/api/v1/quality/surveys/${token}/answer`, { satisfaction: 5, wouldReturn: true }),
      410,
      'survey_link_expired',
    );
    expectProblem(await anonymous.get('/api/v1/quality/surveys/no-such-survey-token-0000000000'), 404, 'not_found');
  });

  it('refuses a satisfaction outside 1–5, a missing answer and a malformed link, naming the field', async () => {
    const { token } = await serve({ citizenId });
    const bad = await anonymous.post(`/api/v1/quality/surveys/${token}/answer`, { satisfaction: 6 });
    expectProblem(bad, 400, 'validation_failed');
    expect(Object.keys(fieldErrors(bad.json())).sort()).toEqual(['satisfaction', 'wouldReturn']);
    const malformed = await anonymous.get('/api/v1/quality/surveys/short');
    expectProblem(malformed, 400, 'validation_failed');
    expect(Object.keys(fieldErrors(malformed.json()))).toEqual(['token']);
    // Nothing was taken: the link still opens.
    expect((await anonymous.get(`/api/v1/quality/surveys/${token}`)).statusCode).toBe(200);
  });
});
