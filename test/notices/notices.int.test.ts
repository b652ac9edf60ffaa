/**
 * Electronic notices: issued by the court to every party with an e-account, an SMS that says only
 * that a notice arrived, delivery when the citizen opens it, and the deadline that runs from
 * delivery (Arts. 443–445: neither the day of delivery nor the day of the action counts, and the last
 * day moves off Fridays and official holidays). The server runs on a chosen clock for the deadline
 * tests; every expected last day is counted by hand on the official calendar (sources in
 * src/core/deadlines.test.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { NOTICE_SMS } from '#server/modules/notices/service';
import { clockStartingAt } from '#server/platform/clock/clock';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let judge: Client;
let clerkTehran: Client;
let clerkIsfahan: Client;
let citizen1: Client;
let citizen2: Client;
let operator: Client;
let tehranCase: number;
let isfahanCase: number;
let orphanCase: number;

async function insertCase(
  courtId: number,
  provinceId: number,
  number: string,
  parties: { citizenId: number | null; name: string; role: string }[],
) {
  const [row] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, $2, 1, $3, 'مطالبه وجه', 1) returning id::int as id",
    [number, courtId, provinceId],
  );
  for (const p of parties) {
    await t.query('insert into case_parties (case_id, role, citizen_id, name) values ($1, $2, $3, $4)', [
      row.id,
      p.role,
      p.citizenId,
      p.name,
    ]);
  }
  return row.id;
}

const decision = (overrides: Record<string, unknown> = {}) => ({
  kind: 'decision',
  title: 'ابلاغ دادنامه',
  body: 'رأی دادگاه در پروندهٔ مطالبهٔ وجه صادر شد و متن کامل آن پیوست است.',
  ...overrides,
});

/** The server's "now": the test world's (TEST_NOW on), unless a test chose a day. */
let chosen: Date | null = null;
const world = clockStartingAt(TEST_NOW);
const clock = { now: () => (chosen ? new Date(chosen.getTime()) : world.now()) };
afterEach(() => {
  chosen = null;
});

beforeAll(async () => {
  t = await startTestServer({ clock });
  [judge, clerkTehran, clerkIsfahan, operator] = await Promise.all([
    t.signInStaff('judge.tehran'),
    t.signInStaff('clerk.tehran'),
    t.signInStaff('clerk.isfahan'),
    t.signInStaff('operator.11001'),
  ]);
  citizen1 = await t.signInCitizen('09120000001');
  citizen2 = await t.signInCitizen('09130000002');
  tehranCase = await insertCase(1, 1, 'T-1405-1', [
    { citizenId: 1, name: 'امیر تهرانی', role: 'claimant' },
    { citizenId: 2, name: 'نازنین اصفهانی', role: 'defendant' },
    { citizenId: null, name: 'شرکت بی‌حساب', role: 'third-party' },
  ]);
  isfahanCase = await insertCase(3, 3, 'T-1405-2', [{ citizenId: 2, name: 'نازنین اصفهانی', role: 'claimant' }]);
  orphanCase = await insertCase(1, 1, 'T-1405-3', [{ citizenId: null, name: 'بدون حساب', role: 'claimant' }]);
});
afterAll(async () => {
  await t?.stop();
});

const counts = async () => ({
  notices: await t.count('notices'),
  deliveries: await t.count('notice_deliveries'),
  outbox: await t.count('notifier_outbox'),
  audit: await t.count('audit_events'),
});

