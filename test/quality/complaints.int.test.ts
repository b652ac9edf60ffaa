/**
 * Complaints through the API (docs/decisions/0063), in the test world's week: filed Tuesday
 * 15 Ordibehesht 1405 (2026-05-05). The manager's five working days, counted by hand: Wed 05-06 (1),
 * Thu 05-07 (2), Friday 05-08 closed, Sat 05-09 (3), Sun 05-10 (4), Mon 05-11 (5) — due Monday
 * 2026-05-11 (no official holiday falls in that week: the next is Eid al-Adha, 6 Khordad).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let offset = TEST_NOW.getTime() - Date.now();
const clock = { now: () => new Date(Date.now() + offset) };

let t: TestServer;
let citizen1: Client;
let citizen2: Client;
let manager2: Client;
let tehran: Client;
/** A staff member of office 11002 (id 2), the office complained about. */
let staffOf2: number;

const body = (extra: Record<string, unknown> = {}) => ({
  officeId: 2,
  category: 'overcharging',
  occurredOn: '۱۴۰۵/۰۲/۱۳',
  text: 'برای ثبت دادخواست بیش از تعرفه از من پول گرفتند و رسید ندادند.',
  ...extra,
});

beforeAll(async () => {
  t = await startTestServer({ clock });
  [citizen1, citizen2, manager2, tehran] = await Promise.all([
    t.signInCitizen('09120000001'),
    t.signInCitizen('09130000002'),
    t.signInStaff('manager.11002'),
    t.signInStaff('association.tehran'),
  ]);
  [{ id: staffOf2 }] = await t.query<{ id: number }>(
    `select user_id::int as id from role_grants where office_id = 2 order by user_id limit 1`,
  );
});
afterAll(async () => {
  await t?.stop();
});

let online: number;
let atCounter: number;

