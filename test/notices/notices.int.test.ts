/**
 * Electronic notices: issued by the court to every party with an e-account, an SMS that says only
 * that a notice arrived, delivery when the citizen opens it, and the deadline that runs from
 * delivery (Arts. 443–445: the delivery day not counted, moved off Fridays and official holidays).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineFromDelivery } from '#core/deadlines';
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate, weekdayOfIso } from '#core/jalali';
import { NOTICE_SMS } from '#server/modules/notices/service';
import { expectProblem, fieldErrors } from '../support/problems';
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

async function insertCase(courtId: number, provinceId: number, number: string, parties: { citizenId: number | null; name: string; role: string }[]) {
  const [row] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, $2, 1, $3, 'مطالبه وجه', 1) returning id::int as id",
    [number, courtId, provinceId]);
  for (const p of parties) {
    await t.query('insert into case_parties (case_id, role, citizen_id, name) values ($1, $2, $3, $4)', [row.id, p.role, p.citizenId, p.name]);
  }
  return row.id;
}

const decision = (overrides: Record<string, unknown> = {}) => ({
  kind: 'decision', title: 'ابلاغ دادنامه', body: 'رأی دادگاه در پروندهٔ مطالبهٔ وجه صادر شد و متن کامل آن پیوست است.', ...overrides,
});

beforeAll(async () => {
  t = await startTestServer();
  [judge, clerkTehran, clerkIsfahan, operator] = await Promise.all([
    t.signInStaff('judge.tehran'), t.signInStaff('clerk.tehran'), t.signInStaff('clerk.isfahan'), t.signInStaff('operator.11001'),
  ]);
  citizen1 = await t.signInCitizen('09120000001');
  citizen2 = await t.signInCitizen('09130000002');
  tehranCase = await insertCase(1, 1, 'T-1405-1', [
    { citizenId: 1, name: 'امیر تهرانی', role: 'claimant' }, { citizenId: 2, name: 'نازنین اصفهانی', role: 'defendant' },
    { citizenId: null, name: 'شرکت بی‌حساب', role: 'third-party' },
  ]);
  isfahanCase = await insertCase(3, 3, 'T-1405-2', [{ citizenId: 2, name: 'نازنین اصفهانی', role: 'claimant' }]);
  orphanCase = await insertCase(1, 1, 'T-1405-3', [{ citizenId: null, name: 'بدون حساب', role: 'claimant' }]);
});
afterAll(async () => { await t?.stop(); });

const counts = async () => ({ notices: await t.count('notices'), deliveries: await t.count('notice_deliveries'), outbox: await t.count('notifier_outbox'), audit: await t.count('audit_events') });

describe('issuing a notice', () => {
  it('a judge\'s notice reaches every party with an e-account (one copy each), with an SMS that does not carry its content', async () => {
    const before = await counts();
    const res = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision());
    expect(res.statusCode, res.body).toBe(201);
    const notice = res.json();
    expect(notice).toMatchObject({ kind: 'decision', recipients: 2, smsQueued: 2, caseId: tehranCase });
    const rows = await t.query<{ citizen_id: number; delivered_at: Date | null }>('select citizen_id::int, delivered_at from notice_deliveries where notice_id = $1 order by citizen_id', [notice.id]);
    expect(rows.map((r) => r.citizen_id)).toEqual([1, 2]);
    expect(rows.every((r) => r.delivered_at === null)).toBe(true);
    const sms = await t.query<{ recipient: string; body: string; template: string }>("select recipient, body, template from notifier_outbox where template = 'notice.new' order by id desc limit 2");
    expect(sms.map((m) => m.recipient).sort()).toEqual(['09120000001', '09130000002']);
    for (const m of sms) {
      expect(m.body).toBe(NOTICE_SMS);
      expect(m.body).toMatch(/ابلاغیه الکترونیک جدید/);
      expect(m.body).not.toContain('رأی دادگاه');
    }
    const after = await counts();
    expect(after.notices - before.notices).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    const [audit] = await t.query<{ action: string }>("select action from audit_events order by seq desc limit 1");
    expect(audit.action).toBe('notices.issue');
  });

  it('a summons needs a hearing date and time: refused on both fields, nothing written', async () => {
    const before = await counts();
    const problem = expectProblem(await clerkTehran.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'summons' })), 400, 'validation_failed');
    const errors = fieldErrors(problem);
    expect(errors.hearingDate.code).toBe('hearing_required');
    expect(errors.hearingTime.code).toBe('hearing_required');
    expect(errors.hearingDate.message.fa).toMatch(/جلسه/);
    expect(await counts()).toEqual(before);
  });

  it('a hearing in the past, an impossible Jalali date and a malformed time are each refused on their field', async () => {
    const before = await counts();
    let problem = expectProblem(await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'summons', hearingDate: '1400-01-15', hearingTime: '09:30' })), 400);
    expect(fieldErrors(problem).hearingDate.code).toBe('hearing_in_past');
    problem = expectProblem(await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'summons', hearingDate: '1405-12-31', hearingTime: '09:30' })), 400);
    expect(fieldErrors(problem).hearingDate.code).toBe('invalid_jalali_date');
    problem = expectProblem(await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'summons', hearingDate: '1499-01-15', hearingTime: '25:10' })), 400);
    expect(fieldErrors(problem).hearingTime.code).toBe('invalid_time');
    expect(await counts()).toEqual(before);
  });

  it('a summons keeps its hearing time as Tehran time (Persian digits accepted)', async () => {
    const res = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'summons', title: 'احضاریه', hearingDate: '۱۴۹۹/۰۱/۱۵', hearingTime: '۰۹:۳۰' }));
    expect(res.statusCode, res.body).toBe(201);
    const hearingAt = new Date(res.json().hearingAt);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tehran', hour: '2-digit', minute: '2-digit' }).format(hearingAt)).toBe('09:30');
    expect(formatJalaliIso(isoToJalali(tehranIsoDate(hearingAt)))).toBe('1499-01-15');
  });

  it('a case where no party has an e-account cannot be served electronically (422), nothing written', async () => {
    const before = await counts();
    expectProblem(await judge.post(`/api/v1/court/cases/${orphanCase}/notices`, decision()), 422, 'no_notice_recipients');
    expect(await counts()).toEqual(before);
  });

  it('another court\'s clerk gets 404 for the case; citizens and operators are refused (403)', async () => {
    const before = await counts();
    expectProblem(await clerkIsfahan.post(`/api/v1/court/cases/${tehranCase}/notices`, decision()), 404, 'not_found');
    expectProblem(await judge.post(`/api/v1/court/cases/${isfahanCase}/notices`, decision()), 404, 'not_found');
    expectProblem(await citizen1.post(`/api/v1/court/cases/${tehranCase}/notices`, decision()), 403, 'forbidden');
    expectProblem(await operator.post(`/api/v1/court/cases/${tehranCase}/notices`, decision()), 403, 'forbidden');
    expect(await counts()).toEqual(before);
  });

  it('an unknown kind and unknown fields are refused', async () => {
    expectProblem(await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'verdict' })), 400, 'validation_failed');
    expectProblem(await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ extra: 1 })), 400, 'validation_failed');
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

  it('opening a notice online records delivery at that moment and fixes the 20-day decision deadline (Art. 336) over the holiday calendar', async () => {
    const before = t.now().getTime();
    const res = await citizen1.get(`/api/v1/me/notices/${noticeId}`);
    expect(res.statusCode, res.body).toBe(200);
    const opened = res.json();
    expect(opened.body).toContain('رأی دادگاه');
    expect(opened.delivered).toBe(true);
    expect(opened.deliveredChannel).toBe('online');
    expect(new Date(opened.deliveredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const today = t.today();
    const holidays = new Set((await t.query<{ day: string }>("select to_char(day, 'YYYY-MM-DD') as day from holidays")).map((h) => h.day));
    const expected = deadlineFromDelivery(today, 20, holidays);
    expect(opened.deadline).toMatchObject({ days: 20, lastDay: expected.lastDay, lastDayJalali: formatJalaliIso(isoToJalali(expected.lastDay)), movedFrom: expected.movedFrom });
    expect(opened.rule.source).toMatch(/336/);
    const [row] = await t.query<{ deadline_days: number; deadline_date: string; delivered_channel: string }>(
      "select deadline_days, to_char(deadline_date, 'YYYY-MM-DD') as deadline_date, delivered_channel from notice_deliveries where notice_id = $1 and citizen_id = 1", [noticeId]);
    expect(row).toEqual({ deadline_days: 20, deadline_date: expected.lastDay, delivered_channel: 'online' });
  });

  it('opening it again does not move the delivery or the deadline', async () => {
    const [first] = await t.query<{ delivered_at: Date }>('select delivered_at from notice_deliveries where notice_id = $1 and citizen_id = 1', [noticeId]);
    const res = await citizen1.get(`/api/v1/me/notices/${noticeId}`);
    expect(res.statusCode).toBe(200);
    expect(new Date(res.json().deliveredAt).getTime()).toBe(first.delivered_at.getTime());
    const delivered = await t.query("select 1 from audit_events where action = 'notices.deliver' and entity_id = $1", [String(noticeId)]);
    expect(delivered).toHaveLength(1);
  });

  it('one party opening the notice does not deliver the other party\'s copy', async () => {
    const [other] = await t.query<{ delivered_at: Date | null }>('select delivered_at from notice_deliveries where notice_id = $1 and citizen_id = 2', [noticeId]);
    expect(other.delivered_at).toBeNull();
  });

  it('a notice addressed to someone else is not found, and nothing is delivered', async () => {
    const isfahan = await clerkIsfahan.post(`/api/v1/court/cases/${isfahanCase}/notices`, decision());
    expect(isfahan.statusCode, isfahan.body).toBe(201);
    expectProblem(await citizen1.get(`/api/v1/me/notices/${isfahan.json().id}`), 404, 'not_found');
    const [row] = await t.query<{ delivered_at: Date | null }>('select delivered_at from notice_deliveries where notice_id = $1', [isfahan.json().id]);
    expect(row.delivered_at).toBeNull();
  });

  it('staff cannot open a citizen\'s notice through the citizen\'s endpoint', async () => {
    expectProblem(await operator.get(`/api/v1/me/notices/${noticeId}`), 403, 'forbidden');
    expectProblem(await judge.get('/api/v1/me/overview'), 403, 'forbidden');
  });

  it('when the last day falls on an official holiday the deadline moves to the next open day, and says so', async () => {
    const nominal = addDaysIso(t.today(), 20);
    if (weekdayOfIso(nominal) !== 5) {
      await t.query("insert into holidays (day, title_fa, title_en) values ($1, 'تعطیل آزمایشی', 'Test holiday') on conflict do nothing", [nominal]);
    }
    const holidays = new Set((await t.query<{ day: string }>("select to_char(day, 'YYYY-MM-DD') as day from holidays")).map((h) => h.day));
    const expected = deadlineFromDelivery(t.today(), 20, holidays);
    expect(expected.movedFrom).toBe(nominal);
    const issued = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ title: 'دادنامهٔ دوم' }));
    const opened = (await citizen2.get(`/api/v1/me/notices/${issued.json().id}`)).json();
    expect(opened.deadline.lastDay).toBe(expected.lastDay);
    expect(opened.deadline.movedFrom).toBe(nominal);
    expect(opened.deadline.movedReason).toBe(weekdayOfIso(nominal) === 5 ? 'friday' : 'holiday');
    expect(opened.deadline.lastDay > nominal).toBe(true);
    expect(opened.deadline.daysLeft).toBeGreaterThan(20);
    const list = (await citizen2.get('/api/v1/me/overview')).json();
    const item = list.notices.find((n: { id: number }) => n.id === issued.json().id);
    expect(item.deadline.movedFrom).toBe(nominal);
    if (weekdayOfIso(nominal) !== 5) expect(item.deadline.holidayTitle?.fa).toBeTruthy();
  });

  it('a summons or notification runs no deadline from delivery', async () => {
    const issued = await judge.post(`/api/v1/court/cases/${tehranCase}/notices`, decision({ kind: 'notification', title: 'اطلاعیه' }));
    const opened = (await citizen1.get(`/api/v1/me/notices/${issued.json().id}`)).json();
    expect(opened.delivered).toBe(true);
    expect(opened.deadline).toBeNull();
  });
});

describe('the citizen\'s tracking overview', () => {
  it('shows the citizen\'s own filings, cases and notices, and nobody else\'s', async () => {
    await t.query(`insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id, subject, tracking_code, submitted_at)
      values ('petition', 'submitted', 'office', 1, 1, 1, 1, 1, 'دادخواست آزمایشی', '90000000017', $1),
             ('petition', 'draft', 'office', 4, 3, 2, 1, 3, 'پیش‌نویس اصفهان', null, null)`, [t.now()]);
    const res = await citizen1.get('/api/v1/me/overview');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.filings.map((f: { subject: string }) => f.subject)).toContain('دادخواست آزمایشی');
    expect(o.filings.map((f: { subject: string }) => f.subject)).not.toContain('پیش‌نویس اصفهان');
    expect(o.cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(expect.arrayContaining(['T-1405-1']));
    expect(o.cases.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain('T-1405-2');
    expect(o.notices.length).toBeGreaterThan(0);
    expect(o.totals.filings).toBe(o.filings.length);
    const cases = (await citizen2.get('/api/v1/me/cases')).json();
    expect(cases.items.map((c: { caseNumber: string }) => c.caseNumber).sort()).toEqual(['T-1405-1', 'T-1405-2']);
    const filings = (await citizen2.get('/api/v1/me/filings')).json();
    expect(filings.items.map((f: { subject: string }) => f.subject)).toEqual(['پیش‌نویس اصفهان']);
  });

  it('anonymous callers are asked to sign in', async () => {
    expectProblem(await t.anonymous().get('/api/v1/me/overview'), 401, 'unauthenticated');
    expectProblem(await t.anonymous().get('/api/v1/me/notices/1'), 401, 'unauthenticated');
  });
});
