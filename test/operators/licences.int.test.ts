/**
 * Activity licences through the API: the association issues one when the person's training covers
 * the services and the office is competent for them; renewal needs continuing-education hours;
 * suspension, reinstatement and revocation carry reasons; every decision is in the licence's
 * history, the audit chain and an SMS; lists stay within the caller's scope; expiry reminders go
 * out once per expiry date. Every bad input is refused with its code and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween, expiryForIssue } from '#core/licensing';
import { sendLicenceExpiryReminders } from '#server/modules/operators/licences/reminders';
import { STRONG_PASSWORD, staffBody } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_TODAY } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let association: Client; // national
let tehran: Client; // association.tehran
let isfahan: Client; // association.isfahan
let regulator: Client;
let manager: Client; // manager.11001
const today = TEST_TODAY;

beforeAll(async () => {
  t = await startTestServer();
  [association, tehran, isfahan, regulator, manager] = await Promise.all(
    ['association', 'association.tehran', 'association.isfahan', 'regulator', 'manager.11001'].map((u) =>
      t.signInStaff(u),
    ),
  );
});
afterAll(async () => {
  await t?.stop();
});

const TABLES = ['activity_licences', 'licence_events', 'audit_events', 'notifier_outbox'];
const counts = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (n) => [n, await t.count(n)] as const)));
const userId = async (username: string) =>
  (await t.query<{ id: number }>('select id::int as id from users where username = $1', [username]))[0].id;
const licenceOf = async (username: string) =>
  (
    await t.query<{ id: number }>(
      'select a.id::int as id from activity_licences a join users u on u.id = a.user_id where u.username = $1 order by a.id desc limit 1',
      [username],
    )
  )[0].id;

let serial = 0;
/** A new operator of the office, created by the regulator; no training, no licence. */
async function newOperator(officeId: number): Promise<number> {
  serial += 1;
  const res = await regulator.post('/api/v1/users', staffBody(`lic.op${serial}`, { role: 'operator', officeId }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().user.id as number;
}
/** Attended the course's past session (hours), and passed its exam when it has one. */
async function train(user: number, courseCode: string, hours = 24, endsOn = '2021-04-14') {
  const [course] = await t.query<{ id: number }>('select id from courses where code = $1', [courseCode]);
  const [session] = await t.query<{ id: number }>(
    'insert into course_sessions (course_id, province_id, starts_on, ends_on, capacity, location) values ($1, null, $2::date - 1, $2::date, 50, $3) returning id',
    [course.id, endsOn, 'برخط'],
  );
  await t.query(
    "insert into session_enrolments (session_id, user_id, status, attended_hours) values ($1, $2, 'attended', $3)",
    [session.id, user, hours],
  );
  const [exam] = await t.query<{ id: number }>('select id from exams where course_id = $1 and active limit 1', [
    course.id,
  ]);
  if (exam) {
    await t.query(
      `insert into exam_attempts (exam_id, user_id, attempt_number, question_ids, status, deadline_at, submitted_at, score_percent, passed)
      values ($1, $2, 1, '[]'::jsonb, 'submitted', $3, $3, 90, true)`,
      [exam.id, user, t.now()],
    );
  }
}
const generalServices = async () =>
  (await t.query<{ service_codes: string[] }>("select service_codes from courses where code = 'GEN-101'"))[0]
    .service_codes;

describe('issuing a licence', () => {
  it('the eligibility shows what the training covers, what the office offers, and what is missing', async () => {
    const user = await newOperator(1);
    const before = (await tehran.get(`/api/v1/staff/${user}/licence-eligibility?officeId=1`)).json();
    expect(before).toMatchObject({ worksAtOffice: true, qualifiedServiceCodes: [], currentLicence: null });
    expect(before.services.every((s: { missing: string[] }) => s.missing.includes('training'))).toBe(true);
    await train(user, 'GEN-101');
    const after = (await tehran.get(`/api/v1/staff/${user}/licence-eligibility?officeId=1`)).json();
    expect(after.qualifiedServiceCodes).toEqual([...(await generalServices())].sort());
    expect(after.services.find((s: { code: string }) => s.code === 'follow-up')).toMatchObject({
      eligible: true,
      missing: [],
    });
    expect(after.services.find((s: { code: string }) => s.code === 'expert-opinion')).toMatchObject({
      eligible: false,
      missing: ['training'],
    });
    expect(after.courses.find((c: { code: string }) => c.code === 'GEN-101')).toMatchObject({
      attended: true,
      examPassed: true,
      qualified: true,
    });
    expectProblem(await isfahan.get(`/api/v1/staff/${user}/licence-eligibility?officeId=1`), 403, 'forbidden');
  });

  it("the province's association issues it: numbered for the office, valid a year, in the history, the audit and an SMS", async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    const before = await counts();
    const res = await tehran.post('/api/v1/licences', {
      userId: user,
      officeId: 1,
      serviceCodes: ['follow-up', 'case-report', 'sana-registration'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { licence, events } = res.json();
    expect(licence).toMatchObject({
      number: expect.stringMatching(/^11001-\d{4}$/),
      status: 'active',
      effectiveStatus: 'active',
      issuedOn: today,
      expiresOn: expiryForIssue(today),
      holder: { id: user },
      office: { id: 1, code: '11001' },
    });
    expect(licence.services.map((s: { code: string }) => s.code)).toEqual([
      'case-report',
      'follow-up',
      'sana-registration',
    ]);
    expect(licence.daysLeft).toBe(daysBetween(today, expiryForIssue(today)));
    expect(events).toMatchObject([{ kind: 'issued' }]);
    expect(await counts()).toEqual({
      ...before,
      activity_licences: before.activity_licences + 1,
      licence_events: before.licence_events + 1,
      audit_events: before.audit_events + 1,
      notifier_outbox: before.notifier_outbox + 1,
    });
    const [audit] = await t.query<{ action: string; entity_id: string }>(
      'select action, entity_id from audit_events order by seq desc limit 1',
    );
    expect(audit).toEqual({ action: 'licences.issue', entity_id: String(licence.id) });
    const [sms] = await t.query<{ body: string; template: string }>(
      'select body, template from notifier_outbox order by id desc limit 1',
    );
    expect(sms.template).toBe('licence.issued');
    expect(sms.body).toContain(licence.number);
    // The next licence of the office takes the next number.
    const second = await newOperator(1);
    await train(second, 'GEN-101');
    const next = (
      await association.post('/api/v1/licences', { userId: second, officeId: 1, serviceCodes: ['follow-up'] })
    ).json().licence.number as string;
    expect(Number(next.split('-')[1])).toBe(Number(licence.number.split('-')[1]) + 1);
  });

  it('training that does not cover a requested service: 422 licence_requirements_unmet naming it, nothing written', async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    const before = await counts();
    const problem = expectProblem(
      await tehran.post('/api/v1/licences', {
        userId: user,
        officeId: 1,
        serviceCodes: ['follow-up', 'expert-opinion'],
      }),
      422,
      'licence_requirements_unmet',
    );
    expect(problem.serviceCodes).toEqual(['expert-opinion']);
    expect(await counts()).toEqual(before);
    // No training at all: every service is named.
    const untrained = await newOperator(1);
    expect(
      expectProblem(
        await tehran.post('/api/v1/licences', { userId: untrained, officeId: 1, serviceCodes: ['follow-up'] }),
        422,
        'licence_requirements_unmet',
      ).serviceCodes,
    ).toEqual(['follow-up']);
  });

  it('an exam not passed is not training completed', async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    await t.query('update exam_attempts set passed = false, score_percent = 40 where user_id = $1', [user]);
    expectProblem(
      await tehran.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: ['follow-up'] }),
      422,
      'licence_requirements_unmet',
    );
  });

  it('a service the office has no competency for: 422 licence_competency_missing naming it, nothing written', async () => {
    const user = await newOperator(6); // 14001, Shiraz: no expert opinions or protests
    await train(user, 'GEN-101');
    await train(user, 'SPC-201', 12);
    const before = await counts();
    const problem = expectProblem(
      await association.post('/api/v1/licences', {
        userId: user,
        officeId: 6,
        serviceCodes: ['follow-up', 'expert-opinion'],
      }),
      422,
      'licence_competency_missing',
    );
    expect(problem.serviceCodes).toEqual(['expert-opinion']);
    expect(problem.message.fa).toContain('صلاحیت');
    expect(await counts()).toEqual(before);
    expect(
      (await association.post('/api/v1/licences', { userId: user, officeId: 6, serviceCodes: ['follow-up'] }))
        .statusCode,
    ).toBe(201);
  });

  it('someone who does not work at the office: a field error on userId, nothing written', async () => {
    const before = await counts();
    const problem = expectProblem(
      await tehran.post('/api/v1/licences', {
        userId: await userId('manager.11002'),
        officeId: 1,
        serviceCodes: ['follow-up'],
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).userId).toBeDefined();
    expect(await counts()).toEqual(before);
  });

  it("an office id past the database's integers (2147483648): a field error on officeId, not a 500, nothing written", async () => {
    const before = await counts();
    const problem = expectProblem(
      await tehran.post('/api/v1/licences', {
        userId: await userId('operator.11001'),
        officeId: 2_147_483_648,
        serviceCodes: ['follow-up'],
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).officeId).toBeDefined();
    expect(await counts()).toEqual(before);
  });

  it('someone who already holds a current licence at the office: 409 licence_status_conflict, nothing written', async () => {
    const before = await counts();
    expectProblem(
      await tehran.post('/api/v1/licences', {
        userId: await userId('operator.11001'),
        officeId: 1,
        serviceCodes: ['follow-up'],
      }),
      409,
      'licence_status_conflict',
    );
    expect(await counts()).toEqual(before);
  });

  it('an association admin may not license themself: 403 own_decision_not_allowed', async () => {
    expectProblem(
      await tehran.post('/api/v1/licences', {
        userId: await userId('association.tehran'),
        officeId: 1,
        serviceCodes: ['follow-up'],
      }),
      403,
      'own_decision_not_allowed',
    );
  });

  it('malformed requests are refused by field: no services, unknown service, unknown office', async () => {
    const user = await newOperator(1);
    const before = await counts();
    expect(
      fieldErrors(
        expectProblem(
          await tehran.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: [] }),
          400,
          'validation_failed',
        ),
      ).serviceCodes,
    ).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await tehran.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: ['no-such-service'] }),
          400,
          'validation_failed',
        ),
      ).serviceCodes,
    ).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await tehran.post('/api/v1/licences', { userId: user, officeId: 999, serviceCodes: ['follow-up'] }),
          400,
          'validation_failed',
        ),
      ).officeId,
    ).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await tehran.post('/api/v1/licences', { officeId: 1, serviceCodes: ['follow-up'] }),
          400,
          'validation_failed',
        ),
      ).userId,
    ).toBeDefined();
    expect(await counts()).toEqual(before);
  });

  it("another province's association, an office manager or the regulator may not issue: 403", async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    for (const client of [isfahan, manager, regulator]) {
      expectProblem(
        await client.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: ['follow-up'] }),
        403,
        'forbidden',
      );
    }
  });
});

