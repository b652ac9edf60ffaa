/**
 * Proposals for new office services through the API: filed by the national association, reviewed
 * by the regulator on working-day clocks (Fridays and holidays skipped, stopped while an
 * information request is open), decided within the limit; an approval adds the catalog service,
 * a draft tariff line and the pilot competencies at once. Every day and count below is worked out
 * by hand in the comments (the 1405 calendar: Eid al-Adha on Wednesday 6 Khordad = 2026-05-27,
 * 14 and 15 Khordad = Thursday 2026-06-04 and Friday 2026-06-05).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendProposalReminders } from '#server/modules/proposals/escalation-job';
import { expectProblem, fieldErrors, type ProblemBody } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

/** A clock the test moves from day to day; within a day it runs on at real speed. */
const started = Date.now();
let shiftMs = 0;
const clock = { now: () => new Date(TEST_NOW.getTime() + shiftMs + (Date.now() - started)) };
/** Puts the server on a Tehran day at 10:00 (06:30 UTC). */
function onDay(iso: string) {
  shiftMs = new Date(`${iso}T06:30:00Z`).getTime() - TEST_NOW.getTime() - (Date.now() - started);
}

let t: TestServer;
let association: Client;
let regulator: Client;

async function signIn() {
  [association, regulator] = await Promise.all([t.signInStaff('association'), t.signInStaff('regulator')]);
}

beforeAll(async () => {
  t = await startTestServer({ clock });
  await signIn();
});
afterAll(async () => {
  await t?.stop();
});

const reconciliation = {
  kind: 'new-service',
  serviceCode: 'reconciliation-request',
  titleFa: 'ثبت درخواست سازش',
  titleEn: 'Request for reconciliation',
  serviceKind: 'filing',
  channels: 'office',
  description:
    'ثبت درخواست سازش (مواد ۱۸۴ تا ۱۹۲ قانون آیین دادرسی مدنی) در دفتر و ارسال آن به دادگاه برای دعوت طرفین.',
  legalBasis: 'قانون آیین دادرسی مدنی، مواد ۱۸۴ تا ۱۹۲',
  expectedMonthlyVolume: 1200,
  fee: { amountRials: 1_200_000 },
  requiredCompetencies: 'ثبت دادخواست',
  training: 'دورهٔ یک‌روزهٔ سازش و میانجی‌گری',
  provinceIds: [3],
  pilotMonths: 6,
};

/** Each wrong field's code. */
const codes = (body: ProblemBody) => Object.fromEntries(Object.entries(fieldErrors(body)).map(([f, e]) => [f, e.code]));

async function submit(body: object = reconciliation, headers?: Record<string, string>) {
  return association.post('/api/v1/proposals', body, headers);
}

