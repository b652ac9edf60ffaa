/**
 * Guesses sent all at once: the lock-out's limit of five holds under any concurrency, because an
 * attempt is claimed (atomically) before its password or code is checked.
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

const GUESSES = 60;
const codesOf = (responses: { json(): { code?: string } }[]) => responses.map((r) => r.json().code);
const count = (codes: (string | undefined)[], code: string) => codes.filter((c) => c === code).length;

describe('parallel guessing', () => {
  it('sixty wrong passwords at once evaluate at most five, and the right password sent last is refused', async () => {
    const guesses = Array.from({ length: GUESSES }, (_, i) =>
      i === GUESSES - 1 ? DEMO_PASSWORD : `Wrong-password-${i}`,
    );
    const responses = await Promise.all(
      guesses.map((password) => t.anonymous().post('/api/v1/auth/staff/login', { username: 'judge.tehran', password })),
    );
    const codes = codesOf(responses);
    // The first four failures answer 401; the fifth locks the account; every other guess is turned away unchecked.
    expect(count(codes, 'invalid_credentials')).toBeLessThanOrEqual(4);
    expect(count(codes, 'account_locked')).toBeGreaterThanOrEqual(GUESSES - 5);
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(0);
    expect(codes.filter((c) => c !== 'invalid_credentials' && c !== 'account_locked')).toEqual([]);
    expectProblem(
      await t.anonymous().post('/api/v1/auth/staff/login', { username: 'judge.tehran', password: DEMO_PASSWORD }),
      429,
      'account_locked',
    );
  });

  it('sixty wrong one-time codes at once are checked at most five times, and the right code sent last is refused', async () => {
    const mobile = '09120000001';
    expect((await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile })).statusCode).toBe(202);
    const code = await t.latestOtp(mobile);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const guesses = Array.from({ length: GUESSES }, (_, i) => (i === GUESSES - 1 ? code : wrong(i)));
    const responses = await Promise.all(
      guesses.map((c) => t.anonymous().post('/api/v1/auth/citizen/login', { mobile, code: c })),
    );
    const codes = codesOf(responses);
    expect(count(codes, 'invalid_code')).toBeLessThanOrEqual(4);
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(0);
    expect(codes.filter((c) => c !== 'invalid_code' && c !== 'account_locked')).toEqual([]);
    const [{ attempts }] = await t.query<{ attempts: number }>(
      'select attempts from otp_challenges where mobile = $1 order by id desc limit 1',
      [mobile],
    );
    expect(attempts).toBeLessThanOrEqual(5);
  });

  it('an owner who signs in within the limit is not held back by the attempts before', async () => {
    for (let i = 0; i < 4; i++)
      expectProblem(
        await t.anonymous().post('/api/v1/auth/staff/login', { username: 'clerk.tehran', password: `Wrong-${i}` }),
        401,
        'invalid_credentials',
      );
    expect(
      (await t.anonymous().post('/api/v1/auth/staff/login', { username: 'clerk.tehran', password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(200);
    // A success gives the window back.
    for (let i = 0; i < 4; i++)
      expectProblem(
        await t
          .anonymous()
          .post('/api/v1/auth/staff/login', { username: 'clerk.tehran', password: `Wrong-again-${i}` }),
        401,
        'invalid_credentials',
      );
  });
});

describe('a stranger cannot lock the owner out', () => {
  const login = (password: string, remoteAddress: string) =>
    t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/staff/login',
      body: { username: 'regulator', password },
      remoteAddress,
    });

  it('five wrong passwords from one address lock that address, not the owner at theirs', async () => {
    for (let i = 1; i <= 4; i++) expectProblem(await login(`Wrong-${i}`, '198.51.100.7'), 401, 'invalid_credentials');
    expectProblem(await login('Wrong-5', '198.51.100.7'), 429, 'account_locked');
    expectProblem(await login(DEMO_PASSWORD, '198.51.100.7'), 429, 'account_locked');
    expect((await login(DEMO_PASSWORD, '203.0.113.20')).statusCode).toBe(200);
  });

  it("guesses spread over many addresses stop at the account's ceiling of twenty, for every address", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await login(`Spread-${i}`, `198.51.100.${100 + i}`);
      expect([401, 429], res.body).toContain(res.statusCode);
    }
    expectProblem(await login(DEMO_PASSWORD, '203.0.113.21'), 429, 'account_locked');
  });
});

describe('the per-address limit on sign-in and code requests', () => {
  it('lets thirty requests a minute through from one address, answers the rest 429 with Retry-After, and counts each address apart', async () => {
    const limited = await startTestServer({ env: { DAFTAR_SIGN_IN_RATE_PER_MINUTE: '30' } });
    try {
      const ask = (i: number, remoteAddress: string) =>
        limited.anonymous().request({
          method: 'POST',
          url: '/api/v1/auth/citizen/otp',
          body: { mobile: `0935${1_000_000 + i}` },
          remoteAddress,
        });
      // All at once: the count is one statement in the database, so exactly thirty pass.
      const answers = await Promise.all(Array.from({ length: 45 }, (_, i) => ask(i, '192.0.2.1')));
      expect(answers.filter((r) => r.statusCode === 202)).toHaveLength(30);
      const refused = answers.filter((r) => r.statusCode === 429);
      expect(refused).toHaveLength(15);
      const body = expectProblem(refused[0], 429, 'rate_limited');
      expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
      expect(body.message.fa).toMatch(/درخواست/);
      // Staff sign-in shares the address's budget.
      expectProblem(
        await limited.anonymous().request({
          method: 'POST',
          url: '/api/v1/auth/staff/login',
          body: { username: 'regulator', password: DEMO_PASSWORD },
          remoteAddress: '192.0.2.1',
        }),
        429,
        'rate_limited',
      );
      expect((await ask(99, '192.0.2.2')).statusCode).toBe(202);
    } finally {
      await limited.stop();
    }
  });
});
