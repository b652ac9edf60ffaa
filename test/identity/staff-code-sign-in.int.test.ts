/**
 * When strangers' guesses spread over many addresses have locked a staff account (the ceiling over
 * all sources), its owner still signs in with a one-time code sent to the account's registered
 * mobile. The code's own limit of five checks holds however many guesses arrive at once, the
 * answer to a code request reveals no account, and each such sign-in is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { expectProblem } from '../support/problems';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const post = (url: string, body: Record<string, unknown>, remoteAddress: string) =>
  t.anonymous().request({ method: 'POST', url, body, remoteAddress });
const passwordSignIn = (username: string, password: string, remoteAddress: string) =>
  post('/api/v1/auth/staff/login', { username, password }, remoteAddress);
const askCode = (username: string, remoteAddress = '203.0.113.50') =>
  post('/api/v1/auth/staff/otp', { username }, remoteAddress);
const codeSignIn = (username: string, code: string, remoteAddress = '203.0.113.50') =>
  post('/api/v1/auth/staff/otp/login', { username, code }, remoteAddress);

async function mobileOf(username: string): Promise<string> {
  const [row] = await t.query<{ mobile: string }>('select mobile from users where username = $1', [username]);
  return row.mobile;
}

/** Twenty-one wrong passwords, each from an address of its own: the account's ceiling of twenty. */
async function lockFromManyAddresses(username: string) {
  for (let i = 0; i < 21; i++) {
    const res = await passwordSignIn(username, `Stranger-${i}`, `198.51.100.${10 + i}`);
    expect([401, 429], res.body).toContain(res.statusCode);
  }
  expectProblem(await passwordSignIn(username, DEMO_PASSWORD, '203.0.113.50'), 429, 'account_locked');
}

const wrongCode = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');

describe('the owner of a locked staff account', () => {
  it('signs in with the code sent to the registered mobile while the password sign-in stays locked, and the sign-in is audited', async () => {
    await lockFromManyAddresses('regulator');
    const mobile = await mobileOf('regulator');
    const outboxBefore = await t.count('notifier_outbox');

    const asked = await askCode('regulator');
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toEqual({ expiresInSeconds: 180, resendInSeconds: 60 });
    expect(await t.count('notifier_outbox')).toBe(outboxBefore + 1);
    const code = await t.latestOtp(mobile);

    expectProblem(await codeSignIn('regulator', wrongCode(code, 0)), 401, 'invalid_code');
    // Persian digits are accepted, as in the citizen's sign-in.
    const persian = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const signedIn = await codeSignIn('regulator', persian);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().user).toMatchObject({ kind: 'staff', username: 'regulator' });
    expect(String(signedIn.headers['set-cookie'])).toContain('daftar_session=');

    // The code is spent, and the password sign-in is still locked for everyone.
    expectProblem(await codeSignIn('regulator', code), 401, 'invalid_code');
    expectProblem(await passwordSignIn('regulator', DEMO_PASSWORD, '203.0.113.51'), 429, 'account_locked');

    const [event] = await t.query<{ actor_user_id: number; entity_id: string; data: Record<string, unknown> }>(
      "select actor_user_id::int, entity_id, data from audit_events where action = 'auth.staff-code-sign-in' order by seq desc limit 1",
    );
    const [{ id }] = await t.query<{ id: number }>("select id::int as id from users where username = 'regulator'");
    // Recorded like every sign-in (method, source, browser), and noting the locked password sign-in.
    expect(event).toMatchObject({
      actor_user_id: id,
      entity_id: String(id),
      data: { method: 'staff-code', ip: '203.0.113.50', passwordSignInLocked: true },
    });
  });

  it('a second code within a minute is refused with otp_too_soon and Retry-After', async () => {
    expect((await askCode('association')).statusCode).toBe(202);
    const again = expectProblem(await askCode('association', '203.0.113.99'), 429, 'otp_too_soon');
    expect(again.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('asking for a staff code reveals no account', () => {
  it('an unknown username gets the same answer and no SMS is sent', async () => {
    const before = await t.count('notifier_outbox');
    const res = await askCode('nobody.here');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ expiresInSeconds: 180, resendInSeconds: 60 });
    expect(await t.count('notifier_outbox')).toBe(before);
    expectProblem(await askCode('nobody.here', '203.0.113.98'), 429, 'otp_too_soon');
    expectProblem(await codeSignIn('nobody.here', '123456'), 401, 'invalid_code');
  });

  it("a citizen's sign-in code does not sign a staff member in, nor the other way round", async () => {
    expect((await askCode('judge.tehran', '203.0.113.60')).statusCode).toBe(202);
    const code = await t.latestOtp(await mobileOf('judge.tehran'));
    const citizenLogin = await post(
      '/api/v1/auth/citizen/login',
      { mobile: await mobileOf('judge.tehran'), code },
      '203.0.113.60',
    );
    expect(citizenLogin.statusCode).toBe(401);
    expect((await codeSignIn('judge.tehran', code, '203.0.113.60')).statusCode).toBe(200);
  });
});

describe('parallel guessing of a staff code', () => {
  it('fifty wrong codes at once from fifty addresses are checked at most five times, and the right code sent after them is refused', async () => {
    const mobile = await mobileOf('inspector.tehran');
    expect((await askCode('inspector.tehran', '203.0.113.70')).statusCode).toBe(202);
    const code = await t.latestOtp(mobile);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => codeSignIn('inspector.tehran', wrongCode(code, i), `192.0.2.${100 + i}`)),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(0);
    expect(new Set(responses.map((r) => r.json().code))).toEqual(new Set(['invalid_code']));
    const [{ attempts }] = await t.query<{ attempts: number }>(
      "select attempts from otp_challenges where purpose like 'staff-sign-in:%' and mobile = $1 order by id desc limit 1",
      [mobile],
    );
    expect(attempts).toBe(5);
    expectProblem(await codeSignIn('inspector.tehran', code, '203.0.113.70'), 401, 'invalid_code');
  });

  it('the right code sent five times at once opens exactly one session, with one audit event', async () => {
    const mobile = await mobileOf('clerk.isfahan');
    expect((await askCode('clerk.isfahan', '203.0.113.80')).statusCode).toBe(202);
    const code = await t.latestOtp(mobile);
    const count = async (sql: string) => (await t.query<{ n: number }>(sql, [mobile]))[0].n;
    const sessionsSql =
      'select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.mobile = $1';
    const eventsSql =
      "select count(*)::int as n from audit_events e join users u on u.id = e.actor_user_id where e.action = 'auth.staff-code-sign-in' and u.mobile = $1";
    const [sessionsBefore, eventsBefore] = [await count(sessionsSql), await count(eventsSql)];
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => codeSignIn('clerk.isfahan', code, `203.0.113.${81 + i}`)),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401, 401]);
    expect(await count(sessionsSql)).toBe(sessionsBefore + 1);
    expect(await count(eventsSql)).toBe(eventsBefore + 1);
  });

  it('five wrong codes from one address lock that address out of the code sign-in', async () => {
    for (let i = 0; i < 4; i++)
      expectProblem(await codeSignIn('clerk.tehran', '000000', '198.51.100.200'), 401, 'invalid_code');
    expectProblem(await codeSignIn('clerk.tehran', '000000', '198.51.100.200'), 429, 'account_locked');
  });
});
