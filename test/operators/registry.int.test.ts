/**
 * The staff registry: the scoped, searchable list of office staff with their licence, contract and
 * insurance standing; a person's record (404 outside one's scope); one's own record; the profile
 * and photo kept by the office's manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import { png } from '../filings/files';

let t: TestServer;
let manager: Client;
let otherManager: Client;
let tehranAssociation: Client;
let isfahanAssociation: Client;
let regulator: Client;
let operator: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestServer();
  [manager, otherManager, tehranAssociation, isfahanAssociation, regulator, operator] = await Promise.all(
    ['manager.11001', 'manager.11002', 'association.tehran', 'association.isfahan', 'regulator', 'operator.11001'].map(
      (u) => t.signInStaff(u),
    ),
  );
  for (const row of await t.query<{ id: number; username: string }>(
    "select id::int as id, username from users where username like '%.1%'",
  ))
    ids[row.username] = row.id;
});
afterAll(async () => {
  await t?.stop();
});

type Item = {
  id: number;
  username: string;
  name: { first: string; last: string };
  roles: { role: string; office: { id: number } }[];
  licence: { status: string } | null;
  contract: { type: string; fullTime: boolean } | null;
  insured: boolean;
};
const usernames = (items: Item[]) => items.map((i) => i.username).sort();

describe('GET /staff', () => {
  it('shows an office manager the staff of their own office only, with licence, contract and insurance standing, ordered by last name', async () => {
    const res = await manager.get('/api/v1/staff');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Item[]; total: number };
    expect(usernames(body.items)).toEqual(['consultant.11001', 'manager.11001', 'operator.11001']);
    expect(body.total).toBe(3);
    const lastNames = body.items.map((i) => i.name.last);
    expect(lastNames).toEqual([...lastNames].sort((a, b) => a.localeCompare(b, 'fa')));
    const op = body.items.find((i) => i.username === 'operator.11001')!;
    expect(op.roles).toEqual([
      { role: 'operator', office: { id: 1, code: '11001', name: expect.any(Object) }, provinceId: 1 },
    ]);
    expect(op.licence).toMatchObject({ status: 'active' });
    expect(op.contract).toEqual({ type: 'permanent', fullTime: true, endsOn: null });
    expect(op.insured).toBe(true);
    const consultant = body.items.find((i) => i.username === 'consultant.11001')!;
    expect(consultant.insured).toBe(false);
    expect(consultant.contract).toMatchObject({ type: 'fixed-term', fullTime: false });
  });

  it("shows a province association its province, and the regulator the nation; asking outside one's scope is refused", async () => {
    const tehran = (await tehranAssociation.get('/api/v1/staff')).json() as { items: Item[] };
    expect(usernames(tehran.items)).toEqual(['consultant.11001', 'manager.11001', 'manager.11002', 'operator.11001']);
    const nation = (await regulator.get('/api/v1/staff?pageSize=100')).json() as { items: Item[] };
    expect(usernames(nation.items)).toEqual(
      expect.arrayContaining(['manager.13001', 'operator.13001', 'operator.11001']),
    );
    expect(nation.items.every((i) => i.roles.length > 0)).toBe(true);
    expectProblem(await tehranAssociation.get('/api/v1/staff?provinceId=3'), 403, 'forbidden');
    expectProblem(await manager.get('/api/v1/staff?officeId=2'), 403, 'forbidden');
    expectProblem(await operator.get('/api/v1/staff'), 403, 'forbidden');
    const isfahanOffice = (await regulator.get('/api/v1/staff?officeId=4')).json() as { items: Item[] };
    expect(usernames(isfahanOffice.items)).toEqual(['manager.13001', 'operator.13001']);
  });

  it('searches by national ID, by Persian name prefix (Arabic letters and Persian digits accepted) and by username', async () => {
    const byId = (await regulator.get(`/api/v1/staff?q=${encodeURIComponent('۰۰۵۶۷۸۹۰۱۷')}`)).json() as {
      items: Item[];
    };
    expect(usernames(byId.items)).toEqual(['operator.11001']);
    const byName = (await regulator.get(`/api/v1/staff?q=${encodeURIComponent('حسين')}`)).json() as { items: Item[] };
    expect(usernames(byName.items)).toEqual(['manager.11001', 'operator.11001']); // first name حسین, last name حسینی
    const byUsername = (await regulator.get('/api/v1/staff?q=operator.13')).json() as { items: Item[] };
    expect(usernames(byUsername.items)).toEqual(['operator.13001']);
  });

  it('filters by role, licence standing and insurance', async () => {
    const consultants = (await regulator.get('/api/v1/staff?role=consultant')).json() as { items: Item[] };
    expect(usernames(consultants.items)).toEqual(['consultant.11001']);
    const expiring = (await regulator.get('/api/v1/staff?licence=expiring')).json() as { items: Item[] };
    expect(usernames(expiring.items)).toEqual(['operator.13001']);
    const valid = (await regulator.get('/api/v1/staff?licence=valid&provinceId=3')).json() as { items: Item[] };
    expect(usernames(valid.items)).toEqual(['manager.13001', 'operator.13001']);
    const uninsured = (await tehranAssociation.get('/api/v1/staff?insured=false')).json() as { items: Item[] };
    expect(usernames(uninsured.items)).toEqual(['consultant.11001']);
    const page = (await regulator.get('/api/v1/staff?pageSize=2&page=2')).json() as {
      items: Item[];
      total: number;
      page: number;
    };
    expect(page.items).toHaveLength(2);
    expect(page.page).toBe(2);
    expectProblem(await regulator.get('/api/v1/staff?pageSize=101'), 400, 'validation_failed');
    expectProblem(await regulator.get('/api/v1/staff?licence=lost'), 400, 'validation_failed');
  });
});

describe('GET /staff/{id} and /me/staff-record', () => {
  it('gives the manager the whole record of a member of their office', async () => {
    const res = await manager.get(`/api/v1/staff/${ids['operator.11001']}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.name).toEqual({ first: 'سارا', last: 'حسینی' });
    expect(r.offices).toEqual([
      expect.objectContaining({
        office: expect.objectContaining({ id: 1 }),
        from: '2021-03-21',
        to: null,
        current: true,
      }),
    ]);
    expect(r.contracts).toEqual([expect.objectContaining({ type: 'permanent', inForce: true })]);
    expect(r.insurance).toEqual([expect.objectContaining({ current: true })]);
    expect(r.insured).toBe(true);
    expect(r.licences.length).toBeGreaterThan(0);
    expect(r.training.courses.find((c: { code: string }) => c.code === 'GEN-101')).toMatchObject({
      attended: true,
      examPassed: true,
      qualified: true,
    });
    const kinds = r.history.map((h: { kind: string }) => h.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['role-granted', 'contract-started', 'insurance-started', 'licence-issued']),
    );
    expect(r.canManage).toBe(true);
    expect(r.manageableOfficeIds).toEqual([1]);
  });

  it("answers 404 outside one's scope (existence not revealed), and lets oversight read without managing", async () => {
    expectProblem(await manager.get(`/api/v1/staff/${ids['operator.13001']}`), 404, 'not_found');
    expectProblem(await otherManager.get(`/api/v1/staff/${ids['operator.11001']}`), 404, 'not_found');
    expectProblem(await isfahanAssociation.get(`/api/v1/staff/${ids['operator.11001']}`), 404, 'not_found');
    expectProblem(await manager.get('/api/v1/staff/999999'), 404, 'not_found');
    const seen = await tehranAssociation.get(`/api/v1/staff/${ids['operator.11001']}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canManage).toBe(false);
  });

  it('gives staff their own record, and nobody else one', async () => {
    const res = await operator.get('/api/v1/me/staff-record');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(ids['operator.11001']);
    expect(res.json().canManage).toBe(false);
    expectProblem(await tehranAssociation.get('/api/v1/me/staff-record'), 403, 'forbidden');
    expectProblem(await (await t.signInCitizen('09120000001')).get('/api/v1/me/staff-record'), 403, 'forbidden');
  });
});

describe('PUT /staff/{id}/profile and photo', () => {
  const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, body });

  it('lets the manager set education and insurance number, audited', async () => {
    const audits = await t.count('audit_events');
    const res = await put(manager, `/api/v1/staff/${ids['operator.11001']}/profile`, {
      educationLevel: 'doctorate',
      educationField: 'حقوق عمومی',
      insuranceNumber: '۱۲۳۴۵۶۷۸۹۰',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().profile).toEqual({
      educationLevel: 'doctorate',
      educationField: 'حقوق عمومی',
      insuranceNumber: '1234567890',
      hasPhoto: false,
    });
    expect(await t.count('audit_events')).toBe(audits + 1);
  });

  it('refuses a wrong insurance number naming the field, and writes nothing', async () => {
    const before = await t.query('select * from operator_profiles order by user_id');
    const problem = expectProblem(
      await put(manager, `/api/v1/staff/${ids['operator.11001']}/profile`, {
        educationLevel: 'master',
        educationField: null,
        insuranceNumber: '12345',
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).insuranceNumber).toBeDefined();
    expectProblem(
      await put(manager, `/api/v1/staff/${ids['operator.11001']}/profile`, {
        educationLevel: 'grandmaster',
        educationField: null,
        insuranceNumber: null,
      }),
      400,
      'validation_failed',
    );
    expect(await t.query('select * from operator_profiles order by user_id')).toEqual(before);
  });

  it("refuses other offices' managers (404) and oversight (403)", async () => {
    const body = { educationLevel: 'master', educationField: null, insuranceNumber: null };
    expectProblem(await put(otherManager, `/api/v1/staff/${ids['operator.11001']}/profile`, body), 404, 'not_found');
    expectProblem(
      await put(tehranAssociation, `/api/v1/staff/${ids['operator.11001']}/profile`, body),
      403,
      'forbidden',
    );
    expectProblem(await put(operator, `/api/v1/staff/${ids['operator.11001']}/profile`, body), 403, 'forbidden');
  });

  it('stores a photo judged by content, serves it to those who may read the record, and refuses what is not an image', async () => {
    const id = ids['operator.11001'];
    const notImage = await manager.request({
      method: 'PUT',
      url: `/api/v1/staff/${id}/photo`,
      payload: Buffer.from('%PDF-1.4 not a photo'),
      headers: { 'content-type': 'image/png' },
    });
    expectProblem(notImage, 415, 'unsupported_file_type');
    const text = await manager.request({
      method: 'PUT',
      url: `/api/v1/staff/${id}/photo`,
      payload: Buffer.from('hello'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expectProblem(text, 415, 'unsupported_file_type');
    expect(
      (
        await t.query<{ photo_key: string | null }>('select photo_key from operator_profiles where user_id = $1', [id])
      )[0].photo_key,
    ).toBeNull();
    expectProblem(await manager.get(`/api/v1/staff/${id}/photo`), 404, 'not_found');

    const image = png();
    const ok = await manager.request({
      method: 'PUT',
      url: `/api/v1/staff/${id}/photo`,
      payload: image,
      headers: { 'content-type': 'image/png' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const got = await manager.get(`/api/v1/staff/${id}/photo`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(image)).toBe(true);
    expect((await operator.get(`/api/v1/staff/${id}/photo`)).statusCode).toBe(200);
    expectProblem(await otherManager.get(`/api/v1/staff/${id}/photo`), 404, 'not_found');
    expectProblem(
      await otherManager.request({
        method: 'PUT',
        url: `/api/v1/staff/${id}/photo`,
        payload: image,
        headers: { 'content-type': 'image/png' },
      }),
      404,
      'not_found',
    );
    const tooBig = await manager.request({
      method: 'PUT',
      url: `/api/v1/staff/${id}/photo`,
      payload: Buffer.concat([image, Buffer.alloc(1024 * 1024)]),
      headers: { 'content-type': 'image/png' },
    });
    expect(tooBig.statusCode).toBe(413);
  });
});
