/**
 * Video hearings through the API: the clerk schedules one (each participant's summons an e-notice
 * with its SMS), bad input refused on its field with nothing written, the state machine kept under
 * concurrent requests, the minutes, the signalling socket (who may open one, relaying, the judge's
 * commands, reconnection) and the minutes with the attendance put on the case as a PDF at close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_SMS } from '#server/modules/notices/service';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import { openSignalling, type Message } from '../support/signalling';

let t: TestServer;
let clerk: Client;
let judge: Client;
let clerkIsfahan: Client;
let party: Client;
let lawyer: Client;
let outsider: Client;
let judgeUserId: number;
let clerkUserId: number;
let tehranCase: number;
let isfahanCase: number;

const PARTY = '0499370899'; // citizen 1, 09120000001
const LAWYER = '1290000018'; // citizen 2, 09130000002
const WITNESS = '2280000016'; // citizen 3, 09170000003

async function insertCase(courtId: number, provinceId: number, number: string) {
  const [row] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, $2, 2, $3, 'مطالبه وجه', 1) returning id::int as id",
    [number, courtId, provinceId],
  );
  await t.query(
    "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'claimant', 1, 'امیر تهرانی')",
    [row.id],
  );
  return row.id;
}

/** 20 Ordibehesht 1405 10:30 Tehran: five days after the test clock's today. */
const schedule = (overrides: Record<string, unknown> = {}) => ({
  caseId: tehranCase,
  date: '1405-02-20',
  time: '10:30',
  durationMinutes: 45,
  judgeUserId,
  participants: [
    { nationalId: PARTY, role: 'party', mode: 'home' },
    { nationalId: LAWYER, role: 'lawyer', mode: 'office', officeId: 1 },
  ],
  ...overrides,
});

const counts = async () => ({
  hearings: await t.count('hearings'),
  participants: await t.count('hearing_participants'),
  notices: await t.count('notices'),
  outbox: await t.count('notifier_outbox'),
  audit: await t.count('audit_events'),
});

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  [clerk, judge, clerkIsfahan, party, lawyer, outsider] = await Promise.all([
    t.signInStaff('clerk.tehran'),
    t.signInStaff('judge.tehran'),
    t.signInStaff('clerk.isfahan'),
    t.signInCitizen('09120000001'),
    t.signInCitizen('09130000002'),
    t.signInCitizen('09170000003'),
  ]);
  const users = await t.query<{ id: number; username: string }>(
    "select id::int, username from users where username in ('judge.tehran', 'clerk.tehran')",
  );
  judgeUserId = users.find((u) => u.username === 'judge.tehran')!.id;
  clerkUserId = users.find((u) => u.username === 'clerk.tehran')!.id;
  tehranCase = await insertCase(1, 1, 'H-1405-1');
  isfahanCase = await insertCase(3, 3, 'H-1405-2');
});
afterAll(async () => {
  await t?.stop();
});

