/**
 * Office booths and check-in through the API: the clerk's choice of judge, a booth booked when the
 * clerk names an office (never two overlapping hearings in one booth, even under 20 concurrent
 * requests), the offices a participant may choose from by distance, the office's daily booth
 * calendar, the operator's check-in (a mismatch refused and audited), and the SMS reminders the
 * day before and an hour before on the server's clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEARING_REMINDER_JOB } from '#server/modules/hearings/reminder-job';
import { expectProblem, fieldErrors } from '../support/problems';
import { openSignalling } from '../support/signalling';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let clerk: Client;
let party: Client;
let lawyer: Client;
let operator: Client;
let otherOperator: Client;
let judgeUserId: number;
let caseId: number;
let office1: number;

const PARTY = '0499370899'; // citizen 1
const LAWYER = '1290000018'; // citizen 2

const schedule = (time: string, participants: unknown[], date = '1405-02-25') => ({
  caseId,
  date,
  time,
  durationMinutes: 60,
  judgeUserId,
  participants,
});

beforeAll(async () => {
  // Listening: the booth's connection check is a real WebSocket.
  t = await startTestServer({ listen: true });
  [clerk, party, lawyer, operator, otherOperator] = await Promise.all([
    t.signInStaff('clerk.tehran'),
    t.signInCitizen('09120000001'),
    t.signInCitizen('09130000002'),
    t.signInStaff('operator.11001'),
    t.signInStaff('operator.13001'),
  ]);
  [{ id: judgeUserId }] = await t.query<{ id: number }>("select id::int from users where username = 'judge.tehran'");
  [{ id: office1 }] = await t.query<{ id: number }>("select id from offices where code = '11001'");
  const [kase] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('B-1405-1', 1, 3, 1, 'مطالبه وجه', 1) returning id::int as id",
  );
  caseId = kase.id;
});
afterAll(async () => {
  await t?.stop();
});

describe('choosing the judge', () => {
  it("lists the judges of the case's court for its clerk", async () => {
    const res = await clerk.get(`/api/v1/hearings/judges?caseId=${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toContainEqual({ userId: judgeUserId, name: 'احمد قاسمی' });
  });

  it("is not the Isfahan clerk's to see, nor a citizen's", async () => {
    expectProblem(await (await t.signInStaff('clerk.isfahan')).get(`/api/v1/hearings/judges?caseId=${caseId}`), 404);
    expectProblem(await party.get(`/api/v1/hearings/judges?caseId=${caseId}`), 403, 'forbidden');
  });
});

describe('booths', () => {
  it('the clerk who names an office books the participant a booth there for the whole hearing', async () => {
    const res = await clerk.post(
      '/api/v1/hearings',
      schedule('09:00', [
        { nationalId: PARTY, role: 'party', mode: 'office', officeId: office1 },
        { nationalId: LAWYER, role: 'lawyer', mode: 'home' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json().participants[0];
    expect(p).toMatchObject({ mode: 'office', officeId: office1, boothNo: 1, checkIn: null });
    expect(p.office.code).toBe('11001');
  });

  it('refuses an overlapping hearing at an office whose only booth is taken, on the field, with nothing written', async () => {
    const before = await t.count('hearings');
    const res = await clerk.post(
      '/api/v1/hearings',
      schedule('09:30', [{ nationalId: LAWYER, role: 'lawyer', mode: 'office', officeId: office1 }]),
    );
    const body = expectProblem(res, 400, 'validation_failed');
    expect(fieldErrors(body)['participants.0.officeId']).toMatchObject({
      code: 'no_free_booth',
      message: { fa: expect.stringContaining('غرفه'), en: expect.stringContaining('booth') },
    });
    expect(await t.count('hearings')).toBe(before);
    // From the minute the first hearing ends (10:00) the booth is free again.
    const next = await clerk.post(
      '/api/v1/hearings',
      schedule('10:00', [{ nationalId: LAWYER, role: 'lawyer', mode: 'office', officeId: office1 }]),
    );
    expect(next.statusCode, next.body).toBe(201);
  });

  it('refuses an office without booths', async () => {
    const [{ id }] = await t.query<{ id: number }>(
      'select id from offices where hearing_booths = 0 order by id limit 1',
    );
    const body = expectProblem(
      await clerk.post(
        '/api/v1/hearings',
        schedule('12:00', [{ nationalId: PARTY, role: 'party', mode: 'office', officeId: id }]),
      ),
      400,
    );
    expect(fieldErrors(body)['participants.0.officeId'].code).toBe('office_without_booths');
  });

  it('20 concurrent bookings of the same booth for overlapping hearings: exactly one gets it', async () => {
    const hearings: { id: number; pid: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const h = (
        await clerk.post(
          '/api/v1/hearings',
          schedule(
            `11:${String(i).padStart(2, '0')}`,
            [{ nationalId: PARTY, role: 'party', mode: 'home' }],
            '1405-03-05',
          ),
        )
      ).json();
      hearings.push({ id: h.id, pid: h.participants[0].id });
    }
    const answers = await Promise.all(
      hearings.map((h) => clerk.post(`/api/v1/hearings/${h.id}/participants/${h.pid}/booth`, { officeId: office1 })),
    );
    const codes = answers.map((a) => (a.statusCode === 200 ? 'ok' : fieldErrors(a.json()).officeId?.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'no_free_booth')).toHaveLength(19);
    const [{ n }] = await t.query<{ n: number }>(
      `select count(*)::int as n from hearing_participants p join hearings h on h.id = p.hearing_id
       where p.office_id = $1 and p.booth_no is not null and h.starts_at::date = '2026-05-26'`,
      [office1],
    );
    expect(n).toBe(1);
  });

  it('a participant chooses among offices nearest first, books one, and it shows on the office’s day calendar', async () => {
    const h = (
      await clerk.post(
        '/api/v1/hearings',
        schedule('14:00', [
          { nationalId: PARTY, role: 'party', mode: 'home' },
          { nationalId: LAWYER, role: 'lawyer', mode: 'home' },
        ]),
      )
    ).json();
    const mine = h.participants.find((p: { role: string }) => p.role === 'party');
    const [o1] = await t.query<{ lat: number; lon: number }>('select lat, lon from offices where id = $1', [office1]);
    const offices = await party.get(`/api/v1/hearings/${h.id}/booth-offices?lat=${o1.lat}&lon=${o1.lon}`);
    expect(offices.statusCode, offices.body).toBe(200);
    const items = offices.json().items;
    expect(items[0]).toMatchObject({ id: office1, distanceKm: 0, free: true });
    expect(items.every((o: { booths: number }) => o.booths > 0)).toBe(true);

    // The lawyer may not book for the party; the party books for themself.
    expectProblem(
      await lawyer.post(`/api/v1/hearings/${h.id}/participants/${mine.id}/booth`, { officeId: office1 }),
      404,
    );
    const booked = await party.post(`/api/v1/hearings/${h.id}/participants/${mine.id}/booth`, { officeId: office1 });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json().participants.find((p: { id: number }) => p.id === mine.id)).toMatchObject({
      mode: 'office',
      boothNo: 1,
    });
    const [audit] = await t.query<{ office_id: number }>(
      "select office_id from audit_events where action = 'hearings.book-booth' order by seq desc limit 1",
    );
    expect(audit.office_id).toBe(office1);

    const calendar = await operator.get(`/api/v1/offices/${office1}/hearing-booths?date=۱۴۰۵/۰۲/۲۵`);
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json()).toMatchObject({ date: '2026-05-15', booths: 1 });
    expect(calendar.json().bookings.map((b: { startsAt: string; name: string }) => [b.startsAt, b.name])).toEqual([
      ['2026-05-15T05:30:00.000Z', 'امیر تهرانی'],
      ['2026-05-15T06:30:00.000Z', 'نازنین اصفهانی'],
      ['2026-05-15T10:30:00.000Z', 'امیر تهرانی'],
    ]);
    // Another office's operator does not see it.
    expectProblem(await otherOperator.get(`/api/v1/offices/${office1}/hearing-booths?date=1405-02-25`), 404);
  });
});

describe("the office's check of a booth's device", () => {
  const ok = { camera: 'ok', microphone: 'ok', speaker: 'ok', connection: 'ok', roundTripMs: 12 };
  let hearingId: number;

  beforeAll(async () => {
    // Tomorrow (16 Ordibehesht 1405, 2026-05-06) at 10:00: the office checks booth 1 today, the day before.
    const h = await clerk.post(
      '/api/v1/hearings',
      schedule('10:00', [{ nationalId: PARTY, role: 'party', mode: 'office', officeId: office1 }], '1405-02-16'),
    );
    expect(h.statusCode, h.body).toBe(201);
    hearingId = h.json().id;
    expect(h.json().participants[0]).toMatchObject({ boothNo: 1, boothCheck: null });
  });

  it('records a failed check naming the check that failed, audited; the calendar and the clerk see it, the party does not', async () => {
    const res = await operator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, {
      ...ok,
      microphone: 'silent',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      boothNo: 1,
      day: '2026-05-05',
      passed: false,
      failed: ['microphone'],
      roundTripMs: 12,
      by: { name: expect.any(String) },
    });
    const [audit] = await t.query<{ office_id: number; data: Record<string, unknown> }>(
      "select office_id, data from audit_events where action = 'hearings.booth-check' order by seq desc limit 1",
    );
    expect(audit.office_id).toBe(office1);
    expect(audit.data).toMatchObject({ boothNo: 1, passed: false, failed: ['microphone'], microphone: 'silent' });

    const calendar = (await operator.get(`/api/v1/offices/${office1}/hearing-booths?date=1405-02-16`)).json();
    expect(calendar.checks).toEqual([expect.objectContaining({ boothNo: 1, passed: false, failed: ['microphone'] })]);
    const seen = (await clerk.get(`/api/v1/hearings/${hearingId}`)).json().participants[0];
    expect(seen.boothCheck).toMatchObject({ boothNo: 1, passed: false, failed: ['microphone'] });
    expect((await party.get(`/api/v1/hearings/${hearingId}`)).json().participants[0].boothCheck).toBeNull();
  });

  it('a later passing check is the one that counts; a check speaks only for that day and the next', async () => {
    const res = await operator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, ok);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ passed: true, failed: [] });
    const today = (await operator.get(`/api/v1/offices/${office1}/hearing-booths?date=1405-02-15`)).json();
    expect(today.checks).toEqual([expect.objectContaining({ boothNo: 1, passed: true })]);
    const tomorrow = (await operator.get(`/api/v1/offices/${office1}/hearing-booths?date=1405-02-16`)).json();
    expect(tomorrow.checks).toEqual([expect.objectContaining({ boothNo: 1, passed: true, failed: [] })]);
    expect((await clerk.get(`/api/v1/hearings/${hearingId}`)).json().participants[0].boothCheck.passed).toBe(true);
    // Ten days on, a check made today says nothing.
    const later = (await operator.get(`/api/v1/offices/${office1}/hearing-booths?date=1405-02-25`)).json();
    expect(later.checks).toEqual([]);
  });

  it('a failed connection records no round trip', async () => {
    const res = await operator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, {
      ...ok,
      camera: 'fail',
      connection: 'fail',
    });
    expect(res.json()).toMatchObject({ passed: false, failed: ['camera', 'connection'], roundTripMs: null });
    // The passing check is the latest again for the tests after this one.
    await operator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, ok);
  });

  it('refuses a booth the office does not have, or a result that is not one of the statuses, on its field, writing nothing', async () => {
    const [before] = await t.query<{ n: number }>('select count(*)::int as n from hearing_booth_checks');
    const wrongBooth = expectProblem(
      await operator.post(`/api/v1/offices/${office1}/hearing-booths/2/checks`, ok),
      400,
    );
    expect(fieldErrors(wrongBooth).boothNo.code).toBe('booth_not_at_office');
    const wrongStatus = expectProblem(
      await operator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, { ...ok, camera: 'maybe' }),
      400,
    );
    expect(Object.keys(fieldErrors(wrongStatus))).toEqual(['camera']);
    expectProblem(await operator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, { camera: 'ok' }), 400);
    expectProblem(await operator.post(`/api/v1/offices/${office1}/hearing-booths/0/checks`, ok), 400);
    const [after] = await t.query<{ n: number }>('select count(*)::int as n from hearing_booth_checks');
    expect(after.n).toBe(before.n);
  });

  it("is not another office's operator's to make, nor the clerk's, nor a citizen's", async () => {
    expectProblem(await otherOperator.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, ok), 404);
    expectProblem(await clerk.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, ok), 403, 'forbidden');
    expectProblem(await party.post(`/api/v1/offices/${office1}/hearing-booths/1/checks`, ok), 403, 'forbidden');
    expectProblem(await operator.post('/api/v1/offices/999999/hearing-booths/1/checks', ok), 404);
  });

  it("answers the booth's connection check on the office's own echo socket, for its staff only", async () => {
    const echo = await openSignalling(t, `/api/v1/offices/${office1}/hearing-booths/signal-check`, operator);
    echo.send({ type: 'ping', n: 0 });
    expect(await echo.next((m) => m.type === 'pong')).toEqual({ type: 'pong', n: 0 });
    echo.socket.close();
    await expect(
      openSignalling(t, `/api/v1/offices/${office1}/hearing-booths/signal-check`, otherOperator),
    ).rejects.toThrow(/404/);
    await expect(openSignalling(t, `/api/v1/offices/${office1}/hearing-booths/signal-check`, null)).rejects.toThrow(
      /401/,
    );
  });
});

describe('check-in at the office', () => {
  let hearingId: number;
  let participantId: number;
  let code: string;

  beforeAll(async () => {
    const h = (
      await clerk.post(
        '/api/v1/hearings',
        schedule('16:00', [{ nationalId: PARTY, role: 'party', mode: 'office', officeId: office1 }]),
      )
    ).json();
    hearingId = h.id;
    participantId = h.participants[0].id;
    code = (await party.get(`/api/v1/hearings/${hearingId}`)).json().you.checkInCode;
  });

  it("shows the participant their own six-digit code, and no one else's", async () => {
    expect(code).toMatch(/^\d{6}$/);
    expect((await clerk.get(`/api/v1/hearings/${hearingId}`)).json().you.checkInCode).toBeNull();
  });

  it('refuses a wrong code or a wrong national ID, admits no one, and audits the refusal', async () => {
    const wrong = code === '000000' ? '111111' : '000000';
    const url = `/api/v1/hearings/${hearingId}/participants/${participantId}/check-in`;
    expectProblem(await operator.post(url, { nationalId: PARTY, code: wrong }), 422, 'check_in_mismatch');
    expectProblem(await operator.post(url, { nationalId: LAWYER, code }), 422, 'check_in_mismatch');
    const refusals = await t.query<{ data: { nationalIdMatched: boolean; codeMatched: boolean } }>(
      "select data from audit_events where action = 'hearings.check-in-refused' and entity_id = $1 order by seq",
      [String(hearingId)],
    );
    expect(refusals.map((r) => [r.data.nationalIdMatched, r.data.codeMatched])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect((await clerk.get(`/api/v1/hearings/${hearingId}`)).json().participants[0].checkIn).toBeNull();
  });

  it('is refused on its field for a code that is not six digits, never a 500', async () => {
    const body = expectProblem(
      await operator.post(`/api/v1/hearings/${hearingId}/participants/${participantId}/check-in`, {
        nationalId: PARTY,
        code: '12ab',
      }),
      400,
    );
    expect(fieldErrors(body).code).toBeDefined();
  });

  it("is not another office's operator's to do, nor the clerk's", async () => {
    const url = `/api/v1/hearings/${hearingId}/participants/${participantId}/check-in`;
    expectProblem(await otherOperator.post(url, { nationalId: PARTY, code }), 404);
    expectProblem(await clerk.post(url, { nationalId: PARTY, code }), 403, 'forbidden');
  });

  it('admits the participant with their national ID and code (Persian digits as typed); the hearing shows by whom', async () => {
    const persian = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const res = await operator.post(`/api/v1/hearings/${hearingId}/participants/${participantId}/check-in`, {
      nationalId: PARTY,
      code: persian,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [op] = await t.query<{ id: number; name: string }>(
      "select id::int, first_name || ' ' || last_name as name from users where username = 'operator.11001'",
    );
    expect(res.json()).toMatchObject({ participantId, boothNo: 1, checkIn: { by: { userId: op.id, name: op.name } } });
    const seen = (await clerk.get(`/api/v1/hearings/${hearingId}`)).json().participants[0];
    expect(seen.checkIn).toMatchObject({ by: { userId: op.id } });
    expect(Math.abs(Date.parse(seen.checkIn.at) - t.now().getTime())).toBeLessThan(60_000);
    const [audit] = await t.query<{ data: { participantId: number }; office_id: number }>(
      "select data, office_id from audit_events where action = 'hearings.check-in' and entity_id = $1",
      [String(hearingId)],
    );
    expect(audit).toMatchObject({ office_id: office1, data: { participantId } });
  });
});

describe('SMS reminders', () => {
  it('go the day before and an hour before, once each, with the office, booth and code for a participant at an office', async () => {
    const h = (
      await clerk.post(
        '/api/v1/hearings',
        schedule(
          '08:00',
          [
            { nationalId: PARTY, role: 'party', mode: 'office', officeId: office1 },
            { nationalId: LAWYER, role: 'lawyer', mode: 'home' },
          ],
          '1405-04-01',
        ),
      )
    ).json();
    // 1 Tir 1405 08:00 Tehran is 22 June 2026 04:30 UTC.
    expect(h.startsAt).toBe('2026-06-22T04:30:00.000Z');
    const code = (await party.get(`/api/v1/hearings/${h.id}`)).json().you.checkInCode;
    const sent = async (template: string) =>
      t.query<{ recipient: string; body: string }>(
        'select recipient, body from notifier_outbox where template = $1 order by recipient, id',
        [template],
      );
    const run = (iso: string) => HEARING_REMINDER_JOB.run(t.database, { now: () => new Date(iso) });

    await run('2026-06-21T04:00:00Z'); // 24½ hours ahead: nothing yet
    expect(await sent('hearing.reminder.day')).toEqual([]);
    await run('2026-06-21T04:35:00Z');
    await run('2026-06-21T04:40:00Z'); // a second run sends nothing more
    const day = await sent('hearing.reminder.day');
    expect(day.map((m) => m.recipient)).toEqual(['09120000001', '09130000002']);
    expect(day[0].body).toContain('فردا');
    expect(day[0].body).toContain('غرفهٔ ۱');
    expect(day[0].body).toContain(code.replace(/\d/g, (d: string) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
    expect(day[1].body).toContain('آزمون دوربین');

    await run('2026-06-22T03:35:00Z');
    await run('2026-06-22T03:40:00Z');
    expect((await sent('hearing.reminder.hour')).map((m) => m.recipient)).toEqual(['09120000001', '09130000002']);
    await run('2026-06-22T05:00:00Z'); // after the start: nothing
    expect(await sent('hearing.reminder.hour')).toHaveLength(2);
  });
});
