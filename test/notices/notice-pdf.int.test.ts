/**
 * A notice as a printable PDF: its addressee downloads it from the portal (reading it records
 * delivery, as opening the notice does), and an office prints it for the citizen once it has opened
 * it for them with their consent. The PDF is titled with the court's name; the page it is printed
 * from carries the court's address (src/server/modules/notices/notice-print.test.ts).
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfAvailable } from '#server/platform/pdf/printer';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let judge: Client;
let citizen1: Client;
let citizen2: Client;
let operatorId: number;

const COURT_1 = 'مجتمع قضایی شهید بهشتی تهران';

async function consent(purpose = 'notice-page') {
  const [row] = await t.query<{ id: number }>(
    `insert into consents (citizen_id, office_id, operator_user_id, purpose, expires_at) values (1, 1, $1, $2, $3::timestamptz + interval '10 minutes') returning id::int as id`,
    [operatorId, purpose, t.now()],
  );
  return row.id;
}

/** A decision notice of its own case for citizen 1 (Tehran, court 1), not yet delivered. */
async function noticeForCitizen1(): Promise<number> {
  const [kase] = await t.query<{ id: number }>(
    `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
      values ('P-' || floor(random() * 1e9)::text, 1, 4, 1, 'مطالبه', 1) returning id::int as id`,
  );
  await t.query(
    "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', 1, 'امیر تهرانی')",
    [kase.id],
  );
  const issued = await judge.post(`/api/v1/court/cases/${kase.id}/notices`, {
    kind: 'decision',
    title: 'دادنامه',
    body: 'متن کامل رأی دادگاه در این پرونده.',
  });
  expect(issued.statusCode, issued.body).toBe(201);
  return issued.json().id;
}

const delivered = async (id: number) =>
  (
    await t.query<{ at: Date | null }>(
      'select delivered_at as at from notice_deliveries where notice_id = $1 and citizen_id = 1',
      [id],
    )
  )[0].at;

beforeAll(async () => {
  t = await startTestServer();
  [operator, judge, citizen1, citizen2] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('judge.tehran'),
    t.signInCitizen('09120000001'),
    t.signInCitizen('09130000002'),
  ]);
  [{ id: operatorId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'operator.11001'",
  );
});
afterAll(async () => {
  await t?.stop();
});

describe.skipIf(!pdfAvailable())('a notice as a printable PDF', () => {
  it("the addressee downloads it from the portal: a PDF titled with the court's name; reading it is delivery", async () => {
    const id = await noticeForCitizen1();
    expect(await delivered(id)).toBeNull();
    const res = await citizen1.get(`/api/v1/me/notices/${id}/notice.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="notice-${id}.pdf"`);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getTitle()).toBe(`ابلاغیه — ${COURT_1}`);
    expect(pdf.getPageCount()).toBe(1);
    expect(await delivered(id)).not.toBeNull();
  }, 60_000);

  it("someone else's notice, or none, is not found", async () => {
    const id = await noticeForCitizen1();
    expectProblem(await citizen2.get(`/api/v1/me/notices/${id}/notice.pdf`), 404, 'not_found');
    expectProblem(await citizen1.get('/api/v1/me/notices/999999/notice.pdf'), 404, 'not_found');
    expect(await delivered(id)).toBeNull();
  });

  it('at the counter: with consent, once the office has opened it for the citizen; nothing more is charged', async () => {
    const id = await noticeForCitizen1();
    const consentId = await consent();
    const url = `/api/v1/counter/notices/${id}/notice.pdf?citizenId=1&consentId=${consentId}`;
    expectProblem(
      await operator.get(
        `/api/v1/counter/notices/${id}/notice.pdf?citizenId=1&consentId=${await consent('follow-up')}`,
      ),
      403,
      'consent_required',
    );
    expectProblem(await operator.get(url), 409, 'notice_not_opened');

    const opened = await operator.post(`/api/v1/counter/notices/${id}/open`, { citizenId: 1, consentId });
    expect(opened.statusCode, opened.body).toBe(200);
    const services = await t.count('service_records');
    const res = await operator.get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((await PDFDocument.load(res.rawPayload)).getTitle()).toBe(`ابلاغیه — ${COURT_1}`);
    expect(await t.count('service_records')).toBe(services);
  }, 60_000);
});