describe('renewal', () => {
  it('needs 8 continuing-education hours since the issue: 422 continuing_education_insufficient, then renewed a year on', async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    const issued = (
      await tehran.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: ['follow-up'] })
    ).json().licence;
    await train(user, 'CE-301', 6, today);
    const before = await counts();
    const problem = expectProblem(
      await tehran.post(`/api/v1/licences/${issued.id}/renew`),
      422,
      'continuing_education_insufficient',
    );
    expect(problem).toMatchObject({ hours: 6, requiredHours: 8 });
    expect(await counts()).toEqual(before);
    await train(user, 'CE-301', 2, today);
    const renewed = await tehran.post(`/api/v1/licences/${issued.id}/renew`);
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(daysBetween(issued.expiresOn, renewed.json().licence.expiresOn)).toBeGreaterThanOrEqual(365);
    expect(renewed.json().events[0]).toMatchObject({
      kind: 'renewed',
      data: { renewedOn: today, previousExpiresOn: issued.expiresOn },
    });
    // The hours count from the last renewal on: hours from sessions that ended before it are spent.
    await t.query(
      "update licence_events set data = jsonb_set(data, '{renewedOn}', to_jsonb(($2::date + 1)::text)) where licence_id = $1 and kind = 'renewed'",
      [issued.id, today],
    );
    expectProblem(await tehran.post(`/api/v1/licences/${issued.id}/renew`), 422, 'continuing_education_insufficient');
  });

  it('a revoked licence cannot be renewed: 409 licence_status_conflict', async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    await train(user, 'CE-301', 8, today);
    const { id } = (
      await tehran.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: ['follow-up'] })
    ).json().licence;
    expect((await regulator.post(`/api/v1/licences/${id}/revoke`, { reason: 'تخلف محرز' })).statusCode).toBe(200);
    expectProblem(await tehran.post(`/api/v1/licences/${id}/renew`), 409, 'licence_status_conflict');
  });
});

