/** Authorization matrix rows of the quality operations (see ../matrix.int.test.ts for how cells are read). */
import { createHash } from 'node:crypto';
import { D, F, N, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function qualityRows(ctx: MatrixContext): Record<string, Operation> {
  let serial = 0;
  /** A survey sent for a made-up served ticket of office 11001, open for a week: its link's token. */
  async function freshSurvey(): Promise<string> {
    serial += 1;
    const token = `matrix-survey-${process.pid}-${serial}-0000000000`;
    await ctx.t.query(
      `insert into quality_surveys (ticket_id, office_id, province_id, citizen_id, service_code, token_hash, sent_at, expires_at)
      values ($1, 1, 1, (select min(id) from citizens), 'petition', $2, $3, $3::timestamptz + interval '7 days')`,
      [800_000_000 + process.pid * 1000 + serial, createHash('sha256').update(token).digest('hex'), ctx.t.now()],
    );
    return token;
  }
  let shared: Promise<string> | undefined;
  return {
    [op('quality.survey')]: {
      note: 'a survey link opens for anyone holding it, signed in or not',
      request: async () => ({ method: 'GET', url: `/api/v1/quality/surveys/${await (shared ??= freshSurvey())}` }),
      expected: PUBLIC,
    },
    [op('quality.answerSurvey')]: {
      note: 'a survey link (a fresh one per actor) takes its answer from anyone holding it',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/quality/surveys/${await freshSurvey()}/answer`,
        body: { satisfaction: 4, wouldReturn: true },
      }),
      expected: PUBLIC,
    },
    [op('quality.facts')]: {
      note: "each office's measured facts for a month: a manager their office, a province's association and inspector their province, the nation all",
      request: () => ({ method: 'GET', url: '/api/v1/quality/facts?month=1405-01' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('quality.officeFacts')]: {
      note: "office 11001's measured facts and its operators' parts; to anyone else it does not exist",
      request: () => ({ method: 'GET', url: '/api/v1/quality/offices/1/facts?month=1405-01' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, N, ok, N, N, N, ok, ok, N, ok, N, N, N, N, N, ok],
    },
    [op('quality.scores')]: {
      note: "each office's score and rank in its province: a manager their office, a province's association and inspector their province, the nation all",
      request: () => ({ method: 'GET', url: '/api/v1/quality/scores?month=1405-01' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('quality.officeScore')]: {
      note: "office 11001's score, its components and trend; to anyone else it does not exist",
      request: () => ({ method: 'GET', url: '/api/v1/quality/offices/1/score?month=1405-01' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, N, ok, N, N, N, ok, ok, N, ok, N, N, N, N, N, ok],
    },
    [op('quality.recordInspection')]: {
      note: "an inspection of office 11001 is recorded by Tehran's inspector and association (and the nation's); to another province and to whoever may not see the office's quality it does not exist; its manager sees it but may not inspect it",
      request: () => ({
        method: 'POST',
        url: '/api/v1/quality/offices/1/inspections',
        body: {
          inspectedOn: '1405-02-01',
          items: Object.fromEntries(
            [
              'signageAndLicence',
              'tariffPosted',
              'queueTicketing',
              'counterPrivacy',
              'staffLicences',
              'videoEquipment',
              'accessibility',
            ].map((k) => [k, { passed: true }]),
          ),
          verdict: 'satisfactory',
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, N, D, N, N, N, ok, ok, N, D, N, N, N, N, N, ok],
    },
    [op('quality.weights')]: {
      note: "the score's weight sets, the same for everyone who reads scores",
      request: () => ({ method: 'GET', url: '/api/v1/quality/weights' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, ok, D, ok, ok, ok, ok, ok, D, D, D, D, D, ok],
    },
    [op('quality.publishWeights')]: {
      note: "only the national association publishes the score's weights; a province's association may not",
      request: () => ({
        method: 'POST',
        url: '/api/v1/quality/weights',
        body: {
          effectiveFrom: '1499-01',
          weights: {
            waiting: 15,
            returns: 25,
            sameDay: 10,
            payments: 5,
            satisfaction: 20,
            wouldReturn: 10,
            inspection: 15,
          },
          reason: 'matrix',
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
  };
}
