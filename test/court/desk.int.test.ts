/**
 * The court desk: a clerk sees the submitted filings of their own court (oldest first), reviews
 * one with its parties, claims and attachments, and accepts it (a case numbered
 * `<Jalali year>-<court code>-<sequence>`, parties copied) or returns it with reasons. Another
 * court's filings are not found; nobody but clerks decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToJalali } from '#core/jalali';
import { fileStorage } from '#server/platform/storage/storage';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let clerkTehran: Client;
let clerkIsfahan: Client;
let judge: Client;
let operator: Client;
let citizen: Client;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let serial = 0;
/** A filing as the filings area leaves it at submission: status submitted, parties, an attachment. */
async function submittedFiling(courtId: number, provinceId: number, subject = 'مطالبهٔ وجه چک', minutesAgo = 0) {
  serial += 1;
  const [f] = await t.query<{ id: number }>(
    `insert into filings (tracking_code, service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id, subject, facts, claims, total_rials, submitted_at)
    values ($1, 'petition', 'submitted', 'office', $2, $3, 1, 1, $4, $5, 'خوانده بدهکار است.', '[{"description":"مطالبهٔ وجه","valueRials":500000000}]', 840000, $7::timestamptz - ($6 || ' minutes')::interval) returning id::int as id`,
    [
      `7${String(serial).padStart(9, '0')}`,
      provinceId === 1 ? 1 : 4,
      provinceId,
      courtId,
      subject,
      String(minutesAgo),
      t.now(),
    ],
  );
  await t.query(
    `insert into filing_parties (filing_id, role, citizen_id, name, national_id) values
    ($1, 'claimant', 1, 'امیر تهرانی', '0499370899'), ($1, 'defendant', 2, 'نازنین اصفهانی', '1290000018'), ($1, 'defendant', null, 'شرکت نمونه', null)`,
    [f.id],
  );
  const stored = await fileStorage(t.server.ctx.config).put(`filings/${f.id}`, PDF);
  await t.query(
    `insert into filing_attachments (filing_id, title, file_name, media_type, size_bytes, pages, sha256, storage_key, uploaded_by)
    values ($1, 'چک', 'cheque.pdf', 'application/pdf', $2, 1, $3, $4, 1)`,
    [f.id, stored.sizeBytes, stored.sha256, stored.key],
  );
  return f.id;
}

beforeAll(async () => {
  t = await startTestServer();
  [clerkTehran, clerkIsfahan, judge, operator] = await Promise.all([
    t.signInStaff('clerk.tehran'),
    t.signInStaff('clerk.isfahan'),
    t.signInStaff('judge.tehran'),
    t.signInStaff('operator.11001'),
  ]);
  citizen = await t.signInCitizen('09120000001');
});
afterAll(async () => {
  await t?.stop();
});

const snapshot = async () => ({
  cases: await t.count('cases'),
  parties: await t.count('case_parties'),
  events: await t.count('filing_events'),
  audit: await t.count('audit_events'),
});

