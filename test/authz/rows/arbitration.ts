/** Authorization matrix rows of the arbitration operations (see ../matrix.int.test.ts for how cells are read). */
import { createHash } from 'node:crypto';
import { fileStorage } from '#server/platform/storage/storage';
import { png } from '../../filings/files';
import { A, D, F, N, ok, U, type MatrixContext, op, type Operation } from '../kit';

/** A party's evidence as a multipart body: its kind, then one PNG. */
function evidenceForm() {
  const boundary = `----daftar${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nevidence\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png(), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The matrix's citizens sign in with their mobiles: their actor names are their mobiles. */
const CITIZENS = new Set(['09120000001', '09130000002']);

export function arbitrationRows(ctx: MatrixContext): Record<string, Operation> {
  const q = <R>(text: string, values?: unknown[]) => ctx.t.query<R>(text, values);
  const arbitratorId = async () =>
    (await q<{ id: number }>("select id::int as id from users where username = 'arbitrator.tehran'"))[0].id;

  /**
   * A case of its own for one cell, seated at office 11001 (Tehran), between citizens 1 and 2, in
   * a given state; from 'arbitrators_appointed' on, arbitrator.tehran is named on it.
   */
  async function freshCase(
    state: 'drafted' | 'consented' | 'arbitrators_appointed' | 'term_running' | 'award_drafted' | 'award_notified',
    arbitratorCount = 1,
  ): Promise<number> {
    const [row] = await q<{ id: number }>(
      `insert into arbitration_cases (state, agreement_kind, subject_kind, subject, arbitrator_count, selection,
        seat_office_id, province_id, award_notice, created_by, created_at)
      values ($1, 'separate', 'lease', 'اختلاف ماتریس در اجاره‌بها', $2, 'parties', 1, 1, 'e_notice', 1, $3) returning id::int as id`,
      [state, arbitratorCount, ctx.t.now()],
    );
    const consentedAt = state === 'drafted' ? null : ctx.t.now();
    await q(
      `insert into arbitration_parties (case_id, role, citizen_id, national_id, name, mobile, consented_at)
      select $1, case when c.id = 1 then 'claimant' else 'respondent' end, c.id, c.national_id, c.first_name || ' ' || c.last_name, c.mobile, $2
      from citizens c where c.id in (1, 2)`,
      [row.id, consentedAt],
    );
    if (state !== 'drafted' && state !== 'consented')
      await q(
        `insert into arbitration_arbitrators (case_id, user_id, national_id, name, status, named_by, named_at, notified_on, signature)
        select $1, u.id, u.national_id, u.first_name || ' ' || u.last_name, $4, 1, $2, $5::date, $6 from users u where u.id = $3`,
        [
          row.id,
          ctx.t.now(),
          await arbitratorId(),
          state === 'arbitrators_appointed' ? 'named' : 'accepted',
          state === 'arbitrators_appointed' ? null : ctx.t.today(),
          state === 'award_notified' ? 'signed' : null,
        ],
      );
    // From the term on: a term to the year's end (and, from the draft on, an award in favour of citizen 1;
    // a notified one lodged with court 1, Tehran).
    if (state === 'term_running' || state === 'award_drafted' || state === 'award_notified')
      await q(
        `update arbitration_cases set term_started_on = $2::date, term_last_day = '2026-12-31',
          award_reasons = $3, award_decision = $4, award_winner_party_id = $5, court_id = $6
        where id = $1`,
        [
          row.id,
          ctx.t.today(),
          state === 'term_running' ? null : 'دلایل رأی ماتریس برای آزمون دسترسی',
          state === 'term_running' ? null : 'خوانده به پرداخت محکوم می‌شود.',
          state === 'term_running'
            ? null
            : (
                await q<{ id: number }>(
                  "select id::int as id from arbitration_parties where case_id = $1 and role = 'claimant'",
                  [row.id],
                )
              )[0].id,
          state === 'award_notified' ? 1 : null,
        ],
      );
    return row.id;
  }
  let shared: Promise<number> | undefined;
  const sharedCase = () => (shared ??= freshCase('arbitrators_appointed'));
  let documentOfShared: Promise<number> | undefined;

  /** A live consent code '123456' for the actor's mobile on this case (for citizens; staff have none). */
  async function codeFor(actor: string, caseId: number) {
    if (!CITIZENS.has(actor)) return;
    const mobile = actor;
    const purpose = `arbitration-consent:${caseId}`;
    const hash = createHash('sha256').update(`${purpose}:${mobile}:123456`).digest('hex');
    await q(
      `insert into otp_challenges (mobile, purpose, code_hash, created_at, expires_at)
      values ($1, $2, $3, $4::timestamptz - interval '2 minutes', $4::timestamptz + interval '3 minutes')`,
      [mobile, purpose, hash, ctx.t.now()],
    );
  }

  return {
    [op('arbitration.start')]: {
      note: 'record an arbitration agreement with citizen 3 as respondent: citizens only',
      request: () => ({
        method: 'POST',
        url: '/api/v1/arbitrations',
        body: {
          agreementKind: 'clause',
          subjectKind: 'contract',
          subject: 'اختلاف در اجرای قرارداد پیمانکاری بازسازی واحد مسکونی',
          arbitratorCount: 1,
          selection: 'parties',
          seatOfficeId: 1,
          awardNotice: 'e_notice',
          respondents: [{ nationalId: '2280000016', mobile: '09170000003' }],
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.list')]: {
      note: "the caller's arbitration cases: a party's, an arbitrator's, the seat office's",
      request: () => ({ method: 'GET', url: '/api/v1/arbitrations' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, F, F, F, F, F, F, F, D, D, D, D, F, D, F, D, F, D],
    },
    [op('arbitration.get')]: {
      note: "a case seated at office 11001 between citizens 1 and 2, arbitrator.tehran named: its parties, arbitrator and the seat office's staff",
      request: async () => ({ method: 'GET', url: `/api/v1/arbitrations/${await sharedCase()}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, ok, ok, N, N, N, D, D, D, D, N, D, N, D, ok, D],
    },
    [op('arbitration.consentCode')]: {
      note: 'a fresh code to consent to a drafted agreement: its parties only',
      request: async () => ({ method: 'POST', url: `/api/v1/arbitrations/${await freshCase('drafted')}/consent-code` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.consent')]: {
      note: 'consent to a drafted agreement with the code sent to the party',
      request: async (actor) => {
        const id = await freshCase('drafted');
        await codeFor(actor, id);
        return { method: 'POST', url: `/api/v1/arbitrations/${id}/consent`, body: { code: '123456' } };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.feeScales')]: {
      note: "the official scales of arbitrators' fees: public, as the regulation is",
      request: () => ({ method: 'GET', url: '/api/v1/arbitrations/fee-scales' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok],
    },
    [op('arbitration.addFeeScale')]: {
      note: "a new scale of arbitrators' fees, from a later day: the regulator alone",
      request: (_actor, i) => ({
        method: 'POST',
        url: '/api/v1/arbitrations/fee-scales',
        body: {
          validFrom: `1406-01-${String(i + 1).padStart(2, '0')}`,
          source: 'جدول ماتریس دسترسی',
          bands: [{ upToRials: null, basisPoints: 100 }],
          capRials: null,
          nonMonetaryMinRials: 1_000_000,
          nonMonetaryMaxRials: 2_000_000,
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('arbitration.withdrawFeeScale')]: {
      note: "withdrawing a scale of arbitrators' fees still to come, with the reason: the regulator alone",
      request: async (_actor, i) => {
        // A scale of its own for each cell, from a day in 1406 no other row takes.
        const [scale] = await q<{ id: number }>(
          `insert into arbitration_fee_scales (valid_from, bands, cap_rials, non_monetary_min_rials,
            non_monetary_max_rials, source, created_by, created_at)
          values ($1::date, '[{"upToRials": null, "basisPoints": 100}]', null, 1000000, 2000000,
            'جدول ماتریس دسترسی', 1, $2) returning id`,
          [`2027-06-${String(i + 1).padStart(2, '0')}`, ctx.t.now()],
        );
        return {
          method: 'POST',
          url: `/api/v1/arbitrations/fee-scales/${scale.id}/withdrawal`,
          body: { reason: 'جدول ماتریس دسترسی پس گرفته می‌شود' },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('arbitration.payFee')]: {
      note: "a party pays their share of the arbitrators' fee fixed on a running case: its parties only",
      request: async (_actor, i) => {
        const id = await freshCase('term_running');
        await q(
          `update arbitration_cases set fee_basis = 'agreed', fee_agreed_per_arbitrator_rials = 10000000,
            fee_total_rials = 10000000 where id = $1`,
          [id],
        );
        await q(
          `insert into arbitration_fee_shares (case_id, party_id, amount_rials)
          select case_id, id, 5000000 from arbitration_parties where case_id = $1`,
          [id],
        );
        return {
          method: 'POST',
          url: `/api/v1/arbitrations/${id}/fee/payment`,
          headers: { 'idempotency-key': `matrix-fee-${i}` },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.registry')]: {
      note: 'the registry of arbitrators, for whoever may name them',
      request: () => ({ method: 'GET', url: '/api/v1/arbitrations/registry' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.appoint')]: {
      note: 'name arbitrator.tehran on an agreement whose parties choose: the parties; the seat office may not, others do not see it',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/arbitrations/${await freshCase('consented')}/arbitrators`,
        body: { arbitrators: [{ userId: await arbitratorId() }] },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, N, N, N, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.answer')]: {
      note: 'arbitrator.tehran accepts the reference; the seat office answers only for one outside the registry',
      request: async () => {
        const id = await freshCase('arbitrators_appointed');
        const [a] = await q<{ id: number }>('select id::int as id from arbitration_arbitrators where case_id = $1', [
          id,
        ]);
        return { method: 'POST', url: `/api/v1/arbitrations/${id}/arbitrators/${a.id}/answer`, body: { accept: true } };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, N, N, N, D, D, D, D, D, D, D, D, ok, D],
    },
    [op('arbitration.hearing')]: {
      note: 'set a hearing on a case whose term runs: arbitrator.tehran, who sits on it',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/arbitrations/${await freshCase('term_running')}/hearings`,
        body: { date: '1405-03-01', time: '10:00', place: 'video' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D, ok, D],
    },
    [op('arbitration.uploadDocument')]: {
      note: "a party's evidence on a case whose term runs: its parties only (the arbitrator and the seat office read, not submit)",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/arbitrations/${await freshCase('term_running')}/documents`,
        ...evidenceForm(),
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
    },
    [op('arbitration.document')]: {
      note: "download a party's document of the shared case: whoever sees the case",
      request: async () => {
        const id = await sharedCase();
        documentOfShared ??= (async () => {
          const stored = await fileStorage(ctx.t.server.ctx.config).put(`arbitration/${id}`, png());
          const [d] = await q<{ id: number }>(
            `insert into arbitration_documents (case_id, party_id, kind, title, file_name, media_type, size_bytes, pages, sha256, storage_key, uploaded_by, created_at)
            select $1, p.id, 'evidence', 'سند ماتریس', 'm.png', 'image/png', $2, 1, $3, $4, 1, $5
            from arbitration_parties p where p.case_id = $1 and p.role = 'claimant' returning id::int as id`,
            [id, stored.sizeBytes, stored.sha256, stored.key, ctx.t.now()],
          );
          return d.id;
        })();
        return { method: 'GET', url: `/api/v1/arbitrations/${id}/documents/${await documentOfShared}` };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, ok, ok, N, N, N, D, D, D, D, N, D, N, D, ok, D],
    },
    [op('arbitration.minutes')]: {
      note: 'record the minutes of a hearing held an hour ago on a case whose term runs: arbitrator.tehran, who sits on it',
      request: async () => {
        const id = await freshCase('term_running');
        const [h] = await q<{ id: number }>(
          `insert into arbitration_hearings (case_id, starts_at, place, scheduled_by, scheduled_at)
          values ($1, $2::timestamptz - interval '1 hour', 'office', 1, $2::timestamptz - interval '1 day') returning id::int as id`,
          [id, ctx.t.now()],
        );
        return {
          method: 'POST',
          url: `/api/v1/arbitrations/${id}/hearings/${h.id}/minutes`,
          body: { text: 'صورت‌جلسهٔ ماتریس: طرفین حاضر شدند و توضیحات خود را ارائه کردند.', presentPartyIds: [] },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D, ok, D],
    },
    [op('arbitration.draftAward')]: {
      note: 'write the award on a case whose term runs: its arbitrator; the seat office reads but does not write it',
      request: async () => {
        const id = await freshCase('term_running');
        const [p] = await q<{ id: number }>(
          'select id::int as id from arbitration_parties where case_id = $1 order by id',
          [id],
        );
        return {
          method: 'PUT',
          url: `/api/v1/arbitrations/${id}/award`,
          body: {
            reasons: 'دلایل رأی ماتریس برای آزمون دسترسی به نگارش رأی',
            decision: 'خوانده به پرداخت محکوم می‌شود.',
            winnerPartyId: p.id,
          },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, N, N, N, D, D, D, D, D, D, D, D, ok, D],
    },
    [op('arbitration.signAward')]: {
      note: 'sign a drafted award: arbitrator.tehran for themself; the seat office only for one outside the registry',
      request: async () => {
        const id = await freshCase('award_drafted');
        const [a] = await q<{ id: number }>('select id::int as id from arbitration_arbitrators where case_id = $1', [
          id,
        ]);
        return {
          method: 'POST',
          url: `/api/v1/arbitrations/${id}/arbitrators/${a.id}/signature`,
          body: { sign: true },
        };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, N, N, N, D, D, D, D, D, D, D, D, ok, D],
    },
    ...Object.fromEntries(
      (['award', 'awardPdf'] as const).map((id) => [
        op(`arbitration.${id}`),
        {
          note: `the drafted award's printed page (${id}): whoever sees the case`,
          request: async () => ({
            method: 'GET' as const,
            url: `/api/v1/arbitrations/${await freshCase('award_drafted')}/award${id === 'awardPdf' ? '.pdf' : ''}`,
          }),
          //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
          expected: [U, ok, ok, ok, ok, N, N, N, D, D, D, D, N, D, N, D, ok, D],
        } satisfies Operation,
      ]),
    ),
    ...Object.fromEntries(
      (['annulment', 'enforcement'] as const).map((id) => [
        op(`arbitration.${id}`),
        {
          note: `record the ${id} request of an award lodged with court 1 (not yet delivered): that court's clerk only`,
          request: async () => {
            const caseId = await freshCase('award_notified');
            const [p] = await q<{ id: number }>(
              'select id::int as id from arbitration_parties where case_id = $1 order by id',
              [caseId],
            );
            return {
              method: 'POST' as const,
              url: `/api/v1/arbitrations/${caseId}/${id}`,
              body: id === 'annulment' ? { partyId: p.id, grounds: ['after_term'] } : { partyId: p.id },
            };
          },
          //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
          expected: [U, D, D, D, D, D, D, D, D, D, D, D, A, D, N, D, D, D],
        } satisfies Operation,
      ]),
    ),
  };
}
