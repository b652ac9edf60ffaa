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

const login = (username: string, password: string) =>
  t.anonymous().post('/api/v1/auth/staff/login', { username, password });
const smsTo = (mobile: string) =>
  t.query<{ body: string; template: string }>(
    'select body, template from notifier_outbox where recipient = $1 order by id',
    [mobile],
  );

function setCookie(res: { headers: Record<string, unknown> }, name: string): string {
  const all = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const found = all.find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${all.join(' | ')}`);
  return found;
}

describe('staff sign-in', () => {
  it('the right username and password start a session that /auth/me resolves', async () => {
    const client = t.anonymous();
    const res = await client.post('/api/v1/auth/staff/login', { username: 'manager.11001', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      kind: 'staff',
      username: 'manager.11001',
      roles: [{ role: 'office_manager', scope: { kind: 'office', officeId: 1 } }],
    });
    const me = await client.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('manager.11001');
  });

  it('usernames are matched case-insensitively and trimmed', async () => {
    expect((await login('  Manager.11001 ', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('a wrong password is refused with 401 invalid_credentials', async () => {
    expectProblem(await login('operator.11001', 'Wrong-password-1'), 401, 'invalid_credentials');
  });

  it('an unknown username gets exactly the same answer as a wrong password', async () => {
    const unknown = expectProblem(await login('nobody.here', 'Wrong-password-1'), 401, 'invalid_credentials');
    const wrong = expectProblem(await login('operator.11001', 'Wrong-password-1'), 401, 'invalid_credentials');
    expect({ ...unknown, instance: undefined }).toEqual({ ...wrong, instance: undefined });
  });

  it('the session cookie is httpOnly and SameSite, the CSRF cookie is readable by the page', async () => {
    const res = await login('operator.11001', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const session = setCookie(res, 'daftar_session');
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(session).toMatch(/;\s*Path=\//i);
    const csrf = setCookie(res, 'daftar_csrf');
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  });

  it('five failures lock the account: the fifth answers 429 account_locked with Retry-After', async () => {
    for (let i = 1; i <= 4; i++)
      expectProblem(await login('operator.13001', `Wrong-password-${i}`), 401, 'invalid_credentials');
    const fifth = await login('operator.13001', 'Wrong-password-5');
    const body = expectProblem(fifth, 429, 'account_locked');
    const retryAfter = Number(fifth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(body.retryAfterSeconds).toBe(retryAfter);
  });

  it('a locked account stays locked even with the right password', async () => {
    const res = await login('operator.13001', DEMO_PASSWORD);
    expectProblem(res, 429, 'account_locked');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a disabled account cannot sign in, and its open sessions stop working at once', async () => {
    const client = await t.signInStaff('clerk.isfahan');
    await t.query("update users set disabled = true where username = 'clerk.isfahan'");
    try {
      expectProblem(await client.get('/api/v1/auth/me'), 401, 'unauthenticated');
      expectProblem(await login('clerk.isfahan', DEMO_PASSWORD), 401, 'invalid_credentials');
    } finally {
      await t.query("update users set disabled = false where username = 'clerk.isfahan'");
    }
  });

  it('locking one account does not lock another', async () => {
    expect((await login('manager.13001', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('citizen sign-in with a one-time code', () => {
  it('asking for a code answers 202 with the masked number and puts an SMS with the code in the outbox', async () => {
    const res = await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09120000001' });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.sentTo).not.toContain('09120000001');
    expect(body).toMatchObject({ expiresInSeconds: 180, resendInSeconds: 60 });
    const sms = await smsTo('09120000001');
    expect(sms).toHaveLength(1);
    expect(sms[0].template).toBe('otp.sign-in');
    expect(sms[0].body).toMatch(/\(\d{6}\)/);
  });

  it('the code from the SMS signs the citizen in', async () => {
    const client = t.anonymous();
    const res = await client.post('/api/v1/auth/citizen/login', {
      mobile: '09120000001',
      code: await t.latestOtp('09120000001'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      kind: 'citizen',
      mobile: '09120000001',
      roles: [{ role: 'citizen', scope: { kind: 'own' } }],
    });
    expect((await client.get('/api/v1/citizens/me')).json()).toMatchObject({ nationalId: '0499370899' });
  });

  it('a code cannot be used twice', async () => {
    const code = await t.latestOtp('09120000001');
    expectProblem(
      await t.anonymous().post('/api/v1/auth/citizen/login', { mobile: '09120000001', code }),
      401,
      'invalid_code',
    );
  });

  it('a wrong code is refused with 401 invalid_code, and the right one still works afterwards', async () => {
    const client = t.anonymous();
    expect((await client.post('/api/v1/auth/citizen/otp', { mobile: '09130000002' })).statusCode).toBe(202);
    const code = await t.latestOtp('09130000002');
    const wrong = code === '000000' ? '111111' : '000000';
    expectProblem(
      await client.post('/api/v1/auth/citizen/login', { mobile: '09130000002', code: wrong }),
      401,
      'invalid_code',
    );
    expect((await client.post('/api/v1/auth/citizen/login', { mobile: '09130000002', code })).statusCode).toBe(200);
  });

  it('the code may be typed in Persian digits and the mobile with +98', async () => {
    const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    expect((await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '+989170000003' })).statusCode).toBe(202);
    const code = await t.latestOtp('09170000003');
    const res = await t
      .anonymous()
      .post('/api/v1/auth/citizen/login', { mobile: persian('09170000003'), code: persian(code) });
    expect(res.statusCode).toBe(200);
  });

  it('asking again too soon answers 429 otp_too_soon with Retry-After and sends nothing', async () => {
    // The last code of this number was used to sign in above: it holds nothing back.
    expect((await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09120000001' })).statusCode).toBe(202);
    const before = (await smsTo('09120000001')).length;
    const res = await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09120000001' });
    const body = expectProblem(res, 429, 'otp_too_soon');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.retryAfterSeconds).toBe(retryAfter);
    expect((await smsTo('09120000001')).length).toBe(before);
  });

  it('an expired code does not sign in', async () => {
    const client = t.anonymous();
    const [{ id }] = await t.query<{ id: number }>(
      "select id from otp_challenges where mobile = '09170000003' order by id desc limit 1",
    );
    const code = await t.latestOtp('09170000003');
    // The latest code was used above; make it fresh but expired, as if three minutes had passed unused.
    await t.query(
      "update otp_challenges set consumed_at = null, expires_at = $2::timestamptz - interval '1 second' where id = $1",
      [id, t.now()],
    );
    expectProblem(
      await client.post('/api/v1/auth/citizen/login', { mobile: '09170000003', code }),
      401,
      'invalid_code',
    );
  });

  it("five wrong codes lock the citizen's sign-in, even for the right code", async () => {
    const mobile = '09170000003';
    await t.query("update otp_challenges set created_at = $2::timestamptz - interval '2 minutes' where mobile = $1", [
      mobile,
      t.now(),
    ]);
    expect((await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile })).statusCode).toBe(202);
    const code = await t.latestOtp(mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    // One failure was already counted for the expired code above.
    for (let i = 0; i < 3; i++)
      expectProblem(
        await t.anonymous().post('/api/v1/auth/citizen/login', { mobile, code: wrong }),
        401,
        'invalid_code',
      );
    const locked = await t.anonymous().post('/api/v1/auth/citizen/login', { mobile, code: wrong });
    expectProblem(locked, 429, 'account_locked');
    expectProblem(await t.anonymous().post('/api/v1/auth/citizen/login', { mobile, code }), 429, 'account_locked');
  });

  it('an unknown mobile gets the same 202 answer but no SMS is sent', async () => {
    const known = await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09121000001' });
    const unknown = await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09359998877' });
    expect(unknown.statusCode).toBe(202);
    expect(Object.keys(unknown.json()).sort()).toEqual(['expiresInSeconds', 'resendInSeconds', 'sentTo']);
    expect(known.statusCode).toBe(202); // a staff member's mobile is not a citizen e-account either
    expect(await smsTo('09359998877')).toEqual([]);
    expect(await smsTo('09121000001')).toEqual([]);
    // …and no code typed for it signs anyone in.
    expectProblem(
      await t.anonymous().post('/api/v1/auth/citizen/login', { mobile: '09359998877', code: '123456' }),
      401,
      'invalid_code',
    );
  });

  it('an invalid mobile number is a 400 with the field named', async () => {
    const body = expectProblem(
      await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '0912' }),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual([expect.objectContaining({ field: 'mobile', code: 'invalid_mobile' })]);
  });
});

describe('sessions', () => {
  it('logout ends the session: the same cookie no longer resolves (me → 401)', async () => {
    const client = await t.signInStaff('association.tehran');
    const stolen = new Map(client.cookies);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expectProblem(await client.get('/api/v1/auth/me'), 401, 'unauthenticated');
    // Replaying the old cookie does not bring the session back.
    const replay = await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: Object.fromEntries(stolen) });
    expectProblem(replay, 401, 'unauthenticated');
  });

  it('logging out without a session is 401', async () => {
    expectProblem(await t.anonymous().post('/api/v1/auth/logout'), 401, 'unauthenticated');
  });

  it('an expired session is no session', async () => {
    const client = await t.signInStaff('judge.tehran');
    await t.query(
      "update sessions set expires_at = $1::timestamptz - interval '1 second' where user_id = (select id from users where username = 'judge.tehran')",
      [t.now()],
    );
    expectProblem(await client.get('/api/v1/auth/me'), 401, 'unauthenticated');
  });

  it('a made-up session cookie is treated as no session', async () => {
    expectProblem(
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { daftar_session: 'forged' } }),
      401,
      'unauthenticated',
    );
  });

  it('a write without x-csrf-token is refused with 403 csrf_failed and changes nothing', async () => {
    const client = await t.signInStaff('manager.11001');
    const before = await t.count('users');
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/users',
      csrf: false,
      body: {
        username: 'csrf.victim',
        password: 'Strong-pass-1403',
        firstName: 'الف',
        lastName: 'ب',
        nationalId: '0499370899',
        mobile: '09121112233',
        role: 'operator',
        officeId: 1,
      },
    });
    expectProblem(res, 403, 'csrf_failed');
    expect(await t.count('users')).toBe(before);
    expectProblem(
      await client.request({ method: 'POST', url: '/api/v1/auth/logout', csrf: false }),
      403,
      'csrf_failed',
    );
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it("a write with another session's CSRF token is refused", async () => {
    const a = await t.signInStaff('manager.11001');
    const b = await t.signInStaff('manager.11002');
    const res = await a.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      csrf: false,
      headers: { 'x-csrf-token': b.csrfToken! },
    });
    expectProblem(res, 403, 'csrf_failed');
  });

  it('a text/plain POST is refused with 415 (no cross-site form can reach the API)', async () => {
    const client = await t.signInStaff('manager.11001');
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/auth/staff/login',
      payload: JSON.stringify({ username: 'manager.11001', password: DEMO_PASSWORD }),
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('a form-encoded POST is refused with 415', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/staff/login',
      payload: `username=manager.11001&password=${DEMO_PASSWORD}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415, 'unsupported_media_type');
    const multipart = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/citizen/otp',
      payload: '--x\r\nContent-Disposition: form-data; name="mobile"\r\n\r\n09120000001\r\n--x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expectProblem(multipart, 415, 'unsupported_media_type');
  });
});
