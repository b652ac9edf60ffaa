/** Authorization matrix rows of the quality operations (see ../matrix.int.test.ts for how cells are read). */
import { createHash } from 'node:crypto';
import { A, D, F, N, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

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
  /** A complaint by citizen 09120000001 against office 11001, in this state: its id. */
  async function freshComplaint(state: 'received' | 'answered'): Promise<number> {
    const [row] = await ctx.t.query<{ id: number }>(
      `insert into quality_complaints (office_id, province_id, citizen_id, channel, category, occurred_on, text, filed_on, filed_at, state)
      values (1, 1, (select id from citizens where mobile = '09120000001'), 'online', 'conduct', '2026-05-01',
        'ماتریس: رفتار نامناسب کارمند باجه.', '2026-05-02', $1, $2) returning id::int as id`,
      [ctx.t.now(), state],
    );
    return row.id;
  }
  let sharedComplaint: Promise<number> | undefined;
  /** An inspection of office 11001 with every item passed, not answered yet: its id. */
  async function freshInspection(): Promise<number> {
    const items = Object.fromEntries(
      [
        'signageAndLicence',
        'tariffPosted',
        'queueTicketing',
        'counterPrivacy',
        'staffLicences',
        'videoEquipment',
        'accessibility',
      ].map((k) => [k, { passed: true, note: null }]),
    );
    const [row] = await ctx.t.query<{ id: number }>(
      `insert into quality_inspections (office_id, province_id, inspected_on, items, result, verdict, inspector_user_id)
      values (1, 1, '2026-04-25', $1, 100, 'satisfactory', (select id from users where username = 'inspector.tehran'))
      returning id::int as id`,
      [JSON.stringify(items)],
    );
    return row.id;
  }
  return {
    [op('quality.fileComplaint')]: {
      note: 'a complaint against office 11002: a citizen online for themself, staff of another office for a citizen; at 11002 itself it is refused on its merits (complaint_own_office); oversight, the court and consultants do not file',
      request: (a) => ({
        method: 'POST',
        url: '/api/v1/quality/complaints',
        body: {
          officeId: 2,
          category: 'delay',
          occurredOn: '1405-02-01',
          text: 'ماتریس: بیش از یک ساعت در نوبت ماندم.',
          ...(a.startsWith('09') ? {} : { citizenId: 1 }),
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, ok, ok, A, ok, ok, D, D, D, D, D, D, D, D, D, D],
    },
    [op('quality.complaints')]: {
      note: "complaints: a citizen their own, a manager their office's, a province's association and inspector their province, the nation all",
      request: () => ({ method: 'GET', url: '/api/v1/quality/complaints' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, F, F, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('quality.complaint')]: {
      note: "citizen 1's complaint against office 11001: the complainant, the office's manager, Tehran's association and inspector, the nation; to anyone else it does not exist",
      request: async () => ({
        method: 'GET',
        url: `/api/v1/quality/complaints/${await (sharedComplaint ??= freshComplaint('received'))}`,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, N, N, ok, N, N, N, ok, ok, N, ok, N, N, N, N, N, ok],
    },
    [op('quality.answerComplaint')]: {
      note: 'a complaint against office 11001 (a fresh one per actor) is answered by its manager only; those who see it but may not answer are refused',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/quality/complaints/${await freshComplaint('received')}/answer`,
        body: { answer: 'ماتریس: به کارمند تذکر داده شد.' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, N, N, ok, N, N, N, D, D, N, D, N, N, N, N, N, D],
    },
    [op('quality.decideComplaint')]: {
      note: "an answered complaint against office 11001 (a fresh one per actor) is decided by Tehran's association or the nation's; not by the regulator, the office or the complainant",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/quality/complaints/${await freshComplaint('answered')}/decision`,
        body: { outcome: 'dismissed', reasons: 'ماتریس: شواهدی ارائه نشد.' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, N, N, D, N, N, N, ok, ok, N, D, N, N, N, N, N, D],
    },
    [op('quality.answerInspection')]: {
      note: 'an inspection of office 11001 (a fresh one per actor, nothing failed) is answered by its manager; inspectors and oversight see it but may not answer it',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/quality/inspections/${await freshInspection()}/answer`,
        body: { answers: {} },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, N, ok, N, N, N, D, D, N, D, N, N, N, N, N, D],
    },
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