describe('a proposal from submission to a pilot approval', () => {
  let id: number;

  it('arrives on Tuesday 15 Ordibehesht with 10 working days to check it, due on Sunday 27 Ordibehesht', async () => {
    onDay('2026-05-05');
    const res = await submit();
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    id = p.id;
    // From Wed 05-06 (1), Thu 05-07 (2); Fri 05-08 skipped; Sat 05-09 … Thu 05-14 (3…8); Fri 05-15 skipped;
    // Sat 05-16 (9), Sun 05-17 (10).
    expect(p).toMatchObject({
      kind: 'new-service',
      service: { code: 'reconciliation-request', title: { fa: 'ثبت درخواست سازش' } },
      status: 'received',
      phase: 'completeness',
      receivedOn: '2026-05-05',
      fee: { amountRials: 1_200_000, onlineAmountRials: null },
      provinces: [{ id: 3 }],
      clocks: {
        completeness: {
          startedOn: '2026-05-05',
          limitDays: 10,
          elapsed: 0,
          remaining: 10,
          dueOn: '2026-05-17',
          state: 'running',
          daysOver: 0,
          stoppedOn: null,
        },
        decision: null,
      },
      decision: null,
    });
    const [audit] = await t.query<{ action: string }>(
      "select action from audit_events where entity_type = 'service_proposal' and entity_id = $1",
      [String(id)],
    );
    expect(audit.action).toBe('proposals.submit');
  });

  it('the regulator acknowledges it and becomes its reviewer; a second acknowledgement is refused', async () => {
    const res = await regulator.post(`/api/v1/proposals/${id}/acknowledge`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().acknowledged.by).toBeTruthy();
    expectProblem(await regulator.post(`/api/v1/proposals/${id}/acknowledge`), 409, 'proposal_status_conflict');
  });

  it('an information request on Saturday 19 Ordibehesht stops the clock at three working days', async () => {
    onDay('2026-05-09');
    await signIn();
    const res = await regulator.post(`/api/v1/proposals/${id}/info-requests`, {
      question: 'برآورد حجم ماهانه بر چه آماری استوار است؟',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().clocks.completeness).toMatchObject({ elapsed: 3, dueOn: null, state: 'paused' });
    expect(res.json().infoRequests).toMatchObject([{ phase: 'completeness', askedOn: '2026-05-09', answer: null }]);
    // One open request at a time; and nothing is decided or checked while it is open.
    expectProblem(
      await regulator.post(`/api/v1/proposals/${id}/info-requests`, { question: 'پرسش دیگری دربارهٔ تعرفه' }),
      409,
      'proposal_info_request_open',
    );
    expectProblem(await regulator.post(`/api/v1/proposals/${id}/complete`), 409, 'proposal_info_request_open');
  });

  it('answered on Wednesday 23 Ordibehesht, the clock resumes the next day and falls due on Thursday 31 Ordibehesht', async () => {
    onDay('2026-05-13');
    await signIn();
    const detail = (await regulator.get(`/api/v1/proposals/${id}`)).json();
    // Still paused at three working days on the 13th.
    expect(detail.clocks.completeness).toMatchObject({ elapsed: 3, state: 'paused' });
    const requestId = detail.infoRequests[0].id;
    expectProblem(
      await association.post(`/api/v1/proposals/${id}/info-requests/${requestId + 1000}/answer`, { answer: 'پاسخ' }),
      409,
      'proposal_no_open_info_request',
    );
    const res = await association.post(`/api/v1/proposals/${id}/info-requests/${requestId}/answer`, {
      answer: 'بر آمار درخواست‌های سازش سه سال گذشتهٔ دادگستری اصفهان.',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Sun 05-10 … Wed 05-13 stood still; from Thu 05-14 (4); Fri skipped; Sat 05-16 … Thu 05-21 (5…10).
    expect(res.json().clocks.completeness).toMatchObject({
      elapsed: 3,
      remaining: 7,
      dueOn: '2026-05-21',
      state: 'running',
    });
    expect(res.json().infoRequests[0]).toMatchObject({ answeredOn: '2026-05-13' });
  });

  it('a decision before the proposal is found complete has no limit to fall within', async () => {
    const res = await regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'approve' });
    expectProblem(res, 409, 'proposal_no_running_limit');
  });

  it('found complete on Saturday 26 Ordibehesht after five working days; the decision is due on Monday 1 Tir', async () => {
    onDay('2026-05-16');
    await signIn();
    const res = await regulator.post(`/api/v1/proposals/${id}/complete`);
    expect(res.statusCode, res.body).toBe(200);
    // Decision: from Sun 05-17 … Thu 05-21 (1…5); Sat 05-23 … Tue 05-26 (6…9); Wed 05-27 Eid al-Adha;
    // Thu 05-28 (10); Sat 05-30 … Wed 06-03 (11…15); Thu 06-04 and Fri 06-05 holidays; Sat 06-06 … Thu 06-11
    // (16…21); Sat 06-13 … Thu 06-18 (22…27); Sat 06-20 (28), Sun 06-21 (29), Mon 06-22 (30).
    expect(res.json()).toMatchObject({
      status: 'in-review',
      phase: 'decision',
      clocks: {
        completeness: { elapsed: 5, state: 'met', stoppedOn: '2026-05-16', daysOver: 0 },
        decision: { startedOn: '2026-05-16', limitDays: 30, elapsed: 0, dueOn: '2026-06-22', state: 'running' },
      },
    });
    expectProblem(await regulator.post(`/api/v1/proposals/${id}/complete`), 409, 'proposal_status_conflict');
  });

  it('the public sees it in review with its working days', async () => {
    const res = await t.anonymous().get('/api/v1/proposals/in-review');
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.find((p: { id: number }) => p.id === id);
    expect(mine).toMatchObject({ phase: 'decision', workingDaysElapsed: 5, clock: { dueOn: '2026-06-22' } });
    expect(mine).not.toHaveProperty('fee');
  });

  it('refuses a decision without its reasons or a pilot without its end, and writes nothing', async () => {
    const before = await t.count('catalog_services');
    const reject = expectProblem(await regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'reject' }), 400);
    expect(codes(reject)).toEqual({ reasons: 'reasons_required' });
    const pilot = expectProblem(
      await regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'approve', pilot: true }),
      400,
    );
    expect(codes(pilot)).toEqual({ pilotUntil: 'pilot_end_required' });
    expect(await t.count('catalog_services')).toBe(before);
  });

  it("a pilot approval in Isfahan adds the service, its fee to a draft schedule and the competency of Isfahan's offices", async () => {
    const res = await regulator.post(`/api/v1/proposals/${id}/decide`, {
      outcome: 'approve',
      pilot: true,
      pilotUntil: '1405-09-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      status: 'approved',
      phase: null,
      clocks: { decision: { elapsed: 0, state: 'met', stoppedOn: '2026-05-16' } },
      decision: {
        outcome: 'approve',
        decidedOn: '2026-05-16',
        pilot: true,
        pilotUntil: '2026-12-21', // 30 Azar 1405
        provinces: [{ id: 3 }],
        feeRials: 1_200_000,
      },
    });
    // The catalog offers it.
    const catalog = (await t.anonymous().get('/api/v1/catalog/services')).json().items;
    expect(catalog.find((s: { code: string }) => s.code === 'reconciliation-request')).toMatchObject({
      title: { fa: 'ثبت درخواست سازش' },
      kind: 'filing',
      channels: 'office',
    });
    // Its fee is a line of a draft schedule, drafted in the association's name.
    const [line] = await t.query<{ amount: number; status: string; drafter: string }>(
      `select l.amount_rials::int as amount, s.status, u.username as drafter from tariff_lines l
       join tariff_schedules s on s.id = l.schedule_id join users u on u.id = s.created_by
       where l.code = 'reconciliation-request'`,
    );
    expect(line).toEqual({ amount: 1_200_000, status: 'draft', drafter: 'association' });
    expect(p.decision.tariffScheduleId).toBeGreaterThan(0);
    // Isfahan's offices 13001 and 13002 may offer it as a pilot until 30 Azar; Tehran's may not.
    const grants = await t.query<{ code: string; pilot: boolean; until: string }>(
      `select o.code, c.pilot, to_char(c.valid_until, 'YYYY-MM-DD') as until from office_competencies c
       join offices o on o.id = c.office_id where c.service_code = 'reconciliation-request' and o.code in ('13001', '13002', '11001')
       order by o.code`,
    );
    expect(grants).toEqual([
      { code: '13001', pilot: true, until: '2026-12-21' },
      { code: '13002', pilot: true, until: '2026-12-21' },
    ]);
    expect(p.decision.grantedOffices).toBeGreaterThanOrEqual(2);
    // The training the proposal names is the operators' course for the service, kept by the national
    // association from now on (8 hours until it sets its own; docs/decisions/0076).
    expect(p.decision.course).toEqual({
      id: expect.any(Number),
      code: `proposal-${id}`,
      title: { fa: 'دورهٔ ثبت درخواست سازش', en: 'Request for reconciliation course' },
      hours: 8,
      active: true,
    });
    const [course] = await t.query<{ kind: string; services: string[]; description: string }>(
      'select kind, service_codes as services, description from courses where id = $1',
      [p.decision.course.id],
    );
    expect(course).toEqual({
      kind: 'competency',
      services: ['reconciliation-request'],
      description: 'دورهٔ یک‌روزهٔ سازش و میانجی‌گری',
    });
    const [courseAudit] = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'training.course.create' and entity_id = $1",
      [String(p.decision.course.id)],
    );
    expect(courseAudit.n).toBe(1);
    const finder = (await t.anonymous().get('/api/v1/offices?service=reconciliation-request&pageSize=200')).json();
    expect(finder.items.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['13001', '13002']));
    expect(finder.items.every((o: { province: { id: number } }) => o.province.id === 3)).toBe(true);
    const actions = await t.query<{ action: string }>(
      "select action from audit_events where entity_type = 'service_proposal' and entity_id = $1 order by seq",
      [String(id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'proposals.submit',
      'proposals.acknowledge',
      'proposals.info-request',
      'proposals.info-answer',
      'proposals.complete',
      'proposals.decide',
    ]);
  });

  it('a decided proposal is not open: a second decision or request is refused', async () => {
    expectProblem(
      await regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'reject', reasons: 'دوباره' }),
      409,
      'proposal_not_open',
    );
    expectProblem(
      await regulator.post(`/api/v1/proposals/${id}/info-requests`, { question: 'پرسشی پس از تصمیم' }),
      409,
      'proposal_not_open',
    );
    expectProblem(await regulator.post('/api/v1/proposals/999999/decide', { outcome: 'approve' }), 404, 'not_found');
  });
});

