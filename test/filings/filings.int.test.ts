/**
 * Filings with documents, through the HTTP API: a draft prepared at an office for a citizen (or
 * online by the citizen where the catalog allows), attachments judged by their bytes with page
 * limits, the applicant's confirmation of the print, the quote fixed on it, payment, submission
 * with a tracking code, the court's return and the office's resubmission. Bad input and other
 * offices' or citizens' filings are refused with clear problems and nothing half-written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import { onlineLegalNoticeBody } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import { EXE, JPEG, multipart, pdf, png } from './files';

const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-filings-'));
process.env.DAFTAR_FILES_DIR = filesDir;
process.env.DAFTAR_MAX_FILE_MB = '1';
process.env.DAFTAR_MAX_PAGES_PER_FILING = '60';

const CITIZEN1 = { id: 1, nationalId: '0499370899', mobile: '09120000001' };
const CITIZEN2 = { id: 2, nationalId: '1290000018', mobile: '09130000002' };

let t: TestServer;
let operator: Client; // office 1 (Tehran)
let otherOffice: Client; // manager of office 2 (Tehran)
let isfahanOperator: Client;
let citizen1: Client;
let citizen2: Client;
let clerk: Client;
let representativeId: number;

const petition = (overrides: Record<string, unknown> = {}) => ({
  service: 'petition',
  applicantCitizenId: CITIZEN1.id,
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId: CITIZEN1.nationalId },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱' },
  ],
  courtId: 1,
  branch: 3,
  subject: 'مطالبهٔ وجه چک',
  facts: 'خوانده وجه چک را نپرداخته است.',
  claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
  ...overrides,
});

async function createDraft(client = operator, body: Record<string, unknown> = petition()) {
  const res = await client.post('/api/v1/filings', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string; [k: string]: unknown };
}

async function upload(
  client: Client,
  filingId: number,
  file: { name: string; type: string; bytes: Buffer },
  title = 'سند',
  csrf = true,
) {
  const { payload, headers } = multipart(file, title);
  return client.request({ method: 'POST', url: `/api/v1/filings/${filingId}/attachments`, payload, headers, csrf });
}

/** What the payments area does when the bank confirms: the credit handler in the crediting transaction. */
async function credit(filingId: number, amountRials: number) {
  const handler = t.server.ctx.ports.onPaymentCredited.filing;
  await t.server.ctx.db.transaction((tx) =>
    handler(tx, {
      id: 900_000 + filingId,
      purpose: 'filing',
      filingId,
      serviceRecordId: null,
      amountRials,
      receiptNumber: `R${filingId}`,
      createdBy: 1,
      paidAt: t.now(),
    }),
  );
}

const submit = (client: Client, id: number, key?: string) =>
  client.request({
    method: 'POST',
    url: `/api/v1/filings/${id}/submit`,
    headers: key ? { 'idempotency-key': key } : {},
  });

async function paidFiling(): Promise<number> {
  const f = await createDraft();
  expect(
    (await upload(operator, f.id, { name: 'cheque.pdf', type: 'application/pdf', bytes: await pdf(3) })).statusCode,
  ).toBe(201);
  const confirmed = (await operator.post(`/api/v1/filings/${f.id}/confirm`)).json();
  await credit(f.id, confirmed.quote.totalRials);
  return f.id;
}

beforeAll(async () => {
  t = await startTestServer();
  [operator, otherOffice, isfahanOperator, clerk, citizen1, citizen2] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('manager.11002'),
    t.signInStaff('operator.13001'),
    t.signInStaff('clerk.tehran'),
    t.signInCitizen(CITIZEN1.mobile),
    t.signInCitizen(CITIZEN2.mobile),
  ]);
  const [rep] = await t.query<{ id: number }>(
    "insert into representatives (citizen_id, kind, licence_number, issuer) values (2, 'lawyer', '12345', 'کانون وکلای اصفهان') returning id::int as id",
  );
  representativeId = rep.id;
  await t
    .query("insert into legal_persons (national_company_id, name, province_id) values ('10100000006', 'شرکت نمونه', 1)")
    .catch(() => undefined);
});

afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('the office flow', () => {
  it('an operator files a petition for a citizen: draft, attachments, print, confirmation, quote, payment, submission with a tracking code', async () => {
    const draft = await createDraft(
      operator,
      petition({
        ticketId: undefined,
        parties: [
          { kind: 'citizen', role: 'claimant', nationalId: CITIZEN1.nationalId },
          { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
          { kind: 'representative', representativeId, represents: 0 },
        ],
      }),
    );
    expect(draft).toMatchObject({
      status: 'draft',
      channel: 'office',
      officeId: 1,
      provinceId: 1,
      applicant: { citizenId: 1, nationalId: CITIZEN1.nationalId },
    });
    const parties = draft.parties as {
      id: number;
      role: string;
      kind: string;
      representsPartyId: number | null;
      citizenId: number | null;
    }[];
    expect(parties.map((p) => [p.role, p.kind])).toEqual([
      ['claimant', 'citizen'],
      ['defendant', 'named'],
      ['representative', 'representative'],
    ]);
    expect(parties[2].representsPartyId).toBe(parties[0].id);

    const a1 = await upload(
      operator,
      draft.id,
      { name: 'cheque.pdf', type: 'application/pdf', bytes: await pdf(3) },
      'تصویر چک',
    );
    expect(a1.statusCode, a1.body).toBe(201);
    expect(a1.json()).toMatchObject({ mediaType: 'application/pdf', pages: 3, title: 'تصویر چک' });
    const a2 = await upload(operator, draft.id, { name: 'id-card.png', type: 'image/png', bytes: png() });
    expect(a2.json()).toMatchObject({ mediaType: 'image/png', pages: 1 });

    const print = await operator.get(`/api/v1/filings/${draft.id}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toMatch(/^text\/html/);
    expect(print.body).toContain('dir="rtl"');
    expect(print.body).toContain('مطالبهٔ وجه چک');
    expect(print.body).toContain('۵۰۰٬۰۰۰٬۰۰۰ ریال');
    expect(print.body).toMatch(/۱۴[۰-۹]{2}/); // a Jalali year in Persian digits

    const confirmed = await operator.post(`/api/v1/filings/${draft.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const quote = confirmed.json().quote;
    expect(confirmed.json().status).toBe('confirmed');
    // Three named parties (one beyond the two included) and four pages (two beyond the two included).
    const fees = await t.anonymous().post('/api/v1/fees/quote', { service: 'petition', parties: 3, pages: 4 });
    expect(quote.totalRials).toBe(fees.json().totalRials);
    expect(quote.lines.map((l: { code: string; quantity: number }) => [l.code, l.quantity])).toEqual(
      fees.json().lines.map((l: { code: string; quantity: number }) => [l.code, l.quantity]),
    );
    expect(confirmed.json().payment).toEqual({ paidRials: 0, dueRials: quote.totalRials });
    expect(confirmed.json().actions).toContain('pay');

    await credit(draft.id, quote.totalRials);
    const paid = (await operator.get(`/api/v1/filings/${draft.id}`)).json();
    expect(paid.status).toBe('paid');
    expect(paid.actions).toEqual(['submit']);

    const submitted = await submit(operator, draft.id, `submit-${draft.id}`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const { trackingCode } = submitted.json();
    expect(trackingCode).toMatch(/^\d{15}$/);
    expect(hasValidCheckDigit(trackingCode)).toBe(true);

    const detail = (await operator.get(`/api/v1/filings/${draft.id}`)).json();
    expect(detail.status).toBe('submitted');
    expect(
      detail.events.map((e: { action: string; fromStatus: string | null; toStatus: string }) => [
        e.action,
        e.fromStatus,
        e.toStatus,
      ]),
    ).toEqual([
      ['created', null, 'draft'],
      ['attachment-added', 'draft', 'draft'],
      ['attachment-added', 'draft', 'draft'],
      ['confirmed', 'draft', 'confirmed'],
      ['paid', 'confirmed', 'paid'],
      ['submitted', 'paid', 'submitted'],
    ]);
    for (const e of detail.events) expect(e).toMatchObject({ channel: 'office', officeId: 1 });
    expect(detail.events.at(-1).actor.name).toBe('سارا حسینی');

    const [record] = await t.query<{
      service_code: string;
      amount_rials: string;
      office_id: number;
      schedule_id: number;
      citizen_id: string;
    }>(
      'select service_code, amount_rials, office_id, schedule_id, citizen_id from service_records where filing_id = $1',
      [draft.id],
    );
    expect(record).toMatchObject({ service_code: 'petition', office_id: 1, schedule_id: quote.schedule.id });
    expect(Number(record.amount_rials)).toBe(quote.totalRials);
    const audits = await t.query<{ action: string }>(
      "select action from audit_events where entity_type = 'filing' and entity_id = $1 order by seq",
      [String(draft.id)],
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['filings.create', 'filings.confirmed', 'filings.paid', 'filings.submitted']),
    );

    // The clerk of the court sees it in the queue.
    const queue = await clerk.get('/api/v1/court/filings?pageSize=200');
    expect(queue.json().items.map((i: { id: number }) => i.id)).toContain(draft.id);
  });

  it('submitting an unpaid filing is refused with filing_not_paid and changes nothing', async () => {
    const f = await createDraft();
    expectProblem(await submit(operator, f.id, `unpaid-${f.id}`), 409, 'filing_not_paid');
    await operator.post(`/api/v1/filings/${f.id}/confirm`);
    expectProblem(await submit(operator, f.id, `unpaid2-${f.id}`), 409, 'filing_not_paid');
    const after = (await operator.get(`/api/v1/filings/${f.id}`)).json();
    expect(after).toMatchObject({ status: 'confirmed', trackingCode: null });
    expect(await t.query('select 1 from service_records where filing_id = $1', [f.id])).toHaveLength(0);
  });

  it('submission needs an Idempotency-Key, and a submitted filing cannot be submitted twice', async () => {
    const id = await paidFiling();
    expectProblem(await submit(operator, id), 400, 'idempotency_key_required');
    const first = await submit(operator, id, `twice-${id}`);
    expect(first.statusCode).toBe(200);
    const again = await submit(operator, id, `twice-other-${id}`);
    expectProblem(again, 409, 'filing_status_conflict');
    expect(await t.query('select 1 from service_records where filing_id = $1', [id])).toHaveLength(1);
  });

  it('tracking codes are unique per filing and carry a check digit', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const id = await paidFiling();
      codes.push((await submit(operator, id, `unique-${id}`)).json().trackingCode);
    }
    expect(new Set(codes).size).toBe(3);
    for (const c of codes) expect(hasValidCheckDigit(c)).toBe(true);
  });

  it('editing a confirmed filing un-confirms it; a paid filing cannot be edited', async () => {
    const f = await createDraft();
    await operator.post(`/api/v1/filings/${f.id}/confirm`);
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/v1/filings/${f.id}`,
      body: { ...petition({ subject: 'موضوع اصلاح‌شده' }), service: undefined, applicantCitizenId: undefined },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', quote: null, subject: 'موضوع اصلاح‌شده' });
    expect(edited.json().events.at(-1)).toMatchObject({ action: 'edited', fromStatus: 'confirmed', toStatus: 'draft' });

    const id = await paidFiling();
    const body = {
      parties: petition().parties,
      courtId: 1,
      branch: 3,
      subject: 'تغییر پس از پرداخت',
      facts: '',
      claims: [],
    };
    expectProblem(
      await operator.request({ method: 'PUT', url: `/api/v1/filings/${id}`, body }),
      409,
      'filing_not_editable',
    );
    expectProblem(
      await upload(operator, id, { name: 'late.png', type: 'image/png', bytes: png() }),
      409,
      'filing_not_editable',
    );
    expect((await operator.get(`/api/v1/filings/${id}`)).json().subject).toBe('مطالبهٔ وجه چک');
  });

  it('confirmation needs parties, a subject and (for a petition) the court', async () => {
    const f = await createDraft(operator, { service: 'petition', applicantCitizenId: 1 });
    const body = expectProblem(await operator.post(`/api/v1/filings/${f.id}/confirm`), 400, 'validation_failed');
    expect(Object.keys(fieldErrors(body)).sort()).toEqual(['courtId', 'parties', 'subject']);
    expect((await operator.get(`/api/v1/filings/${f.id}`)).json().status).toBe('draft');
  });
});

describe('payment through the bank and idempotent submission', () => {
  it('paying the quote at the sandbox bank marks the filing paid in the crediting transaction', async () => {
    const f = await createDraft();
    const confirmed = (await operator.post(`/api/v1/filings/${f.id}/confirm`)).json();
    const started = await operator.post(`/api/v1/filings/${f.id}/payment`);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ amountRials: confirmed.quote.totalRials });
    const { redirectUrl } = started.json();
    const card = {
      pan: SANDBOX_TEST_CARD.pan,
      cvv2: SANDBOX_TEST_CARD.cvv2,
      expMonth: SANDBOX_TEST_CARD.expMonth,
      expYear: SANDBOX_TEST_CARD.expYear,
      pin: SANDBOX_TEST_CARD.pin,
      action: 'pay',
    };
    const bank = await t.inject({
      method: 'POST',
      url: redirectUrl,
      payload: new URLSearchParams(card).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const fields = Object.fromEntries(
      [...bank.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const back = await t.inject({
      method: 'POST',
      url: '/api/v1/payments/callback/sandbox',
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(back.statusCode, back.body).toBe(303);
    const paid = (await operator.get(`/api/v1/filings/${f.id}`)).json();
    expect(paid).toMatchObject({ status: 'paid', payment: { paidRials: confirmed.quote.totalRials, dueRials: 0 } });
    expect(paid.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['payment-started', 'paid']),
    );
    // Paying again is not offered: nothing is due.
    expectProblem(await operator.post(`/api/v1/filings/${f.id}/payment`), 409, 'filing_status_conflict');
  });

  it('a retried submission with the same Idempotency-Key gets the same answer; the key cannot be reused for another filing', async () => {
    const id = await paidFiling();
    const key = `same-${id}`;
    const first = await submit(operator, id, key);
    const again = await submit(operator, id, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await t.query('select 1 from service_records where filing_id = $1', [id])).toHaveLength(1);
    const other = await paidFiling();
    expectProblem(await submit(operator, other, key), 422, 'idempotency_key_reused');
    expect((await operator.get(`/api/v1/filings/${other}`)).json().status).toBe('paid');
  });
});

/** Makes the database refuse inserts into `table` while `run` runs, as if the work failed half-way. */
async function failingInsertsInto<T>(table: string, run: () => Promise<T>): Promise<T> {
  await t.query(
    `create function fail_insert() returns trigger language plpgsql as $$ begin raise exception 'the work failed here'; end $$`,
  );
  await t.query(`create trigger fail_insert before insert on ${table} for each row execute function fail_insert()`);
  try {
    return await run();
  } finally {
    await t.query(`drop trigger fail_insert on ${table}`);
    await t.query('drop function fail_insert()');
  }
}

describe("a submission's Idempotency-Key is claimed in the submission's transaction", () => {
  it('the same key sent twice in parallel submits once, and both answers are equal', async () => {
    const id = await paidFiling();
    const key = `parallel-${id}`;
    const [a, b] = await Promise.all([submit(operator, id, key), submit(operator, id, key)]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(a.json()).toMatchObject({ id, status: 'submitted' });
    expect(await t.query('select 1 from service_records where filing_id = $1', [id])).toHaveLength(1);
    const events = (await operator.get(`/api/v1/filings/${id}`)).json().events as { action: string }[];
    expect(events.filter((e) => e.action === 'submitted')).toHaveLength(1);
    expect([a, b].map((r) => r.headers['idempotent-replayed'] ?? 'false').sort()).toEqual(['false', 'true']);
  });

  it('a failure inside the submission leaves the filing paid and no claimed key; the retry with that key submits once', async () => {
    const id = await paidFiling();
    const key = `fails-${id}`;
    const failed = await failingInsertsInto('service_records', () => submit(operator, id, key));
    expect(failed.statusCode).toBe(500);
    expect(await t.query('select 1 from idempotency_keys where key = $1', [key])).toEqual([]);
    expect((await operator.get(`/api/v1/filings/${id}`)).json().status).toBe('paid');

    const retried = await submit(operator, id, key);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: 'submitted' });
    expect(await t.query('select 1 from service_records where filing_id = $1', [id])).toHaveLength(1);
  });

  it('a refused submission (not paid) leaves no claimed key either', async () => {
    const f = await createDraft();
    expectProblem(await submit(operator, f.id, `refused-${f.id}`), 409, 'filing_not_paid');
    expect(await t.query('select 1 from idempotency_keys where key = $1', [`refused-${f.id}`])).toEqual([]);
  });
});

describe('the court returns a filing and the office resubmits', () => {
  it('a returned filing is corrected, confirmed again, and pays only the difference when its quote grew', async () => {
    const id = await paidFiling();
    const first = (await submit(operator, id, `r1-${id}`)).json();
    const returned = await clerk.post(`/api/v1/court/filings/${id}/return`, {
      reasons: 'تصویر برابر اصل چک پیوست نشده است.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    let detail = (await operator.get(`/api/v1/filings/${id}`)).json();
    expect(detail).toMatchObject({ status: 'returned', returnReasons: 'تصویر برابر اصل چک پیوست نشده است.' });
    expect(detail.events.at(-1)).toMatchObject({
      action: 'returned',
      channel: 'court',
      courtId: 1,
      fromStatus: 'submitted',
      toStatus: 'returned',
    });
    expect(detail.actions).toEqual(['edit', 'attach', 'confirm']);

    // Confirmed again unchanged: nothing more to pay, straight back to paid.
    const reconfirmed = (await operator.post(`/api/v1/filings/${id}/confirm`)).json();
    expect(reconfirmed).toMatchObject({ status: 'paid', payment: { dueRials: 0 } });
    // Then the office returns it to draft by adding the missing pages: the quote grows.
    // (Allowed only before payment is complete, so take a fresh return cycle.)
    const re1 = await submit(operator, id, `r2-${id}`);
    expect(re1.json().trackingCode).toBe(first.trackingCode);
    await clerk.post(`/api/v1/court/filings/${id}/return`, { reasons: 'پیوست‌ها ناقص است.' });
    expect(
      (await upload(operator, id, { name: 'more.pdf', type: 'application/pdf', bytes: await pdf(4) })).statusCode,
    ).toBe(201);
    const grown = (await operator.post(`/api/v1/filings/${id}/confirm`)).json();
    const difference = grown.quote.totalRials - reconfirmed.quote.totalRials;
    expect(difference).toBeGreaterThan(0);
    expect(grown).toMatchObject({
      status: 'confirmed',
      payment: { paidRials: reconfirmed.quote.totalRials, dueRials: difference },
    });
    expectProblem(await submit(operator, id, `r3-${id}`), 409, 'filing_not_paid');
    await credit(id, difference);
    const re2 = await submit(operator, id, `r4-${id}`);
    expect(re2.statusCode).toBe(200);
    expect(re2.json().trackingCode).toBe(first.trackingCode);
    detail = (await operator.get(`/api/v1/filings/${id}`)).json();
    expect(detail.events.filter((e: { action: string }) => e.action === 'resubmitted')).toHaveLength(2);
    // The service records add up to what was paid: the first total, then only the difference.
    const records = await t.query<{ amount_rials: string }>(
      'select amount_rials from service_records where filing_id = $1 order by id',
      [id],
    );
    expect(records.map((r) => Number(r.amount_rials))).toEqual([reconfirmed.quote.totalRials, difference]);

    const accepted = await clerk.post(`/api/v1/court/filings/${id}/accept`, { branch: 3 });
    expect(accepted.statusCode, accepted.body).toBe(201);
    detail = (await operator.get(`/api/v1/filings/${id}`)).json();
    expect(detail).toMatchObject({ status: 'accepted', caseNumber: accepted.json().caseNumber, branch: 3 });
  });
});

describe('attachments are judged by their bytes', () => {
  let id: number;
  beforeAll(async () => {
    id = (await createDraft()).id;
  });

  it('reads the page count of a PDF with compressed object streams and of a classic one', async () => {
    const a = await upload(operator, id, {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: await pdf(7, { objectStreams: true }),
    });
    const b = await upload(operator, id, {
      name: 'b.pdf',
      type: 'application/pdf',
      bytes: await pdf(2, { objectStreams: false }),
    });
    const c = await upload(operator, id, { name: 'photo.jpg', type: 'image/jpeg', bytes: JPEG });
    expect([a.json().pages, b.json().pages, c.json().pages]).toEqual([7, 2, 1]);
    expect(c.json().mediaType).toBe('image/jpeg');
  });

  it('an executable named .pdf is refused as unsupported_file_type and nothing is stored', async () => {
    const before = await t.count('filing_attachments');
    const res = await upload(operator, id, { name: 'invoice.pdf', type: 'application/pdf', bytes: EXE });
    expectProblem(res, 415, 'unsupported_file_type');
    expect(await t.count('filing_attachments')).toBe(before);
  });

  it('a PNG named .pdf is taken as the PNG it is', async () => {
    const res = await upload(operator, id, { name: 'scan.pdf', type: 'application/pdf', bytes: png() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mediaType: 'image/png', pages: 1, fileName: 'scan.pdf' });
  });

  it('truncated PDF, JPEG and PNG files are refused as corrupt_file', async () => {
    const whole = await pdf(3);
    for (const [name, bytes] of [
      ['cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.6))],
      ['cut.jpg', JPEG.subarray(0, JPEG.length - 40)],
      ['cut.png', png().subarray(0, 40)],
      ['header-only.pdf', Buffer.from('%PDF-1.7\n%%EOF\n')],
    ] as const) {
      const res = await upload(operator, id, { name, type: 'application/octet-stream', bytes });
      const body = expectProblem(res, 422, 'corrupt_file');
      expect(fieldErrors(body).file, name).toBeDefined();
    }
  });

  it('a file over the size limit is refused as file_too_large', async () => {
    const big = Buffer.concat([await pdf(1), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    expectProblem(
      await upload(operator, id, { name: 'big.pdf', type: 'application/pdf', bytes: big }),
      413,
      'file_too_large',
    );
  });

  it('a PDF that would run a script when opened is refused (422 pdf_active_content) and not passed to the court', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addJavaScript('open', 'app.launchURL("http://example.invalid/")');
    const bytes = Buffer.from(await doc.save());
    const body = expectProblem(
      await upload(operator, id, { name: 'scan.pdf', type: 'application/pdf', bytes }),
      422,
      'pdf_active_content',
    );
    expect(fieldErrors(body).file.code).toBe('invalid');
    expect(body.message.fa).toMatch(/کد اجرایی/);
  });

  it('an oversize upload arriving in pieces is always 413 and stores nothing, however the pieces fall', async () => {
    const storedFiles = () => fs.readdirSync(filesDir, { recursive: true }).length;
    const [{ n: rowsBefore }] = await t.query<{ n: number }>('select count(*)::int as n from filing_attachments');
    const filesBefore = storedFiles();
    // 15 MiB against the 1 MiB limit, and its first MiB alone would pass for a whole PDF (it ends with %%EOF).
    const head = await pdf(1);
    const eof = Buffer.from('\n%%EOF\n');
    const body = Buffer.concat([
      head,
      Buffer.alloc(1024 * 1024 - head.length - eof.length, 0x20),
      eof,
      Buffer.alloc(14 * 1024 * 1024, 0x20),
    ]);
    const { payload, headers } = multipart({ name: 'scan.pdf', type: 'application/pdf', bytes: body });
    // Where the file's bytes reach the limit exactly: a piece ending there leaves the parser nothing more to count.
    const limitAt = payload.indexOf(head.subarray(0, 16)) + 1024 * 1024;
    const evenly = (size: number) =>
      Array.from({ length: Math.ceil(payload.length / size) - 1 }, (_, i) => (i + 1) * size);
    for (const cuts of [
      [limitAt],
      [limitAt, limitAt + 1],
      evenly(65_536),
      evenly(16_384),
      evenly(100_003),
      evenly(1_048_575),
    ]) {
      const bounds = [0, ...cuts, payload.length];
      const stream = Readable.from(
        (function* pieces() {
          for (let i = 0; i + 1 < bounds.length; i++) yield payload.subarray(bounds[i], bounds[i + 1]);
        })(),
      );
      const res = await operator.request({
        method: 'POST',
        url: `/api/v1/filings/${id}/attachments`,
        payload: stream,
        headers,
      });
      expectProblem(res, 413, 'file_too_large');
    }
    const [{ n: rowsAfter }] = await t.query<{ n: number }>('select count(*)::int as n from filing_attachments');
    expect(rowsAfter).toBe(rowsBefore);
    expect(storedFiles()).toBe(filesBefore);
  });

  it('a file of exactly the limit is accepted, one byte more is not', async () => {
    const head = await pdf(1);
    const tail = Buffer.from('\n%%EOF\n');
    const exact = Buffer.concat([head, Buffer.alloc(1024 * 1024 - head.length - tail.length, 0x20), tail]);
    expect(exact.length).toBe(1024 * 1024);
    expect((await upload(operator, id, { name: 'exact.pdf', type: 'application/pdf', bytes: exact })).statusCode).toBe(
      201,
    );
    const over = Buffer.concat([head, Buffer.alloc(1024 * 1024 - head.length - tail.length + 1, 0x20), tail]);
    expectProblem(
      await upload(operator, id, { name: 'over.pdf', type: 'application/pdf', bytes: over }),
      413,
      'file_too_large',
    );
  });

  it('page limits hold per file and per filing', async () => {
    expectProblem(
      await upload(operator, id, { name: 'long.pdf', type: 'application/pdf', bytes: await pdf(51) }),
      422,
      'page_limit_exceeded',
    );
    const f = await createDraft();
    expect(
      (await upload(operator, f.id, { name: 'p50.pdf', type: 'application/pdf', bytes: await pdf(50) })).statusCode,
    ).toBe(201);
    expectProblem(
      await upload(operator, f.id, { name: 'p11.pdf', type: 'application/pdf', bytes: await pdf(11) }),
      422,
      'page_limit_exceeded',
    );
    expect((await operator.get(`/api/v1/filings/${f.id}`)).json().pages).toBe(50);
  });

  it('uploads need the CSRF header, and other routes still refuse multipart bodies', async () => {
    expectProblem(
      await upload(operator, id, { name: 'x.png', type: 'image/png', bytes: png() }, 'x', false),
      403,
      'csrf_failed',
    );
    const { payload, headers } = multipart({ name: 'x.png', type: 'image/png', bytes: png() });
    expectProblem(
      await operator.request({ method: 'POST', url: '/api/v1/filings', payload, headers }),
      415,
      'unsupported_media_type',
    );
  });

  it('stored bytes keep their SHA-256 and downloads are authorized like the filing', async () => {
    const bytes = await pdf(2);
    const a = (await upload(operator, id, { name: 'دادخواست.pdf', type: 'application/pdf', bytes })).json();
    const { createHash } = await import('node:crypto');
    expect(a.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const got = await operator.get(`/api/v1/filings/${id}/attachments/${a.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect((await citizen1.get(`/api/v1/filings/${id}/attachments/${a.id}`)).statusCode).toBe(200);
    expectProblem(await otherOffice.get(`/api/v1/filings/${id}/attachments/${a.id}`), 404, 'not_found');
    expectProblem(await citizen2.get(`/api/v1/filings/${id}/attachments/${a.id}`), 404, 'not_found');
    const removed = await operator.request({ method: 'DELETE', url: `/api/v1/filings/${id}/attachments/${a.id}` });
    expect(removed.statusCode).toBe(204);
    expectProblem(await operator.get(`/api/v1/filings/${id}/attachments/${a.id}`), 404, 'not_found');
  });
});

describe('the applicant, by national ID', () => {
  it('the counter names the applicant by national ID (Persian digits too), and the filing is theirs', async () => {
    const f = await createDraft(
      operator,
      petition({ applicantCitizenId: undefined, applicantNationalId: '۰۴۹۹۳۷۰۸۹۹' }),
    );
    expect(f.applicant).toMatchObject({ citizenId: CITIZEN1.id, nationalId: CITIZEN1.nationalId });
    const byId = await createDraft(operator, petition({ applicantCitizenId: CITIZEN2.id }));
    expect(byId.applicant).toMatchObject({ citizenId: CITIZEN2.id, nationalId: CITIZEN2.nationalId });
  });

  it('an invalid national ID, one without an e-account, or one that is not the citizen id also sent is a field error, and nothing is written', async () => {
    const before = await t.count('filings');
    const invalid = fieldErrors(
      expectProblem(
        await operator.post(
          '/api/v1/filings',
          petition({ applicantCitizenId: undefined, applicantNationalId: '0499370898' }),
        ),
        400,
        'validation_failed',
      ),
    );
    expect(invalid.applicantNationalId?.code).toBe('invalid_national_id');
    const unregistered = expectProblem(
      await operator.post(
        '/api/v1/filings',
        petition({ applicantCitizenId: undefined, applicantNationalId: '0012345679' }),
      ),
      400,
      'validation_failed',
    );
    expect(fieldErrors(unregistered).applicantNationalId?.code).toBe('applicant_not_registered');
    expect(fieldErrors(unregistered).applicantNationalId?.message.fa).toContain('کد ملی');
    const mismatch = await operator.post(
      '/api/v1/filings',
      petition({ applicantCitizenId: CITIZEN2.id, applicantNationalId: CITIZEN1.nationalId }),
    );
    expect(fieldErrors(expectProblem(mismatch, 400, 'validation_failed')).applicantCitizenId?.code).toBe(
      'invalid_value',
    );
    expect(await t.count('filings')).toBe(before);
  });

  it("the wizard's lookup shows the counter the name behind a national ID, and a citizen only themself", async () => {
    expect((await operator.get(`/api/v1/filings/applicant?nationalId=${CITIZEN2.nationalId}`)).json()).toEqual({
      nationalId: CITIZEN2.nationalId,
      name: expect.any(String),
    });
    const missing = expectProblem(
      await operator.get('/api/v1/filings/applicant?nationalId=0012345679'),
      404,
      'eaccount_not_found',
    );
    expect(fieldErrors(missing).nationalId?.code).toBe('applicant_not_registered');
    expect(
      fieldErrors(expectProblem(await operator.get('/api/v1/filings/applicant'), 400, 'validation_failed')).nationalId
        ?.code,
    ).toBe('required');
    expect(
      fieldErrors(
        expectProblem(await operator.get('/api/v1/filings/applicant?nationalId=12'), 400, 'validation_failed'),
      ).nationalId,
    ).toBeDefined();
    const me = (await citizen1.get('/api/v1/filings/applicant')).json();
    expect(me).toMatchObject({ nationalId: CITIZEN1.nationalId });
    expect(me.name).toMatch(/[\u0600-\u06FF]/);
    expectProblem(await citizen1.get(`/api/v1/filings/applicant?nationalId=${CITIZEN2.nationalId}`), 403, 'forbidden');
    expectProblem(await clerk.get(`/api/v1/filings/applicant?nationalId=${CITIZEN1.nationalId}`), 403, 'forbidden');
  });
});

describe('online filings by citizens', () => {
  it('a citizen may not file a petition online where the catalog allows it only at an office', async () => {
    const before = await t.count('filings');
    expectProblem(
      await citizen1.post('/api/v1/filings', petition({ applicantCitizenId: undefined })),
      403,
      'channel_not_allowed',
    );
    expect(await t.count('filings')).toBe(before);
  });

  it('a citizen files a legal notice online for themself, and sees it among their own filings', async () => {
    const body = onlineLegalNoticeBody(CITIZEN1.nationalId);
    const created = await citizen1.post('/api/v1/filings', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      channel: 'online',
      officeId: null,
      applicant: { citizenId: 1 },
      actions: ['edit', 'attach', 'confirm'],
    });
    const id = created.json().id;
    const confirmed = await citizen1.post(`/api/v1/filings/${id}/confirm`);
    expect(confirmed.json().events.at(-1)).toMatchObject({ action: 'confirmed', channel: 'online', officeId: null });
    const mine = (await citizen1.get('/api/v1/filings/mine')).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await citizen2.get('/api/v1/filings/mine')).json().items.map((i: { id: number }) => i.id)).not.toContain(
      id,
    );
    // Offices do not see online filings.
    expectProblem(await operator.get(`/api/v1/filings/${id}`), 404, 'not_found');
  });

  it('a citizen cannot file for somebody else online', async () => {
    expectProblem(
      await citizen1.post('/api/v1/filings', { service: 'legal-notice', applicantCitizenId: 2 }),
      403,
      'forbidden',
    );
    expectProblem(
      await citizen1.post('/api/v1/filings', { service: 'legal-notice', applicantNationalId: CITIZEN2.nationalId }),
      403,
      'forbidden',
    );
  });
});

