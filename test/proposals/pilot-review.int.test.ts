/**
 * The review at the end of a pilot through the API (docs/decisions/0057): a request for mediation
 * approved on Tuesday 15 Ordibehesht 1405 (2026-05-05) as a pilot in Isfahan until 31 Tir 1405
 * (2026-07-22) falls due for review thirty days before, on 1 Tir (2026-06-22); the regulator reads
 * its figures, extends it to 31 Shahrivar (2026-09-22), lets it lapse, then adopts it nationally —
 * Tehran's offices then hold it and the fee prices it there. A second pilot is ended. Every figure
 * and day below is counted by hand in the comments.
 *
 * Jalali days used (1405 Farvardin 1 = 2026-03-21; the first six months have 31 days): Ordibehesht 1
 * = 04-21, Khordad 1 = 05-22, Tir 1 = 06-22, Tir 31 = 07-22, Mordad 1 = 07-23, Shahrivar 1 = 08-23,
 * Shahrivar 31 = 09-22, Mehr 3 = 09-25. 1406 has 365 days: 1406-01-01 = 2027-03-21, so 1407-01-01 =
 * 2028-03-20 (Feb 2028 has 29 days) and the last day of 1406 is 2028-03-19.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendProposalReminders } from '#server/modules/proposals/escalation-job';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

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
});
afterAll(async () => {
  await t?.stop();
});

const mediation = {
  kind: 'new-service',
  serviceCode: 'mediation-request',
  titleFa: 'ثبت درخواست میانجی‌گری',
  titleEn: 'Request for mediation',
  serviceKind: 'registration',
  channels: 'office',
  description: 'ثبت درخواست میانجی‌گری در دفتر و ارسال آن به شورای حل اختلاف برای دعوت طرفین.',
  legalBasis: 'قانون شوراهای حل اختلاف، ماده ۸',
  expectedMonthlyVolume: 1200,
  fee: { amountRials: 900_000 },
  provinceIds: [3],
  pilotMonths: 3,
};

/** Files, finds complete and approves a proposal as a pilot in Isfahan until the Jalali day given. */
async function approvedPilot(body: object, until: string): Promise<number> {
  const id = (await association.post('/api/v1/proposals', body)).json().id;
  expect((await regulator.post(`/api/v1/proposals/${id}/complete`)).statusCode).toBe(200);
  const res = await regulator.post(`/api/v1/proposals/${id}/decide`, {
    outcome: 'approve',
    pilot: true,
    pilotUntil: until,
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

/** An operator's licence widened to the new service, as its licence office would after the course. */
async function licence(username: string, code: string) {
  await t.query(
    `update activity_licences set service_codes = service_codes || $1::jsonb
     where user_id = (select id from users where username = $2)`,
    [JSON.stringify([code]), username],
  );
}

const charge = (client: Client, key: string, serviceCode = 'mediation-request') =>
  client.post('/api/v1/payments', { serviceCode }, { 'idempotency-key': key });

async function grants(code: string) {
  return t.query<{ office: string; status: string; pilot: boolean; until: string | null }>(
    `select o.code as office, c.status, c.pilot, to_char(c.valid_until, 'YYYY-MM-DD') as until
     from office_competencies c join offices o on o.id = c.office_id
     where c.service_code = $1 and o.code in ('11001', '13001', '13002') order by o.code`,
    [code],
  );
}

describe("a pilot's figures and its review", () => {
  let id: number;

  it('approved as a pilot until 31 Tir, it is running; its review is due on 1 Tir', async () => {
    onDay('2026-05-05');
    await signIn();
    id = await approvedPilot(mediation, '1405-04-31');
    const p = (await regulator.get(`/api/v1/proposals/${id}`)).json();
    expect(p.pilotReview).toEqual({ state: 'running', pilotUntil: '2026-07-22', dueOn: '2026-06-22', reviews: [] });
  });

  it("its figures count the services Isfahan's office performed, the fees and the citizens' answers", async () => {
    await licence('operator.13001', 'mediation-request');
    const isfahan = await t.signInStaff('operator.13001');
    expect((await charge(isfahan, 'pilot-1')).statusCode).toBe(201);
    onDay('2026-05-10');
    expect((await charge(await t.signInStaff('operator.13001'), 'pilot-2')).statusCode).toBe(201);
    // One citizen answered the survey after a service: satisfied (4 of 5), would come back.
    await t.query(
      `insert into quality_surveys (ticket_id, office_id, province_id, citizen_id, service_code, token_hash, sent_at,
         expires_at, answered_at, satisfaction, would_return)
       select 990001, o.id, o.province_id, (select id from users where kind = 'citizen' order by id limit 1),
         'mediation-request', 'pilot-review-survey', '2026-05-10T08:00:00Z', '2026-05-17T08:00:00Z',
         '2026-05-10T09:00:00Z', 4, true
       from offices o where o.code = '13001'`,
    );
    await signIn();
    const res = await association.get(`/api/v1/proposals/${id}/pilot-figures`);
    expect(res.statusCode, res.body).toBe(200);
    // 5 to 10 May is six days: 1200 a month × 6 ÷ 30 = 240 expected.
    expect(res.json()).toMatchObject({
      from: '2026-05-05',
      until: '2026-07-22',
      state: 'running',
      services: 2,
      offices: 1,
      feesRials: 1_800_000,
      expectedServices: 240,
      byProvince: [{ province: { id: 3 }, services: 2, offices: 1, feesRials: 1_800_000 }],
      surveys: { answered: 1, averageSatisfaction: 4, wouldReturnShare: 1 },
    });
    expect(res.json().grantedOffices).toBeGreaterThanOrEqual(2);
  });

  it('a review without reasons, or an extension to no later day, is refused and writes nothing', async () => {
    const before = await t.count('proposal_pilot_reviews');
    const res = expectProblem(
      await regulator.post(`/api/v1/proposals/${id}/pilot-review`, {
        outcome: 'extend',
        reasons: ' ',
        until: '1405-04-31',
      }),
      400,
      'validation_failed',
    );
    expect(Object.fromEntries(Object.entries(fieldErrors(res)).map(([f, e]) => [f, e.code]))).toEqual({
      reasons: 'reasons_required',
      until: 'pilot_extension_end',
    });
    expect(fieldErrors(res).until.message.fa).toContain('پایان تازهٔ دورهٔ آزمایشی');
    expect(await t.count('proposal_pilot_reviews')).toBe(before);
    expectProblem(
      await association.post(`/api/v1/proposals/${id}/pilot-review`, { outcome: 'end', reasons: 'پایان' }),
      403,
      'forbidden',
    );
  });

  it('a proposal not approved as a pilot has no figures and no review', async () => {
    const [open] = await t.query<{ id: number }>(
      "select id from service_proposals where status = 'received' order by id limit 1",
    );
    expectProblem(await regulator.get(`/api/v1/proposals/${open.id}/pilot-figures`), 409, 'proposal_not_a_pilot');
    expectProblem(
      await regulator.post(`/api/v1/proposals/${open.id}/pilot-review`, { outcome: 'end', reasons: 'پایان' }),
      409,
      'proposal_not_a_pilot',
    );
    expectProblem(await regulator.get('/api/v1/proposals/999999/pilot-figures'), 404, 'not_found');
  });

  it('on 1 Tir it is due and listed for review; extended to 31 Shahrivar, its offices and fee go on', async () => {
    onDay('2026-06-22');
    await signIn();
    const due = (await regulator.get('/api/v1/proposals?pilotReview=due')).json().items;
    expect(due.map((p: { id: number }) => p.id)).toEqual([id]);
    expect(due[0].pilotReview.state).toBe('due');
    // The daily job tells the regulator who approved it, once for this last day.
    expect((await sendProposalReminders(t.server.ctx.db, t.now())).pilotReviews).toBe(1);
    const [reviewer] = await t.query<{ mobile: string }>("select mobile from users where username = 'regulator'");
    const sms = await t.query<{ recipient: string; body: string }>(
      "select recipient, body from notifier_outbox where template = 'proposal.pilot-review'",
    );
    expect(sms).toHaveLength(1);
    expect(sms[0].recipient).toBe(reviewer.mobile);
    expect(sms[0].body).toContain('ثبت درخواست میانجی‌گری');
    expect((await sendProposalReminders(t.server.ctx.db, t.now())).pilotReviews).toBe(0);
    const res = await regulator.post(`/api/v1/proposals/${id}/pilot-review`, {
      outcome: 'extend',
      reasons: 'حجم نزدیک به برآورد است؛ سه ماه دیگر برای سنجش بازگشتی‌ها.',
      until: '1405-06-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The new last day 2026-09-22 falls due thirty days before: 08-23.
    expect(res.json().pilotReview).toMatchObject({
      state: 'running',
      pilotUntil: '2026-09-22',
      dueOn: '2026-08-23',
      reviews: [
        { outcome: 'extend', pilotUntilBefore: '2026-07-22', extendedUntil: '2026-09-22', decidedOn: '2026-06-22' },
      ],
    });
    expect(res.json().pilotReview.reviews[0].offices).toBeGreaterThanOrEqual(2);
    expect(await grants('mediation-request')).toEqual([
      { office: '13001', status: 'active', pilot: true, until: '2026-09-22' },
      { office: '13002', status: 'active', pilot: true, until: '2026-09-22' },
    ]);
    const fees = await t.query<{ provinces: number[]; from: string; until: string }>(
      `select province_ids as provinces, to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_until, 'YYYY-MM-DD') as until
       from pilot_fees where service_code = 'mediation-request' order by id`,
    );
    expect(fees).toEqual([
      { provinces: [3], from: '2026-05-05', until: '2026-07-22' },
      { provinces: [3], from: '2026-06-22', until: '2026-09-22' },
    ]);
    const [review] = await t.query<{ services: number }>(
      "select (figures->>'services')::int as services from proposal_pilot_reviews where proposal_id = $1",
      [id],
    );
    expect(review.services).toBe(2);
  });

  it('on 3 Mehr, past its last day, Isfahan is refused and the pilot waits for its review', async () => {
    onDay('2026-09-25');
    await signIn();
    expectProblem(await charge(await t.signInStaff('operator.13001'), 'pilot-3'), 422, 'service_outside_pilot');
    const p = (await regulator.get(`/api/v1/proposals/${id}`)).json();
    expect(p.pilotReview.state).toBe('lapsed');
  });

  it("adopted nationally: Tehran's office holds it with no last day and charges it at the approved fee", async () => {
    const res = await regulator.post(`/api/v1/proposals/${id}/pilot-review`, {
      outcome: 'adopt',
      reasons: 'شش ماه آزمایش موفق بود؛ ارائه در همهٔ استان‌ها.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pilotReview.state).toBe('adopted');
    expect(await grants('mediation-request')).toEqual([
      { office: '11001', status: 'active', pilot: false, until: null },
      { office: '13001', status: 'active', pilot: false, until: null },
      { office: '13002', status: 'active', pilot: false, until: null },
    ]);
    const [national] = await t.query<{ n: number; until: string }>(
      `select jsonb_array_length(province_ids)::int as n, to_char(valid_until, 'YYYY-MM-DD') as until
       from pilot_fees where service_code = 'mediation-request' order by id desc limit 1`,
    );
    const [provinces] = await t.query<{ n: number }>('select count(*)::int as n from provinces');
    expect(national).toEqual({ n: provinces.n, until: '2028-03-19' });
    const quote = await t.anonymous().post('/api/v1/fees/quote', { service: 'mediation-request', provinceId: 1 });
    expect(quote.statusCode, quote.body).toBe(200);
    expect(quote.json().totalRials).toBe(900_000);
    await licence('operator.11001', 'mediation-request');
    const tehran = await charge(await t.signInStaff('operator.11001'), 'national-1');
    expect(tehran.statusCode, tehran.body).toBe(201);
    expect(tehran.json().amountRials).toBe(900_000);
    const actions = await t.query<{ action: string; outcome: string }>(
      `select action, data->>'outcome' as outcome from audit_events
       where entity_type = 'service_proposal' and entity_id = $1 and action = 'proposals.pilot-review' order by seq`,
      [String(id)],
    );
    expect(actions).toEqual([
      { action: 'proposals.pilot-review', outcome: 'extend' },
      { action: 'proposals.pilot-review', outcome: 'adopt' },
    ]);
  });

  it('a concluded pilot is not reviewed again, and no longer listed as due', async () => {
    expectProblem(
      await regulator.post(`/api/v1/proposals/${id}/pilot-review`, { outcome: 'end', reasons: 'دوباره' }),
      409,
      'pilot_already_concluded',
    );
    expect((await regulator.get('/api/v1/proposals?pilotReview=due')).json().items).toEqual([]);
  });
});

/** The line of a schedule for a code: its office fee, or null when the schedule has no such line. */
async function lineOf(scheduleId: number, code: string): Promise<number | null> {
  const rows = await t.query<{ amount: number }>(
    'select amount_rials::int as amount from tariff_lines where schedule_id = $1 and code = $2',
    [scheduleId, code],
  );
  return rows[0]?.amount ?? null;
}

const endPilot = (id: number) =>
  regulator.post(`/api/v1/proposals/${id}/pilot-review`, {
    outcome: 'end',
    reasons: 'تقاضا کمتر از یک‌دهم برآورد بود.',
  });

describe('a pilot ended by its review', () => {
  it("withdraws the pilot offices' competencies, takes the new service off the catalog and its line out of the draft", async () => {
    onDay('2026-05-05');
    await signIn();
    const id = await approvedPilot(
      { ...mediation, serviceCode: 'reconciliation-desk', titleFa: 'میز سازش', titleEn: 'Reconciliation desk' },
      '1405-03-20',
    );
    const scheduleId: number = (await regulator.get(`/api/v1/proposals/${id}`)).json().decision.tariffScheduleId;
    // The approval drafted the proposed fee of 900,000 Rials into the next schedule.
    expect(await lineOf(scheduleId, 'reconciliation-desk')).toBe(900_000);
    onDay('2026-06-05');
    await signIn();
    const res = await endPilot(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pilotReview.state).toBe('ended');
    expect(res.json().pilotReview.reviews[0].tariffLine).toBe('removed');
    expect(await grants('reconciliation-desk')).toEqual([
      { office: '13001', status: 'withdrawn', pilot: true, until: '2026-06-10' },
      { office: '13002', status: 'withdrawn', pilot: true, until: '2026-06-10' },
    ]);
    const catalog = (await t.anonymous().get('/api/v1/catalog/services')).json().items;
    expect(catalog.map((s: { code: string }) => s.code)).not.toContain('reconciliation-desk');
    const [withdrawn] = await t.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'competency.status.change' and data->>'serviceCode' = 'reconciliation-desk'`,
    );
    expect(withdrawn.n).toBe(res.json().pilotReview.reviews[0].offices);
    // The draft no longer prices the ended service, and the edit is on the schedule's audit trail.
    expect(await lineOf(scheduleId, 'reconciliation-desk')).toBeNull();
    const [edit] = await t.query<{ removed: string[] }>(
      `select data->'removed' as removed from audit_events where action = 'tariffs.schedule.edit'
         and entity_id = $1 order by seq desc limit 1`,
      [String(scheduleId)],
    );
    expect(edit.removed).toEqual(['reconciliation-desk']);
  });

  it('an extension of an existing service ended: its draft line returns to the fee in force, not removed', async () => {
    onDay('2026-05-05');
    await signIn();
    // The demo's extension of professional licence renewal to Khorasan Razavi and Fars is on its decision clock.
    const listed = (await regulator.get('/api/v1/proposals?open=true')).json().items;
    const extension = listed.find((p: { service: { code: string } }) => p.service.code === 'licence-renewal');
    const decided = await regulator.post(`/api/v1/proposals/${extension.id}/decide`, {
      outcome: 'approve',
      pilot: true,
      pilotUntil: '1405-03-20',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const scheduleId: number = decided.json().decision.tariffScheduleId;
    // The fee in force for it, read from the approved schedule in force today (the demo's tariff).
    const [inForce] = await t.query<{ amount: number }>(
      `select l.amount_rials::int as amount from tariff_lines l join tariff_schedules s on s.id = l.schedule_id
       where l.code = 'licence-renewal' and s.status = 'approved' and s.effective_from <= '2026-05-05'
       order by s.effective_from desc limit 1`,
    );
    expect(inForce.amount).not.toBe(650_000);
    expect(await lineOf(scheduleId, 'licence-renewal')).toBe(650_000);
    onDay('2026-06-05');
    await signIn();
    const res = await endPilot(extension.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pilotReview.reviews[0].tariffLine).toBe('restored');
    expect(await lineOf(scheduleId, 'licence-renewal')).toBe(inForce.amount);
    // An existing service stays in the catalog.
    const catalog = (await t.anonymous().get('/api/v1/catalog/services')).json().items;
    expect(catalog.map((s: { code: string }) => s.code)).toContain('licence-renewal');
  });

  it('once the schedule carrying the line is approved, ending the pilot leaves that schedule as approved', async () => {
    onDay('2026-05-05');
    await signIn();
    const id = await approvedPilot(
      { ...mediation, serviceCode: 'family-mediation', titleFa: 'میانجی‌گری خانواده', titleEn: 'Family mediation' },
      '1405-03-20',
    );
    const scheduleId: number = (await regulator.get(`/api/v1/proposals/${id}`)).json().decision.tariffScheduleId;
    const approved = await regulator.post(`/api/v1/tariffs/schedules/${scheduleId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    onDay('2026-06-05');
    await signIn();
    const res = await endPilot(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pilotReview.reviews[0].tariffLine).toBe('kept-approved');
    expect(await lineOf(scheduleId, 'family-mediation')).toBe(900_000);
    // The service left the catalog and no office holds it, so no counter charges it although the schedule prices it.
    const office = await t.signInStaff('operator.13001');
    const refused = expectProblem(await charge(office, 'ended-1', 'family-mediation'), 400, 'validation_failed');
    expect(fieldErrors(refused).serviceCode).toBeDefined();
  });
});