describe('bad proposals', () => {
  it('names every field wrong at once and keeps nothing', async () => {
    onDay('2026-05-05');
    await signIn();
    const before = await t.count('service_proposals');
    const res = expectProblem(
      await submit({
        ...reconciliation,
        serviceCode: 'petition',
        titleFa: undefined,
        fee: { amountRials: 1_200_050 },
        provinceIds: [3, 99],
      }),
      400,
      'validation_failed',
    );
    expect(codes(res)).toEqual({
      serviceCode: 'service_code_taken',
      titleFa: 'required',
      provinceIds: 'invalid_value',
      'fee.amountRials': 'fee_not_whole_rial_step',
    });
    const extension = expectProblem(
      await submit({ ...reconciliation, kind: 'extension', serviceCode: 'no-such-service' }),
      400,
    );
    expect(codes(extension)).toEqual({ serviceCode: 'unknown_service' });
    expect(await t.count('service_proposals')).toBe(before);
  });

  it("a province's association files through the national one, never itself", async () => {
    const tehran = await t.signInStaff('association.tehran');
    expectProblem(await tehran.post('/api/v1/proposals', { ...reconciliation, forProvinceId: 1 }), 403, 'forbidden');
  });
});

describe('retries and races', () => {
  it('a retried submission with the same Idempotency-Key answers the first proposal', async () => {
    const body = { ...reconciliation, serviceCode: 'mediation-session', titleFa: 'جلسهٔ میانجی‌گری' };
    const before = await t.count('service_proposals');
    const first = await submit(body, { 'idempotency-key': 'proposal-retry-1' });
    const again = await submit(body, { 'idempotency-key': 'proposal-retry-1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await t.count('service_proposals')).toBe(before + 1);
  });

  it('two decisions at once: one is taken, the other finds the proposal decided', async () => {
    const id = (await submit({ ...reconciliation, serviceCode: 'race-service' })).json().id;
    expect((await regulator.post(`/api/v1/proposals/${id}/complete`)).statusCode).toBe(200);
    const answers = await Promise.all([
      regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'reject', reasons: 'تکراری است' }),
      regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'reject', reasons: 'تکراری است' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expectProblem(answers.find((r) => r.statusCode === 409)!, 409, 'proposal_not_open');
  });

  it('two information requests at once: one is asked, the other finds it open', async () => {
    const id = (await submit({ ...reconciliation, serviceCode: 'race-question' })).json().id;
    const answers = await Promise.all([
      regulator.post(`/api/v1/proposals/${id}/info-requests`, { question: 'پرسش نخست دربارهٔ تعرفه' }),
      regulator.post(`/api/v1/proposals/${id}/info-requests`, { question: 'پرسش دوم دربارهٔ تعرفه' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await t.query('select 1 from proposal_info_requests where proposal_id = $1', [id])).toHaveLength(1);
  });
});

describe('across Nowruz', () => {
  it('a proposal received on 27 Esfand 1404 with a request from 5 to 10 Farvardin fell due on 22 Farvardin', async () => {
    onDay('2026-05-05');
    await signIn();
    const id = (await submit({ ...reconciliation, serviceCode: 'nowruz-example' })).json().id;
    await t.query("update service_proposals set received_on = '2026-03-18' where id = $1", [id]);
    await t.query(
      `insert into proposal_info_requests (proposal_id, phase, question, asked_by, asked_at, asked_on, answer, answered_by, answered_at, answered_on)
       select $1, 'completeness', 'پرسش', submitted_by, '2026-03-25T06:30:00Z', '2026-03-25', 'پاسخ', submitted_by, '2026-03-30T06:30:00Z', '2026-03-30'
       from service_proposals where id = $1`,
      [id],
    );
    const res = await regulator.get(`/api/v1/proposals/${id}`);
    // Due Sat 04-11 (src/core/proposal-clock.test.ts); then Sun 04-12 (11); Mon 04-13 a holiday; Tue 04-14 …
    // Thu 04-16 (12…14); Sat 04-18 … Thu 04-23 (15…20); Sat 04-25 … Thu 04-30 (21…26); Sat 05-02 … Tue 05-05 (27…30).
    expect(res.json().clocks.completeness).toMatchObject({
      dueOn: '2026-04-11',
      elapsed: 30,
      daysOver: 20,
      state: 'overdue',
    });
  });
});

describe('reminders, escalation and the dashboard', () => {
  it('a clock in its last three working days reminds the reviewer; an overdue one goes to a second reviewer, once', async () => {
    onDay('2026-05-14');
    await signIn();
    const [nowruz] = await t.query<{ id: number }>(
      "select id from service_proposals where service_code = 'nowruz-example'",
    );
    expect((await regulator.post(`/api/v1/proposals/${nowruz.id}/acknowledge`)).statusCode).toBe(200);
    const [second] = await t.query<{ id: number }>(
      `insert into users (kind, username, first_name, last_name, mobile) values ('staff', 'regulator.second', 'مریم', 'داوری', '09121110000') returning id::int as id`,
    );
    await t.query("insert into role_grants (user_id, role, scope_kind) values ($1, 'regulator_admin', 'nation')", [
      second.id,
    ]);
    const [reviewer] = await t.query<{ mobile: string }>("select mobile from users where username = 'regulator'");
    // Open on Thursday 24 Ordibehesht: mediation-session, received 05-05, at 8 of 10 (a reminder);
    // race-question paused; nowruz-example overdue (acknowledged by the regulator: to the second one);
    // the demo's reconciliation overdue (nobody acknowledged it: to the regulator); the demo's
    // extension at 12 of its 30 decision days.
    expect(await sendProposalReminders(t.server.ctx.db, t.now())).toEqual({
      reminded: 1,
      escalated: 2,
      pilotReviews: 0,
    });
    const sms = await t.query<{ recipient: string; template: string }>(
      "select recipient, template from notifier_outbox where template like 'proposal.%' order by template, recipient",
    );
    expect(sms).toEqual([
      { recipient: reviewer.mobile, template: 'proposal.escalated' },
      { recipient: '09121110000', template: 'proposal.escalated' },
      { recipient: reviewer.mobile, template: 'proposal.reminder' },
    ]);
    const escalated = (await regulator.get(`/api/v1/proposals/${nowruz.id}`)).json();
    expect(escalated.escalatedTo).toBe('مریم داوری');
    expect(await sendProposalReminders(t.server.ctx.db, t.now())).toEqual({
      reminded: 0,
      escalated: 0,
      pilotReviews: 0,
    });
  });

  it("the board's figures for 1405 and for 1404, counted by hand", async () => {
    // 1405: reconciliation (checked on day 5, decided on day 0 of its decision clock), race-service (checked
    // and rejected the day it came), mediation-session (open, 8 working days), race-question (open, paused at
    // 0), and the demo's two: the reconciliation received 04-15 (open, 25 working days by 05-14, 15 past its
    // 10) and the extension (checked on day 2, then 12 decision days: 14).
    const y1405 = await association.get('/api/v1/proposals/dashboard?year=1405');
    expect(y1405.statusCode, y1405.body).toBe(200);
    expect(y1405.json()).toEqual({
      year: 1405,
      received: 6,
      averageDaysToCompleteness: 2.3, // (5 + 0 + 2) / 3
      averageDaysToDecision: 0,
      decided: 2,
      withinLimitsShare: 1,
      overdue: { count: 1, averageDaysOver: 15 },
      backlog: { open: 4, averageAgeDays: 11.8, oldestAgeDays: 25 }, // (25 + 14 + 8 + 0) / 4 = 11.75
    });
    // Without a year, the server's own (1405).
    expect((await association.get('/api/v1/proposals/dashboard')).json().received).toBe(6);
    // 1404: nowruz-example, 30 working days by 05-05 and 8 more by Thursday 05-14: 38, 28 past its 10.
    expect((await regulator.get('/api/v1/proposals/dashboard?year=1404')).json()).toMatchObject({
      received: 1,
      decided: 0,
      withinLimitsShare: null,
      overdue: { count: 1, averageDaysOver: 28 },
      backlog: { open: 1, averageAgeDays: 38, oldestAgeDays: 38 },
    });
  });
});

describe("the review's limits", () => {
  it('are 10, 30 and 3 working days until the regulator changes them; a proposal keeps the limits it came under', async () => {
    expect((await association.get('/api/v1/proposals/settings')).json()).toEqual({
      completenessDays: 10,
      decisionDays: 30,
      reminderDays: 3,
    });
    const bad = expectProblem(
      await regulator.request({
        method: 'PUT',
        url: '/api/v1/proposals/settings',
        body: { completenessDays: 3, decisionDays: 30, reminderDays: 3 },
      }),
      400,
    );
    expect(codes(bad)).toEqual({ reminderDays: 'too_big' });
    const res = await regulator.request({
      method: 'PUT',
      url: '/api/v1/proposals/settings',
      body: { completenessDays: 12, decisionDays: 40, reminderDays: 2 },
    });
    expect(res.json()).toEqual({ completenessDays: 12, decisionDays: 40, reminderDays: 2 });
    const fresh = (await submit({ ...reconciliation, serviceCode: 'after-settings' })).json();
    expect(fresh.clocks.completeness.limitDays).toBe(12);
    const [old] = await t.query<{ days: number }>(
      "select completeness_days::int as days from service_proposals where service_code = 'mediation-session'",
    );
    expect(old.days).toBe(10);
  });
});

describe("the demo's proposals", () => {
  it('two in review on the demo day: the reconciliation seven working days past its check, the extension on its decision clock', async () => {
    onDay('2026-05-05');
    await signIn();
    const items = (await t.anonymous().get('/api/v1/proposals/in-review')).json().items as {
      service: { code: string };
      kind: string;
      workingDaysElapsed: number;
      clock: { state: string; elapsed: number; daysOver: number; dueOn: string | null };
    }[];
    // Received Wed 04-15: Thu 04-16 (1), Sat 04-18 … Thu 04-23 (2…7), Sat 04-25 … Mon 04-27 (8…10: due), … Tue 05-05 (17).
    expect(items.find((p) => p.service.code === 'reconciliation')).toMatchObject({
      kind: 'new-service',
      workingDaysElapsed: 17,
      clock: { state: 'overdue', elapsed: 17, daysOver: 7, dueOn: '2026-04-27' },
    });
    // Received Sun 04-26; Mon 04-27 (1); asked 04-27, answered Wed 04-29; Thu 04-30 (2), found complete that day;
    // decision: Sat 05-02 … Tue 05-05 (1…4).
    expect(items.find((p) => p.service.code === 'licence-renewal')).toMatchObject({
      kind: 'extension',
      workingDaysElapsed: 6,
      clock: { state: 'running', elapsed: 4 },
    });
  });
});

describe("a pilot's service at the counter", () => {
  const mediation = {
    ...reconciliation,
    serviceCode: 'mediation-request',
    titleFa: 'ثبت درخواست میانجی‌گری',
    titleEn: 'Request for mediation',
    serviceKind: 'registration',
    description: 'ثبت درخواست میانجی‌گری در دفتر و ارسال آن به شورای حل اختلاف برای دعوت طرفین.',
    legalBasis: 'قانون شوراهای حل اختلاف، ماده ۸',
    fee: { amountRials: 900_000 },
  };
  const charge = (client: Client, key: string) =>
    client.post('/api/v1/payments', { serviceCode: 'mediation-request' }, { 'idempotency-key': key });
  let isfahan: Client;
  let tehran: Client;
  let courseId: number;

  it('approved as a pilot in Isfahan until 30 Azar 1405, its fee is written with the decision', async () => {
    onDay('2026-05-05');
    await signIn();
    const id = (await submit(mediation)).json().id;
    expect((await regulator.post(`/api/v1/proposals/${id}/complete`)).statusCode).toBe(200);
    const res = await regulator.post(`/api/v1/proposals/${id}/decide`, {
      outcome: 'approve',
      pilot: true,
      pilotUntil: '1405-09-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    courseId = res.json().decision.course.id;
    const [fee] = await t.query<{ amount: number; provinces: number[]; from: string; until: string }>(
      `select amount_rials::int as amount, province_ids as provinces, to_char(valid_from, 'YYYY-MM-DD') as "from",
       to_char(valid_until, 'YYYY-MM-DD') as until from pilot_fees where service_code = 'mediation-request'`,
    );
    expect(fee).toEqual({ amount: 900_000, provinces: [3], from: '2026-05-05', until: '2026-12-21' });
    const [audit] = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'tariffs.pilot-fee' and data->>'serviceCode' = 'mediation-request'",
    );
    expect(audit.n).toBe(1);
  });

  it('the public quote prices it in Isfahan only; elsewhere, or with no province, it says where and until when', async () => {
    const quote = (body: object) => t.anonymous().post('/api/v1/fees/quote', { service: 'mediation-request', ...body });
    const inIsfahan = await quote({ provinceId: 3 });
    expect(inIsfahan.statusCode, inIsfahan.body).toBe(200);
    expect(inIsfahan.json()).toMatchObject({
      totalRials: 900_000,
      lines: [{ code: 'mediation-request', titleFa: 'ثبت درخواست میانجی‌گری', quantity: 1, amountRials: 900_000 }],
    });
    const elsewhere = expectProblem(await quote({ provinceId: 1 }), 422, 'service_outside_pilot');
    expect(elsewhere).toMatchObject({
      pilots: [{ provinceIds: [3], validFrom: '1405-02-15', validUntil: '1405-09-30' }],
    });
    expectProblem(await quote({}), 422, 'service_outside_pilot');
  });

  it("Isfahan's office charges it at the counter at the pilot's fee; Tehran's office is refused and nothing is recorded", async () => {
    // Performing it takes an activity licence naming it: the approval created the course the
    // service needs, Isfahan's association runs a session of it, Isfahan's operator attends it, and
    // the association adds the service to the operator's current licence (a second licence beside
    // it would be refused).
    const [operatorId] = await t.query<{ id: number }>(
      "select id::int as id from users where username = 'operator.13001'",
    );
    const [licence] = await t.query<{ id: number }>(
      'select id::int as id from activity_licences where user_id = $1 order by id limit 1',
      [operatorId.id],
    );
    const isfahanAssociation = await t.signInStaff('association.isfahan');
    const untrained = expectProblem(
      await isfahanAssociation.post(`/api/v1/licences/${licence.id}/services`, { serviceCodes: ['mediation-request'] }),
      422,
      'licence_requirements_unmet',
    );
    expect(untrained.serviceCodes).toEqual(['mediation-request']);
    const session = await isfahanAssociation.post('/api/v1/training/sessions', {
      courseId,
      provinceId: 3,
      startsOn: '1405-02-16',
      endsOn: '1405-02-16',
      capacity: 20,
      location: 'اصفهان، سالن کانون',
    });
    expect(session.statusCode, session.body).toBe(201);
    const operator = await t.signInStaff('operator.13001');
    const enrolled = await operator.post(`/api/v1/training/sessions/${session.json().id}/enrolments`);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    onDay('2026-05-07'); // 17 Ordibehesht, the day after the session
    await signIn();
    const attended = await (await t.signInStaff('association.isfahan')).post(
      `/api/v1/training/sessions/${session.json().id}/attendance`,
      {
        entries: [{ userId: operatorId.id, status: 'attended', hours: 8 }],
      },
    );
    expect(attended.statusCode, attended.body).toBe(200);
    const widened = await (await t.signInStaff('association.isfahan')).post(`/api/v1/licences/${licence.id}/services`, {
      serviceCodes: ['mediation-request'],
    });
    expect(widened.statusCode, widened.body).toBe(200);
    expect(widened.json().licence.services.map((s: { code: string }) => s.code)).toContain('mediation-request');
    expect(widened.json().events[0]).toMatchObject({ kind: 'widened', data: { added: ['mediation-request'] } });
    [isfahan, tehran] = await Promise.all([t.signInStaff('operator.13001'), t.signInStaff('operator.11001')]);
    const res = await charge(isfahan, 'mediation-1');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().amountRials).toBe(900_000);
    const [record] = await t.query<{ amount: number; office: string }>(
      `select r.amount_rials::int as amount, o.code as office from service_records r join offices o on o.id = r.office_id
       where r.service_code = 'mediation-request'`,
    );
    expect(record).toEqual({ amount: 900_000, office: '13001' });

    const records = await t.count('service_records');
    const refused = expectProblem(await charge(tehran, 'mediation-2'), 422, 'service_outside_pilot');
    expect(refused.pilots).toEqual([{ provinceIds: [3], validFrom: '1405-02-15', validUntil: '1405-09-30' }]);
    expect(await t.count('service_records')).toBe(records);
  });

  it('the day after the pilot ends, Isfahan is refused too', async () => {
    onDay('2026-12-22'); // 1 Dey 1405
    isfahan = await t.signInStaff('operator.13001');
    expectProblem(await charge(isfahan, 'mediation-3'), 422, 'service_outside_pilot');
  });
});

describe('an approval writes its course with the rest, or nothing', () => {
  const settlement = {
    ...reconciliation,
    serviceCode: 'settlement-record',
    titleFa: 'ثبت گزارش اصلاحی',
    titleEn: 'Recording a settlement',
    description: 'ثبت گزارش اصلاحی طرفین در دفتر و ارسال آن به دادگاه برای صدور گزارش اصلاحی.',
    training: 'آشنایی با گزارش اصلاحی و صورت‌جلسهٔ سازش',
  };
  const tables = [
    'catalog_services',
    'courses',
    'tariff_lines',
    'office_competencies',
    'pilot_fees',
    'audit_events',
  ] as const;
  const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (n) => [n, await t.count(n)])));

  it('refuses the approval when the course code is taken, and leaves no service, line, grant or course behind', async () => {
    onDay('2026-05-05');
    await signIn();
    const id = (await submit(settlement)).json().id;
    expect((await regulator.post(`/api/v1/proposals/${id}/complete`)).statusCode).toBe(200);
    // Another course already holds the code the approval would give the service's course.
    await t.query(
      `insert into courses (code, title_fa, title_en, kind, service_codes, hours) values ($1, 'دوره‌ای دیگر', 'Another course', 'continuing', '[]', 4)`,
      [`proposal-${id}`],
    );
    const before = await counts();
    const res = await regulator.post(`/api/v1/proposals/${id}/decide`, {
      outcome: 'approve',
      pilot: true,
      pilotUntil: '1405-09-30',
    });
    expectProblem(res, 409, 'proposal_course_code_taken');
    expect(await counts()).toEqual(before);
    const after = (await regulator.get(`/api/v1/proposals/${id}`)).json();
    expect(after).toMatchObject({ status: 'in-review', decision: null });

    // With the code freed, the same decision goes through, the course with it.
    await t.query('delete from courses where code = $1', [`proposal-${id}`]);
    const approved = await regulator.post(`/api/v1/proposals/${id}/decide`, {
      outcome: 'approve',
      pilot: true,
      pilotUntil: '1405-09-30',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().decision.course).toMatchObject({ code: `proposal-${id}`, hours: 8 });
  });

  it('creates no course when the proposal names no training, and reuses one that already covers the service', async () => {
    const id = (await submit({ ...settlement, serviceCode: 'settlement-copy', training: '' })).json().id;
    expect((await regulator.post(`/api/v1/proposals/${id}/complete`)).statusCode).toBe(200);
    const courses = await t.count('courses');
    const res = await regulator.post(`/api/v1/proposals/${id}/decide`, { outcome: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision.course).toBeNull();
    expect(await t.count('courses')).toBe(courses);

    // Extending the settlement service (its course made at its approval above) to Tehran makes no second course.
    const [existing] = await t.query<{ id: number }>(
      `select id from courses where service_codes @> '["settlement-record"]'::jsonb order by id limit 1`,
    );
    const submitted = await submit({ ...settlement, kind: 'extension', provinceIds: [1], training: 'همان دوره' });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const ext = submitted.json();
    expect((await regulator.post(`/api/v1/proposals/${ext.id}/complete`)).statusCode).toBe(200);
    const extended = await regulator.post(`/api/v1/proposals/${ext.id}/decide`, { outcome: 'approve' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().decision.course).toMatchObject({ id: existing.id });
    expect(await t.count('courses')).toBe(courses);
  });
});
