/**
 * THE authorization matrix: every operation of the OpenAPI document × every demo role, with the
 * expected outcome written out by hand. A new endpoint fails this file until someone decides, row
 * by row, who may call it. Below the matrix: what the "filtered" cells mean — lists and counts
 * that only ever contain the caller's office or province — and the writes that must be refused
 * across offices and provinces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { formatJalaliIso, isoToJalali, jalaliToIso, parseJalaliDate } from '#core/jalali';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { fileStorage } from '#server/platform/storage/storage';
import { nationalId, staffBody } from '../support/fixtures';
import { multipart, pdf, png } from '../filings/files';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type Response, type TestServer } from '../support/test-server';

import {
  A,
  ACTORS,
  D,
  F,
  N,
  ok,
  PUBLIC,
  R,
  SIGNED_IN,
  U,
  type ActorName,
  type MatrixContext,
  type Operation,
  op,
  type Outcome,
} from './kit';
import { officeRows } from './rows/offices';
import { employmentRows } from './rows/employment';
import { trainingRows } from './rows/training';
import { licenceRows } from './rows/licences';
import { scheduleRows } from './rows/tariff-schedules';
import { simulatorRows } from './rows/tariff-simulator';
import { simulatorExportRows } from './rows/tariff-simulator-exports';
import { channelRows } from './rows/channels';
import { statsRows } from './rows/stats';
import { geoReferenceRows } from './rows/geo-reference';
import { geoDistributionRows } from './rows/geo-distribution';
import { geoFinderRows } from './rows/geo-finder';
import { geoSitingRows } from './rows/geo-siting';
import { deadlineRows } from './rows/deadlines';
import { arbitrationRows } from './rows/arbitration';
import { proposalRows } from './rows/proposals';
import { consultationRows } from './rows/consultation';
import { hearingRows } from './rows/hearings';
import { qualityRows } from './rows/quality';

let t: TestServer;
const clients = new Map<ActorName, Client>();
/** An operator of office 11001 whose password the matrix resets. */
let office1Operator: number;
/** An operator of office 11002, created by its manager. */
let office2Operator: number;

const otpHash = (mobile: string, code: string) => createHash('sha256').update(`${mobile}:${code}`).digest('hex');

