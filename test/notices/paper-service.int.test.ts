/**
 * At the court desk, a party without a judicial e-account is served on paper by the court's bailiff
 * (Civil Procedure Code Arts. 68–70): the clerk records the day and manner of service, the limit
 * that runs from the notice runs from that day, and the record joins the audit chain. A decision
 * may carry the signed decision as a PDF, which the parties download with the notice.
 *
 * The worked example: hiu.ir ("مهلت تجدیدنظرخواهی", 1396/05/23) — a decision served on
 * 15 Farvardin may be appealed until 5 Ordibehesht (Arts. 336, 445). 15 Farvardin 1405 is
 * Saturday 4 April 2026; 5 Ordibehesht 1405 is Saturday 25 April 2026, a working day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png } from '../filings/files';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let clerk: Client;
let clerkIsfahan: Client;
let judge: Client;
let operator: Client;
let citizen1: Client;
let citizen2: Client;
let regulator: Client;

/** A case of Tehran's court 1: citizen 1 (e-account) against two defendants without one. */
let caseId: number;
let withAccount: number;
let defendant: number;
let company: number;
/** A decision issued on 15 Farvardin 1405 (before the test's today, 15 Ordibehesht 1405). */
let decision: number;

const FARVARDIN_15_1405 = '2026-04-04';