describe('suspension, reinstatement, revocation', () => {
  it('each carries its reason into the licence, its history, the audit chain and an SMS', async () => {
    const id = await licenceOf('manager.11002');
    let before = await counts();
    const suspended = await tehran.post(`/api/v1/licences/${id}/suspend`, {
      reason: 'شکایت شهروند',
      until: '1499/01/01',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json().licence).toMatchObject({
      status: 'suspended',
      effectiveStatus: 'suspended',
      statusReason: 'شکایت شهروند',
      suspendedUntilJalali: '1499-01-01',
    });
    expect(await counts()).toEqual({
      ...before,
      licence_events: before.licence_events + 1,
      audit_events: before.audit_events + 1,
      notifier_outbox: before.notifier_outbox + 1,
    });
    expect(
      (await t.query<{ action: string }>('select action from audit_events order by seq desc limit 1'))[0].action,
    ).toBe('licences.suspend');
    // Already suspended: a second suspension is a conflict, and writes nothing.
    before = await counts();
    expectProblem(
      await regulator.post(`/api/v1/licences/${id}/suspend`, { reason: 'دوباره' }),
      409,
      'licence_status_conflict',
    );
    expect(await counts()).toEqual(before);
    const reinstated = await regulator.post(`/api/v1/licences/${id}/reinstate`, { reason: 'بررسی پایان یافت' });
    expect(reinstated.json().licence).toMatchObject({ status: 'active', statusReason: null, suspendedUntil: null });
    expectProblem(await regulator.post(`/api/v1/licences/${id}/reinstate`, {}), 409, 'licence_status_conflict');
    const revoked = await tehran.post(`/api/v1/licences/${id}/revoke`, { reason: 'تخلف محرز' });
    expect(revoked.json().licence).toMatchObject({
      status: 'revoked',
      effectiveStatus: 'revoked',
      statusReason: 'تخلف محرز',
    });
    expect(
      revoked
        .json()
        .events.map((e: { kind: string }) => e.kind)
        .slice(0, 4),
    ).toEqual(['revoked', 'reinstated', 'suspended', 'issued']);
    // Revocation is final.
    for (const action of ['suspend', 'reinstate', 'revoke']) {
      expectProblem(
        await regulator.post(`/api/v1/licences/${id}/${action}`, { reason: 'باز هم' }),
        409,
        'licence_status_conflict',
      );
    }
  });

  it('a missing or blank reason, or an end date in the past or malformed, is refused by field and writes nothing', async () => {
    const id = await licenceOf('operator.11001');
    const before = await counts();
    expect(
      fieldErrors(expectProblem(await tehran.post(`/api/v1/licences/${id}/suspend`, {}), 400, 'validation_failed'))
        .reason,
    ).toBeDefined();
    const blank = fieldErrors(
      expectProblem(await tehran.post(`/api/v1/licences/${id}/suspend`, { reason: '   ' }), 400, 'validation_failed'),
    ).reason;
    expect(blank).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await tehran.post(`/api/v1/licences/${id}/suspend`, { reason: 'x', until: '1400/01/01' }),
          400,
          'validation_failed',
        ),
      ).until,
    ).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await tehran.post(`/api/v1/licences/${id}/suspend`, { reason: 'x', until: '1403/13/01' }),
          400,
          'validation_failed',
        ),
      ).until,
    ).toBeDefined();
    expect(
      fieldErrors(expectProblem(await tehran.post(`/api/v1/licences/${id}/revoke`, {}), 400, 'validation_failed'))
        .reason,
    ).toBeDefined();
    expect(await counts()).toEqual(before);
  });

  it("only the association over the licence's province or the regulator decides; never on one's own licence", async () => {
    const id = await licenceOf('operator.11001');
    for (const client of [isfahan, manager])
      expectProblem(await client.post(`/api/v1/licences/${id}/suspend`, { reason: 'x' }), 403, 'forbidden');
    expectProblem(await tehran.post('/api/v1/licences/999999/suspend', { reason: 'x' }), 404, 'not_found');
    const own = await licenceOf('manager.11001');
    const self = await t.signInStaff('manager.11001');
    expectProblem(await self.post(`/api/v1/licences/${own}/suspend`, { reason: 'x' }), 403, 'forbidden');
  });
});

