/**
 * The parties' submissions and evidence through the API: each party uploads to its own case (the
 * content-checked attachments of filings: PDF, JPEG or PNG judged by their bytes), the document is
 * listed on the case and its timeline with its SHA-256 (and in the audit chain), and whoever sees
 * the case — its parties, its arbitrator, the seat office — downloads it; a citizen not on the case
 * sees nothing, a document is not reached through another case, an arbitrator does not upload, a
 * case not yet agreed takes nothing, and a refused upload writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXE, pdf, png } from '../filings/files';
import { expectProblem, fieldErrors } from '../support/problems';
import { NAZANIN, runningCase, signInPeople, startedCase } from '../support/arbitration';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let amir: Client;
let nazanin: Client;
let saeed: Client;
let arbitrator: Client;
let operator: Client;
let arbitratorUserId: number;

interface CaseBody {
  id: number;
  state: string;
  parties: { id: number; role: string }[];
  documents: {
    id: number;
    partyId: number;
    kind: string;
    title: string;
    fileName: string;
    mediaType: string;
    pages: number;
    sha256: string;
  }[];
  timeline: { kind: string; data: Record<string, unknown> }[];
}

/** A multipart body with the given text fields, then one file. */
function form(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----daftar${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (client: Client, caseId: number, fields: Record<string, string>, file: Parameters<typeof form>[1]) =>
  client.request({ method: 'POST', url: `/api/v1/arbitrations/${caseId}/documents`, ...form(fields, file) });

/** A case between Amir and Nazanin: only drafted, or with arbitrator.tehran accepted and the term running. */
async function kase(state: 'drafted' | 'term_running'): Promise<CaseBody> {
  const agreement = {
    agreementKind: 'separate',
    subjectKind: 'contract',
    subject: 'اختلاف در تحویل کالای موضوع قرارداد فروش اقساطی',
    arbitratorCount: 1,
    selection: 'parties',
    term: null,
    seatOfficeId: 1,
    awardNotice: 'e_notice',
    respondents: [NAZANIN],
  };
  if (state === 'drafted') return startedCase<CaseBody>(amir, agreement);
  return runningCase<CaseBody>(t, { amir, nazanin, arbitrator, operator, arbitratorUserId }, agreement);
}

const documentRows = async (caseId: number) =>
  (await t.query<{ n: number }>('select count(*)::int as n from arbitration_documents where case_id = $1', [caseId]))[0]
    .n;

beforeAll(async () => {
  t = await startTestServer();
  ({ amir, nazanin, saeed, arbitrator, operator, arbitratorUserId } = await signInPeople(t));
});
afterAll(async () => {
  await t?.stop();
});

describe("the parties' submissions and evidence", () => {
  it('each party uploads to its case; the case lists them with the timeline and audit; whoever sees the case downloads them', async () => {
    const c = await kase('term_running');
    const [claimant, respondent] = c.parties;
    const scan = await pdf(2);
    const first = await upload(
      amir,
      c.id,
      { kind: 'submission', title: 'لایحهٔ خواهان' },
      {
        name: 'layehe.pdf',
        type: 'application/pdf',
        bytes: scan,
      },
    );
    expect(first.statusCode, first.body).toBe(201);
    const image = png();
    const second = await upload(
      nazanin,
      c.id,
      { kind: 'evidence' },
      { name: 'receipt.png', type: 'image/png', bytes: image },
    );
    expect(second.statusCode, second.body).toBe(201);
    const body = second.json() as CaseBody;
    expect(body.documents).toEqual([
      expect.objectContaining({
        partyId: claimant.id,
        kind: 'submission',
        title: 'لایحهٔ خواهان',
        fileName: 'layehe.pdf',
        mediaType: 'application/pdf',
        pages: 2,
      }),
      // No title given: the file's name stands for it.
      expect.objectContaining({
        partyId: respondent.id,
        kind: 'evidence',
        title: 'receipt.png',
        mediaType: 'image/png',
        pages: 1,
      }),
    ]);
    const [doc, evidence] = body.documents;
    expect(body.timeline.filter((e) => e.kind === 'document').map((e) => e.data)).toEqual([
      expect.objectContaining({ documentId: doc.id, partyId: claimant.id, sha256: doc.sha256 }),
      expect.objectContaining({ documentId: evidence.id, partyId: respondent.id, sha256: evidence.sha256 }),
    ]);
    const audit = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'arbitration.document' and entity_id = $1",
      [c.id],
    );
    expect(audit[0].n).toBe(2);

    // The other party, the arbitrator and the seat office's operator download it, byte for byte.
    for (const reader of [nazanin, amir, arbitrator, operator]) {
      const res = await reader.get(`/api/v1/arbitrations/${c.id}/documents/${doc.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.equals(scan)).toBe(true);
    }
    // A citizen not on the case sees neither the case nor its documents.
    expectProblem(await saeed.get(`/api/v1/arbitrations/${c.id}/documents/${doc.id}`), 404);
    expectProblem(
      await upload(saeed, c.id, { kind: 'evidence' }, { name: 'x.png', type: 'image/png', bytes: image }),
      404,
    );
    // A document is not reached through another case, even by a party of both.
    const other = await kase('term_running');
    expectProblem(await amir.get(`/api/v1/arbitrations/${other.id}/documents/${doc.id}`), 404);
    expect(((await amir.get(`/api/v1/arbitrations/${other.id}`)).json() as CaseBody).documents).toEqual([]);
    // The arbitrator reads the parties' documents but does not submit any.
    expectProblem(
      await upload(arbitrator, c.id, { kind: 'evidence' }, { name: 'x.png', type: 'image/png', bytes: image }),
      403,
    );
  });

  it('bad input is refused with its field and writes nothing; a case not yet agreed takes nothing', async () => {
    const c = await kase('term_running');
    const file = { name: 'x.png', type: 'image/png', bytes: png() };
    const noKind = expectProblem(await upload(amir, c.id, {}, file), 400);
    expect(Object.keys(fieldErrors(noKind))).toEqual(['kind']);
    const badKind = expectProblem(await upload(amir, c.id, { kind: 'award' }, file), 400);
    expect(Object.keys(fieldErrors(badKind))).toEqual(['kind']);
    const exe = expectProblem(
      await upload(amir, c.id, { kind: 'evidence' }, { name: 'photo.png', type: 'image/png', bytes: EXE }),
      415,
      'unsupported_file_type',
    );
    expect(Object.keys(fieldErrors(exe))).toEqual(['file']);
    expectProblem(
      await upload(
        amir,
        c.id,
        { kind: 'evidence' },
        { name: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) },
      ),
      422,
      'corrupt_file',
    );
    expectProblem(
      await amir.post(`/api/v1/arbitrations/${c.id}/documents`, { kind: 'evidence' }),
      415,
      'unsupported_media_type',
    );
    expect(await documentRows(c.id)).toBe(0);

    const drafted = await kase('drafted');
    expectProblem(await upload(amir, drafted.id, { kind: 'evidence' }, file), 409, 'arbitration_state_conflict');
    expect(await documentRows(drafted.id)).toBe(0);
  });
});
