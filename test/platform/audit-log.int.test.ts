/**
 * Reading the audit log: who reads which part of it (national oversight all, a province's
 * association its province's events and its own actions), its filters (who, what, when, which
 * object), and sign-ins and refused sign-ins as events, with the source address and never the
 * password or the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliIso, isoToJalali, tehranIsoDate, addDaysIso } from '#core/jalali';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
let tehran: Client;
let isfahan: Client;

interface EventItem {
  seq: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  provinceId: number | null;
  officeId: number | null;
  source: string | null;
  actor: { id: number; displayName: string; username: string | null } | null;
}

const WRONG_PASSWORD = 'not-the-password-42';
const WRONG_CODE = '135791';
const userIdOf = async (username: string) =>
  (await t.query<{ id: number }>('select id::int as id from users where username = $1', [username]))[0].id;

async function read(client: Client, query = ''): Promise<{ items: EventItem[]; total: number }> {
  const res = await client.get(`/api/v1/audit/events?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every page of an answer, for counts beyond one page. */
async function readAll(client: Client, query = ''): Promise<EventItem[]> {
  const items: EventItem[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`/api/v1/audit/events?pageSize=200&page=${page}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: EventItem[]; total: number };
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

beforeAll(async () => {
  t = await startTestServer();
  regulator = await t.signInStaff('regulator');
  tehran = await t.signInStaff('association.tehran');
  isfahan = await t.signInStaff('association.isfahan');
  // A Tehran operator signs in; an Isfahan manager mistypes the password; someone tries a name nobody has.
  await t.signInStaff('operator.11001');
  const wrong = await t
    .anonymous()
    .post('/api/v1/auth/staff/login', { username: 'manager.13001', password: WRONG_PASSWORD });
  expect(wrong.statusCode).toBe(401);
  const nobody = await t
    .anonymous()
    .post('/api/v1/auth/staff/login', { username: 'no.such.person', password: WRONG_PASSWORD });
  expect(nobody.statusCode).toBe(401);
  // A citizen of Tehran signs in with a code; then types a wrong one.
  await t.signInCitizen('09120000001');
  const badCode = await t.anonymous().post('/api/v1/auth/citizen/login', { mobile: '09120000001', code: WRONG_CODE });
  expect(badCode.statusCode).toBe(401);
});
afterAll(async () => {
  await t?.stop();
});

describe('sign-ins are recorded', () => {
  it('a staff sign-in is an event of the person, in their office and province, with the source address', async () => {
    const operatorId = await userIdOf('operator.11001');
    const { items } = await read(regulator, `&action=auth.sign-in&entityType=user&entityId=${operatorId}`);
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]).toMatchObject({
      action: 'auth.sign-in',
      entityType: 'user',
      entityId: String(operatorId),
      officeId: 1,
      provinceId: 1,
      source: '127.0.0.1',
      actor: { id: operatorId, username: 'operator.11001' },
    });
  });

  it('a refused sign-in names the account asked for and the source, never the password', async () => {
    const managerId = await userIdOf('manager.13001');
    const { items } = await read(regulator, '&action=auth.sign-in-failed');
    const known = items.find((e) => e.entityType === 'user' && e.entityId === String(managerId));
    expect(known).toMatchObject({ actor: null, provinceId: 3, officeId: 4, source: '127.0.0.1' });
    const unknown = items.find((e) => e.entityType === 'sign-in' && e.entityId === 'no.such.person');
    expect(unknown).toMatchObject({ actor: null, provinceId: null, source: '127.0.0.1' });
    // Nothing the person typed as a secret is kept in a sign-in event.
    const leaked = await t.query(
      "select seq, action, data from audit_events where action like 'auth.%' and (data::text like $1 or data::text like $2 or data::text like $3)",
      [`%${WRONG_PASSWORD}%`, `%${DEMO_PASSWORD}%`, `%${WRONG_CODE}%`],
    );
    expect(leaked).toEqual([]);
  });

  it("a citizen's sign-in by code and a wrong code are both recorded in the citizen's province", async () => {
    const [citizen] = await t.query<{ id: number }>(
      "select id::int as id from users where mobile = '09120000001' and kind = 'citizen'",
    );
    const signIns = await read(regulator, `&entityType=user&entityId=${citizen.id}`);
    expect(signIns.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.sign-in', 'auth.sign-in-failed']));
    for (const e of signIns.items.filter((e) => e.action.startsWith('auth.'))) expect(e.provinceId).toBe(1);
    const [row] = await t.query<{ data: Record<string, unknown> }>(
      "select data from audit_events where action = 'auth.sign-in' and entity_id = $1 order by seq desc limit 1",
      [String(citizen.id)],
    );
    expect(row.data).toMatchObject({ method: 'otp', ip: '127.0.0.1' });
  });
});

describe('who reads which part of the audit log', () => {
  it('the regulator and the national association read every event', async () => {
    const all = await t.count('audit_events');
    expect((await read(regulator)).total).toBe(all);
    expect((await read(await t.signInStaff('association'))).total).toBe(await t.count('audit_events'));
  });

  for (const [name, provinceId] of [
    ['association.tehran', 1],
    ['association.isfahan', 3],
  ] as const) {
    it(`${name} reads the events of its province, of the offices in it, and its own — no others`, async () => {
      const client = name === 'association.tehran' ? tehran : isfahan;
      const me = await userIdOf(name);
      const expected = (
        await t.query<{ seq: number }>(
          `select seq::int as seq from audit_events
           where province_id = $1 or office_id in (select id from offices where province_id = $1) or actor_user_id = $2
           order by seq desc`,
          [provinceId, me],
        )
      ).map((r) => r.seq);
      const got = await readAll(client);
      // Events written while reading (its own sign-ins) may come on top; none of another province.
      expect(got.map((e) => e.seq)).toEqual(expect.arrayContaining(expected));
      for (const e of got) {
        const own = e.actor?.id === me;
        expect(own || e.provinceId === provinceId || e.officeId != null, `event ${e.seq}`).toBe(true);
      }
      const otherProvince = provinceId === 1 ? 3 : 1;
      expect(got.some((e) => e.provinceId === otherProvince && e.actor?.id !== me)).toBe(false);
    });
  }

  it("a province's association sees the refused sign-ins of its own people, not of another province nor of unknown names", async () => {
    const managerId = String(await userIdOf('manager.13001'));
    const tehranFailures = (await read(tehran, '&action=auth.sign-in-failed')).items;
    expect(tehranFailures.some((e) => e.entityId === managerId)).toBe(false);
    expect(tehranFailures.some((e) => e.entityId === 'no.such.person')).toBe(false);
    const isfahanFailures = (await read(isfahan, '&action=auth.sign-in-failed')).items;
    expect(isfahanFailures.map((e) => e.entityId)).toContain(managerId);
  });

  it('the operator, the inspector and the citizen are refused (403)', async () => {
    for (const who of ['operator.11001', 'inspector.tehran'])
      expectProblem(await (await t.signInStaff(who)).get('/api/v1/audit/events'), 403, 'forbidden');
    expectProblem(await (await t.signInCitizen('09130000002')).get('/api/v1/audit/events'), 403, 'forbidden');
  });
});

describe('filters', () => {
  it('by what: only events of that action, as many as the chain holds', async () => {
    const [{ n }] = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'auth.sign-in'",
    );
    const res = await read(regulator, '&action=auth.sign-in');
    expect(res.total).toBeGreaterThanOrEqual(n);
    expect(new Set(res.items.map((e) => e.action))).toEqual(new Set(['auth.sign-in']));
  });

  it('by who: part of a username or a name matches the acting person only', async () => {
    const operatorId = await userIdOf('operator.11001');
    const byUsername = await read(regulator, '&who=operator.110');
    expect(byUsername.total).toBeGreaterThan(0);
    for (const e of byUsername.items) expect(e.actor?.id).toBe(operatorId);
    const [{ first_name }] = await t.query<{ first_name: string }>('select first_name from users where id = $1', [
      operatorId,
    ]);
    const byName = await read(regulator, `&who=${encodeURIComponent(first_name)}`);
    expect(byName.items.map((e) => e.actor?.id)).toContain(operatorId);
    for (const e of byName.items) expect(e.actor?.displayName).toContain(first_name);
    // A wildcard typed by a person matches itself, not everything.
    expect((await read(regulator, '&who=%25')).total).toBe(0);
  });

  it('by object: a kind and an id', async () => {
    const managerId = String(await userIdOf('manager.13001'));
    const res = await read(regulator, `&entityType=user&entityId=${managerId}`);
    expect(res.total).toBeGreaterThan(0);
    for (const e of res.items) expect([e.entityType, e.entityId]).toEqual(['user', managerId]);
  });

  it('by when: the Tehran days from and to, inclusive (Jalali, Persian digits accepted)', async () => {
    // The day of the newest sign-in, as the chain stamped it (the machine's time, by design).
    const [newest] = await t.query<{ seq: number; at: Date }>(
      "select seq::int as seq, at from audit_events where action = 'auth.sign-in' order by seq desc limit 1",
    );
    const day = tehranIsoDate(newest.at);
    const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));
    const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const that = await readAll(
      regulator,
      `&action=auth.sign-in&from=${encodeURIComponent(persian(jalali(day)))}&to=${jalali(day)}`,
    );
    expect(that.map((e) => e.seq)).toContain(newest.seq);
    for (const e of that) expect(tehranIsoDate(new Date(e.at))).toBe(day);
    expect((await read(regulator, `&from=${jalali(addDaysIso(day, 1))}`)).total).toBe(0);
    expect(
      (await read(regulator, `&action=auth.sign-in&to=${jalali(addDaysIso(day, -1))}`)).items.map((e) => e.seq),
    ).not.toContain(newest.seq);
  });

  it('a range that ends before it starts, and an unknown action, are field errors naming the field', async () => {
    const reversed = expectProblem(
      await regulator.get('/api/v1/audit/events?from=1405-02-10&to=1405-02-01'),
      400,
      'validation_failed',
    );
    expect(fieldErrors(reversed).to?.code).toBe('end_before_start');
    const unknown = expectProblem(
      await regulator.get('/api/v1/audit/events?action=filings.teleport'),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(unknown))).toEqual(['action']);
    const badDay = expectProblem(await regulator.get('/api/v1/audit/events?from=1405-13-40'), 400, 'validation_failed');
    expect(fieldErrors(badDay).from?.code).toBe('invalid_jalali_date');
  });
});
