/** Authorization matrix rows of the proposals operations (see ../matrix.int.test.ts for how cells are read). */
import { D, ok, PUBLIC, U, type MatrixContext, op, type Operation, type Outcome } from '../kit';

//                                          anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
const READERS: Outcome[] = /*            */ [U, D, D, D, D, D, D, D, ok, ok, ok, ok, D, D, D, D, D, ok];
const NATIONAL_ASSOCIATION: Outcome[] = /**/ [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D];
const REGULATOR: Outcome[] = /*          */ [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D];

export function proposalRows(ctx: MatrixContext): Record<string, Operation> {
  const q = <R>(text: string, values?: unknown[]) => ctx.t.query<R>(text, values);

  /** A proposal of its own for one cell, at a stage of its review, filed by the national association. */
  async function freshProposal(status: 'received' | 'in-review'): Promise<number> {
    const [row] = await q<{ id: number }>(
      `insert into service_proposals (kind, service_code, title_fa, title_en, service_kind, channels, description, legal_basis,
        expected_monthly_volume, fee_rials, required_competencies, training, province_ids, status, submitted_by, submitted_at,
        received_on, completeness_days, decision_days, reminder_days, complete_on)
      select 'new-service', 'matrix-service', 'خدمت ماتریس', 'Matrix service', 'filing', 'office', 'شرح خدمت ماتریس',
        'مبنای قانونی', 10, 500000, '', '', '[1]'::jsonb, $1, u.id, now(), '2026-05-05', 10, 30, 3,
        case when $1 = 'in-review' then '2026-05-05'::date end
      from users u where u.username = 'association' returning id::int as id`,
      [status],
    );
    return row.id;
  }
  let shared: Promise<number> | undefined;

  /** A proposal approved as a pilot in Tehran until the end of 1405 (no competencies needed for the cells). */
  async function approvedPilot(): Promise<number> {
    const id = await freshProposal('in-review');
    await q(
      `update service_proposals set status = 'approved', decided_on = '2026-05-05', decided_at = now(), decided_by = submitted_by,
        pilot = true, pilot_until = '2027-03-20', approved_province_ids = '[1]'::jsonb, approved_fee_rials = 500000,
        granted_offices = 0 where id = $1`,
      [id],
    );
    return id;
  }
  let sharedPilot: Promise<number> | undefined;

  /** A proposal with an open information request, for the association's answer. */
  async function openRequest(): Promise<{ id: number; requestId: number }> {
    const id = await freshProposal('received');
    const [row] = await q<{ id: number }>(
      `insert into proposal_info_requests (proposal_id, phase, question, asked_by, asked_at, asked_on)
      select $1, 'completeness', 'پرسش ماتریس', u.id, now(), '2026-05-05' from users u where u.username = 'regulator'
      returning id::int as id`,
      [id],
    );
    return { id, requestId: row.id };
  }

  const body = {
    kind: 'new-service',
    serviceCode: 'matrix-proposal',
    titleFa: 'خدمت پیشنهادی ماتریس',
    titleEn: 'Matrix proposal',
    serviceKind: 'filing',
    channels: 'office',
    description: 'شرح خدمت پیشنهادی برای ماتریس دسترسی',
    legalBasis: 'قانون آیین دادرسی مدنی',
    expectedMonthlyVolume: 10,
    fee: { amountRials: 500_000 },
    provinceIds: [1],
  };

  return {
    [op('proposals.submit')]: {
      note: 'file a proposal for a new service: the national association only',
      request: () => ({ method: 'POST', url: '/api/v1/proposals', body }),
      expected: NATIONAL_ASSOCIATION,
    },
    [op('proposals.list')]: {
      note: 'proposals with their clocks: oversight and inspectors, whatever their scope (proposals are national)',
      request: () => ({ method: 'GET', url: '/api/v1/proposals' }),
      expected: READERS,
    },
    [op('proposals.inReview')]: {
      note: 'proposals in review with their working days (public)',
      request: () => ({ method: 'GET', url: '/api/v1/proposals/in-review' }),
      expected: PUBLIC,
    },
    [op('proposals.dashboard')]: {
      note: "the board's figures for a year",
      request: () => ({ method: 'GET', url: '/api/v1/proposals/dashboard?year=1405' }),
      expected: READERS,
    },
    [op('proposals.settings')]: {
      note: "the review's limits",
      request: () => ({ method: 'GET', url: '/api/v1/proposals/settings' }),
      expected: READERS,
    },
    [op('proposals.updateSettings')]: {
      note: "change the review's limits (to the defaults again): the regulator only",
      request: () => ({
        method: 'PUT',
        url: '/api/v1/proposals/settings',
        body: { completenessDays: 10, decisionDays: 30, reminderDays: 3 },
      }),
      expected: REGULATOR,
    },
    [op('proposals.get')]: {
      note: 'one proposal with its clocks',
      request: async () => ({
        method: 'GET',
        url: `/api/v1/proposals/${await (shared ??= freshProposal('received'))}`,
      }),
      expected: READERS,
    },
    [op('proposals.acknowledge')]: {
      note: 'acknowledge a proposal (a fresh one per actor): the regulator only',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/proposals/${await freshProposal('received')}/acknowledge`,
      }),
      expected: REGULATOR,
    },
    [op('proposals.requestInfo')]: {
      note: 'ask for more information (a fresh proposal per actor): the regulator only',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/proposals/${await freshProposal('received')}/info-requests`,
        body: { question: 'پرسش ماتریس دربارهٔ پیشنهاد' },
      }),
      expected: REGULATOR,
    },
    [op('proposals.answerInfo')]: {
      note: 'answer an open information request (a fresh one per actor): the national association only',
      request: async () => {
        const { id, requestId } = await openRequest();
        return {
          method: 'POST',
          url: `/api/v1/proposals/${id}/info-requests/${requestId}/answer`,
          body: { answer: 'پاسخ ماتریس' },
        };
      },
      expected: NATIONAL_ASSOCIATION,
    },
    [op('proposals.complete')]: {
      note: 'find a proposal complete (a fresh one per actor): the regulator only',
      request: async () => ({ method: 'POST', url: `/api/v1/proposals/${await freshProposal('received')}/complete` }),
      expected: REGULATOR,
    },
    [op('proposals.decide')]: {
      note: 'reject a proposal under review (a fresh one per actor): the regulator only',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/proposals/${await freshProposal('in-review')}/decide`,
        body: { outcome: 'reject', reasons: 'ماتریس' },
      }),
      expected: REGULATOR,
    },
    [op('proposals.pilotFigures')]: {
      note: "an approved pilot's figures for its end review",
      request: async () => ({
        method: 'GET',
        url: `/api/v1/proposals/${await (sharedPilot ??= approvedPilot())}/pilot-figures`,
      }),
      expected: READERS,
    },
    [op('proposals.reviewPilot')]: {
      note: 'extend a pilot at its end review (a fresh pilot per actor): the regulator only',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/proposals/${await approvedPilot()}/pilot-review`,
        body: { outcome: 'extend', reasons: 'ماتریس', until: '1406-06-31' },
      }),
      expected: REGULATOR,
    },
  };
}