describe('scheduling a hearing', () => {
  it("the court's clerk schedules it; each participant's summons arrives as an e-notice with an SMS, audited", async () => {
    const before = await counts();
    const res = await clerk.post('/api/v1/hearings', schedule());
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({
      state: 'scheduled',
      // 10:30 Tehran (+03:30) is 07:00 UTC.
      startsAt: '2026-05-10T07:00:00.000Z',
      durationMinutes: 45,
      case: { id: tehranCase, caseNumber: 'H-1405-1', branch: 2 },
      judge: { userId: judgeUserId, name: 'احمد قاسمی' },
      minutes: '',
      you: { kind: 'clerk', participantId: null },
    });
    expect(
      h.participants.map((p: { name: string; role: string; mode: string; officeId: number | null; state: string }) => [
        p.name,
        p.role,
        p.mode,
        p.officeId,
        p.state,
      ]),
    ).toEqual([
      ['امیر تهرانی', 'party', 'home', null, 'invited'],
      ['نازنین اصفهانی', 'lawyer', 'office', 1, 'invited'],
    ]);
    const [notice] = await t.query<{ kind: string; hearing_at: Date; case_id: number }>(
      'select kind, hearing_at, case_id::int from notices where id = $1',
      [h.noticeId],
    );
    expect(notice).toMatchObject({ kind: 'summons', case_id: tehranCase });
    expect(notice.hearing_at.toISOString()).toBe('2026-05-10T07:00:00.000Z');
    const copies = await t.query<{ citizen_id: number }>(
      'select citizen_id::int from notice_deliveries where notice_id = $1 order by citizen_id',
      [h.noticeId],
    );
    expect(copies.map((c) => c.citizen_id)).toEqual([1, 2]);
    const sms = await t.query<{ recipient: string; body: string }>(
      "select recipient, body from notifier_outbox where template = 'notice.new' order by id desc limit 2",
    );
    expect(sms.map((m) => m.recipient).sort()).toEqual(['09120000001', '09130000002']);
    expect(sms.every((m) => m.body === NOTICE_SMS)).toBe(true);
    const after = await counts();
    expect(after.hearings - before.hearings).toBe(1);
    expect(after.participants - before.participants).toBe(2);
    expect(after.notices - before.notices).toBe(1);
    expect(after.outbox - before.outbox).toBe(2);
    const audit = await t.query<{ action: string }>('select action from audit_events order by seq desc limit 2');
    expect(audit.map((a) => a.action)).toEqual(['hearings.schedule', 'notices.issue']);
    // The participant finds the summons in their e-account.
    const mine = await party.get(`/api/v1/me/notices/${h.noticeId}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().body).toContain('H-1405-1');
  });

  it('a retried scheduling with the same Idempotency-Key answers the first hearing, once', async () => {
    const before = await counts();
    const headers = { 'idempotency-key': 'hearing-retry-1' };
    const first = await clerk.post('/api/v1/hearings', schedule({ time: '11:30' }), headers);
    const again = await clerk.post('/api/v1/hearings', schedule({ time: '11:30' }), headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect((await counts()).hearings - before.hearings).toBe(1);
    const reused = await clerk.post('/api/v1/hearings', schedule({ time: '12:30' }), headers);
    expectProblem(reused, 422, 'idempotency_key_reused');
  });

  it('bad input is refused on its field, nothing written', async () => {
    const before = await counts();
    let errors = fieldErrors(
      expectProblem(
        await clerk.post('/api/v1/hearings', schedule({ date: '1405-02-15', time: '09:00' })),
        400,
        'validation_failed',
      ),
    );
    expect(errors.date.code).toBe('hearing_in_past');
    errors = fieldErrors(
      expectProblem(
        await clerk.post('/api/v1/hearings', schedule({ judgeUserId: clerkUserId })),
        400,
        'validation_failed',
      ),
    );
    expect(errors.judgeUserId.code).toBe('judge_not_of_court');
    errors = fieldErrors(
      expectProblem(
        await clerk.post(
          '/api/v1/hearings',
          schedule({
            participants: [
              { nationalId: PARTY, role: 'party', mode: 'office' },
              { nationalId: PARTY, role: 'lawyer', mode: 'home', officeId: 1 },
              { nationalId: '0010000003', role: 'witness', mode: 'court' },
              { nationalId: WITNESS, role: 'interpreter', mode: 'home' },
              { nationalId: LAWYER, role: 'party', mode: 'office', officeId: 999_999 },
            ],
          }),
        ),
        400,
        'validation_failed',
      ),
    );
    expect(errors['participants.0.officeId'].code).toBe('office_required');
    expect(errors['participants.1.nationalId'].code).toBe('duplicate_participant');
    expect(errors['participants.1.officeId'].code).toBe('office_required');
    expect(errors['participants.2.nationalId'].code).toBe('applicant_not_registered');
    expect(errors['participants.3.interpretsFor'].code).toBe('interpreted_not_listed');
    expect(errors['participants.4.officeId'].code).toBe('invalid');
    expect(errors['participants.0.officeId'].message.fa).toMatch(/دفتر/);
    errors = fieldErrors(
      expectProblem(
        await clerk.post('/api/v1/hearings', schedule({ time: '25:00', durationMinutes: 5, participants: [] })),
        400,
        'validation_failed',
      ),
    );
    expect(Object.keys(errors).sort()).toEqual(['durationMinutes', 'participants', 'time']);
    expectProblem(await clerk.post('/api/v1/hearings', schedule({ room: 'x' })), 400, 'validation_failed');
    expect(await counts()).toEqual(before);
  });

  it("another court's case is not found; a judge or a citizen cannot schedule", async () => {
    expectProblem(await clerk.post('/api/v1/hearings', schedule({ caseId: isfahanCase })), 404, 'not_found');
    expectProblem(await clerkIsfahan.post('/api/v1/hearings', schedule()), 404, 'not_found');
    expectProblem(await judge.post('/api/v1/hearings', schedule()), 403, 'forbidden');
    expectProblem(await party.post('/api/v1/hearings', schedule()), 403, 'forbidden');
  });

  it('an interpreter is linked to the participant they interpret for', async () => {
    const res = await clerk.post(
      '/api/v1/hearings',
      schedule({
        time: '13:00',
        participants: [
          { nationalId: PARTY, role: 'party', mode: 'court' },
          { nationalId: WITNESS, role: 'interpreter', mode: 'home', interpretsFor: PARTY },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [p, i] = res.json().participants;
    expect(i.interpretsFor).toBe(p.id);
  });
});

describe('reading hearings', () => {
  it('participants see their own hearings, with the minutes withheld until the end; others see none', async () => {
    const h = (await clerk.post('/api/v1/hearings', schedule({ time: '14:00' }))).json();
    await clerk.request({ method: 'PUT', url: `/api/v1/hearings/${h.id}/minutes`, body: { text: 'پیش‌نویس' } });
    const mine = await party.get(`/api/v1/hearings/${h.id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      minutes: null,
      you: { kind: 'participant', participantId: h.participants[0].id },
    });
    expect((await judge.get(`/api/v1/hearings/${h.id}`)).json()).toMatchObject({
      minutes: 'پیش‌نویس',
      you: { kind: 'judge' },
    });
    expectProblem(await outsider.get(`/api/v1/hearings/${h.id}`), 404, 'not_found');
    expectProblem(await clerkIsfahan.get(`/api/v1/hearings/${h.id}`), 404, 'not_found');
    const list = (await party.get('/api/v1/hearings')).json();
    expect(list.items.some((x: { id: number }) => x.id === h.id)).toBe(true);
    expect((await outsider.get('/api/v1/hearings')).json().items.some((x: { id: number }) => x.id === h.id)).toBe(
      false,
    );
    expect((await clerkIsfahan.get('/api/v1/hearings')).json().items).toEqual([]);
    expectProblem(await t.anonymous().get('/api/v1/hearings'), 401, 'unauthenticated');
  });
});