describe('issuing a notice', () => {
  it("a judge's notice reaches every party with an e-account (one copy each), with an SMS that does not carry its content", async () => {
    const before = await counts();
    const res = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision());
    expect(res.statusCode, res.body).toBe(201);
    const notice = res.json();
    expect(notice).toMatchObject({ kind: 'decision', recipients: 2, smsQueued: 2, caseId: tehranCase });
    const rows = await t.query<{ citizen_id: number; delivered_at: Date | null }>(
      'select citizen_id::int, delivered_at from notice_deliveries where notice_id = $1 order by citizen_id',
      [notice.id],
    );
    expect(rows.map((r) => r.citizen_id)).toEqual([1, 2]);
    expect(rows.every((r) => r.delivered_at === null)).toBe(true);
    const sms = await t.query<{ recipient: string; body: string; template: string }>(
      "select recipient, body, template from notifier_outbox where template = 'notice.new' order by id desc limit 2",
    );
    expect(sms.map((m) => m.recipient).sort()).toEqual(['09120000001', '09130000002']);
    for (const m of sms) {
      expect(m.body).toBe(NOTICE_SMS);
      expect(m.body).toMatch(/ابلاغیه الکترونیک جدید/);
      expect(m.body).not.toContain('رأی دادگاه');
    }
    const after = await counts();
    expect(after.notices - before.notices).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    const [audit] = await t.query<{ action: string }>('select action from audit_events order by seq desc limit 1');
    expect(audit.action).toBe('notices.issue');
  });

  it('a summons needs a hearing date and time: refused on both fields, nothing written', async () => {
    const before = await counts();
    const problem = expectProblem(
      await clerkTehran.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'summons' })),
      400,
      'validation_failed',
    );
    const errors = fieldErrors(problem);
    expect(errors.hearingDate.code).toBe('hearing_required');
    expect(errors.hearingTime.code).toBe('hearing_required');
    expect(errors.hearingDate.message.fa).toMatch(/جلسه/);
    expect(await counts()).toEqual(before);
  });

  it('a hearing in the past, an impossible Jalali date and a malformed time are each refused on their field', async () => {
    const before = await counts();
    let problem = expectProblem(
      await judge.post(
        `/api/v1/court/cases/${tehranCase}/notices`,
        decision({ kind: 'summons', hearingDate: '1400-01-15', hearingTime: '09:30' }),
      ),
      400,
    );
    expect(fieldErrors(problem).hearingDate.code).toBe('hearing_in_past');
    problem = expectProblem(
      await judge.post(
        `/api/v1/court/cases/${tehranCase}/notices`,
        decision({ kind: 'summons', hearingDate: '1405-12-31', hearingTime: '09:30' }),
      ),
      400,
    );
    expect(fieldErrors(problem).hearingDate.code).toBe('invalid_jalali_date');
    problem = expectProblem(
      await judge.post(
        `/api/v1/court/cases/${tehranCase}/notices`,
        decision({ kind: 'summons', hearingDate: '1499-01-15', hearingTime: '25:10' }),
      ),
      400,
    );
    expect(fieldErrors(problem).hearingTime.code).toBe('invalid_time');
    expect(await counts()).toEqual(before);
  });

  it('a summons keeps its hearing time as Tehran time (Persian digits accepted)', async () => {
    const res = await judge.post(
      `/api/v1/court/cases/${tehranCase}/notices`,
      decision({ kind: 'summons', title: 'احضاریه', hearingDate: '۱۴۹۹/۰۱/۱۵', hearingTime: '۰۹:۳۰' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const hearingAt = new Date(res.json().hearingAt);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tehran', hour: '2-digit', minute: '2-digit' }).format(
        hearingAt,
      ),
    ).toBe('09:30');
    expect(formatJalaliIso(isoToJalali(tehranIsoDate(hearingAt)))).toBe('1499-01-15');
  });

  it('a case with no party at all cannot be served (422), nothing written; one whose parties have no e-account is served on paper', async () => {
    const [empty] = await t.query<{ id: number }>(
      "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('T-1405-4', 1, 1, 1, 'بدون طرف', 1) returning id::int as id",
    );
    const before = await counts();
    expectProblem(await judge.post(`/api/v1/court/cases/${empty.id}/notices`, decision()), 422, 'no_notice_recipients');
    expect(await counts()).toEqual(before);
    // No electronic copy and no SMS: the court's bailiff serves it (test/notices/paper-service.int.test.ts).
    const paper = await judge.post(`/api/v1/court/cases/${orphanCase}/notices`, decision());
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json()).toMatchObject({ recipients: 0, onPaper: 1, smsQueued: 0 });
    expect(await counts()).toEqual({ ...before, notices: before.notices + 1, audit: before.audit + 1 });
  });

  it("another court's clerk gets 404 for the case; citizens and operators are refused (403)", async () => {
    const before = await counts();
    expectProblem(await clerkIsfahan.post(`/api/v1/court/cases/${tehranCase}/notices`, decision()), 404, 'not_found');
    expectProblem(await judge.post(`/api/v1/court/cases/${isfahanCase}/notices`, decision()), 404, 'not_found');
    expectProblem(await citizen1.post(`/api/v1/court/cases/${tehranCase}/notices`, decision()), 403, 'forbidden');
    expectProblem(await operator.post(`/api/v1/court/cases/${tehranCase}/notices`, decision()), 403, 'forbidden');
    expect(await counts()).toEqual(before);
  });

  it('an unknown kind and unknown fields are refused', async () => {
    expectProblem(
      await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'verdict' })),
      400,
      'validation_failed',
    );
    expectProblem(
      await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ extra: 1 })),
      400,
      'validation_failed',
    );
  });
});

