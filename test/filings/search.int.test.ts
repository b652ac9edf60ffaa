/**
 * Staff find a filing in their list by what the person at the counter says: the tracking code, the
 * applicant's national ID or name, or the court's case number — typed in Persian or Latin digits —
 * within the list's own scope: another office's filings are never found, whatever is typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '#core/persian-digits';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

/** Demo citizens: امیر تهرانی and نازنین اصفهانی. */
const TEHRANI = { id: 1, nationalId: '0499370899' };
const ISFAHANI = { id: 2, nationalId: '1290000018' };

let t: TestServer;
let office1: Client; // operator of office 1 (Tehran)
let office2: Client; // manager of office 2 (Tehran)

const draft = (citizenId: number, nationalId: string) => ({
  service: 'petition',
  applicantCitizenId: citizenId,
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱' },
  ],
  courtId: 1,
  branch: 3,
  subject: 'مطالبهٔ وجه چک',
});

/** A filing of the office's, given a tracking code and a case number as submission and the court would. */
async function filing(client: Client, citizen: typeof TEHRANI, trackingCode: string, caseNumber: string) {
  const res = await client.post('/api/v1/filings', draft(citizen.id, citizen.nationalId));
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as { id: number };
  await t.query('update filings set tracking_code = $2, case_number = $3 where id = $1', [
    id,
    trackingCode,
    caseNumber,
  ]);
  return id;
}

async function found(client: Client, q: string, more = ''): Promise<number[]> {
  const res = await client.get(`/api/v1/filings?q=${encodeURIComponent(q)}&pageSize=100${more}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { id: number }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((f) => f.id);
}

let tehraniAtOffice1: number;
let isfahaniAtOffice1: number;
let tehraniAtOffice2: number;

beforeAll(async () => {
  t = await startTestServer();
  [office1, office2] = await Promise.all([t.signInStaff('operator.11001'), t.signInStaff('manager.11002')]);
  tehraniAtOffice1 = await filing(office1, TEHRANI, '140500000117', 'THR-GEN-01-000777-1405');
  isfahaniAtOffice1 = await filing(office1, ISFAHANI, '140500000125', 'THR-GEN-01-000778-1405');
  tehraniAtOffice2 = await filing(office2, TEHRANI, '140500000133', 'THR-GEN-01-000888-1405');
});

afterAll(async () => {
  await t?.stop();
});

describe("searching the office's filings", () => {
  it('finds a filing by its whole tracking code, typed in Persian or Latin digits', async () => {
    expect(await found(office1, '140500000117')).toEqual([tehraniAtOffice1]);
    expect(await found(office1, toPersianDigits('140500000125'))).toEqual([isfahaniAtOffice1]);
    // Part of a tracking code is not a tracking code.
    expect(await found(office1, '1405000001')).toEqual([]);
  });

  it("finds the applicant's filings by national ID or by part of their name", async () => {
    expect(await found(office1, toPersianDigits(TEHRANI.nationalId))).toContain(tehraniAtOffice1);
    expect(await found(office1, TEHRANI.nationalId)).not.toContain(isfahaniAtOffice1);
    const byName = await found(office1, 'تهرانی');
    expect(byName).toContain(tehraniAtOffice1);
    expect(byName).not.toContain(isfahaniAtOffice1);
    expect(await found(office1, 'امیر تهرانی')).toContain(tehraniAtOffice1);
  });

  it('finds a filing by its case number or part of it', async () => {
    expect(await found(office1, 'THR-GEN-01-000777-1405')).toEqual([tehraniAtOffice1]);
    expect(await found(office1, toPersianDigits('000778'))).toEqual([isfahaniAtOffice1]);
  });

  it("never finds another office's filing, by tracking code, national ID, name or case number", async () => {
    for (const q of ['140500000133', TEHRANI.nationalId, 'تهرانی', '000888']) {
      expect(await found(office1, q), q).not.toContain(tehraniAtOffice2);
    }
    expect(await found(office2, '140500000117')).toEqual([]);
    expect(await found(office2, '000777')).toEqual([]);
    expect(await found(office2, '140500000133')).toEqual([tehraniAtOffice2]);
  });

  it("narrows with the status filter, and a search's wildcards are taken literally", async () => {
    expect(await found(office1, TEHRANI.nationalId, '&status=draft')).toContain(tehraniAtOffice1);
    expect(await found(office1, TEHRANI.nationalId, '&status=accepted')).toEqual([]);
    expect(await found(office1, '%')).toEqual([]);
    expect(await found(office1, '_')).toEqual([]);
  });

  it('a search longer than 100 characters is a field error on q', async () => {
    const res = await office1.get(`/api/v1/filings?q=${'ا'.repeat(101)}`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('q');
  });
});