describe("the hearing's states", () => {
  it('runs scheduled → waiting → in session ⇄ paused; illegal transitions refused; audited with who and when', async () => {
    const h = (await clerk.post('/api/v1/hearings', schedule({ time: '15:00' }))).json();
    const go = (c: Client, transition: string) => c.post(`/api/v1/hearings/${h.id}/transitions`, { transition });
    expectProblem(await go(judge, 'start'), 409, 'hearing_transition_not_allowed');
    expect((await go(clerk, 'open')).json().state).toBe('waiting');
    expectProblem(await go(judge, 'pause'), 409, 'hearing_transition_not_allowed');
    const started = (await go(judge, 'start')).json();
    expect(started.state).toBe('in_session');
    expect(Math.abs(Date.parse(started.startedAt) - t.now().getTime())).toBeLessThan(60_000);
    expect((await go(judge, 'pause')).json().state).toBe('paused');
    expect((await go(judge, 'resume')).json().state).toBe('in_session');
    expectProblem(await go(party, 'pause'), 403, 'forbidden');
    expectProblem(await go(clerkIsfahan, 'pause'), 404, 'not_found');
    expectProblem(
      await clerk.post(`/api/v1/hearings/${h.id}/transitions`, { transition: 'reopen' }),
      400,
      'validation_failed',
    );
    const audit = await t.query<{ data: { from: string; to: string; by: string } }>(
      "select data from audit_events where action = 'hearings.transition' and entity_id = $1 order by seq",
      [String(h.id)],
    );
    expect(audit.map((a) => [a.data.from, a.data.to, a.data.by])).toEqual([
      ['scheduled', 'waiting', 'clerk'],
      ['waiting', 'in_session', 'judge'],
      ['in_session', 'paused', 'judge'],
      ['paused', 'in_session', 'judge'],
    ]);
  });

  it('two simultaneous starts: one wins, the other is refused', async () => {
    const h = (await clerk.post('/api/v1/hearings', schedule({ time: '16:00' }))).json();
    await clerk.post(`/api/v1/hearings/${h.id}/transitions`, { transition: 'open' });
    const answers = await Promise.all([
      judge.post(`/api/v1/hearings/${h.id}/transitions`, { transition: 'start' }),
      clerk.post(`/api/v1/hearings/${h.id}/transitions`, { transition: 'start' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('the minutes are the clerk’s, and freeze when the hearing ends', async () => {
    const h = (
      await clerk.post(
        '/api/v1/hearings',
        schedule({ time: '16:30', participants: [{ nationalId: PARTY, role: 'party', mode: 'home' }] }),
      )
    ).json();
    const saved = await clerk.request({
      method: 'PUT',
      url: `/api/v1/hearings/${h.id}/minutes`,
      body: { text: 'جلسه تشکیل شد.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(Math.abs(Date.parse(saved.json().minutesUpdatedAt) - t.now().getTime())).toBeLessThan(60_000);
    expectProblem(
      await judge.request({ method: 'PUT', url: `/api/v1/hearings/${h.id}/minutes`, body: { text: 'x' } }),
      403,
      'forbidden',
    );
    expectProblem(
      await clerk.request({
        method: 'PUT',
        url: `/api/v1/hearings/${h.id}/minutes`,
        body: { text: 'x'.repeat(50_001) },
      }),
      400,
      'validation_failed',
    );
    for (const transition of ['open', 'start', 'adjourn'])
      await clerk.post(`/api/v1/hearings/${h.id}/transitions`, { transition });
    expectProblem(
      await clerk.request({ method: 'PUT', url: `/api/v1/hearings/${h.id}/minutes`, body: { text: 'دیر' } }),
      409,
      'hearing_ended',
    );
  });
});

// ——— The signalling socket ———

const connect = (c: Client | null, hearingId: number, headers: Record<string, string> = {}) =>
  openSignalling(t, `/api/v1/hearings/${hearingId}/signal`, c, headers);

const presenceWith = (peerId: string, state: string) => (m: Message) =>
  m.type === 'presence' &&
  (m.peers as { peerId: string; state: string }[]).some((p) => p.peerId === peerId && p.state === state);

const participantState = async (id: number) =>
  (await t.query<{ state: string }>('select state from hearing_participants where id = $1', [id]))[0].state;

describe('the signalling socket', () => {
  let h: { id: number; participants: { id: number }[] };
  beforeAll(async () => {
    h = (await clerk.post('/api/v1/hearings', schedule({ time: '17:00' }))).json();
    await clerk.post(`/api/v1/hearings/${h.id}/transitions`, { transition: 'open' });
  });

  it('refuses anyone not seated in the hearing, before the upgrade', async () => {
    await expect(connect(outsider, h.id)).rejects.toThrow('Unexpected server response: 404');
    await expect(connect(clerkIsfahan, h.id)).rejects.toThrow('Unexpected server response: 404');
    await expect(connect(null, h.id)).rejects.toThrow('Unexpected server response: 401');
    await expect(connect(party, 999_999)).rejects.toThrow('Unexpected server response: 404');
    await expect(connect(party, h.id, { origin: 'https://elsewhere.example' })).rejects.toThrow(
      'Unexpected server response: 403',
    );
  });

  it('the judge admits a participant from the waiting room; offers reach one peer only in the same room', async () => {
    const j = await connect(judge, h.id);
    const welcome = await j.next((m) => m.type === 'welcome');
    expect(welcome).toMatchObject({ kind: 'judge', state: 'admitted', hearingState: 'waiting' });
    const p = await connect(party, h.id);
    expect(await p.next((m) => m.type === 'welcome')).toMatchObject({
      kind: 'participant',
      participantId: h.participants[0].id,
      state: 'waiting',
    });
    const partyPeer = `u${(await t.query<{ id: number }>("select id::int from users where mobile = '09120000001' and kind = 'citizen'"))[0].id}`;
    await j.next(presenceWith(partyPeer, 'waiting'));
    // Still in the waiting room: no media with the judge.
    j.send({ type: 'signal', to: partyPeer, data: { sdp: 'offer' } });
    expect(await j.next((m) => m.type === 'error')).toMatchObject({ code: 'not_in_room' });
    // A participant cannot command.
    p.send({ type: 'command', command: 'admit', participantId: h.participants[0].id });
    expect(await p.next((m) => m.type === 'error')).toMatchObject({ code: 'forbidden' });

    j.send({ type: 'command', command: 'admit', participantId: h.participants[0].id });
    await p.next(presenceWith(partyPeer, 'admitted'));
    expect(await participantState(h.participants[0].id)).toBe('admitted');
    j.send({ type: 'signal', to: partyPeer, data: { sdp: 'v=0 offer' } });
    expect(await p.next((m) => m.type === 'signal')).toEqual({
      type: 'signal',
      to: partyPeer,
      from: `u${judgeUserId}`,
      data: { sdp: 'v=0 offer' },
    });
    // A signal carries nothing but its addressee and its data, and its sender is the server's to say.
    j.send({ type: 'signal', to: partyPeer, data: { sdp: 'v=0' }, from: 'u1' });
    expect(await j.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_request' });
    p.send({ type: 'hand', raised: true });
    await j.next((m) => m.type === 'presence' && (m.peers as { hand: boolean }[]).some((x) => x.hand));
    j.send({ type: 'command', command: 'mute', participantId: h.participants[0].id });
    expect(await p.next((m) => m.type === 'muted')).toMatchObject({ by: `u${judgeUserId}` });

    // To the consultation room and back: no media with the judge meanwhile.
    j.send({ type: 'command', command: 'to_consultation', participantId: h.participants[0].id });
    await j.next(presenceWith(partyPeer, 'consultation'));
    j.send({ type: 'signal', to: partyPeer, data: { candidate: 'c' } });
    expect(await j.next((m) => m.type === 'error')).toMatchObject({ code: 'not_in_room' });
    j.send({ type: 'command', command: 'from_consultation', participantId: h.participants[0].id });
    await j.next(presenceWith(partyPeer, 'admitted'));

    // Dropping and coming back within the grace period: back in the main room, not the waiting room.
    j.send({ type: 'hand', raised: false });
    p.socket.close();
    await j.next(
      (m) => m.type === 'presence' && !(m.peers as { peerId: string }[]).some((x) => x.peerId === partyPeer),
    );
    expect(await participantState(h.participants[0].id)).toBe('left');
    const back = await connect(party, h.id);
    expect(await back.next((m) => m.type === 'welcome')).toMatchObject({ state: 'admitted' });

    const audit = await t.query<{ data: { command: string } }>(
      "select data from audit_events where action = 'hearings.participant' and entity_id = $1 order by seq",
      [String(h.id)],
    );
    expect(audit.map((a) => a.data.command)).toEqual(['admit', 'to_consultation', 'from_consultation']);

    // Removed: the socket closes and the participant cannot come back.
    j.send({ type: 'command', command: 'remove', participantId: h.participants[0].id });
    await j.next(presenceWith(partyPeer, 'removed'));
    expect(await participantState(h.participants[0].id)).toBe('removed');
    const again = await connect(party, h.id);
    expect(await again.next((m) => m.type === 'error')).toMatchObject({ code: 'forbidden' });
    j.socket.close();
  });
});

describe("the self-test's connection check", () => {
  const check = (c: Client | null, hearingId: number, headers: Record<string, string> = {}) =>
    openSignalling(t, `/api/v1/hearings/${hearingId}/signal-check`, c, headers);

  it('answers the pings of those seated in the hearing, without joining it', async () => {
    const h = (await clerk.post('/api/v1/hearings', schedule({ time: '20:00' }))).json();
    const before = { attendance: await t.count('hearing_attendance'), audit: await t.count('audit_events') };
    for (const c of [party, lawyer, judge, clerk]) {
      const s = await check(c, h.id);
      s.send({ type: 'ping', n: 7 });
      expect(await s.next((m) => m.type === 'pong')).toEqual({ type: 'pong', n: 7 });
      s.send({ type: 'ping', n: 'x' });
      expect(await s.next((m) => m.type === 'error')).toEqual({ type: 'error', code: 'bad_request' });
      s.socket.close();
    }
    // Checking the connection the day before is not attending: nothing written, the party not waiting.
    expect(await t.count('hearing_attendance')).toBe(before.attendance);
    expect(await t.count('audit_events')).toBe(before.audit);
    expect(await participantState(h.participants[0].id)).toBe('invited');
  });

  it('refuses anyone not seated in the hearing, before the upgrade', async () => {
    const h = (await clerk.post('/api/v1/hearings', schedule({ time: '21:00' }))).json();
    await expect(check(outsider, h.id)).rejects.toThrow('Unexpected server response: 404');
    await expect(check(clerkIsfahan, h.id)).rejects.toThrow('Unexpected server response: 404');
    await expect(check(null, h.id)).rejects.toThrow('Unexpected server response: 401');
    await expect(check(party, h.id, { origin: 'https://elsewhere.example' })).rejects.toThrow(
      'Unexpected server response: 403',
    );
  });
});

describe('closing a hearing', () => {
  it('puts the minutes and the attendance on the case as a PDF, delivered to the participants', async () => {
    const h = (await clerk.post('/api/v1/hearings', schedule({ time: '18:00' }))).json();
    const go = (transition: string) => judge.post(`/api/v1/hearings/${h.id}/transitions`, { transition });
    await go('open');
    const j = await connect(judge, h.id);
    await j.next((m) => m.type === 'welcome');
    const l = await connect(lawyer, h.id);
    await l.next((m) => m.type === 'welcome');
    await go('start');
    expect(await l.next((m) => m.type === 'hearing')).toEqual({ type: 'hearing', state: 'in_session' });
    await clerk.request({
      method: 'PUT',
      url: `/api/v1/hearings/${h.id}/minutes`,
      body: { text: 'خواهان در جلسه حاضر نشد؛ وکیل خوانده لایحهٔ دفاعیه را قرائت کرد.' },
    });
    const closed = await go('close');
    expect(closed.statusCode, closed.body).toBe(200);
    const body = closed.json();
    expect(body.state).toBe('closed');
    expect(
      body.attendance.map((a: { name: string; role: string; mode: string; leftAt: string | null }) => [
        a.name,
        a.role,
        a.mode,
        a.leftAt !== null,
      ]),
    ).toEqual([
      ['احمد قاسمی', 'judge', 'court', true],
      ['نازنین اصفهانی', 'lawyer', 'office', true],
    ]);
    const [notice] = await t.query<{
      kind: string;
      case_id: number;
      body: string;
      document_sha256: string | null;
      document_file_name: string;
    }>('select kind, case_id::int, body, document_sha256, document_file_name from notices where id = $1', [
      body.minutesNoticeId,
    ]);
    expect(notice).toMatchObject({ kind: 'notification', case_id: tehranCase });
    expect(notice.body).toContain('وکیل خوانده');
    expect(notice.document_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(notice.document_file_name).toBe(`minutes-H-1405-1-${h.id}.pdf`);
    // On the case, for the court; in the lawyer's e-account, as a PDF.
    const kase = (await clerk.get(`/api/v1/court/cases/${tehranCase}`)).json();
    expect(
      kase.notices.some((n: { id: number; document: unknown }) => n.id === body.minutesNoticeId && n.document),
    ).toBe(true);
    const pdf = await lawyer.get(`/api/v1/me/notices/${body.minutesNoticeId}/document`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The participant now reads the minutes.
    expect((await lawyer.get(`/api/v1/hearings/${h.id}`)).json().minutes).toContain('لایحهٔ دفاعیه');
    // The minutes' notice is issued as any notice is: its own audit event, naming the hearing, before the close's.
    const audit = await t.query<{ action: string; data: Record<string, unknown> }>(
      "select action, data from audit_events where action in ('hearings.transition', 'notices.issue') order by seq desc limit 2",
    );
    expect(audit.map((a) => a.action)).toEqual(['hearings.transition', 'notices.issue']);
    expect(audit[1].data).toMatchObject({ kind: 'notification', hearingId: h.id, minutes: true, onPaper: 0 });
    expectProblem(await go('resume'), 409, 'hearing_transition_not_allowed');
  });
});