/** Court desk and notices fixtures: a submitted filing, a case and a notice in each of two courts (Tehran 1, Isfahan 3). */
interface CourtFixture {
  filing: Record<number, number>;
  kase: Record<number, number>;
  notice: Record<string, number>;
}
let courtFixture: Promise<CourtFixture> | undefined;
function courtData(): Promise<CourtFixture> {
  courtFixture ??= (async () => {
    const f: CourtFixture = { filing: {}, kase: {}, notice: {} };
    for (const [courtId, provinceId, citizenId, mobile] of [
      [1, 1, 1, '09120000001'],
      [3, 3, 2, '09130000002'],
    ] as const) {
      const [filing] = await t.query<{ id: number }>(
        `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id, subject, submitted_at)
        values ('petition', 'submitted', 'office', $1, $2, $3, 1, $4, 'ماتریس', $5) returning id::int as id`,
        [provinceId === 1 ? 1 : 4, provinceId, citizenId, courtId, t.now()],
      );
      const [kase] = await t.query<{ id: number }>(
        `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
        values ($1, $2, 1, $3, 'ماتریس', 1) returning id::int as id`,
        [`M-${courtId}`, courtId, provinceId],
      );
      await t.query("insert into case_parties (case_id, role, citizen_id, name) values ($1, 'claimant', $2, 'طرف')", [
        kase.id,
        citizenId,
      ]);
      const [notice] = await t.query<{ id: number }>(
        `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by)
        values ($1, $2, $3, 'decision', 'ابلاغیه', 'متن ابلاغیه', 1) returning id::int as id`,
        [kase.id, courtId, provinceId],
      );
      await t.query('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, $2, $3)', [
        notice.id,
        citizenId,
        provinceId,
      ]);
      f.filing[courtId] = filing.id;
      f.kase[courtId] = kase.id;
      f.notice[mobile] = notice.id;
    }
    return f;
  })();
  return courtFixture;
}
/** A fresh submitted filing in a court (each decision row needs its own). */
async function freshFiling(courtId: number): Promise<number> {
  const provinceId = courtId === 3 ? 3 : 1;
  const [row] = await t.query<{ id: number }>(
    `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id, subject, submitted_at)
    values ('petition', 'submitted', 'office', $1, $2, 1, 1, $3, 'ماتریس', $4) returning id::int as id`,
    [provinceId === 1 ? 1 : 4, provinceId, courtId, t.now()],
  );
  return row.id;
}
/** A fresh case of a court with a party without an e-account, and a decision on it issued today (each paper-service row needs its own). */
async function paperNotice(courtId: number): Promise<{ noticeId: number; partyId: number }> {
  const provinceId = courtId === 3 ? 3 : 1;
  const [kase] = await t.query<{ id: number }>(
    `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
    values ('M-P-' || nextval('cases_id_seq'), $1, 1, $2, 'ماتریس', 1) returning id::int as id`,
    [courtId, provinceId],
  );
  const [party] = await t.query<{ id: number }>(
    "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', null, 'بدون حساب') returning id::int as id",
    [kase.id],
  );
  const [notice] = await t.query<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
    values ($1, $2, $3, 'decision', 'رأی', 'متن رأی', 1, $4) returning id::int as id`,
    [kase.id, courtId, provinceId, t.now()],
  );
  return { noticeId: notice.id, partyId: party.id };
}
/** The signed decision on each court's fixture notice (the one its citizen has a copy of), attached once. */
let signedDecisions: Promise<void> | undefined;
function withSignedDecisions(): Promise<CourtFixture> {
  signedDecisions ??= (async () => {
    const f = await courtData();
    for (const noticeId of Object.values(f.notice)) {
      const stored = await fileStorage(t.server.ctx.config).put(`notices/${noticeId}`, await pdf(1));
      await t.query(
        `update notices set document_key = $2, document_sha256 = $3, document_file_name = 'decision.pdf',
        document_size_bytes = $4, document_pages = 1, document_attached_by = 1, document_attached_at = $5 where id = $1`,
        [noticeId, stored.key, stored.sha256, stored.sizeBytes, t.now()],
      );
    }
  })();
  return signedDecisions.then(() => courtData());
}
/** Citizen 1's consent (notice-page) at the actor's office (office 1 for actors without one). */
/**
 * A consent of citizen 1 at the actor's office, given to the actor (a consent binds the operator
 * the code was read out to); for actors who are no staff of an office, to user 1.
 */
async function consentFor(actor: ActorName, purpose: 'notice-page' | 'follow-up'): Promise<number> {
  const officeId = actor.endsWith('.13001') ? 4 : actor.endsWith('.11002') ? 2 : 1;
  const [row] = await t.query<{ id: number }>(
    `insert into consents (citizen_id, office_id, operator_user_id, purpose, expires_at)
    values (1, $1, coalesce((select id from users where username = $4), 1), $3, $2::timestamptz + interval '10 minutes')
    returning id::int as id`,
    [officeId, t.now(), purpose, actor],
  );
  return row.id;
}
async function noticeConsent(actor: ActorName): Promise<number> {
  await courtData();
  return consentFor(actor, 'notice-page');
}
/** The court of a court-scoped actor (Isfahan's clerk works at court 3; everyone else is sent to court 1). */
const courtOf = (actor: ActorName) => (actor === 'clerk.isfahan' ? 3 : 1);

/** Filings fixtures: office 11001 prepares petitions for citizen 09120000001 (Tehran). */
const petition = () => ({
  service: 'petition',
  applicantCitizenId: 1,
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱' },
  ],
  courtId: 1,
  branch: 3,
  subject: 'مطالبهٔ وجه چک',
  facts: 'خوانده وجه چک را نپرداخته است.',
  claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
});
const { applicantCitizenId: _applicant, service: _service, ...petitionContent } = petition();
async function draftFiling(): Promise<number> {
  const res = await as('operator.11001').post('/api/v1/filings', petition());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function attachTo(filingId: number): Promise<number> {
  const { payload, headers } = multipart({ name: 'scan.png', type: 'image/png', bytes: png() }, 'سند');
  const res = await as('operator.11001').request({
    method: 'POST',
    url: `/api/v1/filings/${filingId}/attachments`,
    payload,
    headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function attachedDraft(): Promise<number> {
  const id = await draftFiling();
  await attachTo(id);
  return id;
}
async function confirmedFiling(): Promise<{ id: number; total: number }> {
  const id = await draftFiling();
  await attachTo(id);
  const res = await as('operator.11001').post(`/api/v1/filings/${id}/confirm`);
  expect(res.statusCode, res.body).toBe(200);
  return { id, total: res.json().quote.totalRials };
}
async function paidFiling(): Promise<number> {
  const { id, total } = await confirmedFiling();
  const credit = t.server.ctx.ports.onPaymentCredited.filing;
  await t.server.ctx.db.transaction((tx) =>
    credit(tx, {
      id: 800_000 + id,
      purpose: 'filing',
      filingId: id,
      serviceRecordId: null,
      amountRials: total,
      receiptNumber: `M${id}`,
      createdBy: 1,
      paidAt: t.now(),
    }),
  );
  return id;
}
/** One draft with one attachment that every actor tries to read. */
let sharedFiling: Promise<{ id: number; attachment: number }> | undefined;
const filingToRead = () =>
  (sharedFiling ??= (async () => {
    const id = await draftFiling();
    return { id, attachment: await attachTo(id) };
  })());

/** A valid national company ID (11 digits, check digit over the tenth digit plus two). */
function companyId(first10: string): string {
  const weights = [29, 27, 23, 19, 17];
  const d = Number(first10[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(first10[i]) + d) * weights[i % 5];
  return first10 + String(sum % 11 === 10 ? 0 : sum % 11);
}
const eaccountBody = (i: number) => ({
  nationalId: nationalId(),
  firstName: 'مینا',
  lastName: 'ثبتی',
  fatherName: 'رضا',
  birthDate: '1370-05-01',
  mobile: `0915000${String(i).padStart(4, '0')}`,
  mobileCode: '000000',
  address: 'تهران، خیابان انقلاب، پلاک ۵',
  postalCode: '1234567890',
});

/** What the area row files need from the matrix: the server and a signed-in client per actor. */
const ctx: MatrixContext = {
  get t() {
    return t;
  },
  as: (actor) => as(actor),
};

const MATRIX: Record<string, Operation> = {
  ...officeRows(ctx),
  ...employmentRows(ctx),
  ...trainingRows(ctx),
  ...licenceRows(ctx),
  ...scheduleRows(ctx),
  ...simulatorRows(ctx),
  ...simulatorExportRows(ctx),
  ...channelRows(ctx),
  ...geoReferenceRows(ctx),
  ...geoDistributionRows(ctx),
  ...geoFinderRows(ctx),
  ...geoSitingRows(ctx),
  ...deadlineRows(ctx),
  ...arbitrationRows(ctx),
  ...proposalRows(ctx),
  ...consultationRows(ctx),
  ...hearingRows(ctx),
  ...qualityRows(ctx),
  ...statsRows(ctx),
  [op('platform.health')]: {
    note: 'liveness for load balancers',
    request: () => ({ method: 'GET', url: '/api/health' }),
    expected: PUBLIC,
  },
  [op('identity.staffSignIn')]: {
    note: 'anyone may try to sign in',
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/staff/login',
      body: { username: 'inspector.tehran', password: DEMO_PASSWORD },
    }),
    expected: PUBLIC,
  },
  [op('identity.staffCode')]: {
    note: 'anyone may ask for a staff code (the same answer for any username; only a registered mobile gets it)',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/auth/staff/otp',
      body: { username: `matrix.staff.${i}` },
    }),
    expected: PUBLIC,
  },
  [op('identity.staffCodeSignIn')]: {
    note: "anyone holding a valid code sent to a staff member's mobile may sign in as them",
    async request(_a, i) {
      const code = String(200_000 + i);
      const [inspector] = await t.query<{ id: number; mobile: string }>(
        "select id::int as id, mobile from users where username = 'inspector.tehran'",
      );
      await t.query(
        "insert into otp_challenges (mobile, purpose, code_hash, expires_at) values ($1, $2, $3, $4::timestamptz + interval '3 minutes')",
        [inspector.mobile, `staff-sign-in:${inspector.id}`, otpHash(inspector.mobile, code), t.now()],
      );
      return { method: 'POST', url: '/api/v1/auth/staff/otp/login', body: { username: 'inspector.tehran', code } };
    },
    expected: PUBLIC,
  },
  [op('identity.citizenCode')]: {
    note: 'anyone may ask for a code (unregistered numbers get no SMS)',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/auth/citizen/otp',
      body: { mobile: `093500000${String(i).padStart(2, '0')}` },
    }),
    expected: PUBLIC,
  },
  [op('identity.citizenSignIn')]: {
    note: 'anyone holding a valid code may sign in',
    async request(_a, i) {
      const code = String(100_000 + i);
      await t.query(
        "insert into otp_challenges (mobile, purpose, code_hash, expires_at) values ($1, 'sign-in', $2, $3::timestamptz + interval '3 minutes')",
        ['09170000003', otpHash('09170000003', code), t.now()],
      );
      return { method: 'POST', url: '/api/v1/auth/citizen/login', body: { mobile: '09170000003', code } };
    },
    expected: PUBLIC,
  },
  [op('identity.me')]: {
    note: 'who am I',
    request: () => ({ method: 'GET', url: '/api/v1/auth/me' }),
    expected: SIGNED_IN,
  },
  [op('identity.ownProfile')]: {
    note: "a citizen's own e-account",
    request: () => ({ method: 'GET', url: '/api/v1/citizens/me' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('identity.users')]: {
    note: "staff list within the caller's scope",
    request: () => ({ method: 'GET', url: '/api/v1/users?pageSize=200' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, D],
  },
  [op('identity.createUser')]: {
    note: 'create an operator in office 11001 (Tehran)',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/users',
      body: staffBody(`matrix.op.${i}`, { role: 'operator', officeId: 1 }),
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, ok, R, D, R, ok, ok, R, ok, D, D, D, D, D, D],
  },
  [op('identity.setPassword')]: {
    note: 'reset the password of an operator of office 11001 (Tehran)',
    request: () => ({
      method: 'POST',
      url: `/api/v1/users/${office1Operator}/password`,
      body: { password: 'Reset-pass-1403' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, ok, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
  },
  [op('catalog.services')]: {
    note: 'the service catalog',
    request: () => ({ method: 'GET', url: '/api/v1/catalog/services' }),
    expected: PUBLIC,
  },
  [op('tariffs.quote')]: {
    note: 'fee quotes',
    request: () => ({
      method: 'POST',
      url: '/api/v1/fees/quote',
      body: { service: 'petition', date: '1403-05-01', parties: 2, pages: 2 },
    }),
    expected: PUBLIC,
  },
  [op('tariffs.schedules')]: {
    note: 'approved tariffs',
    request: () => ({ method: 'GET', url: '/api/v1/tariffs/schedules' }),
    expected: PUBLIC,
  },
  [op('tariffs.courtCostRules')]: {
    note: 'the court-cost rule set',
    request: () => ({ method: 'GET', url: '/api/v1/tariffs/court-cost-rules' }),
    expected: PUBLIC,
  },
  [op('tariffs.addCourtCostRule')]: {
    note: 'add a court-cost rule',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/tariffs/court-cost-rules',
      body: {
        serviceCode: 'petition',
        titleFa: `قاعدهٔ ${i}`,
        titleEn: `Rule ${i}`,
        basis: 'fixed',
        amountRials: 1000,
        effectiveFrom: '1404-01-01',
        source: 'matrix test rule',
      },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  [op('tariffs.removeCourtCostRule')]: {
    note: 'remove a court-cost rule',
    async request(_a, _i) {
      const [row] = await t.query<{
        id: number;
      }>(`insert into court_cost_rules (service_code, title_fa, title_en, basis, amount_rials, effective_from, source)
        values ('petition', 'حذف', 'Remove', 'fixed', 1000, '2025-03-21', 'matrix') returning id::int as id`);
      return { method: 'DELETE', url: `/api/v1/tariffs/court-cost-rules/${row.id}` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  [op('offices.directory')]: {
    note: 'office directory',
    request: () => ({ method: 'GET', url: '/api/v1/offices' }),
    expected: PUBLIC,
  },
  [op('offices.get')]: {
    note: "one office (Isfahan's 13001)",
    request: () => ({ method: 'GET', url: '/api/v1/offices/4' }),
    expected: PUBLIC,
  },
  [op('geo.provinces')]: {
    note: 'provinces',
    request: () => ({ method: 'GET', url: '/api/v1/geo/provinces' }),
    expected: PUBLIC,
  },
  [op('court.courts')]: {
    note: 'court directory',
    request: () => ({ method: 'GET', url: '/api/v1/courts?provinceId=3' }),
    expected: PUBLIC,
  },
  [op('notices.outbox')]: {
    note: 'the SMS outbox',
    request: () => ({ method: 'GET', url: '/api/v1/notifier/outbox?pageSize=200' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, D],
  },
  [op('stats.overview')]: {
    note: 'dashboard counts',
    request: () => ({ method: 'GET', url: '/api/v1/stats/overview' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, F, F, F, F, F, ok, F, F, ok, F, F, F, F, F, F],
  },
  [op('platform.auditEvents')]: {
    note: "the audit log (a province's association: its province's events and its own, test/platform/audit-log.int.test.ts)",
    request: () => ({ method: 'GET', url: '/api/v1/audit/events' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, D],
  },
  [op('platform.verifyAudit')]: {
    note: 'verify the audit chain',
    request: () => ({ method: 'POST', url: '/api/v1/audit/verify' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  [op('platform.auditCheckpoint')]: {
    note: "a signed checkpoint of the audit chain's head",
    request: () => ({ method: 'POST', url: '/api/v1/audit/checkpoints' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  // ——— The court desk and notices: each court-scoped actor is sent to a resource of their own court (cross-court: test/court, test/notices).
  [op('court.queue')]: {
    note: "the clerk's queue of submitted filings",
    request: async () => {
      await courtData();
      return { method: 'GET', url: '/api/v1/court/filings' };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, F, D, F, D, D, D],
  },
  [op('court.filing')]: {
    note: "a submitted filing of the clerk's court",
    request: async (a) => ({ method: 'GET', url: `/api/v1/court/filings/${(await courtData()).filing[courtOf(a)]}` }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, ok, D, D, D],
  },
  [op('court.attachment')]: {
    note: "download an attachment of a filing of the clerk's court",
    async request(a) {
      const filingId = (await courtData()).filing[courtOf(a)];
      const stored = await fileStorage(t.server.ctx.config).put(
        `filings/${filingId}`,
        Buffer.from('%PDF-1.4\n%%EOF\n'),
      );
      const [att] = await t.query<{ id: number }>(
        `insert into filing_attachments (filing_id, title, file_name, media_type, size_bytes, pages, sha256, storage_key, uploaded_by)
        values ($1, 'سند', 'doc.pdf', 'application/pdf', $2, 1, $3, $4, 1) returning id::int as id`,
        [filingId, stored.sizeBytes, stored.sha256, stored.key],
      );
      return { method: 'GET', url: `/api/v1/court/filings/${filingId}/attachments/${att.id}` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, ok, D, D, D],
  },
  [op('court.accept')]: {
    note: "accept a fresh submitted filing of the clerk's court",
    request: async (a) => ({
      method: 'POST',
      url: `/api/v1/court/filings/${await freshFiling(courtOf(a))}/accept`,
      body: { branch: 1 },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, ok, D, D, D],
  },
  [op('court.return')]: {
    note: "return a fresh submitted filing of the clerk's court",
    request: async (a) => ({
      method: 'POST',
      url: `/api/v1/court/filings/${await freshFiling(courtOf(a))}/return`,
      body: { reasons: 'نقص مدارک پیوست' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, ok, D, D, D],
  },
  [op('court.cases')]: {
    note: "the court's cases",
    request: async () => {
      await courtData();
      return { method: 'GET', url: '/api/v1/court/cases' };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, F, F, F, D, D, D],
  },
  [op('court.case')]: {
    note: "a case of the actor's court",
    request: async (a) => ({ method: 'GET', url: `/api/v1/court/cases/${(await courtData()).kase[courtOf(a)]}` }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, ok, ok, D, D, D],
  },
  [op('notices.issue')]: {
    note: "issue a notice on a case of the actor's court",
    request: async (a) => ({
      method: 'POST',
      url: `/api/v1/court/cases/${(await courtData()).kase[courtOf(a)]}/notices`,
      body: { kind: 'notification', title: 'اطلاعیه', body: 'متن اطلاعیهٔ آزمایشی' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, ok, ok, D, D, D],
  },
  [op('notices.servePaper')]: {
    note: "record the bailiff's paper service of a fresh decision on a party without an e-account, at the actor's court",
    async request(a) {
      const { noticeId, partyId } = await paperNotice(courtOf(a));
      return {
        method: 'POST',
        url: `/api/v1/court/notices/${noticeId}/parties/${partyId}/paper-service`,
        body: { servedOn: formatJalaliIso(isoToJalali(t.today())), manner: 'personal' },
      };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, D, ok, D, D, D],
  },
  [op('notices.attachDocument')]: {
    note: "attach the signed decision (PDF) to a fresh decision at the actor's court",
    request: async (a) => ({
      method: 'PUT',
      url: `/api/v1/court/notices/${(await paperNotice(courtOf(a))).noticeId}/document`,
      payload: await pdf(1),
      headers: { 'content-type': 'application/pdf' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, ok, ok, D, D, D],
  },
  [op('notices.courtDocument')]: {
    note: "download the signed decision of a notice at the actor's court",
    request: async (a) => ({
      method: 'GET',
      url: `/api/v1/court/notices/${(await withSignedDecisions()).notice[courtOf(a) === 3 ? '09130000002' : '09120000001']}/document`,
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, D, ok, ok, ok, D, D, D],
  },
  [op('notices.myDocument')]: {
    note: "download the signed decision of one's own notice (records delivery)",
    async request(a) {
      const f = await withSignedDecisions();
      return { method: 'GET', url: `/api/v1/me/notices/${f.notice[a] ?? f.notice['09120000001']}/document` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.myNoticePdf')]: {
    note: "one's own notice as a printable PDF (records delivery)",
    request: async (a) => ({
      method: 'GET',
      url: `/api/v1/me/notices/${(await courtData()).notice[a] ?? (await courtData()).notice['09120000001']}/notice.pdf`,
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.myOverview')]: {
    note: "the citizen's own filings, cases and notices",
    request: () => ({ method: 'GET', url: '/api/v1/me/overview' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, F, F, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.myFilings')]: {
    note: "the citizen's own filings",
    request: () => ({ method: 'GET', url: '/api/v1/me/filings' }),
    expected: [U, F, F, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.myCases')]: {
    note: "the citizen's own cases",
    request: () => ({ method: 'GET', url: '/api/v1/me/cases' }),
    expected: [U, F, F, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.myNotices')]: {
    note: "the citizen's own notices",
    request: () => ({ method: 'GET', url: '/api/v1/me/notices' }),
    expected: [U, F, F, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.openMine')]: {
    note: "open one's own notice (records delivery)",
    request: async (a) => ({
      method: 'GET',
      url: `/api/v1/me/notices/${(await courtData()).notice[a] ?? (await courtData()).notice['09120000001']}`,
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.atOffice')]: {
    note: "a citizen's notices at the actor's office, with the citizen's consent",
    request: async (a) => ({
      method: 'GET',
      url: `/api/v1/counter/notices?citizenId=1&consentId=${await noticeConsent(a)}`,
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.openAtOffice')]: {
    note: "open a citizen's notice at the actor's office, with consent (charges notice-page)",
    request: async (a) => ({
      method: 'POST',
      url: `/api/v1/counter/notices/${(await courtData()).notice['09120000001']}/open`,
      body: { citizenId: 1, consentId: await noticeConsent(a) },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.noticePdfAtOffice')]: {
    note: "print a citizen's notice the office has opened for them, with consent (nothing more charged)",
    async request(a) {
      const id = (await courtData()).notice['09120000001'];
      // Opened for the citizen already (by the office or online): printing follows the opening.
      await t.query(
        "update notice_deliveries set delivered_at = coalesce(delivered_at, now()), delivered_channel = coalesce(delivered_channel, 'office') where notice_id = $1 and citizen_id = 1",
        [id],
      );
      return {
        method: 'GET',
        url: `/api/v1/counter/notices/${id}/notice.pdf?citizenId=1&consentId=${await noticeConsent(a)}`,
      };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('notices.holidays')]: {
    note: 'the holiday calendar',
    request: () => ({ method: 'GET', url: '/api/v1/holidays?year=1405' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, ok, ok, ok, ok, D, D, D, D, D, D],
  },
  [op('notices.addHoliday')]: {
    note: 'add a holiday',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/holidays',
      body: { date: `1450-08-${String(i + 1).padStart(2, '0')}`, titleFa: 'تعطیل', titleEn: 'Closure' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  [op('notices.removeHoliday')]: {
    note: 'remove a holiday',
    async request(_a, i) {
      const day = `1450-09-${String(i + 1).padStart(2, '0')}`;
      await t.query(
        "insert into holidays (day, title_fa, title_en) values ($1, 'تعطیل', 'Closure') on conflict do nothing",
        [jalaliToIso(parseJalaliDate(day)!)],
      );
      return { method: 'DELETE', url: `/api/v1/holidays/${day}` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  [op('notices.deadlineRules')]: {
    note: 'deadline rules per kind of notice',
    request: () => ({ method: 'GET', url: '/api/v1/notice-deadline-rules' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, ok, ok, ok, ok, D, D, D, D, D, D],
  },
  [op('notices.updateDeadlineRule')]: {
    note: 'change a deadline rule',
    request: () => ({
      method: 'PUT',
      url: '/api/v1/notice-deadline-rules/notification',
      body: { days: null, source: 'No time limit runs from a notification' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
  },
  // ——— Judicial e-accounts at the counter and online, citizen lookup, legal persons and representatives.
  [op('eaccounts.mobileCode')]: {
    note: "counter: confirm a new citizen's mobile",
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/eaccounts/mobile-code',
      body: { mobile: `0915100${String(i).padStart(4, '0')}` },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('eaccounts.register')]: {
    note: 'counter: register an e-account (with a wrong mobile code)',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/eaccounts',
      body: { ...eaccountBody(i), identityCheck: 'national-card' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, A, A, A, A, A, D, D, D, D, D, D, D, D, D, D],
  },
  [op('eaccounts.selfMobileCode')]: {
    note: "online self-registration: confirm one's mobile",
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/eaccounts/self/mobile-code',
      body: { mobile: `0915200${String(i).padStart(4, '0')}` },
    }),
    expected: PUBLIC,
  },
  [op('eaccounts.selfRegister')]: {
    note: 'online self-registration (with a wrong mobile code)',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/eaccounts/self',
      body: { ...eaccountBody(i), provinceId: 1 },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A],
  },
  [op('eaccounts.lookup')]: {
    note: 'counter: find a citizen by national ID',
    request: () => ({ method: 'GET', url: '/api/v1/citizens/lookup?nationalId=0499370899' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('eaccounts.legalPersons')]: {
    note: 'search companies',
    request: () => ({ method: 'GET', url: '/api/v1/legal-persons' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('eaccounts.createLegalPerson')]: {
    note: 'register a company',
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/legal-persons',
      body: {
        nationalCompanyId: companyId(`101000${String(1000 + i)}`),
        name: 'شرکت آزمون',
        registrationNumber: String(5000 + i),
        provinceId: 1,
      },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('eaccounts.representatives')]: {
    note: 'search representatives',
    request: () => ({ method: 'GET', url: '/api/v1/representatives' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('eaccounts.createRepresentative')]: {
    note: 'register a representative (a citizen with an e-account; a second registration is a conflict)',
    request: () => ({
      method: 'POST',
      url: '/api/v1/representatives',
      body: { nationalId: '2280000016', kind: 'guardian', issuer: 'دادگاه خانواده' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, A, A, A, A, A, D, D, D, D, D, D, D, D, D, D],
  },
  // ——— The counter: tickets of office 11001 (another office's ticket is refused with 403), consents, status lookups, today's work.
  [op('counter.issueTicket')]: {
    note: "issue a queue ticket at one's office",
    request: () => ({ method: 'POST', url: '/api/v1/counter/tickets' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('counter.ticketSlip')]: {
    note: 'the printable slip of a waiting ticket of office 11001 (another office: 403)',
    request: async () => {
      const [row] = await t.query<{ id: number }>(
        'insert into queue_tickets (office_id, day, number) values (1, $1::date, 2000 + (select count(*) from queue_tickets)) returning id::int as id',
        [t.today()],
      );
      return { method: 'GET', url: `/api/v1/counter/tickets/${row.id}/slip` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('counter.tickets')]: {
    note: "today's tickets of one's office",
    request: () => ({ method: 'GET', url: '/api/v1/counter/tickets' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, F, F, F, F, F, D, D, D, D, D, D, D, D, D, D],
  },
  [op('counter.callNext')]: {
    note: "call the next visitor of one's office",
    request: () => ({ method: 'POST', url: '/api/v1/counter/tickets/next' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  ...Object.fromEntries(
    (['call', 'serve', 'cancel'] as const).map((move) => [
      op(`counter.${move}Ticket` as const),
      {
        note: `${move} a waiting ticket of office 11001 (a fresh one per actor)`,
        request: async () => {
          const [row] = await t.query<{ id: number }>(
            'insert into queue_tickets (office_id, day, number) values (1, $1::date, 1000 + (select count(*) from queue_tickets)) returning id::int as id',
            [t.today()],
          );
          return {
            method: 'POST' as const,
            url: `/api/v1/counter/tickets/${row.id}/${move}`,
            ...(move === 'serve' ? { body: {} } : {}),
          };
        },
        //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
        expected: [U, D, D, ok, ok, D, D, D, D, D, D, D, D, D, D, D, D, D] as Outcome[],
      },
    ]),
  ),
  [op('counter.requestConsent')]: {
    note: 'ask citizen 09120000001 for consent (a second ask within a minute is refused on its merits)',
    request: () => ({
      method: 'POST',
      url: '/api/v1/counter/consents',
      body: { nationalId: '0499370899', purpose: 'case-report' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, A, A, A, A, A, D, D, D, D, D, D, D, D, D, D],
  },
  [op('counter.confirmConsent')]: {
    note: "enter the citizen's code (a wrong one)",
    request: () => ({
      method: 'POST',
      url: '/api/v1/counter/consents/confirm',
      body: { nationalId: '0499370899', purpose: 'case-report', code: '000000' },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, A, A, A, A, A, D, D, D, D, D, D, D, D, D, D],
  },
  [op('counter.statusLookup')]: {
    note: "citizen 09120000001's status with a follow-up consent given at the actor's office (charges follow-up)",
    request: async (a) => ({
      method: 'POST',
      url: '/api/v1/counter/status-lookups',
      body: { consentId: await consentFor(a, 'follow-up'), citizenId: 1 },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('counter.today')]: {
    note: "today's work of one's office",
    request: () => ({ method: 'GET', url: '/api/v1/counter/today' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, F, F, F, F, F, D, D, D, D, D, D, D, D, D, D],
  },
  // ——— Filings: a petition office 11001 prepares for citizen 09120000001; another office's or citizen's filing is not found.
  [op('filings.courtOptions')]: {
    note: 'courts to choose from',
    request: () => ({ method: 'GET', url: '/api/v1/filings/court-options?provinceId=1' }),
    expected: PUBLIC,
  },
  [op('filings.list')]: {
    note: "filings within the caller's scope",
    request: async () => {
      await filingToRead();
      return { method: 'GET', url: '/api/v1/filings' };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, F, F, F, F, F, ok, F, F, ok, D, D, D, D, D, F],
  },
  [op('filings.unsent')]: {
    note: "office 11001's paid filings not yet sent: its staff, Tehran's and the nation's oversight",
    request: () => ({ method: 'GET', url: '/api/v1/filings/unsent?officeId=1' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, D, D, D, ok, ok, D, ok, D, D, D, D, D, ok],
  },
  [op('filings.mine')]: {
    note: "a citizen's own filings",
    request: async () => {
      await filingToRead();
      return { method: 'GET', url: '/api/v1/filings/mine' };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, F, F, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.applicant')]: {
    note: "who a new filing is for, by 09120000001's national ID: any office's counter, or that citizen themself; never another citizen",
    request: () => ({ method: 'GET', url: '/api/v1/filings/applicant?nationalId=0499370899' }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.create')]: {
    note: "start a filing: at one's own office for a citizen, or online for oneself",
    request: (a) => ({
      method: 'POST',
      url: '/api/v1/filings',
      body: /^09/.test(a)
        ? {
            service: 'legal-notice',
            subject: 'اخطار',
            parties: [{ kind: 'named', role: 'addressee', name: 'مستأجر', address: 'تهران' }],
          }
        : petition(),
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, ok, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.get')]: {
    note: 'read the filing',
    request: async () => ({ method: 'GET', url: `/api/v1/filings/${(await filingToRead()).id}` }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, N, ok, ok, N, N, N, ok, ok, N, ok, D, D, D, D, D, ok],
  },
  [op('filings.print')]: {
    note: 'its print view',
    request: async () => ({ method: 'GET', url: `/api/v1/filings/${(await filingToRead()).id}/print` }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, N, ok, ok, N, N, N, ok, ok, N, ok, D, D, D, D, D, ok],
  },
  [op('filings.attachment')]: {
    note: 'download its attachment',
    request: async () => {
      const f = await filingToRead();
      return { method: 'GET', url: `/api/v1/filings/${f.id}/attachments/${f.attachment}` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, ok, N, ok, ok, N, N, N, ok, ok, N, ok, D, D, D, D, D, ok],
  },
  [op('filings.update')]: {
    note: 'edit the draft (only the preparing office; its applicant reads but does not edit)',
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/filings/${(await filingToRead()).id}`,
      body: petitionContent,
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, N, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.uploadAttachment')]: {
    note: 'attach a document',
    request: async () => ({
      method: 'POST',
      url: `/api/v1/filings/${(await filingToRead()).id}/attachments`,
      ...multipart({ name: 'm.png', type: 'image/png', bytes: png() }, 'سند'),
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, N, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.removeAttachment')]: {
    note: 'remove an attachment (a fresh one per actor)',
    request: async () => {
      const { id } = await filingToRead();
      return { method: 'DELETE', url: `/api/v1/filings/${id}/attachments/${await attachTo(id)}` };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, N, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.confirm')]: {
    note: 'confirm a draft (a fresh one per actor)',
    request: async () => ({ method: 'POST', url: `/api/v1/filings/${await attachedDraft()}/confirm` }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, N, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.pay')]: {
    note: 'start paying a confirmed filing (a fresh one per actor)',
    request: async () => ({ method: 'POST', url: `/api/v1/filings/${(await confirmedFiling()).id}/payment` }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, N, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
  },
  [op('filings.submit')]: {
    note: 'submit a paid filing to the court (a fresh one per actor)',
    request: async (_a, i) => ({
      method: 'POST',
      url: `/api/v1/filings/${await paidFiling()}/submit`,
      headers: { 'idempotency-key': `matrix-submit-${i}` },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, N, ok, ok, N, N, N, D, D, D, D, D, D, D, D, D, D],
  },
  // ——— Payments: a service payment office 11001 charged citizen 09120000001; the bank's callback is authenticated by its signature alone.
  [op('payments.list')]: {
    note: "payments within the caller's scope (an office's for its manager)",
    request: async () => {
      await paymentToRead();
      return { method: 'GET', url: '/api/v1/payments?pageSize=200' };
    },
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
  },
  [op('payments.create')]: {
    note: "charge an office service at one's own counter",
    request: (_a, i) => ({
      method: 'POST',
      url: '/api/v1/payments',
      body: { serviceCode: 'password-delivery' },
      headers: { 'idempotency-key': `matrix-payment-${i}` },
    }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, D, D, D],
  },
  ...Object.fromEntries(
    (
      [
        ['', 'payments.get'],
        ['/receipt', 'payments.receipt'],
        ['/receipt.pdf', 'payments.receiptPdf'],
      ] as const
    ).map(([suffix, id]) => [
      op(id),
      {
        note: `read the payment${suffix ? ` (${suffix.slice(1)})` : ''}: its payer, its office, oversight over its province; to anyone else it does not exist`,
        request: async () => ({ method: 'GET' as const, url: `/api/v1/payments/${await paymentToRead()}${suffix}` }),
        //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
        expected: [U, ok, N, ok, ok, N, N, N, ok, ok, N, ok, N, N, N, N, N, ok] as Outcome[],
      },
    ]),
  ),
  [op('payments.callback')]: {
    note: "the bank's callback: no session needed, an unsigned one is refused on its merits",
    request: () => ({ method: 'POST', url: '/api/v1/payments/callback/sandbox', body: { token: 'matrix' } }),
    //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
    expected: [A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A],
  },
  // Last: it ends every session.
  [op('identity.signOut')]: {
    note: 'sign out',
    request: () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
    expected: SIGNED_IN,
  },
};

/** A payment office 11001 started for citizen 09120000001 (made once). */
let paymentFixture: Promise<number> | undefined;
function paymentToRead(): Promise<number> {
  paymentFixture ??= (async () => {
    const res = await as('operator.11001').request({
      method: 'POST',
      url: '/api/v1/payments',
      body: { serviceCode: 'password-delivery', citizenId: 1 },
      headers: { 'idempotency-key': 'matrix-fixture' },
      keepCookies: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().paymentId as number;
  })();
  return paymentFixture;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

beforeAll(async () => {
  t = await startTestServer();
  for (const actor of ACTORS) {
    if (actor === 'anonymous') clients.set(actor, t.anonymous());
    else if (/^09\d{9}$/.test(actor)) clients.set(actor, await t.signInCitizen(actor));
    else clients.set(actor, await t.signInStaff(actor));
  }
  const regulator = clients.get('regulator')!;
  const created = await regulator.post('/api/v1/users', staffBody('target.office1', { role: 'operator', officeId: 1 }));
  expect(created.statusCode, created.body).toBe(201);
  office1Operator = created.json().user.id;
  const other = await clients
    .get('manager.11002')!
    .post('/api/v1/users', staffBody('operator.11002', { role: 'operator', officeId: 2 }));
  expect(other.statusCode, other.body).toBe(201);
  office2Operator = other.json().user.id;
  // Messages of two provinces in the outbox (notices from other areas carry the province).
  await t.query(`insert into notifier_outbox (channel, recipient, body, template, province_id, status) values
    ('sms', '09121110001', 'Tehran notice 1', 'notice.test', 1, 'sent'),
    ('sms', '09121110002', 'Tehran notice 2', 'notice.test', 1, 'pending'),
    ('sms', '09131110003', 'Isfahan notice', 'notice.test', 3, 'sent'),
    ('sms', '09171110004', 'Fars notice', 'notice.test', 4, 'sent')`);
});
afterAll(async () => {
  await t?.stop();
});

const as = (actor: ActorName) => clients.get(actor)!;
const usernames = (res: Response) => (res.json().items as { username: string }[]).map((u) => u.username);
const staffInProvince = async (provinceId: number) =>
  (
    await t.query<{ username: string }>(
      "select distinct u.username from users u join role_grants g on g.user_id = u.id where u.kind = 'staff' and g.province_id = $1",
      [provinceId],
    )
  ).map((r) => r.username);

describe('the matrix covers the API', () => {
  it('lists every operation of the OpenAPI document, and nothing that is not there', async () => {
    const doc = (await t.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const missing = documented.filter((op) => !(op in MATRIX));
    expect(
      missing,
      'operations without a row in the authorization matrix: add them with the expected outcome per role',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((op) => !documented.includes(op)),
      'matrix rows for operations that no longer exist',
    ).toEqual([]);
    for (const [op, row] of Object.entries(MATRIX)) expect(row.expected, op).toHaveLength(ACTORS.length);
  });

  it('an operation needs a session exactly when the document says so', async () => {
    const doc = (await t.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    for (const [op, row] of Object.entries(MATRIX)) {
      const [method, p] = op.split(' ');
      const declared = (doc.paths[p][method.toLowerCase()].security ?? []).length > 0;
      expect(declared, `${op}: anonymous gets ${row.expected[0]}`).toBe(row.expected[0] === U);
    }
  });
});

describe("what the filtered cells mean: lists and counts stay within the caller's scope", () => {
  it("complaints: a citizen sees their own, a manager their office's, a province's association its province's", async () => {
    const offices = (a: ActorName) =>
      as(a)
        .get('/api/v1/quality/complaints')
        .then(
          (r) => new Set((r.json().items as { office: { id: number; provinceId: number } }[]).map((c) => c.office)),
        );
    for (const o of await offices('manager.11001')) expect(o.id).toBe(1);
    for (const o of await offices('association.isfahan')) expect(o.provinceId).toBe(3);
    const [{ id: cit2 }] = await t.query<{ id: number }>(
      `select id::int as id from citizens where mobile = '09130000002'`,
    );
    const mine = (await as('09130000002').get('/api/v1/quality/complaints')).json().items as { id: number }[];
    const theirs = await t.query<{ id: number }>(`select id::int as id from quality_complaints where citizen_id = $1`, [
      cit2,
    ]);
    expect(mine.map((c) => c.id).sort()).toEqual(theirs.map((c) => c.id).sort());
  });

  it("an office manager lists only their own office's staff", async () => {
    const res = await as('manager.11001').get('/api/v1/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { username: string; roles: { scope: { officeId: number | null } }[] }[];
    expect(usernames(res)).toEqual(
      expect.arrayContaining(['manager.11001', 'operator.11001', 'consultant.11001', 'target.office1']),
    );
    for (const u of items)
      expect(
        u.roles.some((g) => g.scope.officeId === 1),
        u.username,
      ).toBe(true);
    expect(usernames(res)).not.toContain('manager.11002');
    expect(usernames(res)).not.toContain('operator.11002');
    expect(res.json().total).toBe(items.length);
  });

  it("an office manager asking for another office's staff (?officeId=2) is refused with 403, not answered empty", async () => {
    expectProblem(await as('manager.11001').get('/api/v1/users?officeId=2'), 403, 'forbidden');
    expectProblem(await as('manager.11001').get('/api/v1/users?provinceId=1'), 403, 'forbidden');
    expect((await as('manager.11001').get('/api/v1/users?officeId=1')).statusCode).toBe(200);
  });

  it('a manager or an association asking for payments of an office outside their scope (?officeId=) is refused with 403, not answered empty', async () => {
    expectProblem(await as('manager.11001').get('/api/v1/payments?officeId=2'), 403, 'forbidden');
    expectProblem(await as('association.tehran').get('/api/v1/payments?officeId=4'), 403, 'forbidden');
    // Nor does an office that does not exist get a different answer from one outside the scope.
    expectProblem(await as('manager.11001').get('/api/v1/payments?officeId=999999'), 403, 'forbidden');
    expect((await as('manager.11001').get('/api/v1/payments?officeId=1')).statusCode).toBe(200);
    expect((await as('association.tehran').get('/api/v1/payments?officeId=2')).statusCode).toBe(200);
    expect((await as('regulator').get('/api/v1/payments?officeId=999999')).json().items).toEqual([]);
  });

  it('a payment or an office history one may not see answers 404, exactly as one that does not exist', async () => {
    const existing = await paymentToRead();
    for (const [actor, url, missing] of [
      ['09130000002', `/api/v1/payments/${existing}`, '/api/v1/payments/999999'],
      ['manager.11002', `/api/v1/payments/${existing}`, '/api/v1/payments/999999'],
      ['manager.11002', '/api/v1/offices/1/history', '/api/v1/offices/999999/history'],
      ['clerk.tehran', '/api/v1/offices/1/history', '/api/v1/offices/999999/history'],
    ] as const) {
      const hidden = expectProblem(await as(actor).get(url), 404, 'not_found');
      const absent = expectProblem(await as(actor).get(missing), 404, 'not_found');
      expect({ ...hidden, instance: undefined }, `${actor} ${url}`).toEqual({ ...absent, instance: undefined });
    }
  });

  it("a province association admin lists only that province's staff: association.tehran sees no Isfahan staff", async () => {
    const res = await as('association.tehran').get('/api/v1/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(usernames(res).sort()).toEqual((await staffInProvince(1)).sort());
    for (const isfahan of ['association.isfahan', 'operator.13001', 'manager.13001', 'clerk.isfahan'])
      expect(usernames(res)).not.toContain(isfahan);
    expect(usernames(res)).not.toContain('regulator');
  });

  it('association.isfahan lists only Isfahan staff', async () => {
    const res = await as('association.isfahan').get('/api/v1/users?pageSize=200');
    expect(usernames(res).sort()).toEqual((await staffInProvince(3)).sort());
    expect(usernames(res)).not.toContain('manager.11001');
  });

  it('a province association admin asking for another province (?provinceId=3) or its office is refused with 403', async () => {
    expectProblem(await as('association.tehran').get('/api/v1/users?provinceId=3'), 403, 'forbidden');
    expectProblem(await as('association.tehran').get('/api/v1/users?officeId=4'), 403, 'forbidden');
    expect((await as('association.tehran').get('/api/v1/users?provinceId=1')).statusCode).toBe(200);
    expect(
      (await as('association.tehran').get('/api/v1/users?officeId=2'))
        .json()
        .items.map((u: { username: string }) => u.username),
    ).toEqual(['operator.11002', 'manager.11002']);
  });

  it('national admins see staff of every province', async () => {
    for (const actor of ['association', 'regulator'] as const) {
      const names = usernames(await as(actor).get('/api/v1/users?pageSize=200'));
      expect(names).toEqual(expect.arrayContaining(['manager.11001', 'operator.13001', 'clerk.isfahan', 'regulator']));
    }
  });

  it("the outbox as association.isfahan shows Isfahan messages only, never Tehran's", async () => {
    const expected = (
      await t.query<{ id: number }>('select id from notifier_outbox where province_id = 3 order by id desc')
    ).map((r) => r.id);
    const res = await as('association.isfahan').get('/api/v1/notifier/outbox?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; body: string }[];
    expect(items.map((m) => m.id)).toEqual(expected);
    expect(items.some((m) => m.body.includes('Tehran'))).toBe(false);
    expect(res.json().total).toBe(expected.length);
  });

  it('the outbox as association.tehran shows Tehran messages only; national admins see every message', async () => {
    const expected = (
      await t.query<{ id: number }>('select id from notifier_outbox where province_id = 1 order by id desc')
    ).map((r) => r.id);
    const tehran = (await as('association.tehran').get('/api/v1/notifier/outbox?pageSize=200')).json().items as {
      id: number;
      body: string;
    }[];
    expect(tehran.map((m) => m.id)).toEqual(expected);
    expect(tehran.map((m) => m.body)).toEqual(expect.arrayContaining(['Tehran notice 1', 'Tehran notice 2']));
    expect(tehran.some((m) => /Isfahan|Fars/.test(m.body))).toBe(false);
    const all = await t.count('notifier_outbox');
    for (const actor of ['association', 'regulator'] as const)
      expect((await as(actor).get('/api/v1/notifier/outbox?pageSize=200')).json().total).toBe(all);
  });

  it("dashboard counts cover the caller's office, court province or province only", async () => {
    const offices = async (actor: ActorName) => (await as(actor).get('/api/v1/stats/overview')).json();
    const expected: [ActorName, number, number][] = [
      // actor, offices, citizens
      ['operator.11001', 1, 0],
      ['manager.11001', 1, 0],
      ['manager.11002', 1, 0],
      ['operator.13001', 1, 0],
      ['manager.13001', 1, 0],
      ['consultant.11001', 1, 0],
      ['association.tehran', 3, 1],
      ['association.isfahan', 2, 1],
      ['clerk.tehran', 3, 1],
      ['judge.tehran', 3, 1],
      ['clerk.isfahan', 2, 1],
      ['arbitrator.tehran', 3, 1],
      ['inspector.tehran', 3, 1],
      // The first seven and the demo's 51 offices in the other provinces (decision 0077).
      ['association', 58, 3],
      ['regulator', 58, 3],
    ];
    const got = await Promise.all(
      expected.map(async ([actor]) => {
        const s = await offices(actor);
        return [actor, s.offices, s.citizens];
      }),
    );
    expect(got).toEqual(expected);
  });
});

describe('writes across offices and provinces are refused', () => {
  it('an office manager cannot create an operator in another office (403 role_not_assignable) and nothing is written', async () => {
    const before = [await t.count('users'), await t.count('audit_events')];
    expectProblem(
      await as('manager.11001').post('/api/v1/users', staffBody('cross.office', { role: 'operator', officeId: 2 })),
      403,
      'role_not_assignable',
    );
    expect([await t.count('users'), await t.count('audit_events')]).toEqual(before);
  });

  it('an office manager cannot create another office manager, even in their own office', async () => {
    expectProblem(
      await as('manager.11001').post(
        '/api/v1/users',
        staffBody('peer.manager', { role: 'office_manager', officeId: 1 }),
      ),
      403,
      'role_not_assignable',
    );
  });

  it('a province association admin cannot create a national association admin, nor a peer in their province', async () => {
    expectProblem(
      await as('association.tehran').post(
        '/api/v1/users',
        staffBody('national.admin', { role: 'association_admin', nation: true }),
      ),
      403,
      'role_not_assignable',
    );
    expectProblem(
      await as('association.tehran').post(
        '/api/v1/users',
        staffBody('peer.admin', { role: 'association_admin', provinceId: 1 }),
      ),
      403,
      'role_not_assignable',
    );
    expectProblem(
      await as('association.tehran').post('/api/v1/users', staffBody('regulator.two', { role: 'regulator_admin' })),
      403,
      'role_not_assignable',
    );
  });

  it('a province association admin cannot create staff in another province', async () => {
    expectProblem(
      await as('association.tehran').post('/api/v1/users', staffBody('isfahan.op', { role: 'operator', officeId: 4 })),
      403,
      'role_not_assignable',
    );
    expectProblem(
      await as('association.tehran').post(
        '/api/v1/users',
        staffBody('isfahan.insp', { role: 'inspector', provinceId: 3 }),
      ),
      403,
      'role_not_assignable',
    );
  });

  it('a national association admin may create a province association admin but not a regulator', async () => {
    expect(
      (
        await as('association').post(
          '/api/v1/users',
          staffBody('association.fars', { role: 'association_admin', provinceId: 4 }),
        )
      ).statusCode,
    ).toBe(201);
    expectProblem(
      await as('association').post('/api/v1/users', staffBody('regulator.three', { role: 'regulator_admin' })),
      403,
      'role_not_assignable',
    );
  });

  it("resetting another office's operator's password is refused with 403", async () => {
    const before = await t.query('select password_hash from users where id = $1', [office2Operator]);
    expectProblem(
      await as('manager.11001').post(`/api/v1/users/${office2Operator}/password`, { password: 'Hijack-pass-1403' }),
      403,
      'forbidden',
    );
    expectProblem(
      await as('association.isfahan').post(`/api/v1/users/${office2Operator}/password`, {
        password: 'Hijack-pass-1403',
      }),
      403,
      'forbidden',
    );
    expect(await t.query('select password_hash from users where id = $1', [office2Operator])).toEqual(before);
    expect(
      (
        await t
          .anonymous()
          .post('/api/v1/auth/staff/login', { username: 'operator.11002', password: 'Hijack-pass-1403' })
      ).statusCode,
    ).toBe(401);
  });

  it('an office manager cannot reset the password of a manager or of a national admin', async () => {
    const [{ id: peer }] = await t.query<{ id: number }>("select id from users where username = 'manager.11002'");
    const [{ id: regulator }] = await t.query<{ id: number }>("select id from users where username = 'regulator'");
    expectProblem(
      await as('manager.11001').post(`/api/v1/users/${peer}/password`, { password: 'Hijack-pass-1403' }),
      403,
      'forbidden',
    );
    expectProblem(
      await as('association.tehran').post(`/api/v1/users/${regulator}/password`, { password: 'Hijack-pass-1403' }),
      403,
      'forbidden',
    );
  });

  it("the office's own manager may reset it", async () => {
    expect(
      (await as('manager.11002').post(`/api/v1/users/${office2Operator}/password`, { password: 'Fresh-pass-1403' }))
        .statusCode,
    ).toBe(204);
  });
});

describe('the matrix', () => {
  for (const [op, row] of Object.entries(MATRIX)) {
    // The time limit is for the printed PDFs: one print for each actor who may read it, slow on a busy machine.
    it(`${op} — ${row.note}`, async () => {
      const mismatches: string[] = [];
      for (const [i, actor] of ACTORS.entries()) {
        const expected = row.expected[i];
        const request = await row.request(actor, i);
        const res = await as(actor).request({ ...request, keepCookies: false });
        const got = res.statusCode >= 200 && res.statusCode < 300 ? 'ok' : res.statusCode;
        const wanted = expected === ok || expected === F ? 'ok' : expected === R ? 403 : expected;
        const mismatch =
          expected === A ? [401, 403, 404].includes(res.statusCode) || res.statusCode >= 500 : got !== wanted;
        if (mismatch) {
          mismatches.push(`${actor}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          continue;
        }
        if (expected === U) expectProblem(res, 401, 'unauthenticated');
        if (expected === D) expectProblem(res, 403, 'forbidden');
        if (expected === R) expectProblem(res, 403, 'role_not_assignable');
        if (expected === N) expectProblem(res, 404, 'not_found');
        if (expected === A && res.statusCode >= 400) expectProblem(res, res.statusCode);
      }
      expect(mismatches).toEqual([]);
    }, 240_000);
  }
});
