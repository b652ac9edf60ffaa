/**
 * The court gateway is a port held in the server's context: a server started with another gateway
 * hands submitted filings to it, in the submitting transaction, and one that refuses leaves the
 * filing paid and unsubmitted. No module-level registry is involved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtGateway, SubmittedFiling } from '#server/platform/ports/court-gateway';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import { multipart, pdf } from './files';

process.env.DAFTAR_FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-court-gateway-'));

const received: SubmittedFiling[] = [];
let refuseNext = false;
const judiciaryBackend: CourtGateway = {
  name: 'test-judiciary',
  async submit(_tx, filing) {
    if (refuseNext) {
      refuseNext = false;
      throw new Error('the judiciary backend is unavailable');
    }
    received.push(filing);
  },
};

let t: TestServer;
let operator: Client;

async function paidFiling(): Promise<number> {
  const created = await operator.post('/api/v1/filings', {
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
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const { payload, headers } = multipart({ name: 'cheque.pdf', type: 'application/pdf', bytes: await pdf(2) }, 'چک');
  expect(
    (await operator.request({ method: 'POST', url: `/api/v1/filings/${id}/attachments`, payload, headers })).statusCode,
  ).toBe(201);
  const confirmed = (await operator.post(`/api/v1/filings/${id}/confirm`)).json();
  const credit = t.server.ctx.ports.onPaymentCredited.filing;
  await t.server.ctx.db.transaction((tx) =>
    credit(tx, {
      id: 880_000 + id,
      purpose: 'filing',
      filingId: id,
      serviceRecordId: null,
      amountRials: confirmed.quote.totalRials,
      receiptNumber: `G${id}`,
      createdBy: 1,
      paidAt: t.now(),
    }),
  );
  return id;
}

const submit = (id: number) =>
  operator.request({
    method: 'POST',
    url: `/api/v1/filings/${id}/submit`,
    headers: { 'idempotency-key': `court-gateway-${id}` },
  });

beforeAll(async () => {
  t = await startTestServer({ ports: { court: judiciaryBackend } });
  operator = await t.signInStaff('operator.11001');
});
afterAll(async () => t?.stop());

describe('the court gateway port', () => {
  it('a server wired with another court gateway hands it the submitted filing with its tracking code', async () => {
    const id = await paidFiling();
    const res = await submit(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(received).toEqual([
      { id, trackingCode: res.json().trackingCode, serviceCode: 'petition', courtId: 1, provinceId: 1 },
    ]);
  });

  it('a court gateway that refuses leaves the filing paid, without a tracking code', async () => {
    const id = await paidFiling();
    refuseNext = true;
    expect((await submit(id)).statusCode).toBe(500);
    const detail = (await operator.get(`/api/v1/filings/${id}`)).json();
    expect(detail.status).toBe('paid');
    expect(detail.trackingCode).toBeNull();
    expect(received.map((f) => f.id)).not.toContain(id);
  });
});
