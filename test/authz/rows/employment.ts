/** Authorization matrix rows of the staff registry and employment operations (see ../matrix.int.test.ts for how cells are read). */
import { addDaysIso, formatJalaliIso, isoToJalali } from '#core/jalali';
import { png } from '../../filings/files';
import { nationalId } from '../../support/fixtures';
import { TEST_TODAY } from '../../support/test-clock';
import { D, F, N, ok, U, type MatrixContext, op, type Operation } from '../kit';

const jalali = (days: number) => formatJalaliIso(isoToJalali(addDaysIso(TEST_TODAY, days)));

export function employmentRows(ctx: MatrixContext): Record<string, Operation> {
  /** operator.11001 (office 11001, Tehran): the person every per-person row asks about. */
  let operatorId: Promise<number> | undefined;
  const operator = () =>
    (operatorId ??= ctx.t
      .query<{ id: number }>("select id::int as id from users where username = 'operator.11001'")
      .then(([r]) => r.id));

  /** A staff member of office 11001 without contracts or insurance, for the writes. */
  let hireId: Promise<number> | undefined;
  const hire = () =>
    (hireId ??= (async () => {
      const [u] = await ctx.t.query<{ id: number }>(
        `insert into users (kind, username, first_name, last_name, national_id)
      values ('staff', 'matrix.hire', 'نیما', 'ماتریسی', $1) returning id::int as id`,
        [nationalId()],
      );
      await ctx.t.query(
        "insert into role_grants (user_id, role, scope_kind, province_id, office_id) values ($1, 'operator', 'office', 1, 1)",
        [u.id],
      );
      return u.id;
    })());

  /** A contract and an insurance period at office 11001 to end. */
  let contractId: Promise<number> | undefined;
  const contract = () =>
    (contractId ??= hire().then(
      async (id) =>
        (
          await ctx.t.query<{ id: number }>(
            `insert into employment_contracts
      (user_id, office_id, province_id, type, full_time, weekly_hours, monthly_wage_rials, starts_on, ends_on, created_by)
      values ($1, 1, 1, 'fixed-term', false, 10, 100000000, $2::date - 30, $2::date + 300, $1) returning id::int as id`,
            [id, ctx.t.today()],
          )
        )[0].id,
    ));
  let periodId: Promise<number> | undefined;
  const period = () =>
    (periodId ??= hire().then(
      async (id) =>
        (
          await ctx.t.query<{ id: number }>(
            `insert into insurance_periods
      (user_id, office_id, province_id, insurance_number, starts_on, created_by) values ($1, 1, 1, '1200777777', $2::date - 30, $1) returning id::int as id`,
            [id, ctx.t.today()],
          )
        )[0].id,
    ));

  /** operator.11001's photo, set once by the manager so reading it can succeed. */
  let photo: Promise<void> | undefined;
  const withPhoto = () =>
    (photo ??= operator().then(async (id) => {
      await ctx.as('manager.11001').request({
        method: 'PUT',
        url: `/api/v1/staff/${id}/photo`,
        payload: png(),
        headers: { 'content-type': 'image/png' },
        keepCookies: false,
      });
    }));

  return {
    [op('operators.staff')]: {
      note: "the staff registry within the caller's scope",
      request: () => ({ method: 'GET', url: '/api/v1/staff?pageSize=100' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('operators.staffRecord')]: {
      note: 'the record of operator.11001 (office 11001, Tehran); unseen elsewhere',
      request: async () => ({ method: 'GET', url: `/api/v1/staff/${await operator()}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, ok, ok, N, ok, D, D, D, D, D, ok],
    },
    [op('operators.ownRecord')]: {
      note: "one's own staff record (office staff only)",
      request: () => ({ method: 'GET', url: '/api/v1/me/staff-record' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('operators.updateProfile')]: {
      note: "set operator.11001's education and insurance number (their office's manager only)",
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/staff/${await operator()}/profile`,
        body: { educationLevel: 'master', educationField: 'حقوق', insuranceNumber: '1200345601' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.photo')]: {
      note: "operator.11001's photo: their own, or within the registry scope",
      request: async () => {
        await withPhoto();
        return { method: 'GET', url: `/api/v1/staff/${await operator()}/photo` };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, N, D, N, ok, ok, N, ok, D, D, D, D, D, ok],
    },
    [op('operators.uploadPhoto')]: {
      note: "replace operator.11001's photo (their office's manager only)",
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/staff/${await operator()}/photo`,
        payload: png(),
        headers: { 'content-type': 'image/png' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.createContract')]: {
      note: 'a part-time contract at office 11001 for one of its staff (its manager only)',
      request: async (_a, i) => ({
        method: 'POST',
        url: `/api/v1/staff/${await hire()}/contracts`,
        body: {
          type: 'hourly',
          fullTime: false,
          weeklyHours: 8,
          monthlyWageRials: 40_000_000,
          startsOn: jalali(1000 + i * 10),
          endsOn: jalali(1005 + i * 10),
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.terminateContract')]: {
      note: 'end a contract of office 11001 early (its manager only)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/contracts/${await contract()}/terminate`,
        body: { on: jalali(0), reason: 'پایان همکاری' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.addInsurance')]: {
      note: 'an insurance period at office 11001 for one of its staff (its manager only)',
      request: async (_a, i) => ({
        method: 'POST',
        url: `/api/v1/staff/${await hire()}/insurance`,
        body: { insuranceNumber: '1200888888', startsOn: jalali(2000 + i * 10), endsOn: jalali(2005 + i * 10) },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.endInsurance')]: {
      note: 'end an insurance period of office 11001 (its manager only)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/insurance-periods/${await period()}/end`,
        body: { endsOn: jalali(0) },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, N, D, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.alerts')]: {
      note: "today's employment alerts within the caller's scope",
      request: () => ({ method: 'GET', url: '/api/v1/employment/alerts' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('operators.workforce')]: {
      note: "workforce statistics within the caller's scope",
      request: () => ({ method: 'GET', url: '/api/v1/employment/stats' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
  };
}