async function insertNotice(kind: string, issuedOn: string): Promise<number> {
  const [n] = await t.query<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
    values ($1, 1, 1, $2, 'رأی دادگاه', 'متن رأی دادگاه در پروندهٔ مطالبهٔ وجه', 1, $3::timestamptz) returning id::int as id`,
    [caseId, kind, `${issuedOn}T06:00:00Z`],
  );
  await t.query('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, 1, 1)', [n.id]);
  return n.id;
}

beforeAll(async () => {
  t = await startTestServer();
  [clerk, clerkIsfahan, judge, operator, regulator] = await Promise.all([
    t.signInStaff('clerk.tehran'),
    t.signInStaff('clerk.isfahan'),
    t.signInStaff('judge.tehran'),
    t.signInStaff('operator.11001'),
    t.signInStaff('regulator'),
  ]);
  citizen1 = await t.signInCitizen('09120000001');
  citizen2 = await t.signInCitizen('09130000002');
  const [kase] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('P-1405-1', 1, 2, 1, 'مطالبهٔ وجه چک', 1) returning id::int as id",
  );
  caseId = kase.id;
  const parties = await t.query<{ id: number }>(
    `insert into case_parties (case_id, role, citizen_id, name) values
    ($1, 'claimant', 1, 'امیر تهرانی'), ($1, 'defendant', null, 'بهمن بدهکار'), ($1, 'defendant', null, 'شرکت نمونه')
    returning id::int as id`,
    [caseId],
  );
  [withAccount, defendant, company] = parties.map((p) => p.id);
  decision = await insertNotice('decision', FARVARDIN_15_1405);
});
afterAll(async () => {
  await t?.stop();
});

const url = (noticeId: number, partyId: number) => `/api/v1/court/notices/${noticeId}/parties/${partyId}/paper-service`;
const counts = async () => ({
  services: await t.count('notice_paper_services'),
  audit: await t.count('audit_events'),
});

describe('recording paper service', () => {
  it("a decision posted at the defendant's address on 15 Farvardin 1405 may be appealed until 5 Ordibehesht 1405 (hiu.ir), audited", async () => {
    const before = await counts();
    const res = await clerk.post(url(decision, defendant), {
      servedOn: '۱۴۰۵/۰۱/۱۵',
      manner: 'posting',
      bailiffReport: 'خوانده و بستگان او در نشانی حاضر نبودند؛ نسخهٔ دوم به درِ منزل الصاق شد.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      noticeId: decision,
      partyId: defendant,
      name: 'بهمن بدهکار',
      servedOn: FARVARDIN_15_1405,
      servedOnJalali: '1405-01-15',
      manner: 'posting',
      serviceKind: 'legal',
      article: 70,
      recipientName: null,
      deadlineDays: 20,
      deadlineDate: '2026-04-25',
    });
    expect(await counts()).toEqual({ services: before.services + 1, audit: before.audit + 1 });
    const [event] = await t.query<{ action: string; entity_id: string; data: Record<string, unknown> }>(
      'select action, entity_id, data from audit_events order by seq desc limit 1',
    );
    expect(event.action).toBe('notices.serve-paper');
    expect(event.entity_id).toBe(String(decision));
    expect(event.data).toMatchObject({ partyId: defendant, servedOn: '1405-01-15', manner: 'posting', article: 70 });
    expect(event.data.deadlineDate).toBe('2026-04-25');
    const verify = await regulator.post('/api/v1/audit/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json().ok).toBe(true);

    // The case at the desk shows the service and the deadline that runs from it.
    const detail = (await clerk.get(`/api/v1/court/cases/${caseId}`)).json();
    const notice = detail.notices.find((n: { id: number }) => n.id === decision);
    expect(notice.paperServices).toHaveLength(1);
    expect(notice.paperServices[0]).toMatchObject({
      partyId: defendant,
      deadlineDate: '2026-04-25',
      manner: 'posting',
    });
  });

  it('papers left with a relative (Art. 69) need the name and relation of whoever took them, named field by field in Persian and English', async () => {
    const before = await counts();
    const body = expectProblem(
      await clerk.post(url(decision, company), { servedOn: '1405/01/16', manner: 'residence' }),
      400,
      'validation_failed',
    );
    const fields = fieldErrors(body);
    expect(fields.recipientName.code).toBe('recipient_required');
    expect(fields.recipientRelation.code).toBe('recipient_required');
    expect(fields.recipientName.message.fa).toContain('مادهٔ ۶۹');
    expect(fields.recipientName.message.en).toContain('Art. 69');
    expect(await counts()).toEqual(before);

    const res = await clerk.post(url(decision, company), {
      servedOn: '1405/01/16',
      manner: 'residence',
      recipientName: 'مریم بدهکار',
      recipientRelation: 'همسر',
    });
    expect(res.statusCode, res.body).toBe(201);
    // 16 Farvardin + 20 + 1 is 6 Ordibehesht 1405, Sunday 26 April 2026.
    expect(res.json()).toMatchObject({
      serviceKind: 'legal',
      article: 69,
      recipientRelation: 'همسر',
      deadlineDate: '2026-04-26',
    });
  });

  it('a service is recorded once; a second report for the same party is refused (409) and nothing is written', async () => {
    const before = await counts();
    expectProblem(
      await clerk.post(url(decision, defendant), { servedOn: '1405/01/20', manner: 'personal' }),
      409,
      'notice_party_served',
    );
    expect(await counts()).toEqual(before);
  });

  it('a party with an e-account is served in it, not on paper; a date before the notice or after today is refused on its field', async () => {
    const before = await counts();
    const eaccount = expectProblem(
      await clerk.post(url(decision, withAccount), { servedOn: '1405/01/20', manner: 'personal' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(eaccount).partyId.code).toBe('party_has_eaccount');
    const other = await insertNotice('order', FARVARDIN_15_1405);
    const early = expectProblem(
      await clerk.post(url(other, defendant), { servedOn: '1405/01/14', manner: 'personal' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(early).servedOn.code).toBe('served_before_issue');
    const late = expectProblem(
      await clerk.post(url(other, defendant), { servedOn: '1405/02/16', manner: 'personal' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(late).servedOn.code).toBe('served_in_future');
    expect(fieldErrors(late).servedOn.message.fa).toBe('تاریخ ابلاغ نمی‌تواند پس از امروز باشد.');
    const bad = expectProblem(
      await clerk.post(url(other, defendant), { servedOn: '1405/13/01', manner: 'by-pigeon' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(['manner', 'servedOn']);
    expect(await counts()).toEqual({ ...before, services: before.services });

    // In person is actual service (Art. 68); an order has no limit of its own.
    const res = await clerk.post(url(other, defendant), { servedOn: '1405/02/15', manner: 'personal' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ serviceKind: 'actual', article: 68, deadlineDays: null, deadlineDate: null });
  });

  it("only the case's court's clerk records it: another court's clerk gets 404, a judge, an operator and citizens 403", async () => {
    const other = await insertNotice('decision', FARVARDIN_15_1405);
    const before = await counts();
    const body = { servedOn: '1405/01/20', manner: 'personal' };
    expectProblem(await clerkIsfahan.post(url(other, defendant), body), 404, 'not_found');
    expectProblem(await judge.post(url(other, defendant), body), 403, 'forbidden');
    expectProblem(await operator.post(url(other, defendant), body), 403, 'forbidden');
    expectProblem(await citizen1.post(url(other, defendant), body), 403, 'forbidden');
    expectProblem(await t.inject({ method: 'POST', url: url(other, defendant), payload: body }), 401);
    expectProblem(await clerk.post(url(other, 999_999), body), 404, 'not_found');
    expect(await counts()).toEqual(before);
  });

  it('a case where no party has an e-account still gets its notice, for paper service: no electronic copy, no SMS', async () => {
    const [kase] = await t.query<{ id: number }>(
      "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('P-1405-2', 1, 1, 1, 'الزام به تنظیم سند', 1) returning id::int as id",
    );
    await t.query(
      "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', null, 'بدون حساب')",
      [kase.id],
    );
    const deliveries = await t.count('notice_deliveries');
    const outbox = await t.count('notifier_outbox');
    const res = await judge.post(`/api/v1/court/cases/${kase.id}/notices`, {
      kind: 'decision',
      title: 'رأی دادگاه',
      body: 'متن رأی دادگاه برای ابلاغ کاغذی',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recipients: 0, onPaper: 1, smsQueued: 0 });
    expect(await t.count('notice_deliveries')).toBe(deliveries);
    expect(await t.count('notifier_outbox')).toBe(outbox);
  });
});

describe('the signed decision as a PDF', () => {
  const attach = (client: Client, noticeId: number, bytes: Buffer, type = 'application/pdf') =>
    client.request({
      method: 'PUT',
      url: `/api/v1/court/notices/${noticeId}/document`,
      payload: bytes,
      headers: { 'content-type': type },
    });

  it('the judge attaches it to the decision once; the court and the party download the same bytes, the party reading it is delivery', async () => {
    const noticeId = await insertNotice('decision', FARVARDIN_15_1405);
    const signed = await pdf(2);
    const audit = await t.count('audit_events');
    const res = await attach(judge, noticeId, signed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({
      pages: 2,
      sizeBytes: signed.length,
      fileName: 'decision-P-1405-1.pdf',
    });
    expect(await t.count('audit_events')).toBe(audit + 1);
    const [event] = await t.query<{ action: string }>('select action from audit_events order by seq desc limit 1');
    expect(event.action).toBe('notices.attach-document');

    const detail = (await clerk.get(`/api/v1/court/cases/${caseId}`)).json();
    const doc = detail.notices.find((n: { id: number }) => n.id === noticeId).document;
    const atCourt = await clerk.get(doc.downloadUrl);
    expect(atCourt.statusCode).toBe(200);
    expect(atCourt.headers['content-type']).toMatch(/application\/pdf/);
    expect(atCourt.rawPayload.equals(signed)).toBe(true);

    const opened = (await citizen1.get(`/api/v1/me/notices/${noticeId}`)).json();
    expect(opened.document.downloadUrl).toBe(`/api/v1/me/notices/${noticeId}/document`);
    const mine = await citizen1.get(opened.document.downloadUrl);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(signed)).toBe(true);

    expectProblem(await attach(judge, noticeId, await pdf(1)), 409, 'notice_document_attached');
    expectProblem(await citizen2.get(`/api/v1/me/notices/${noticeId}/document`), 404, 'not_found');
    expectProblem(await clerkIsfahan.get(doc.downloadUrl), 404, 'not_found');
    expectProblem(await operator.get(doc.downloadUrl), 403, 'forbidden');
  });

  it('a downloaded decision read from the e-account records delivery and fixes the deadline', async () => {
    const noticeId = await insertNotice('decision', FARVARDIN_15_1405);
    expect((await attach(clerk, noticeId, await pdf(1))).statusCode).toBe(200);
    expect((await citizen1.get(`/api/v1/me/notices/${noticeId}/document`)).statusCode).toBe(200);
    const [copy] = await t.query<{ delivered_at: Date | null; deadline_days: number | null }>(
      'select delivered_at, deadline_days from notice_deliveries where notice_id = $1 and citizen_id = 1',
      [noticeId],
    );
    expect(copy.delivered_at).not.toBeNull();
    expect(copy.deadline_days).toBe(20);
  });

  it('only a PDF, only on a decision, only by the case’s court', async () => {
    const noticeId = await insertNotice('decision', FARVARDIN_15_1405);
    const order = await insertNotice('order', FARVARDIN_15_1405);
    const notPdf = expectProblem(await attach(judge, noticeId, Buffer.from('%PDF-1.4 not really')), 422);
    expect(fieldErrors(notPdf).file).toBeDefined();
    const image = expectProblem(await attach(judge, noticeId, png()), 415, 'unsupported_file_type');
    expect(fieldErrors(image).file.code).toBe('not_pdf');
    expectProblem(await attach(judge, noticeId, await pdf(1), 'image/png'), 415);
    expectProblem(await attach(judge, order, await pdf(1)), 409, 'notice_not_a_decision');
    expectProblem(await attach(clerkIsfahan, noticeId, await pdf(1)), 404, 'not_found');
    expectProblem(await attach(operator, noticeId, await pdf(1)), 403, 'forbidden');
    expectProblem(await attach(citizen1, noticeId, await pdf(1)), 403, 'forbidden');
    const detail = (await clerk.get(`/api/v1/court/cases/${caseId}`)).json();
    expect(detail.notices.find((n: { id: number }) => n.id === noticeId).document).toBeNull();
  });
});
