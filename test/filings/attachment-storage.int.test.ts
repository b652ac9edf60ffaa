/**
 * The bytes behind attachments: a stored document is served — to the office, the applicant and
 * the court — only while it still matches the SHA-256 recorded at upload, and files whose row
 * never committed are removed by the daily orphan sweep once they are older than its grace
 * period, while fresh ones and those a row references stay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '#server/platform/jobs/jobs';
import { fileStorage } from '#server/platform/storage/storage';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import { multipart, pdf } from './files';

const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-attachment-storage-'));
process.env.DAFTAR_FILES_DIR = filesDir;

let t: TestServer;
let operator: Client;
let citizen: Client;
let clerk: Client;

const petition = {
  service: 'petition',
  applicantNationalId: '0499370899',
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
  ],
  courtId: 1,
  branch: 3,
  subject: 'مطالبهٔ وجه چک',
  facts: 'خوانده وجه چک را نپرداخته است.',
  claims: [],
};

async function attach(filingId: number, bytes: Buffer) {
  const { payload, headers } = multipart({ name: 'cheque.pdf', type: 'application/pdf', bytes }, 'چک');
  const res = await operator.request({
    method: 'POST',
    url: `/api/v1/filings/${filingId}/attachments`,
    payload,
    headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; sha256: string };
}
const storageKeyOf = async (attachmentId: number) =>
  (
    await t.query<{ storage_key: string }>('select storage_key from filing_attachments where id = $1', [attachmentId])
  )[0].storage_key;

beforeAll(async () => {
  t = await startTestServer({ jobs: { pollingIntervalSeconds: 0.5 } });
  [operator, citizen, clerk] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInCitizen('09120000001'),
    t.signInStaff('clerk.tehran'),
  ]);
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('downloads are checked against the recorded SHA-256', () => {
  it('a document changed on disk after upload is refused to the office, the applicant and the court, and never served', async () => {
    const id = (await operator.post('/api/v1/filings', petition)).json().id as number;
    const original = await pdf(1);
    const a = await attach(id, original);
    const url = `/api/v1/filings/${id}/attachments/${a.id}`;
    const intact = await operator.get(url);
    expect(intact.statusCode).toBe(200);
    expect(intact.rawPayload.equals(original)).toBe(true);

    // Submitted, so the court holds it too.
    const confirmed = (await operator.post(`/api/v1/filings/${id}/confirm`)).json();
    await t.server.ctx.db.transaction((tx) =>
      t.server.ctx.ports.onPaymentCredited.filing(tx, {
        id: 970_000 + id,
        purpose: 'filing',
        filingId: id,
        serviceRecordId: null,
        amountRials: confirmed.quote.totalRials,
        receiptNumber: `S${id}`,
        createdBy: 1,
        paidAt: t.server.ctx.clock.now(),
      }),
    );
    expect(
      (
        await operator.request({
          method: 'POST',
          url: `/api/v1/filings/${id}/submit`,
          headers: { 'idempotency-key': `st-${id}` },
        })
      ).statusCode,
    ).toBe(200);
    const courtUrl = `/api/v1/court/filings/${id}/attachments/${a.id}`;
    expect((await clerk.get(courtUrl)).statusCode).toBe(200);

    // Someone with access to the disk swaps the document for another of the same kind and size.
    const forged = Buffer.from(original);
    forged[forged.length - 20] ^= 0x01;
    fs.writeFileSync(path.join(filesDir, await storageKeyOf(a.id)), forged);

    for (const [client, target] of [
      [operator, url],
      [citizen, url],
      [clerk, courtUrl],
    ] as const) {
      const res = await client.get(target);
      const problem = expectProblem(res, 500, 'file_integrity_failed');
      expect(problem.message.fa).toContain('SHA-256');
      expect(res.rawPayload.includes(forged.subarray(0, 64))).toBe(false);
    }
  });
});

describe('the orphan sweep job', () => {
  it("removes a file no row references once older than the grace; keeps a fresh one, an attachment's file and files under prefixes no area owns", async () => {
    const storage = fileStorage(t.server.ctx.config);
    const backdate = (key: string, hours: number) => {
      const at = new Date(t.server.ctx.clock.now().getTime() - hours * 3_600_000);
      fs.utimesSync(path.join(filesDir, key), at, at);
    };
    // What a rolled-back upload leaves when the process dies before it can clean up: bytes, no row.
    const orphan = await storage.put('filings/999999', await pdf(1));
    const oldPhoto = await storage.put('staff-photos/999999', Buffer.from('not referenced'));
    const fresh = await storage.put('filings/999999', await pdf(1));
    const unowned = await storage.put('exports/1', Buffer.from("not an area's"));
    const id = (await operator.post('/api/v1/filings', petition)).json().id as number;
    const attached = await storageKeyOf((await attach(id, await pdf(2))).id);
    for (const key of [orphan.key, oldPhoto.key, unowned.key, attached]) backdate(key, 25);
    backdate(fresh.key, 23);

    await t.server.ctx.jobs!.boss.send(QUEUES.sweepOrphanedFiles, {});
    const deadline = Date.now() + 30_000;
    // The sweep goes owner by owner (filings, then staff photos): wait for the last of the two.
    const anyLeft = async () => (await storage.get(orphan.key)) || (await storage.get(oldPhoto.key));
    while ((await anyLeft()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

    expect(await storage.get(orphan.key)).toBeNull();
    expect(await storage.get(oldPhoto.key)).toBeNull();
    for (const key of [fresh.key, unowned.key, attached]) expect(await storage.get(key), key).not.toBeNull();
    expect(
      (
        await operator.get(
          `/api/v1/filings/${id}/attachments/${(await t.query<{ id: number }>('select id::int as id from filing_attachments where storage_key = $1', [attached]))[0].id}`,
        )
      ).statusCode,
    ).toBe(200);
  });
});
