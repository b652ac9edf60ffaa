/**
 * Code requests sent all at once: the one-minute wait between codes holds under any concurrency,
 * because the check and the new code are one critical section per mobile and purpose. Exactly one
 * request sends an SMS; the others are told to wait. A code that was used does not hold the next
 * one back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'light-my-request';
import { mobile as freshMobile } from '../support/fixtures';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
beforeAll(async () => {
  t = await startTestServer();
  operator = await t.signInStaff('operator.11001');
});
afterAll(async () => {
  await t?.stop();
});

const PARALLEL = 10;

const smsTo = async (mobile: string, template: string) =>
  (
    await t.query<{ n: number }>(
      'select count(*)::int as n from notifier_outbox where recipient = $1 and template = $2',
      [mobile, template],
    )
  )[0].n;

/** One answer 202; every other one is 429 otp_too_soon problem+json with a Retry-After of 1…60 seconds. */
function expectOneSent(responses: Response[]) {
  expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([
    202,
    ...Array.from({ length: PARALLEL - 1 }, () => 429),
  ]);
  for (const refused of responses.filter((r) => r.statusCode === 429)) {
    const body = expectProblem(refused, 429, 'otp_too_soon');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.retryAfterSeconds).toBe(retryAfter);
  }
}

describe('a citizen’s sign-in code', () => {
  const mobile = '09120000001';
  const ask = (i: number) =>
    t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/citizen/otp',
      body: { mobile },
      // Each from an address of its own, as from several devices at once.
      remoteAddress: `198.51.100.${20 + i}`,
    });

  it('ten requests at once for one mobile send exactly one SMS; the other nine are told to wait', async () => {
    const responses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => ask(i)));
    expectOneSent(responses);
    expect(await smsTo(mobile, 'otp.sign-in')).toBe(1);
    const [{ n }] = await t.query<{ n: number }>(
      "select count(*)::int as n from otp_challenges where mobile = $1 and purpose = 'sign-in'",
      [mobile],
    );
    expect(n).toBe(1);
  });

  it('once the code has signed the citizen in, a new code may be asked for at once', async () => {
    const client = t.anonymous();
    const signedIn = await client.post('/api/v1/auth/citizen/login', { mobile, code: await t.latestOtp(mobile) });
    expect(signedIn.statusCode, signedIn.body).toBe(200);

    const again = await ask(0);
    expect(again.statusCode, again.body).toBe(202);
    expect(await smsTo(mobile, 'otp.sign-in')).toBe(2);
    // The new code is unused: it holds the next one back for the rest of the minute.
    expectProblem(await ask(1), 429, 'otp_too_soon');
    expect(await smsTo(mobile, 'otp.sign-in')).toBe(2);
  });

  it('a number with no e-account is held to the same wait, and no SMS goes anywhere', async () => {
    const unknown = '09359999001';
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: unknown })),
    );
    expectOneSent(responses);
    expect(await smsTo(unknown, 'otp.sign-in')).toBe(0);
  });
});

describe('a mobile confirmation code at the counter', () => {
  it('ten requests at once for one mobile send exactly one SMS; the other nine are told to wait', async () => {
    const mobile = freshMobile();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => operator.post('/api/v1/eaccounts/mobile-code', { mobile })),
    );
    expectOneSent(responses);
    expect(await smsTo(mobile, 'otp.mobile-confirm')).toBe(1);
  });

  it('a code for one purpose does not hold back a code for another', async () => {
    const mobile = freshMobile();
    expect((await operator.post('/api/v1/eaccounts/mobile-code', { mobile })).statusCode).toBe(202);
    const signIn = await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile });
    expect(signIn.statusCode, signIn.body).toBe(202);
  });
});

describe('a staff member’s sign-in code', () => {
  const username = 'judge.tehran';
  const ask = (i: number) =>
    t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/staff/otp',
      body: { username },
      remoteAddress: `203.0.113.${20 + i}`,
    });

  it('ten requests at once send exactly one SMS, and once it has signed in a new code may be asked for at once', async () => {
    const [{ mobile }] = await t.query<{ mobile: string }>('select mobile from users where username = $1', [username]);
    const before = await smsTo(mobile, 'otp.sign-in');
    expectOneSent(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => ask(i))));
    expect(await smsTo(mobile, 'otp.sign-in')).toBe(before + 1);

    const signedIn = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/staff/otp/login',
      body: { username, code: await t.latestOtp(mobile) },
      remoteAddress: '203.0.113.20',
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const again = await ask(0);
    expect(again.statusCode, again.body).toBe(202);
    expect(await smsTo(mobile, 'otp.sign-in')).toBe(before + 2);
    expectProblem(await ask(1), 429, 'otp_too_soon');
  });
});