describe('filing a complaint', () => {
  it('takes a citizen’s complaint online against an office and its operator, on a five-working-day clock, audited', async () => {
    const res = await citizen1.post('/api/v1/quality/complaints', body({ operatorUserId: staffOf2 }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    online = c.id;
    expect(c).toMatchObject({
      office: { code: '11002' },
      operator: { userId: staffOf2 },
      channel: 'online',
      category: 'overcharging',
      occurredOn: '2026-05-03',
      filedOn: '2026-05-05',
      state: 'received',
      answer: null,
      reasons: null,
      answerClock: { elapsed: 0, limitDays: 5, remaining: 5, dueOn: '2026-05-11', state: 'running', daysOver: 0 },
      decidable: false,
    });
    const [audit] = await t.query<{ office_id: number }>(
      `select office_id from audit_events where action = 'quality.complaint.file' and entity_id = $1`,
      [String(online)],
    );
    expect(audit).toEqual({ office_id: 2 });
  });

  it('takes one at another office through its operator, for the citizen named', async () => {
    const operator = await t.signInStaff('operator.11001');
    const [{ id: citizenId }] = await t.query<{ id: number }>(
      `select id::int as id from citizens where mobile = '09130000002'`,
    );
    const res = await operator.post('/api/v1/quality/complaints', body({ category: 'delay', citizenId }));
    expect(res.statusCode, res.body).toBe(201);
    atCounter = res.json().id;
    expect(res.json()).toMatchObject({ channel: 'office', category: 'delay', operator: null });
    // The citizen sees it among their own.
    const mine = (await citizen2.get('/api/v1/quality/complaints')).json();
    expect(mine.items.map((c: { id: number }) => c.id)).toEqual([atCounter]);
  });

  it('names each wrong field in Persian and English, and writes nothing', async () => {
    const before = await t.count('quality_complaints');
    const future = await citizen1.post('/api/v1/quality/complaints', body({ occurredOn: '1405-02-16' }));
    expectProblem(future, 400, 'validation_failed');
    expect(fieldErrors(future.json()).occurredOn.code).toBe('date_in_future');
    const stranger = await citizen1.post('/api/v1/quality/complaints', body({ operatorUserId: 1 }));
    expect(fieldErrors(stranger.json()).operatorUserId).toMatchObject({
      code: 'operator_not_at_office',
      message: { fa: expect.stringContaining('کارمند'), en: expect.stringContaining('does not work') },
    });
    const nowhere = await citizen1.post('/api/v1/quality/complaints', body({ officeId: 999_999 }));
    expect(fieldErrors(nowhere.json()).officeId.code).toBe('invalid_value');
    const short = await citizen1.post('/api/v1/quality/complaints', body({ text: 'بد' }));
    expect(Object.keys(fieldErrors(short.json()))).toEqual(['text']);
    const badCategory = await citizen1.post('/api/v1/quality/complaints', body({ category: 'weather' }));
    expect(Object.keys(fieldErrors(badCategory.json()))).toEqual(['category']);
    // At the office complained about it is not filed: the citizen goes online or to another office.
    const own = await manager2.post('/api/v1/quality/complaints', body({ citizenId: 1 }));
    expect(fieldErrors(own.json()).officeId.code).toBe('complaint_own_office');
    // At an office the citizen must be named.
    const operator = await t.signInStaff('operator.11001');
    const nobody = await operator.post('/api/v1/quality/complaints', body());
    expect(fieldErrors(nobody.json()).citizenId.code).toBe('complainant_required');
    // A citizen files only for themself.
    expectProblem(await citizen1.post('/api/v1/quality/complaints', body({ citizenId: 2 })), 403, 'forbidden');
    expect(await t.count('quality_complaints')).toBe(before);
  });
});

describe('who sees a complaint', () => {
  it('the complainant, the office’s manager and the province’s association; to others it does not exist', async () => {
    expect((await citizen1.get(`/api/v1/quality/complaints/${online}`)).statusCode).toBe(200);
    expect((await manager2.get(`/api/v1/quality/complaints/${online}`)).statusCode).toBe(200);
    expect((await tehran.get(`/api/v1/quality/complaints/${online}`)).statusCode).toBe(200);
    expectProblem(await citizen2.get(`/api/v1/quality/complaints/${online}`), 404, 'not_found');
    const [manager1, isfahan] = await Promise.all([
      t.signInStaff('manager.11001'),
      t.signInStaff('association.isfahan'),
    ]);
    expectProblem(await manager1.get(`/api/v1/quality/complaints/${online}`), 404, 'not_found');
    expectProblem(await isfahan.get(`/api/v1/quality/complaints/${online}`), 404, 'not_found');
    const isfahans = (await isfahan.get('/api/v1/quality/complaints')).json().items as {
      id: number;
      office: { provinceId: number };
    }[];
    expect(isfahans.every((c) => c.office.provinceId === 3)).toBe(true);
    expect(isfahans.map((c) => c.id)).not.toContain(online);
    const list = (await manager2.get('/api/v1/quality/complaints?state=received')).json();
    expect(list.items.map((c: { id: number }) => c.id).sort()).toEqual([online, atCounter].sort());
  });
});

describe('the answer and the decision', () => {
  it('waits for the manager’s answer before the association decides; the answer is taken once', async () => {
    expectProblem(
      await tehran.post(`/api/v1/quality/complaints/${online}/decision`, {
        outcome: 'upheld',
        reasons: 'رسید پرداخت نشان می‌دهد مبلغ بیش از تعرفه بوده است.',
      }),
      409,
      'complaint_not_decidable',
    );
    expectProblem(
      await tehran.post(`/api/v1/quality/complaints/${online}/answer`, { answer: 'پاسخ انجمن به جای مدیر دفتر.' }),
      403,
      'forbidden',
    );
    const res = await manager2.post(`/api/v1/quality/complaints/${online}/answer`, {
      answer: 'مبلغ اضافه بازگردانده شد و به کارمند تذکر داده شد.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'answered',
      answeredOn: '2026-05-05',
      answerClock: { state: 'met' },
      decidable: true,
    });
    expectProblem(
      await manager2.post(`/api/v1/quality/complaints/${online}/answer`, { answer: 'پاسخ دوم به همین شکایت.' }),
      409,
      'complaint_not_answerable',
    );
  });

  it('upholds it with reasons the complainant reads, audited; counted in the score once a set weighs complaints', async () => {
    const isfahan = await t.signInStaff('association.isfahan');
    const decision = { outcome: 'upheld', reasons: 'رسید پرداخت نشان می‌دهد مبلغ بیش از تعرفه بوده است.' };
    expectProblem(await isfahan.post(`/api/v1/quality/complaints/${online}/decision`, decision), 404, 'not_found');
    expectProblem(
      await tehran.post(`/api/v1/quality/complaints/${online}/decision`, { outcome: 'upheld', reasons: '' }),
      400,
      'validation_failed',
    );
    const res = await tehran.post(`/api/v1/quality/complaints/${online}/decision`, decision);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'upheld', decidedOn: '2026-05-05', decidable: false });
    expect((await citizen1.get(`/api/v1/quality/complaints/${online}`)).json()).toMatchObject({
      state: 'upheld',
      reasons: decision.reasons,
      answer: 'مبلغ اضافه بازگردانده شد و به کارمند تذکر داده شد.',
    });
    expectProblem(await tehran.post(`/api/v1/quality/complaints/${online}/decision`, decision), 409);
    const [audit] = await t.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'quality.complaint.decide' and entity_id = $1`,
      [String(online)],
    );
    expect(audit.n).toBe(1);

    // The first weight set gives complaints no weight: the month's score has no complaints component.
    const before = (await tehran.get('/api/v1/quality/offices/2/score?month=1405-02')).json();
    expect(before.components.map((c: { component: string }) => c.component)).not.toContain('complaints');
    // A set from Ordibehesht (written here as the association would have published it in Farvardin) weighs them 10.
    await t.query(`insert into quality_weight_sets (effective_from, weights, reason) values ('1405-02', $1, 'test')`, [
      JSON.stringify({
        waiting: 15,
        returns: 20,
        sameDay: 10,
        payments: 5,
        satisfaction: 15,
        wouldReturn: 10,
        inspection: 15,
        complaints: 10,
      }),
    ]);
    const [{ served }] = await t.query<{ served: number }>(
      `select count(*)::int as served from queue_tickets where office_id = 2 and status = 'done'
        and day >= '2026-04-21' and day < '2026-05-22'`,
    );
    const n = Math.max(served, 1);
    const after = (await tehran.get('/api/v1/quality/offices/2/score?month=1405-02')).json();
    expect(after.components.find((c: { component: string }) => c.component === 'complaints')).toMatchObject({
      weight: 10,
      n,
      raw: Math.round(((n - 1) / n) * 10_000) / 10_000,
    });
  });

  it('lets the association decide one the manager left unanswered past the limit; the late answer is refused', async () => {
    const decision = { outcome: 'dismissed', reasons: 'تأخیر در حد معمول روزهای شلوغ بوده است.' };
    // Monday 2026-05-11, the last day: not yet.
    offset += 6 * 86_400_000;
    // Sessions do not last the week: sign in again on the day.
    [tehran, manager2] = await Promise.all([t.signInStaff('association.tehran'), t.signInStaff('manager.11002')]);
    const onTime = (await tehran.get(`/api/v1/quality/complaints/${atCounter}`)).json();
    expect(onTime.answerClock).toMatchObject({ elapsed: 5, remaining: 0, state: 'reminder' });
    expect(onTime.decidable).toBe(false);
    expectProblem(
      await tehran.post(`/api/v1/quality/complaints/${atCounter}/decision`, decision),
      409,
      'complaint_not_decidable',
    );
    // Tuesday 2026-05-12: one working day over.
    offset += 86_400_000;
    [tehran, manager2] = await Promise.all([t.signInStaff('association.tehran'), t.signInStaff('manager.11002')]);
    const late = (await tehran.get(`/api/v1/quality/complaints/${atCounter}`)).json();
    expect(late).toMatchObject({ answerClock: { state: 'overdue', daysOver: 1 }, decidable: true });
    const res = await tehran.post(`/api/v1/quality/complaints/${atCounter}/decision`, decision);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'dismissed', reasons: decision.reasons });
    expectProblem(
      await manager2.post(`/api/v1/quality/complaints/${atCounter}/answer`, { answer: 'پاسخ دیرهنگام مدیر دفتر.' }),
      409,
      'complaint_not_answerable',
    );
  });
});
