/** Authorization matrix rows of the licences operations (see ../matrix.int.test.ts for how cells are read). */
import { STRONG_PASSWORD, staffBody } from '../../support/fixtures';
import { licenseStaff } from '../../support/licences';
import { A, D, F, N, ok, U, type MatrixContext, op, type Operation } from '../kit';

export function licenceRows(ctx: MatrixContext): Record<string, Operation> {
  const q = <R>(text: string, values?: unknown[]) => ctx.t.query<R>(text, values);
  const idOf = async (username: string) =>
    Number((await q<{ id: number }>('select id from users where username = $1', [username]))[0].id);
  const licenceOf = async (username: string) =>
    Number(
      (
        await q<{ id: number }>(
          'select a.id from activity_licences a join users u on u.id = a.user_id where u.username = $1 order by a.id limit 1',
          [username],
        )
      )[0].id,
    );

  /** An operator of office 11001 with the general course attended and its exam passed, made for one cell. */
  async function trainedOperator(label: string): Promise<number> {
    const res = await ctx.as('regulator').request({
      method: 'POST',
      url: '/api/v1/users',
      body: { ...staffBody(`matrix.lic.${label}`, { role: 'operator', officeId: 1 }), password: STRONG_PASSWORD },
      keepCookies: false,
    });
    if (res.statusCode !== 201) throw new Error(`could not create the operator: ${res.body}`);
    const userId = res.json().user.id as number;
    const [session] = await q<{ id: number }>(
      "select s.id from course_sessions s join courses c on c.id = s.course_id where c.code = 'GEN-101' order by s.starts_on limit 1",
    );
    await q(
      "insert into session_enrolments (session_id, user_id, status, attended_hours) values ($1, $2, 'attended', 24)",
      [session.id, userId],
    );
    await q(
      `insert into exam_attempts (exam_id, user_id, attempt_number, question_ids, status, deadline_at, submitted_at, score_percent, passed)
      select x.id, $1, 1, '[]'::jsonb, 'submitted', $2, $2, 100, true from exams x join courses c on c.id = x.course_id where c.code = 'GEN-101' limit 1`,
      [userId, ctx.t.now()],
    );
    return userId;
  }
  /** A licence in office 11001 of its own, so one cell's decision never changes another's. */
  let holder: Promise<number> | undefined;
  async function freshLicence(status: 'active' | 'suspended' = 'active'): Promise<number> {
    holder ??= trainedOperator('holder');
    const id = await licenseStaff(ctx.t, { user: await holder, officeId: 1, serviceCodes: ['follow-up'] });
    if (status === 'suspended')
      await q("update activity_licences set status = 'suspended', status_reason = 'matrix' where id = $1", [id]);
    return id;
  }

  return {
    [op('operators.licences')]: {
      note: "activity licences within the caller's scope",
      request: () => ({ method: 'GET', url: '/api/v1/licences?pageSize=200' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('operators.ownLicences')]: {
      note: "one's own licences: staff who may hold one (operators, managers, consultants)",
      request: () => ({ method: 'GET', url: '/api/v1/licences/mine' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('operators.licence')]: {
      note: "operator.11001's licence (office 11001, Tehran): its holder and oversight of its office; another operator is not told it exists",
      request: async () => ({ method: 'GET', url: `/api/v1/licences/${await licenceOf('operator.11001')}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, N, N, N, ok, ok, N, ok, D, D, D, N, D, ok],
    },
    [op('operators.eligibility')]: {
      note: 'what operator.11001 may be licensed for at office 11001',
      request: async () => ({
        method: 'GET',
        url: `/api/v1/staff/${await idOf('operator.11001')}/licence-eligibility?officeId=1`,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, D, D, D, ok, ok, D, ok, D, D, D, D, D, ok],
    },
    [op('operators.issueLicence')]: {
      note: 'issue a licence to a trained operator of office 11001 (a fresh one per actor)',
      request: async (actor, i) => ({
        method: 'POST',
        url: '/api/v1/licences',
        body: {
          userId: actor === 'anonymous' ? 1 : await trainedOperator(`issue${i}`),
          officeId: 1,
          serviceCodes: ['follow-up'],
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, D, D, D, D, D, D, D],
    },
    [op('operators.widenLicence')]: {
      note: 'add a service the holder is trained for and office 11001 holds to a licence there (a fresh one per actor)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/licences/${await freshLicence()}/services`,
        body: { serviceCodes: ['case-report'] },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, D, D, D, D, D, D, D],
    },
    [op('operators.renewLicence')]: {
      note: 'renew a licence of office 11001 (no continuing education yet: refused on its merits)',
      request: async () => ({ method: 'POST', url: `/api/v1/licences/${await freshLicence()}/renew` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, A, A, D, D, D, D, D, D, D, D],
    },
    [op('operators.suspendLicence')]: {
      note: 'suspend a licence of office 11001 (a fresh one per actor)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/licences/${await freshLicence()}/suspend`,
        body: { reason: 'بازرسی' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
    },
    [op('operators.reinstateLicence')]: {
      note: 'lift the suspension of a licence of office 11001 (a fresh one per actor)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/licences/${await freshLicence('suspended')}/reinstate`,
        body: { reason: 'پایان بررسی' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
    },
    [op('operators.revokeLicence')]: {
      note: 'revoke a licence of office 11001 (a fresh one per actor)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/licences/${await freshLicence()}/revoke`,
        body: { reason: 'تخلف' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
    },
  };
}
