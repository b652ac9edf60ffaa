/**
 * Authorization matrix rows of video hearings (see ../matrix.int.test.ts for how cells are read).
 * Every resource is a hearing of a Tehran case (court 1) presided by judge.tehran with citizen
 * 09120000001 called as a party: the Isfahan clerk finds none of them (404), the other citizen
 * neither.
 */
import { A, D, N, ok, U, type MatrixContext, op, type Operation } from '../kit';

export function hearingRows(ctx: MatrixContext): Record<string, Operation> {
  let fixture: Promise<{ caseId: number; judgeUserId: number; hearingId: number }> | undefined;
  /** A Tehran case with a hearing scheduled on it (its waiting room not yet open). */
  const base = () =>
    (fixture ??= (async () => {
      const [kase] = await ctx.t.query<{ id: number }>(
        `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
        values ('M-H-1', 1, 1, 1, 'ماتریس جلسه', 1) returning id::int as id`,
      );
      const [judge] = await ctx.t.query<{ id: number }>("select id::int from users where username = 'judge.tehran'");
      return { caseId: kase.id, judgeUserId: judge.id, hearingId: await hearing(kase.id, judge.id) };
    })());
  /** A fresh hearing (each transition row needs its own, in `scheduled`). */
  async function hearing(caseId: number, judgeUserId: number): Promise<number> {
    const [h] = await ctx.t.query<{ id: number }>(
      `insert into hearings (case_id, court_id, province_id, judge_user_id, starts_at, duration_minutes, scheduled_by)
      values ($1, 1, 1, $2, $3, 30, 1) returning id::int as id`,
      [caseId, judgeUserId, new Date(ctx.t.now().getTime() + 86_400_000)],
    );
    await ctx.t.query(
      "insert into hearing_participants (hearing_id, role, citizen_id, name, mode) values ($1, 'party', 1, 'امیر تهرانی', 'home')",
      [h.id],
    );
    return h.id;
  }

  let atOffice: Promise<{ hearingId: number; participantId: number; officeId: number }> | undefined;
  /** A hearing two days ahead whose party attends from office 11001's booth 1. */
  const officeFixture = () =>
    (atOffice ??= (async () => {
      const b = await base();
      const [office] = await ctx.t.query<{ id: number }>("select id from offices where code = '11001'");
      const [h] = await ctx.t.query<{ id: number }>(
        `insert into hearings (case_id, court_id, province_id, judge_user_id, starts_at, duration_minutes, scheduled_by)
        values ($1, 1, 1, $2, $3, 30, 1) returning id::int as id`,
        [b.caseId, b.judgeUserId, new Date(ctx.t.now().getTime() + 2 * 86_400_000)],
      );
      const [p] = await ctx.t.query<{ id: number }>(
        `insert into hearing_participants (hearing_id, role, citizen_id, name, mode, office_id, booth_no, check_in_code)
        values ($1, 'party', 1, 'امیر تهرانی', 'office', $2, 1, '123456') returning id::int as id`,
        [h.id, office.id],
      );
      return { hearingId: h.id, participantId: p.id, officeId: office.id };
    })());
  /** The base hearing's party. */
  const baseParticipant = async () => {
    const b = await base();
    const [p] = await ctx.t.query<{ id: number }>('select id::int from hearing_participants where hearing_id = $1', [
      b.hearingId,
    ]);
    return { ...b, participantId: p.id };
  };

  return {
    [op('hearings.judges')]: {
      note: "the judges of a case's court, for its clerk",
      request: async () => ({ method: 'GET', url: `/api/v1/hearings/judges?caseId=${(await base()).caseId}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, N, D, D, D],
    },
    [op('hearings.boothOffices')]: {
      note: 'the offices with booths for a hearing: those who read the hearing',
      request: async () => ({ method: 'GET', url: `/api/v1/hearings/${(await base()).hearingId}/booth-offices` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, N, D, D, D, D, D, D, D, D, D, ok, ok, N, D, D, D],
    },
    [op('hearings.bookBooth')]: {
      note: "book office 11001's booth for the hearing's party: the party themself or the clerk of its court",
      request: async () => {
        const b = await baseParticipant();
        const [office] = await ctx.t.query<{ id: number }>("select id from offices where code = '11001'");
        return {
          method: 'POST',
          url: `/api/v1/hearings/${b.hearingId}/participants/${b.participantId}/booth`,
          body: { officeId: office.id },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, N, D, D, D, D, D, D, D, D, D, ok, D, N, D, D, D],
    },
    [op('hearings.boothCalendar')]: {
      note: "office 11001's booth calendar: its operators and manager",
      request: async () => {
        const f = await officeFixture();
        return { method: 'GET', url: `/api/v1/offices/${f.officeId}/hearing-booths?date=1405-03-01` };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('hearings.boothCheck')]: {
      note: "record a check of office 11001's booth 1: its operators and manager",
      request: async () => {
        const f = await officeFixture();
        return {
          method: 'POST',
          url: `/api/v1/offices/${f.officeId}/hearing-booths/1/checks`,
          body: { camera: 'ok', microphone: 'ok', speaker: 'ok', connection: 'slow', roundTripMs: 480 },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('hearings.checkIn')]: {
      note: 'check in a party at office 11001 with a wrong code: past authorization for its staff, then refused',
      request: async () => {
        const f = await officeFixture();
        return {
          method: 'POST',
          url: `/api/v1/hearings/${f.hearingId}/participants/${f.participantId}/check-in`,
          body: { nationalId: '0499370899', code: '654321' },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, A, A, N, N, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('hearings.schedule')]: {
      note: "schedule a video hearing of a case of the clerk's court",
      request: async (_a, i) => {
        const b = await base();
        return {
          method: 'POST',
          url: '/api/v1/hearings',
          body: {
            caseId: b.caseId,
            date: '1405-03-01',
            time: `${String(8 + (i % 10)).padStart(2, '0')}:00`,
            durationMinutes: 30,
            judgeUserId: b.judgeUserId,
            participants: [{ nationalId: '0499370899', role: 'party', mode: 'home' }],
          },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, N, D, D, D],
    },
    [op('hearings.list')]: {
      note: "hearings: the court's for its clerk and judges, one's own for a citizen",
      request: async () => {
        await base();
        return { method: 'GET', url: '/api/v1/hearings' };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, ok, ok, ok, D, D, D],
    },
    [op('hearings.iceServers')]: {
      note: "the STUN and TURN servers of a hearing's room: only those seated in it — its party, its court's clerk and its judge",
      request: async () => ({ method: 'GET', url: `/api/v1/hearings/${(await base()).hearingId}/ice-servers` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, N, D, D, D, D, D, D, D, D, D, ok, ok, N, D, D, D],
    },
    [op('hearings.get')]: {
      note: 'a hearing: its court, its judge and the citizens called to it',
      request: async () => ({ method: 'GET', url: `/api/v1/hearings/${(await base()).hearingId}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, N, D, D, D, D, D, D, D, D, D, ok, ok, N, D, D, D],
    },
    [op('hearings.transition')]: {
      note: 'open the waiting room of a fresh hearing (the presiding judge or the clerk of its court)',
      request: async () => {
        const b = await base();
        return {
          method: 'POST',
          url: `/api/v1/hearings/${await hearing(b.caseId, b.judgeUserId)}/transitions`,
          body: { transition: 'open' },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, ok, N, D, D, D],
    },
    [op('hearings.minutes')]: {
      note: 'save the minutes of a hearing (the clerk of its court)',
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/hearings/${(await base()).hearingId}/minutes`,
        body: { text: 'متن صورتجلسه' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, N, D, D, D],
    },
  };
}