describe('reading licences', () => {
  it("lists stay within the caller's scope; asking for another scope is 403", async () => {
    const provinces = async (client: Client, query = '') =>
      new Set(
        (
          (await client.get(`/api/v1/licences?pageSize=200${query}`)).json().items as {
            office: { provinceId: number };
          }[]
        ).map((l) => l.office.provinceId),
      );
    expect(await provinces(tehran)).toEqual(new Set([1]));
    expect(await provinces(isfahan)).toEqual(new Set([3]));
    expect(await provinces(regulator)).toEqual(
      new Set(
        (await t.query<{ p: number }>('select distinct province_id as p from activity_licences')).map((r) => r.p),
      ),
    );
    const managerItems = (await manager.get('/api/v1/licences?pageSize=200')).json().items as {
      office: { id: number };
    }[];
    expect(managerItems.length).toBeGreaterThan(0);
    expect(managerItems.every((l) => l.office.id === 1)).toBe(true);
    expectProblem(await tehran.get('/api/v1/licences?provinceId=3'), 403, 'forbidden');
    expectProblem(await tehran.get('/api/v1/licences?officeId=4'), 403, 'forbidden');
    expectProblem(await manager.get('/api/v1/licences?officeId=2'), 403, 'forbidden');
    expectProblem(await (await t.signInStaff('operator.11001')).get('/api/v1/licences'), 403, 'forbidden');
  });

  it('filters by effective status, expiry window and search', async () => {
    const expiring = (await isfahan.get('/api/v1/licences?status=expiring')).json();
    expect(expiring.items.map((l: { holder: { username: string } }) => l.holder.username)).toEqual(['operator.13001']);
    expect(expiring.items[0].daysLeft).toBe(25);
    expect(
      (await regulator.get('/api/v1/licences?expiringWithinDays=30'))
        .json()
        .items.map((l: { holder: { username: string } }) => l.holder.username),
    ).toContain('operator.13001');
    expect((await regulator.get('/api/v1/licences?q=operator.13001')).json().total).toBe(1);
    const byName = (await regulator.get(`/api/v1/licences?q=${encodeURIComponent('11001-')}`)).json();
    expect(byName.items.every((l: { number: string }) => l.number.startsWith('11001-'))).toBe(true);
    expect(
      fieldErrors(expectProblem(await regulator.get('/api/v1/licences?status=sleeping'), 400, 'validation_failed'))
        .status,
    ).toBeDefined();
  });

  it("an operator reads their own licences — status, expiry, continuing-education hours — and not a colleague's", async () => {
    const user = await newOperator(1);
    await train(user, 'GEN-101');
    const issued = (
      await tehran.post('/api/v1/licences', { userId: user, officeId: 1, serviceCodes: ['follow-up'] })
    ).json().licence;
    await train(user, 'CE-301', 5, today);
    const [{ username }] = await t.query<{ username: string }>('select username from users where id = $1', [user]);
    const holder = await t.signInStaff(username, STRONG_PASSWORD);

    const mine = await holder.get('/api/v1/licences/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({
      id: issued.id,
      number: issued.number,
      holder: { id: user },
      office: { id: 1 },
      effectiveStatus: 'active',
      expiresOn: issued.expiresOn,
      continuingEducation: { hours: 5, requiredHours: 8, since: issued.issuedOn },
    });
    expect((await holder.get(`/api/v1/licences/${issued.id}`)).json().licence).toMatchObject({
      id: issued.id,
      holder: { id: user },
    });

    // Another person's licence, even at the same office, is not revealed; the office's list stays the manager's.
    expectProblem(await holder.get(`/api/v1/licences/${await licenceOf('operator.11001')}`), 404, 'not_found');
    expectProblem(await holder.get(`/api/v1/licences/${await licenceOf('manager.11001')}`), 404, 'not_found');
    expectProblem(await holder.get('/api/v1/licences'), 403, 'forbidden');

    // A suspension shows on the holder's own page at once, with its reason.
    expect((await tehran.post(`/api/v1/licences/${issued.id}/suspend`, { reason: 'بازرسی دوره‌ای' })).statusCode).toBe(
      200,
    );
    expect((await holder.get('/api/v1/licences/mine')).json().items[0]).toMatchObject({
      effectiveStatus: 'suspended',
      statusReason: 'بازرسی دوره‌ای',
    });

    expectProblem(await (await t.signInCitizen('09120000001')).get('/api/v1/licences/mine'), 403, 'forbidden');
    expectProblem(await tehran.get('/api/v1/licences/mine'), 403, 'forbidden');
  });

  it("one licence with its history; outside the caller's scope it is not found", async () => {
    const id = await licenceOf('operator.13001');
    const res = await isfahan.get(`/api/v1/licences/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().licence).toMatchObject({
      holder: { username: 'operator.13001' },
      office: { code: '13001' },
      effectiveStatus: 'expiring',
    });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'issued' });
    expectProblem(await tehran.get(`/api/v1/licences/${id}`), 404, 'not_found');
  });
});

describe('expiry reminders', () => {
  it('the holder and the office manager hear 30 days ahead, once per expiry date', async () => {
    const id = await licenceOf('operator.13001');
    const db = t.server.ctx.db;
    const first = await sendLicenceExpiryReminders(db, t.now());
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const sms = await t.query<{ recipient: string; template: string; body: string }>(
      "select recipient, template, body from notifier_outbox where template like 'licence.expiry-reminder%' order by id",
    );
    const [holder] = await t.query<{ mobile: string }>("select mobile from users where username = 'operator.13001'");
    const [officeManager] = await t.query<{ mobile: string }>(
      "select mobile from users where username = 'manager.13001'",
    );
    expect(sms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipient: holder.mobile, template: 'licence.expiry-reminder' }),
        expect.objectContaining({ recipient: officeManager.mobile, template: 'licence.expiry-reminder.manager' }),
      ]),
    );
    const [row] = await t.query<{ sent: string; expires: string }>(
      "select to_char(reminder_sent_for, 'YYYY-MM-DD') as sent, to_char(expires_on, 'YYYY-MM-DD') as expires from activity_licences where id = $1",
      [id],
    );
    expect(row.sent).toBe(row.expires);
    expect(
      (await t.query("select 1 from licence_events where licence_id = $1 and kind = 'reminded'", [id])).length,
    ).toBe(1);
    // A second run the same day (or the next) sends nothing more.
    const before = await counts();
    expect((await sendLicenceExpiryReminders(db, t.now())).reminded).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('licences far from expiry, suspended or revoked are not reminded', async () => {
    const [{ n }] = await t.query<{ n: number }>(
      "select count(*)::int as n from licence_events e join activity_licences a on a.id = e.licence_id where e.kind = 'reminded' and (a.expires_on > $1::date + 31 or a.status <> 'active')",
      [today],
    );
    expect(n).toBe(0);
  });
});