describe('whose filing it is', () => {
  let id: number;
  beforeAll(async () => {
    id = (await createDraft()).id;
  });

  it("another office's staff neither see nor change it", async () => {
    for (const client of [otherOffice, isfahanOperator]) {
      expectProblem(await client.get(`/api/v1/filings/${id}`), 404, 'not_found');
      expectProblem(await client.post(`/api/v1/filings/${id}/confirm`), 404, 'not_found');
      expectProblem(await upload(client, id, { name: 'x.png', type: 'image/png', bytes: png() }), 404, 'not_found');
      expectProblem(await submit(client, id, `other-${id}`), 404, 'not_found');
    }
    expect((await operator.get(`/api/v1/filings/${id}`)).json().status).toBe('draft');
  });

  it('another citizen gets not found; the applicant reads what the office prepared but cannot change it', async () => {
    expectProblem(await citizen2.get(`/api/v1/filings/${id}`), 404, 'not_found');
    expectProblem(await citizen2.get(`/api/v1/filings/${id}/print`), 404, 'not_found');
    const seen = await citizen1.get(`/api/v1/filings/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual([]);
    expectProblem(await citizen1.post(`/api/v1/filings/${id}/confirm`), 403, 'forbidden');
  });

  it("office lists hold only the office's filings; asking for another office is refused", async () => {
    const list = (await operator.get('/api/v1/filings?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((i: { officeId: number }) => i.officeId))).toEqual(new Set([1]));
    expect((await otherOffice.get('/api/v1/filings?pageSize=200')).json().items).toEqual([]);
    expectProblem(await otherOffice.get('/api/v1/filings?officeId=1'), 403, 'forbidden');
    const drafts = (await operator.get('/api/v1/filings?status=draft&pageSize=200')).json();
    expect(drafts.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    expectProblem(await citizen1.get('/api/v1/filings'), 403, 'forbidden');
    expectProblem(await clerk.get('/api/v1/filings'), 403, 'forbidden');
  });
});

describe('bad input', () => {
  it('invalid national IDs of parties are field errors, and nothing is written', async () => {
    const before = await t.count('filings');
    const res = await operator.post(
      '/api/v1/filings',
      petition({
        parties: [
          { kind: 'citizen', role: 'claimant', nationalId: '0499370898' },
          { kind: 'named', role: 'defendant', name: 'الف ب', nationalId: '1234567890' },
        ],
      }),
    );
    const body = expectProblem(res, 400, 'validation_failed');
    const errors = fieldErrors(body);
    expect(errors['parties.0.nationalId']?.code).toBe('invalid_national_id');
    expect(errors['parties.1.nationalId']?.code).toBe('invalid_national_id');
    expect(await t.count('filings')).toBe(before);
  });

  it('a valid national ID without an e-account, an unknown company and a representative of nobody are field errors', async () => {
    const before = await t.count('filing_parties');
    const res = await operator.post(
      '/api/v1/filings',
      petition({
        parties: [
          { kind: 'citizen', role: 'claimant', nationalId: '0012345679' },
          { kind: 'legal-person', role: 'defendant', companyId: '10100000010' },
          { kind: 'representative', representativeId, represents: 2 },
        ],
      }),
    );
    const errors = fieldErrors(expectProblem(res, 400, 'validation_failed'));
    expect(errors['parties.0.nationalId']?.code, JSON.stringify(errors)).toBe('citizen_not_found');
    expect(errors['parties.2.represents']?.code).toBe('invalid_represented_party');
    expect(errors['parties.1.companyId']?.code).toBe('legal_person_not_found');
    expect(await t.count('filing_parties')).toBe(before);
  });

  it('an unknown service, a non-filing service, a missing applicant and an impossible branch are refused', async () => {
    expect(
      fieldErrors(
        expectProblem(await operator.post('/api/v1/filings', petition({ service: 'divorce' })), 400, 'unknown_service'),
      ).service,
    ).toBeDefined();
    expectProblem(
      await operator.post('/api/v1/filings', petition({ service: 'no-criminal-record' })),
      400,
      'unknown_service',
    );
    expect(
      fieldErrors(
        expectProblem(await operator.post('/api/v1/filings', petition({ applicantCitizenId: undefined })), 400),
      ).applicantNationalId?.code,
    ).toBe('required');
    expect(
      fieldErrors(expectProblem(await operator.post('/api/v1/filings', petition({ branch: 99 })), 400)).branch?.code,
    ).toBe('invalid_branch');
    expect(
      fieldErrors(expectProblem(await operator.post('/api/v1/filings', petition({ courtId: 9999 })), 400)).courtId,
    ).toBeDefined();
  });

  it('roles without filings work are refused', async () => {
    expectProblem(await clerk.post('/api/v1/filings', petition()), 403, 'forbidden');
    expectProblem(await t.anonymous().post('/api/v1/filings', petition()), 401, 'unauthenticated');
  });
});