describe('the queue', () => {
  it("a clerk sees only their own court's submitted filings, oldest submission first", async () => {
    const newer = await submittedFiling(1, 1, 'جدیدتر', 5);
    const older = await submittedFiling(1, 1, 'قدیمی‌تر', 60);
    const isfahan = await submittedFiling(3, 3, 'اصفهان', 90);
    await t.query(
      "insert into filings (service_code, status, channel, province_id, applicant_citizen_id, created_by, court_id, subject) values ('petition', 'paid', 'online', 1, 1, 1, 1, 'پرداخت‌شده')",
    );
    const res = await clerkTehran.get('/api/v1/court/filings?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((f: { id: number }) => f.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(ids).not.toContain(isfahan);
    expect(res.json().items.every((f: { court: { id: number } }) => f.court.id === 1)).toBe(true);
    expect(res.json().items.find((f: { id: number }) => f.id === older).partyCount).toBe(3);
    const isf = (await clerkIsfahan.get('/api/v1/court/filings')).json().items.map((f: { id: number }) => f.id);
    expect(isf).toEqual([isfahan]);
  });

  it("asking for another court's queue is refused (403), not answered empty", async () => {
    expectProblem(await clerkTehran.get('/api/v1/court/filings?courtId=3'), 403, 'forbidden');
    expect((await clerkTehran.get('/api/v1/court/filings?courtId=1')).statusCode).toBe(200);
    expectProblem(await clerkTehran.get('/api/v1/court/filings?courtId=999'), 404, 'not_found');
  });

  it('judges, operators and citizens have no queue (403)', async () => {
    expectProblem(await judge.get('/api/v1/court/filings'), 403, 'forbidden');
    expectProblem(await operator.get('/api/v1/court/filings'), 403, 'forbidden');
    expectProblem(await citizen.get('/api/v1/court/filings'), 403, 'forbidden');
  });
});

describe('reviewing a filing', () => {
  it('shows parties, claims and attachments; the attachment downloads with its bytes and type', async () => {
    const id = await submittedFiling(1, 1);
    const res = await clerkTehran.get(`/api/v1/court/filings/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.parties.map((p: { role: string; hasEAccount: boolean }) => [p.role, p.hasEAccount])).toEqual([
      ['claimant', true],
      ['defendant', true],
      ['defendant', false],
    ]);
    expect(f.claims[0].valueRials).toBe(500000000);
    expect(f.attachments).toHaveLength(1);
    const file = await clerkTehran.get(f.attachments[0].downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/pdf/);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it("another court's clerk gets 404 for the filing and its attachments; a judge is refused", async () => {
    const id = await submittedFiling(1, 1);
    const f = (await clerkTehran.get(`/api/v1/court/filings/${id}`)).json();
    expectProblem(await clerkIsfahan.get(`/api/v1/court/filings/${id}`), 404, 'not_found');
    expectProblem(await clerkIsfahan.get(f.attachments[0].downloadUrl), 404, 'not_found');
    expectProblem(await judge.get(`/api/v1/court/filings/${id}`), 403, 'forbidden');
    expectProblem(await operator.get(f.attachments[0].downloadUrl), 403, 'forbidden');
  });

  it('a filing that has not reached the court (a draft or unpaid) is not found at the desk', async () => {
    const [draft] = await t.query<{ id: number }>(
      "insert into filings (service_code, status, channel, province_id, applicant_citizen_id, created_by, court_id, subject) values ('petition', 'draft', 'online', 1, 1, 1, 1, 'پیش‌نویس') returning id::int as id",
    );
    expectProblem(await clerkTehran.get(`/api/v1/court/filings/${draft.id}`), 404, 'not_found');
    expectProblem(await clerkTehran.post(`/api/v1/court/filings/${draft.id}/accept`, { branch: 1 }), 404, 'not_found');
  });
});

describe('accepting a filing', () => {
  it('opens a case numbered <Jalali year>-<court code>-<sequence> in the branch, copies the parties, accepts the filing, with audit events', async () => {
    const id = await submittedFiling(1, 1);
    const before = await snapshot();
    const res = await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: 4 });
    expect(res.statusCode, res.body).toBe(201);
    const { caseId, caseNumber, branch } = res.json();
    const year = isoToJalali(t.today()).jy;
    expect(caseNumber).toMatch(new RegExp(`^${year}-THR-GEN-01-\\d{6}$`));
    expect(branch).toBe(4);
    const [filing] = await t.query<{ status: string; case_number: string; branch: number }>(
      'select status, case_number, branch from filings where id = $1',
      [id],
    );
    expect(filing).toEqual({ status: 'accepted', case_number: caseNumber, branch: 4 });
    const parties = await t.query<{ role: string; citizen_id: number | null }>(
      'select role, citizen_id::int from case_parties where case_id = $1 order by id',
      [caseId],
    );
    expect(parties).toEqual([
      { role: 'claimant', citizen_id: 1 },
      { role: 'defendant', citizen_id: 2 },
      { role: 'defendant', citizen_id: null },
    ]);
    const after = await snapshot();
    expect(after.cases - before.cases).toBe(1);
    expect(after.events - before.events).toBe(1);
    const actions = (
      await t.query<{ action: string }>(
        'select action from audit_events where seq > (select max(seq) - 2 from audit_events) order by seq',
      )
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['filings.accepted', 'court.case-open']));
    // The judge now sees the case and its parties.
    const kase = await judge.get(`/api/v1/court/cases/${caseId}`);
    expect(kase.statusCode, kase.body).toBe(200);
    expect(kase.json()).toMatchObject({ caseNumber, branch: 4, filingId: id, partyCount: 3 });
    // The citizen sees the case and the accepted filing.
    const overview = (await citizen.get('/api/v1/me/overview')).json();
    expect(overview.cases.map((c: { caseNumber: string }) => c.caseNumber)).toContain(caseNumber);
    expect(overview.filings.find((f: { id: number }) => f.id === id)).toMatchObject({ status: 'accepted', caseNumber });
  });

  it('case numbers are unique and follow each other within a court, also when clerks accept at the same moment', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => submittedFiling(1, 1)));
    const results = await Promise.all(
      ids.map((id) => clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: 1 })),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().caseNumber as string);
    expect(new Set(numbers).size).toBe(3);
    const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(seqs[2] - seqs[0]).toBe(2);
  });

  it('a branch the court does not have is refused on the branch field; nothing is written', async () => {
    const id = await submittedFiling(1, 1);
    const before = await snapshot();
    const p = expectProblem(
      await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: 13 }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).branch.code).toBe('invalid_branch');
    expect(fieldErrors(p).branch.message.fa).toMatch(/شعبه/);
    expectProblem(
      await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: 0 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: '۲' }),
      400,
      'validation_failed',
    );
    expectProblem(await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, {}), 400, 'validation_failed');
    expect(await snapshot()).toEqual(before);
    const [f] = await t.query<{ status: string }>('select status from filings where id = $1', [id]);
    expect(f.status).toBe('submitted');
  });

  it('a filing already decided cannot be decided again (409); nothing is written', async () => {
    const id = await submittedFiling(1, 1);
    expect((await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: 2 })).statusCode).toBe(201);
    const before = await snapshot();
    expectProblem(
      await clerkTehran.post(`/api/v1/court/filings/${id}/accept`, { branch: 2 }),
      409,
      'filing_not_awaiting_decision',
    );
    expectProblem(
      await clerkTehran.post(`/api/v1/court/filings/${id}/return`, { reasons: 'نقص مدارک پیوست' }),
      409,
      'filing_not_awaiting_decision',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a clerk of another court cannot accept (404) and a judge, operator or citizen cannot (403); nothing is written', async () => {
    const id = await submittedFiling(1, 1);
    const before = await snapshot();
    expectProblem(await clerkIsfahan.post(`/api/v1/court/filings/${id}/accept`, { branch: 1 }), 404, 'not_found');
    expectProblem(await judge.post(`/api/v1/court/filings/${id}/accept`, { branch: 1 }), 403, 'forbidden');
    expectProblem(await operator.post(`/api/v1/court/filings/${id}/accept`, { branch: 1 }), 403, 'forbidden');
    expectProblem(await citizen.post(`/api/v1/court/filings/${id}/accept`, { branch: 1 }), 403, 'forbidden');
    expectProblem(
      await clerkIsfahan.post(`/api/v1/court/filings/${id}/return`, { reasons: 'نقص مدارک پیوست' }),
      404,
      'not_found',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('returning a filing', () => {
  it('returns it to the office with the reasons, which the applicant sees', async () => {
    const id = await submittedFiling(1, 1, 'برای برگشت');
    const res = await clerkTehran.post(`/api/v1/court/filings/${id}/return`, {
      reasons: 'رونوشت مصدق چک پیوست نشده است.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ filingId: id, status: 'returned', reasons: 'رونوشت مصدق چک پیوست نشده است.' });
    const overview = (await citizen.get('/api/v1/me/filings?pageSize=200')).json();
    expect(overview.items.find((f: { id: number }) => f.id === id)).toMatchObject({
      status: 'returned',
      returnReasons: 'رونوشت مصدق چک پیوست نشده است.',
    });
    const [audit] = await t.query<{ action: string }>(
      "select action from audit_events where action = 'filings.returned' and entity_id = $1",
      [String(id)],
    );
    expect(audit).toBeDefined();
  });

  it('reasons are required (at least a few characters)', async () => {
    const id = await submittedFiling(1, 1);
    const p = expectProblem(
      await clerkTehran.post(`/api/v1/court/filings/${id}/return`, { reasons: '  ' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).reasons).toBeDefined();
    const [f] = await t.query<{ status: string }>('select status from filings where id = $1', [id]);
    expect(f.status).toBe('submitted');
  });
});

describe("the court's cases", () => {
  it("clerks and judges list only their own court's cases; another court's case is not found", async () => {
    const isfahanFiling = await submittedFiling(3, 3, 'پروندهٔ اصفهان');
    const accepted = await clerkIsfahan.post(`/api/v1/court/filings/${isfahanFiling}/accept`, { branch: 8 });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const isfahanCase = accepted.json().caseId;
    expect(accepted.json().caseNumber).toMatch(/-ESF-GEN-01-000001$/);
    const tehran = (await judge.get('/api/v1/court/cases?pageSize=200')).json();
    expect(tehran.items.length).toBeGreaterThan(0);
    expect(tehran.items.every((c: { court: { id: number } }) => c.court.id === 1)).toBe(true);
    expect(tehran.total).toBe(tehran.items.length);
    expectProblem(await judge.get(`/api/v1/court/cases/${isfahanCase}`), 404, 'not_found');
    expectProblem(await clerkTehran.get(`/api/v1/court/cases/${isfahanCase}`), 404, 'not_found');
    expectProblem(await judge.get('/api/v1/court/cases?courtId=3'), 403, 'forbidden');
    expect((await clerkIsfahan.get(`/api/v1/court/cases/${isfahanCase}`)).statusCode).toBe(200);
    expectProblem(await operator.get('/api/v1/court/cases'), 403, 'forbidden');
  });
});