describe('delivery and the deadline that runs from it', () => {
  let noticeId: number;

  beforeAll(async () => {
    const res = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ title: 'دادنامه برای مهلت' }));
    noticeId = res.json().id;
  });

  it('the citizen sees the notice undelivered in their list, without a deadline yet', async () => {
    const res = await citizen1.get('/api/v1/me/notices');
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((n: { id: number }) => n.id === noticeId);
    expect(item).toMatchObject({ delivered: false, deliveredAt: null, deadline: null, kind: 'decision' });
    expect(item.case.caseNumber).toBe('T-1405-1');
    expect(res.json().undelivered).toBeGreaterThan(0);
  });

  it('opening a notice online records delivery at that moment and fixes the 20-day decision deadline (Art. 336): from 15 Farvardin 1404 it is Saturday 6 Ordibehesht', async () => {
    // 10:00 in Tehran on 15 Farvardin 1404. Counted 16 Farvardin … 4 Ordibehesht; the act on 5 Ordibehesht,
    // a Friday (2025-04-25), moves to Saturday 6 Ordibehesht (2025-04-26).
    chosen = new Date('2025-04-04T06:30:00Z');
    // Eid al-Adha 1404 was Friday 16 Khordad (the official calendar; the tabular one says 17 Khordad), as an admin records it.
    await t.query(
      "insert into lunar_holiday_decisions (hijri, day, computed_day, decided_at) values ('1446-12-10', '2025-06-06', '2025-06-07', now()) on conflict do nothing",
    );
    const res = await citizen1.get(`/api/v1/me/notices/${noticeId}`);
    expect(res.statusCode, res.body).toBe(200);
    const opened = res.json();
    expect(opened.body).toContain('رأی دادگاه');
    expect(opened.delivered).toBe(true);
    expect(opened.deliveredChannel).toBe('online');
    expect(opened.deliveredAt).toBe('2025-04-04T06:30:00.000Z');
    expect(opened.deadline).toEqual({
      days: 20,
      lastDay: '2025-04-26',
      lastDayJalali: '1404-02-06',
      nominalLastDay: '2025-04-25',
      movedFrom: '2025-04-25',
      movedFromJalali: '1404-02-05',
      movedReason: 'friday',
      holidayTitle: null,
      moved: [{ date: '2025-04-25', jalali: '1404-02-05', reason: 'friday', title: null }],
      daysLeft: 22,
      expired: false,
    });
    expect(opened.rule.source).toMatch(/336/);
    // The time to appeal (Art. 336): twenty days for a resident, the same last day; two months abroad: 60 days
    // counted 16 Farvardin … 13 Khordad, the act on 14 Khordad moves over 14–15 Khordad (holidays) and Friday
    // 16 Khordad to Saturday 17 Khordad 1404 (2025-06-07).
    expect(opened.appeal).toEqual({
      resident: { days: 20, lastDay: '2025-04-26', daysLeft: 22, open: true },
      abroad: { days: 60, lastDay: '2025-06-07', daysLeft: 64, open: true },
    });
    const [row] = await t.query<{ deadline_days: number; deadline_date: string; delivered_channel: string }>(
      "select deadline_days, to_char(deadline_date, 'YYYY-MM-DD') as deadline_date, delivered_channel from notice_deliveries where notice_id = $1 and citizen_id = 1",
      [noticeId],
    );
    expect(row).toEqual({ deadline_days: 20, deadline_date: '2025-04-26', delivered_channel: 'online' });
  });

  it('opening it again days later does not move the delivery or the deadline; only the days left change', async () => {
    chosen = new Date('2025-04-07T06:30:00Z'); // 18 Farvardin 1404
    const [first] = await t.query<{ delivered_at: Date }>(
      'select delivered_at from notice_deliveries where notice_id = $1 and citizen_id = 1',
      [noticeId],
    );
    const res = await citizen1.get(`/api/v1/me/notices/${noticeId}`);
    expect(res.statusCode).toBe(200);
    expect(new Date(res.json().deliveredAt).getTime()).toBe(first.delivered_at.getTime());
    expect(res.json().deadline).toMatchObject({ lastDay: '2025-04-26', daysLeft: 19 });
    const delivered = await t.query("select 1 from audit_events where action = 'notices.deliver' and entity_id = $1", [
      String(noticeId),
    ]);
    expect(delivered).toHaveLength(1);
  });

  it("one party opening the notice does not deliver the other party's copy", async () => {
    const [other] = await t.query<{ delivered_at: Date | null }>(
      'select delivered_at from notice_deliveries where notice_id = $1 and citizen_id = 2',
      [noticeId],
    );
    expect(other.delivered_at).toBeNull();
  });

  it('an appeal names the decision it appeals: only an appeal, only a decision delivered to its applicant, and the notice lists it', async () => {
    chosen = new Date('2025-04-07T06:30:00Z'); // 18 Farvardin 1404, within the 20 days
    const appeal = (nationalId: string, overrides: Record<string, unknown> = {}) => ({
      service: 'appeal',
      applicantNationalId: nationalId,
      appealsNoticeId: noticeId,
      courtId: 1,
      branch: 1,
      subject: 'تجدیدنظرخواهی از دادنامه در پروندهٔ T-1405-1',
      ...overrides,
    });
    // A petition does not appeal anything.
    const petition = await operator.post('/api/v1/filings', appeal('0499370899', { service: 'petition' }));
    const notAppeal = expectProblem(petition, 400, 'validation_failed');
    expect(fieldErrors(notAppeal).appealsNoticeId.code).toBe('appeal_only');
    expect(fieldErrors(notAppeal).appealsNoticeId.message.fa).toContain('تجدیدنظر');
    // The other party's copy was never delivered: their appeal cannot name it as delivered to them.
    const undelivered = await operator.post('/api/v1/filings', appeal('1290000018'));
    expect(fieldErrors(expectProblem(undelivered, 400, 'validation_failed')).appealsNoticeId.code).toBe(
      'appeal_decision_unknown',
    );
    // A notice that is not a decision (a summons, delivered or not) is not appealed.
    const [summons] = await t.query<{ id: number }>(
      "insert into notices (case_id, court_id, province_id, kind, title, body, issued_by) values ($1, 1, 1, 'summons', 'احضاریه', 'حضور در جلسه', 1) returning id::int as id",
      [tehranCase],
    );
    await t.query(
      'insert into notice_deliveries (notice_id, citizen_id, province_id, delivered_at) values ($1, 1, 1, now())',
      [summons.id],
    );
    const notDecision = await operator.post('/api/v1/filings', appeal('0499370899', { appealsNoticeId: summons.id }));
    expect(fieldErrors(expectProblem(notDecision, 400, 'validation_failed')).appealsNoticeId.code).toBe(
      'appeal_decision_unknown',
    );
    // The party it was delivered to appeals it at an office: the filing keeps the decision it appeals, audited.
    const res = await operator.post('/api/v1/filings', appeal('0499370899'));
    expect(res.statusCode, res.body).toBe(201);
    const filing = res.json();
    expect(filing.appealsNoticeId).toBe(noticeId);
    const [audited] = await t.query<{ data: { appealsNoticeId?: number } }>(
      "select data from audit_events where action = 'filings.create' and entity_id = $1",
      [String(filing.id)],
    );
    expect(audited.data.appealsNoticeId).toBe(noticeId);
    // The decision's notice lists the appeal started from it to its reader.
    const opened = (await citizen1.get(`/api/v1/me/notices/${noticeId}`)).json();
    expect(opened.appeals).toEqual([
      { filingId: filing.id, trackingCode: null, status: 'draft', createdAt: filing.createdAt, submittedAt: null },
    ]);
    await t.query('delete from filings where id = $1', [filing.id]);
    await t.query('delete from notices where id = $1', [summons.id]);
  });

  it('one party appeals one decision once: a second appeal is refused while the first stands, also when both come at once', async () => {
    chosen = new Date('2025-04-07T06:30:00Z'); // 18 Farvardin 1404, within the 20 days
    const appeal = {
      service: 'appeal',
      applicantNationalId: '0499370899',
      appealsNoticeId: noticeId,
      courtId: 1,
      branch: 1,
      subject: 'تجدیدنظرخواهی از دادنامه در پروندهٔ T-1405-1',
    };
    const appealsOfNotice = async () =>
      (
        await t.query<{ id: number; status: string }>(
          'select id::int as id, status from filings where appeals_notice_id = $1 and applicant_citizen_id = 1 order by id',
          [noticeId],
        )
      ).map((r) => r.status);
    const first = await operator.post('/api/v1/filings', appeal);
    expect(first.statusCode, first.body).toBe(201);
    // Reopened later, the draft still says which decision it appeals and the time left (Art. 336): delivered on
    // 15 Farvardin 1404, the last days are Saturday 6 Ordibehesht and, abroad, Saturday 17 Khordad 1404, as the
    // notice itself says above; on 18 Farvardin 19 and 61 days are left.
    const reopened = (await operator.get(`/api/v1/filings/${first.json().id}`)).json();
    expect(reopened.appealedDecision).toEqual({
      noticeId,
      title: 'دادنامه برای مهلت',
      courtId: 1,
      courtName: { fa: expect.stringMatching(/[\u0600-\u06FF]/), en: expect.any(String) },
      branch: 1,
      caseNumber: 'T-1405-1',
      deliveredAt: '2025-04-04T06:30:00.000Z',
      appeal: {
        resident: { days: 20, lastDay: '2025-04-26', daysLeft: 19, open: true },
        abroad: { days: 60, lastDay: '2025-06-07', daysLeft: 61, open: true },
      },
    });
    // The same party, the same decision: refused, naming the field and the appeal already started.
    const second = expectProblem(await operator.post('/api/v1/filings', appeal), 409, 'appeal_already_started');
    expect(second.filingId).toBe(first.json().id);
    expect(second.filingStatus).toBe('draft');
    expect(fieldErrors(second).appealsNoticeId.code).toBe('appeal_already_started');
    expect(fieldErrors(second).appealsNoticeId.message.fa).toContain('رأی مورد تجدیدنظر');
    expect(fieldErrors(second).appealsNoticeId.message.en).toContain('the decision appealed');
    // Paid or sent to court, it still stands.
    await t.query("update filings set status = 'submitted' where id = $1", [first.json().id]);
    expectProblem(await operator.post('/api/v1/filings', appeal), 409, 'appeal_already_started');
    // Returned by the court, it no longer stands: a fresh appeal may be started (decision 0042).
    await t.query("update filings set status = 'returned' where id = $1", [first.json().id]);
    const fresh = await operator.post('/api/v1/filings', appeal);
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(await appealsOfNotice()).toEqual(['returned', 'draft']);
    await t.query('delete from filings where appeals_notice_id = $1', [noticeId]);
    // Two requests at once: one appeal results, the other is refused.
    const both = await Promise.all([
      operator.post('/api/v1/filings', appeal),
      operator.post('/api/v1/filings', appeal),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectProblem(both.find((r) => r.statusCode === 409)!, 409, 'appeal_already_started');
    expect(await appealsOfNotice()).toEqual(['draft']);
    await t.query('delete from filings where appeals_notice_id = $1', [noticeId]);
  });

  it('a notice addressed to someone else is not found, and nothing is delivered', async () => {
    const isfahan = await clerkIsfahan.post(`/api/v1/court/cases/${isfahanCase}/notices`, decision());
    expect(isfahan.statusCode, isfahan.body).toBe(201);
    expectProblem(await citizen1.get(`/api/v1/me/notices/${isfahan.json().id}`), 404, 'not_found');
    const [row] = await t.query<{ delivered_at: Date | null }>(
      'select delivered_at from notice_deliveries where notice_id = $1',
      [isfahan.json().id],
    );
    expect(row.delivered_at).toBeNull();
  });

  it("staff cannot open a citizen's notice through the citizen's endpoint", async () => {
    expectProblem(await operator.get(`/api/v1/me/notices/${noticeId}`), 403, 'forbidden');
    expectProblem(await judge.get('/api/v1/me/overview'), 403, 'forbidden');
  });

  it('a last day on Nowruz moves past its four days, and the list says why: from 9 Esfand 1404 it is Wednesday 5 Farvardin 1405', async () => {
    // Counted 10–29 Esfand 1404; the act on 1 Farvardin 1405 (Saturday 2026-03-21), Nowruz until 4 Farvardin.
    chosen = new Date('2026-02-28T05:30:00Z');
    const issued = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ title: 'دادنامهٔ دوم' }));
    const opened = (await citizen2.get(`/api/v1/me/notices/${issued.json().id}`)).json();
    expect(opened.deadline).toMatchObject({
      lastDay: '2026-03-25',
      lastDayJalali: '1405-01-05',
      nominalLastDay: '2026-03-21',
      movedFrom: '2026-03-21',
      movedReason: 'holiday',
      holidayTitle: { fa: 'عید نوروز', en: 'Nowruz' },
      daysLeft: 25,
    });
    expect(opened.deadline.moved.map((m: { jalali: string; title: { fa: string } }) => [m.jalali, m.title.fa])).toEqual(
      [
        ['1405-01-01', 'عید نوروز'],
        ['1405-01-02', 'عید نوروز'],
        ['1405-01-03', 'عید نوروز'],
        ['1405-01-04', 'عید نوروز'],
      ],
    );
    const list = (await citizen2.get('/api/v1/me/overview')).json();
    const item = list.notices.find((n: { id: number }) => n.id === issued.json().id);
    expect(item.deadline).toMatchObject({
      lastDay: '2026-03-25',
      movedFrom: '2026-03-21',
      holidayTitle: { fa: 'عید نوروز' },
    });
    expect(item.deadline.moved).toHaveLength(4);
  });

  it('a day an admin added to the calendar closes a last day too', async () => {
    // From Saturday 20 Ordibehesht 1404 (2025-05-10) the act is due on Saturday 10 Khordad (2025-05-31), made a
    // holiday here, so the last day is Sunday 11 Khordad 1404 (2025-06-01).
    await t.query(
      "insert into holidays (day, title_fa, title_en) values ('2025-05-31', 'تعطیل آزمایشی', 'Test closure')",
    );
    chosen = new Date('2025-05-10T07:00:00Z');
    const issued = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ title: 'دادنامهٔ سوم' }));
    const opened = (await citizen2.get(`/api/v1/me/notices/${issued.json().id}`)).json();
    expect(opened.deadline).toMatchObject({
      lastDay: '2025-06-01',
      movedFrom: '2025-05-31',
      movedReason: 'holiday',
      holidayTitle: { fa: 'تعطیل آزمایشی', en: 'Test closure' },
    });
  });

  it('a summons or notification runs no deadline from delivery', async () => {
    const issued = await judge.post(
      `/api/v1/court/cases/${tehranCase}/notices`,
      decision({ kind: 'notification', title: 'اطلاعیه' }),
    );
    const opened = (await citizen1.get(`/api/v1/me/notices/${issued.json().id}`)).json();
    expect(opened.delivered).toBe(true);
    expect(opened.deadline).toBeNull();
  });
});

