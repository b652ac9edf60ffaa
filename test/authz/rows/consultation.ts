/** Authorization matrix rows of the consultation operations (see ../matrix.int.test.ts for how cells are read). */
import { A, D, N, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function consultationRows(ctx: MatrixContext): Record<string, Operation> {
  const one = async (text: string) => Number((await ctx.t.query<{ id: number }>(text))[0].id);
  const consultant = (licence: string) => one(`select id from consultants where licence_number = '${licence}'`);
  /** The demo's held and rated session of citizen 1 with consultant.11001 at office 11001: nothing more can happen to it. */
  const ratedSession = () => one('select id from consultation_bookings where rating is not null order by id limit 1');
  /** The demo's held session of two days ago, noted, not yet rated. */
  const heldSession = () =>
    one("select id from consultation_bookings where status = 'held' and rating is null order by id limit 1");
  const week = (days: number[], opens: string, closes: string) => days.map((day) => ({ day, opens, closes }));
  let serial = 0;

  return {
    [op('consultation.consultants')]: {
      note: 'the consultants anyone may book, by field',
      request: () => ({ method: 'GET', url: '/api/v1/consultation/consultants?field=family' }),
      expected: PUBLIC,
    },
    [op('consultation.slots')]: {
      note: "consultant.11001's free slots at office 11001",
      request: async () => ({
        method: 'GET',
        url: `/api/v1/consultation/consultants/${await consultant('11-4821')}/slots?mode=office&officeId=1`,
      }),
      expected: PUBLIC,
    },
    [op('consultation.registry')]: {
      note: "the consultants' registry: national oversight all, a province's association its province",
      request: () => ({ method: 'GET', url: '/api/v1/consultation/registry' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, ok, ok, D, D, D, D, D, D],
    },
    [op('consultation.register')]: {
      note: 'add a Tehran consultant: the national association, Tehran’s, the regulator',
      request: (_actor, i) => ({
        method: 'POST',
        url: '/api/v1/consultation/registry',
        body: {
          kind: 'lawyer',
          firstName: 'ماتریس',
          lastName: 'مشاور',
          licenceNumber: `MX-${process.pid}-${i}-${++serial}`,
          licenceExpiresOn: '1406-01-01',
          provinceId: 1,
          fields: ['family'],
          languages: ['fa'],
          feeRials: 2_000_000,
          sessionMinutes: 60,
          cutoffHours: 24,
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
    },
    [op('consultation.update')]: {
      note: "an Isfahan consultant's record, unchanged: Isfahan's association, the nation",
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/consultation/registry/${await consultant('13-2290')}`,
        body: {
          kind: 'lawyer',
          firstName: 'حمید',
          lastName: 'نوری',
          licenceNumber: '13-2290',
          licenceExpiresOn: '1406-02-01',
          provinceId: 3,
          fields: ['criminal', 'commercial'],
          languages: ['fa'],
          feeRials: 2_500_000,
          sessionMinutes: 60,
          cutoffHours: 24,
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, ok, ok, D, D, D, D, D, D],
    },
    [op('consultation.setSittings')]: {
      note: "consultant.11001's places and hours, unchanged: the consultant themself, Tehran's association, the nation",
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/consultation/registry/${await consultant('11-4821')}/sittings`,
        body: {
          sittings: [
            { mode: 'office', officeId: 1, room: 1, hours: week([0, 1, 2, 3, 4], '09:00', '12:00') },
            { mode: 'video', hours: week([0, 1, 2, 3], '16:00', '18:00') },
          ],
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, ok, D, D],
    },
    [op('consultation.me')]: {
      note: "the signed-in consultant's own record",
      request: () => ({ method: 'GET', url: '/api/v1/consultation/me' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('consultation.feeRanges')]: {
      note: 'the fee ranges per province, within the caller’s scope',
      request: () => ({ method: 'GET', url: '/api/v1/consultation/fee-ranges' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, ok, ok, D, D, D, D, D, D],
    },
    [op('consultation.setFeeRange')]: {
      note: "Tehran's fee range, unchanged: its association, the nation",
      request: () => ({
        method: 'PUT',
        url: '/api/v1/consultation/fee-ranges/1',
        body: { minRials: 1_000_000, maxRials: 5_000_000 },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
    },
    [op('consultation.book')]: {
      note: 'book a time off the grid: citizens online and office staff at the counter get past authorization (and are refused the time)',
      request: async (actor, i) => ({
        method: 'POST',
        url: '/api/v1/consultation/bookings',
        headers: { 'idempotency-key': `matrix-book-${i}` },
        body: {
          consultantId: await consultant('11-4821'),
          mode: 'office',
          officeId: 1,
          startsAt: '2026-05-09T05:40:00Z',
          field: 'family',
          ...(actor.startsWith('09') ? {} : { citizenId: 1 }),
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, A, A, A, A, A, A, A, D, D, D, D, D, D, D, D, D, D],
    },
    [op('consultation.mine')]: {
      note: "the signed-in citizen's consultations",
      request: () => ({ method: 'GET', url: '/api/v1/consultation/bookings/mine' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
    [op('consultation.cancel')]: {
      note: "cancel citizen 1's held session at office 11001: its citizen and that office's staff get past authorization (and are told it is over)",
      request: async () => ({ method: 'POST', url: `/api/v1/consultation/bookings/${await ratedSession()}/cancel` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, A, N, A, A, N, N, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('consultation.reschedule')]: {
      note: "move citizen 1's held session at office 11001",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/consultation/bookings/${await ratedSession()}/reschedule`,
        body: { startsAt: '2026-05-09T05:30:00Z' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, A, N, A, A, N, N, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('consultation.day')]: {
      note: "the signed-in consultant's sessions of today",
      request: () => ({ method: 'GET', url: '/api/v1/consultation/sessions' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('consultation.note')]: {
      note: "the consultant's note on their own held session",
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/consultation/bookings/${await heldSession()}/note`,
        body: { advice: 'شرط داوری قرارداد را همراه بیاورید.', documentsToBring: 'قرارداد', nextStep: 'arbitration' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('consultation.attendance')]: {
      note: 'attendance of a session already held: its consultant and its citizen get past authorization',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/consultation/bookings/${await heldSession()}/attendance`,
        body: { outcome: 'held' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, A, N, D, D, D, D, D, D, D, D, D, D, D, D, A, D, D],
    },
    [op('consultation.iceServers')]: {
      note: "the STUN and TURN servers of a session's call: only its citizen and its consultant get past the door (and are told the call of a held session is closed)",
      request: async () => ({ method: 'GET', url: `/api/v1/consultation/bookings/${await heldSession()}/ice-servers` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, A, N, N, N, N, N, N, N, N, N, N, N, N, N, A, N, N],
    },
    [op('consultation.rate')]: {
      note: 'rate a session already rated: its citizen gets past authorization (and is told it is rated once)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/consultation/bookings/${await ratedSession()}/rating`,
        body: { stars: 3 },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, A, N, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
  };
}
