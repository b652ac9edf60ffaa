/**
 * Training: the national course catalog, sessions run by a province's association (or nationally),
 * enrolment within a capacity, and attendance with the hours that count as continuing education.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, formatJalaliIso, isoToJalali } from '#core/jalali';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_TODAY } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let association: Client;
let associationTehran: Client;
let associationIsfahan: Client;
let operator: Client;
let consultant: Client;
let manager: Client;
let otherManager: Client;
let isfahanOperator: Client;
let regulator: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestServer();
  [
    association,
    associationTehran,
    associationIsfahan,
    operator,
    consultant,
    manager,
    otherManager,
    isfahanOperator,
    regulator,
  ] = await Promise.all(
    [
      'association',
      'association.tehran',
      'association.isfahan',
      'operator.11001',
      'consultant.11001',
      'manager.11001',
      'manager.11002',
      'operator.13001',
      'regulator',
    ].map((u) => t.signInStaff(u)),
  );
  for (const row of await t.query<{ id: number; username: string }>(
    'select id::int as id, username from users where username is not null',
  ))
    ids[row.username] = row.id;
});
afterAll(async () => {
  await t?.stop();
});

const jalaliIn = (days: number) => formatJalaliIso(isoToJalali(addDaysIso(TEST_TODAY, days)));
let seq = 0;
const courseBody = (over: Record<string, unknown> = {}) => {
  seq++;
  return {
    code: `TRN-${seq}`,
    titleFa: `دورهٔ آزمایشی ${seq}`,
    titleEn: `Test course ${seq}`,
    kind: 'continuing',
    serviceCodes: [],
    hours: 6,
    description: 'شرح دوره',
    ...over,
  };
};
async function newCourse(over: Record<string, unknown> = {}) {
  const res = await association.post('/api/v1/training/courses', courseBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; hours: number };
}
async function newSession(over: Record<string, unknown> = {}, by = associationTehran) {
  const course = over.courseId ? null : await newCourse();
  const res = await by.post('/api/v1/training/sessions', {
    courseId: course?.id,
    provinceId: 1,
    startsOn: jalaliIn(10),
    endsOn: jalaliIn(11),
    capacity: 10,
    location: 'تهران، سالن کانون',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; course: { id: number; hours: number } };
}
const enrolmentsOf = (sessionId: number) => t.count(`session_enrolments where session_id = ${sessionId}`);

describe('the course catalog', () => {
  it('the national association creates and edits a course; everyone in training sees the catalog', async () => {
    const created = await association.post(
      '/api/v1/training/courses',
      courseBody({ code: 'arb-101', kind: 'competency', serviceCodes: ['expert-opinion', 'protest'], hours: 24 }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'ARB-101',
      kind: 'competency',
      serviceCodes: ['expert-opinion', 'protest'],
      hours: 24,
      active: true,
      bankSize: 0,
    });
    const id = created.json().id;
    const edited = await association.request({
      method: 'PUT',
      url: `/api/v1/training/courses/${id}`,
      body: courseBody({ code: 'ARB-101', kind: 'competency', serviceCodes: ['protest'], hours: 30, active: false }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ serviceCodes: ['protest'], hours: 30, active: false });
    expect(await t.count(`audit_events where entity_type = 'course' and entity_id = '${id}'`)).toBe(2);
    const listed = await operator.get('/api/v1/training/courses');
    expect(listed.statusCode).toBe(200);
    const codes = listed.json().items.map((c: { code: string }) => c.code);
    expect(codes).toContain('GEN-101');
    expect(codes).not.toContain('ARB-101');
    expect(
      (await association.get('/api/v1/training/courses?includeInactive=true'))
        .json()
        .items.map((c: { code: string }) => c.code),
    ).toContain('ARB-101');
    expect(listed.json().items.find((c: { code: string }) => c.code === 'GEN-101').bankSize).toBe(12);
  });

  it('the catalog is national: a province association is refused (403) and nothing is written', async () => {
    const before = await t.count('courses');
    expectProblem(await associationTehran.post('/api/v1/training/courses', courseBody()), 403, 'forbidden');
    expectProblem(await manager.post('/api/v1/training/courses', courseBody()), 403, 'forbidden');
    expectProblem(
      await associationTehran.request({ method: 'PUT', url: '/api/v1/training/courses/1', body: courseBody() }),
      403,
      'forbidden',
    );
    expect(await t.count('courses')).toBe(before);
  });

  it('unknown service codes, hours out of range and a taken code are refused by field; nothing is written', async () => {
    const before = await t.count('courses');
    const unknown = await association.post(
      '/api/v1/training/courses',
      courseBody({ serviceCodes: ['petition', 'no-such-service'] }),
    );
    expect(fieldErrors(expectProblem(unknown, 400, 'validation_failed'))['serviceCodes.1'].code).toBe(
      'unknown_service',
    );
    for (const hours of [0, 201, 2.5]) {
      expect(
        fieldErrors(
          expectProblem(
            await association.post('/api/v1/training/courses', courseBody({ hours })),
            400,
            'validation_failed',
          ),
        ).hours,
      ).toBeDefined();
    }
    const kind = await association.post('/api/v1/training/courses', courseBody({ kind: 'elective' }));
    expect(fieldErrors(expectProblem(kind, 400, 'validation_failed')).kind).toBeDefined();
    const taken = await association.post('/api/v1/training/courses', courseBody({ code: 'GEN-101' }));
    expect(fieldErrors(expectProblem(taken, 400, 'validation_failed')).code.code).toBe('duplicate_code');
    expect(await t.count('courses')).toBe(before);
  });

  it('editing a course that does not exist is 404', async () => {
    expectProblem(
      await association.request({ method: 'PUT', url: '/api/v1/training/courses/999999', body: courseBody() }),
      404,
      'not_found',
    );
  });
});

describe('sessions', () => {
  it('a province association schedules sessions in its province; a national one needs the national association', async () => {
    const course = await newCourse();
    const body = {
      courseId: course.id,
      provinceId: 1,
      startsOn: '۱۴۰۵/۱۰/۰۱',
      endsOn: '1405-10-03',
      capacity: 20,
      location: 'تهران',
    };
    const ok = await associationTehran.post('/api/v1/training/sessions', body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      provinceId: 1,
      startsOnJalali: '1405-10-01',
      endsOnJalali: '1405-10-03',
      capacity: 20,
      enrolled: 0,
      seatsLeft: 20,
    });
    const before = await t.count('course_sessions');
    expectProblem(
      await associationTehran.post('/api/v1/training/sessions', { ...body, provinceId: 3 }),
      403,
      'forbidden',
    );
    expectProblem(
      await associationTehran.post('/api/v1/training/sessions', { ...body, provinceId: null }),
      403,
      'forbidden',
    );
    expectProblem(await manager.post('/api/v1/training/sessions', body), 403, 'forbidden');
    expect(await t.count('course_sessions')).toBe(before);
    expect((await association.post('/api/v1/training/sessions', { ...body, provinceId: null })).statusCode).toBe(201);
  });

  it('an end before the start, a bad date, a capacity out of range or an unknown course are refused by field; nothing is written', async () => {
    const course = await newCourse();
    const body = {
      courseId: course.id,
      provinceId: 1,
      startsOn: '1405-10-05',
      endsOn: '1405-10-04',
      capacity: 20,
      location: 'تهران',
    };
    const before = await t.count('course_sessions');
    expect(
      fieldErrors(
        expectProblem(await associationTehran.post('/api/v1/training/sessions', body), 400, 'validation_failed'),
      ).endsOn.code,
    ).toBe('date_before_start');
    expect(
      fieldErrors(
        expectProblem(
          await associationTehran.post('/api/v1/training/sessions', { ...body, startsOn: '1405-13-01' }),
          400,
          'validation_failed',
        ),
      ).startsOn.code,
    ).toBe('invalid_jalali_date');
    for (const capacity of [0, 501]) {
      expect(
        fieldErrors(
          expectProblem(
            await associationTehran.post('/api/v1/training/sessions', { ...body, endsOn: '1405-10-06', capacity }),
            400,
            'validation_failed',
          ),
        ).capacity,
      ).toBeDefined();
    }
    expect(
      fieldErrors(
        expectProblem(
          await associationTehran.post('/api/v1/training/sessions', {
            ...body,
            endsOn: '1405-10-06',
            courseId: 999999,
          }),
          400,
          'validation_failed',
        ),
      ).courseId,
    ).toBeDefined();
    expect(await t.count('course_sessions')).toBe(before);
  });

  it('lists upcoming sessions of a province with the national ones, and places left', async () => {
    const s = await newSession();
    const res = await operator.get('/api/v1/training/sessions?provinceId=1&upcoming=true');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      id: number;
      provinceId: number | null;
      startsOn: string;
      seatsLeft: number;
      myStatus: string | null;
    }[];
    expect(items.find((i) => i.id === s.id)).toMatchObject({ seatsLeft: 10, myStatus: null });
    expect(items.every((i) => i.provinceId === 1 || i.provinceId === null)).toBe(true);
    expect(items.every((i) => i.startsOn > t.today())).toBe(true);
    expect(items.some((i) => i.provinceId === null)).toBe(true);
    const byCourse = (await operator.get(`/api/v1/training/sessions?courseId=${s.course.id}`)).json().items;
    expect(byCourse.map((i: { id: number }) => i.id)).toEqual([s.id]);
    expectProblem(
      await t.signInCitizen('09120000001').then((c) => c.get('/api/v1/training/sessions')),
      403,
      'forbidden',
    );
  });
});

describe('enrolment', () => {
  it('staff enrol themselves; a second enrolment is refused (already_enrolled) and nothing more is written', async () => {
    const s = await newSession();
    const res = await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().enrolment).toMatchObject({
      userId: ids['operator.11001'],
      status: 'enrolled',
      officeCode: '11001',
    });
    expectProblem(await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`, {}), 409, 'already_enrolled');
    expectProblem(
      await manager.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['operator.11001'] }),
      409,
      'already_enrolled',
    );
    expect(await enrolmentsOf(s.id)).toBe(1);
    const listed = (await operator.get(`/api/v1/training/sessions/${s.id}`)).json();
    expect(listed.session).toMatchObject({ enrolled: 1, seatsLeft: 9, myStatus: 'enrolled' });
  });

  it('a full session refuses the next enrolment (session_full) and nothing is written', async () => {
    const s = await newSession({ capacity: 1 });
    expect((await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    const full = expectProblem(
      await consultant.post(`/api/v1/training/sessions/${s.id}/enrolments`),
      409,
      'session_full',
    );
    expect(full.capacity).toBe(1);
    expect(await enrolmentsOf(s.id)).toBe(1);
  });

  it('two enrolments for the last place at once: one wins, the other finds the session full', async () => {
    const s = await newSession({ capacity: 1 });
    const results = await Promise.all(
      [operator, consultant].map((c) => c.post(`/api/v1/training/sessions/${s.id}/enrolments`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await enrolmentsOf(s.id)).toBe(1);
  });

  it("an office manager enrols their own staff, a province association its province's; nobody else's", async () => {
    const s = await newSession();
    expect(
      (await manager.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['consultant.11001'] }))
        .statusCode,
    ).toBe(201);
    expect(
      (await associationIsfahan.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['operator.13001'] }))
        .statusCode,
    ).toBe(201);
    expectProblem(
      await otherManager.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['operator.11001'] }),
      403,
      'forbidden',
    );
    expectProblem(
      await associationIsfahan.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['operator.11001'] }),
      403,
      'forbidden',
    );
    expectProblem(
      await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['consultant.11001'] }),
      403,
      'forbidden',
    );
    expectProblem(
      await regulator.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids['operator.11001'] }),
      403,
      'forbidden',
    );
    expect(await enrolmentsOf(s.id)).toBe(2);
  });

  it("only office staff can be enrolled: a national admin or a citizen's account is refused by field", async () => {
    const s = await newSession();
    const [citizenUser] = await t.query<{ id: number }>(
      "select id::int as id from users where kind = 'citizen' limit 1",
    );
    expect(
      fieldErrors(
        expectProblem(
          await associationTehran.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: ids.association }),
          400,
          'validation_failed',
        ),
      ).userId.code,
    ).toBe('not_office_staff');
    expect(
      fieldErrors(
        expectProblem(
          await association.post(`/api/v1/training/sessions/${s.id}/enrolments`, { userId: citizenUser.id }),
          400,
          'validation_failed',
        ),
      ).userId.code,
    ).toBe('not_office_staff');
    expect(
      fieldErrors(
        expectProblem(await association.post(`/api/v1/training/sessions/${s.id}/enrolments`), 400, 'validation_failed'),
      ).userId.code,
    ).toBe('not_office_staff');
    expect(await enrolmentsOf(s.id)).toBe(0);
  });

  it('a session that has started takes no enrolments and no cancellations', async () => {
    const s = await newSession();
    expect((await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    await t.query('update course_sessions set starts_on = $2::date - 1 where id = $1', [s.id, t.today()]);
    expectProblem(await consultant.post(`/api/v1/training/sessions/${s.id}/enrolments`), 409, 'session_started');
    expectProblem(
      await operator.request({
        method: 'DELETE',
        url: `/api/v1/training/sessions/${s.id}/enrolments/${ids['operator.11001']}`,
      }),
      409,
      'session_started',
    );
    expect(await t.count(`session_enrolments where session_id = ${s.id} and status = 'enrolled'`)).toBe(1);
    expectProblem(await operator.post('/api/v1/training/sessions/999999/enrolments'), 404, 'not_found');
  });

  it('an enrolment is cancelled before the start (by its holder or their manager) and the place is freed and may be taken again', async () => {
    const s = await newSession({ capacity: 1 });
    expect((await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    expectProblem(
      await otherManager.request({
        method: 'DELETE',
        url: `/api/v1/training/sessions/${s.id}/enrolments/${ids['operator.11001']}`,
      }),
      403,
      'forbidden',
    );
    const cancelled = await operator.request({
      method: 'DELETE',
      url: `/api/v1/training/sessions/${s.id}/enrolments/${ids['operator.11001']}`,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expectProblem(
      await operator.request({
        method: 'DELETE',
        url: `/api/v1/training/sessions/${s.id}/enrolments/${ids['operator.11001']}`,
      }),
      404,
      'not_found',
    );
    expect((await consultant.post(`/api/v1/training/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    expect(
      (
        await manager.request({
          method: 'DELETE',
          url: `/api/v1/training/sessions/${s.id}/enrolments/${ids['consultant.11001']}`,
        })
      ).statusCode,
    ).toBe(204);
    expect((await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    expect(await t.count(`session_enrolments where session_id = ${s.id} and status = 'enrolled'`)).toBe(1);
  });

  it("a session's enrolments are shown to the enrolled, their own manager and the association, not to another office", async () => {
    const s = await newSession();
    await operator.post(`/api/v1/training/sessions/${s.id}/enrolments`);
    await isfahanOperator.post(`/api/v1/training/sessions/${s.id}/enrolments`);
    const seen = async (c: Client) =>
      ((await c.get(`/api/v1/training/sessions/${s.id}`)).json().enrolments as { username: string }[])
        .map((e) => e.username)
        .sort();
    expect(await seen(operator)).toEqual(['operator.11001']);
    expect(await seen(manager)).toEqual(['operator.11001']);
    expect(await seen(otherManager)).toEqual([]);
    expect(await seen(associationTehran)).toEqual(['operator.11001', 'operator.13001']);
    expect(await seen(associationIsfahan)).toEqual(['operator.13001']);
    expect(await seen(association)).toEqual(['operator.11001', 'operator.13001']);
    expectProblem(await operator.get('/api/v1/training/sessions/999999'), 404, 'not_found');
  });
});

describe('attendance', () => {
  async function sessionWith(...clients: Client[]) {
    const s = await newSession();
    for (const c of clients)
      expect((await c.post(`/api/v1/training/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    await t.query('update course_sessions set starts_on = $2::date - 3, ends_on = $2::date - 2 where id = $1', [
      s.id,
      t.today(),
    ]);
    return s;
  }

  it('records attended and absent with hours in one step; hours count as continuing education', async () => {
    const s = await sessionWith(operator, consultant);
    const before = (await operator.get('/api/v1/training/me')).json().continuingHours;
    const res = await associationTehran.post(`/api/v1/training/sessions/${s.id}/attendance`, {
      entries: [
        { userId: ids['operator.11001'], status: 'attended', hours: 6 },
        { userId: ids['consultant.11001'], status: 'absent', hours: 4 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const byUser = Object.fromEntries(
      (res.json().enrolments as { username: string; status: string; attendedHours: number }[]).map((e) => [
        e.username,
        e,
      ]),
    );
    expect(byUser['operator.11001']).toMatchObject({ status: 'attended', attendedHours: 6 });
    // An absence earns no hours, whatever was typed.
    expect(byUser['consultant.11001']).toMatchObject({ status: 'absent', attendedHours: 0 });
    const mine = (await operator.get('/api/v1/training/me')).json();
    expect(mine.continuingHours).toBe(before + 6);
    expect(mine.enrolments.find((e: { sessionId: number }) => e.sessionId === s.id)).toMatchObject({
      status: 'attended',
      attendedHours: 6,
    });
    expect(await t.count(`audit_events where action = 'training.attendance' and entity_id = '${s.id}'`)).toBe(1);
  });

  it("hours above the course's, someone not enrolled, or a person twice are refused by field and nothing is written", async () => {
    const s = await sessionWith(operator);
    const send = (entries: unknown[]) =>
      associationTehran.post(`/api/v1/training/sessions/${s.id}/attendance`, { entries });
    const tooMany = fieldErrors(
      expectProblem(
        await send([{ userId: ids['operator.11001'], status: 'attended', hours: 7 }]),
        400,
        'validation_failed',
      ),
    );
    expect(tooMany['entries.0.hours'].code).toBe('too_big');
    const notEnrolled = fieldErrors(
      expectProblem(
        await send([
          { userId: ids['operator.11001'], status: 'attended', hours: 6 },
          { userId: ids['consultant.11001'], status: 'attended', hours: 6 },
        ]),
        400,
        'validation_failed',
      ),
    );
    expect(notEnrolled['entries.1.userId'].code).toBe('not_enrolled');
    const twice = fieldErrors(
      expectProblem(
        await send([
          { userId: ids['operator.11001'], status: 'attended', hours: 6 },
          { userId: ids['operator.11001'], status: 'absent', hours: 0 },
        ]),
        400,
        'validation_failed',
      ),
    );
    expect(twice['entries.1.userId'].code).toBe('duplicate_entry');
    expect(
      fieldErrors(
        expectProblem(
          await send([{ userId: ids['operator.11001'], status: 'late', hours: 1 }]),
          400,
          'validation_failed',
        ),
      )['entries.0.status'],
    ).toBeDefined();
    expect(fieldErrors(expectProblem(await send([]), 400, 'validation_failed')).entries).toBeDefined();
    expect(
      await t.count(`session_enrolments where session_id = ${s.id} and status = 'enrolled' and attended_hours = 0`),
    ).toBe(1);
    expect(await t.count(`audit_events where action = 'training.attendance' and entity_id = '${s.id}'`)).toBe(0);
  });

  it("only the session's own association records attendance", async () => {
    const s = await sessionWith(operator);
    const body = { entries: [{ userId: ids['operator.11001'], status: 'attended', hours: 6 }] };
    expectProblem(
      await associationIsfahan.post(`/api/v1/training/sessions/${s.id}/attendance`, body),
      403,
      'forbidden',
    );
    expectProblem(await manager.post(`/api/v1/training/sessions/${s.id}/attendance`, body), 403, 'forbidden');
    expectProblem(await associationTehran.post('/api/v1/training/sessions/999999/attendance', body), 404, 'not_found');
    expect(await t.count(`session_enrolments where session_id = ${s.id} and status = 'attended'`)).toBe(0);
    expect((await association.post(`/api/v1/training/sessions/${s.id}/attendance`, body)).statusCode).toBe(200);
  });
});

describe("one's own training", () => {
  it('shows completed courses (the general course attended and its exam passed) to staff, and is refused to others', async () => {
    const res = await operator.get('/api/v1/training/me');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().qualifications.find((q: { code: string }) => q.code === 'GEN-101')).toMatchObject({
      attended: true,
      hasExam: true,
      examPassed: true,
      qualified: true,
    });
    expect(res.json().continuingSinceJalali).toMatch(/^14\d\d-\d\d-\d\d$/);
    expectProblem(await association.get('/api/v1/training/me'), 403, 'forbidden');
  });
});