describe("the citizen's tracking overview", () => {
  it("shows the citizen's own filings, cases and notices, and nobody else's", async () => {
    await t.query(
      `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id, subject, tracking_code, submitted_at)
      values ('petition', 'submitted', 'office', 1, 1, 1, 1, 1, 'دادخواست آزمایشی', '90000000017', $1),
             ('petition', 'draft', 'office', 4, 3, 2, 1, 3, 'پیش‌نویس اصفهان', null, null)`,
      [t.now()],
    );
    const res = await citizen1.get('/api/v1/me/overview');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.filings.map((f: { subject: string }) => f.subject)).toContain('دادخواست آزمایشی');
    expect(o.filings.map((f: { subject: string }) => f.subject)).not.toContain('پیش‌نویس اصفهان');
    expect(o.cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(expect.arrayContaining(['T-1405-1']));
    expect(o.cases.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain('T-1405-2');
    expect(o.notices.length).toBeGreaterThan(0);
    expect(o.totals.filings).toBe(o.filings.length);
    // The demo's own hearings put citizen 2 on last year's cases too (T-1404-…): this year's are this test's.
    const cases = (await citizen2.get('/api/v1/me/cases')).json();
    const thisYears = cases.items
      .map((c: { caseNumber: string }) => c.caseNumber)
      .filter((n: string) => n.startsWith('T-1405-'));
    expect(thisYears.sort()).toEqual(['T-1405-1', 'T-1405-2']);
    const filings = (await citizen2.get('/api/v1/me/filings')).json();
    expect(filings.items.map((f: { subject: string }) => f.subject)).toEqual(['پیش‌نویس اصفهان']);
  });

  it('anonymous callers are asked to sign in', async () => {
    expectProblem(await t.anonymous().get('/api/v1/me/overview'), 401, 'unauthenticated');
    expectProblem(await t.anonymous().get('/api/v1/me/notices/1'), 401, 'unauthenticated');
  });
});
