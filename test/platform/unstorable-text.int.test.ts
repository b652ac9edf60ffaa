/**
 * A NUL character or a lone surrogate in any text input is a 400 field error naming the field,
 * never a 500 — on public operations as on signed-in ones, in the body, the query or the path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';

describe('text PostgreSQL cannot store', () => {
  for (const [name, bad] of [
    ['a NUL character', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ] as const) {
    it(`${name} in the staff sign-in's username is a field error, not a 500`, async () => {
      const body = expectProblem(
        await t.anonymous().post('/api/v1/auth/staff/login', { username: bad, password: 'whatever-1' }),
        400,
        'validation_failed',
      );
      expect(fieldErrors(body).username.code).toBe('invalid_characters');
      expect(fieldErrors(body).username.message.fa).toMatch(/نویسه/);
    });

    it(`${name} deep in a signed-in body names the nested field`, async () => {
      const operator = await t.signInStaff('operator.11001');
      const res = await operator.post('/api/v1/filings', {
        serviceCode: 'petition',
        subject: 'x',
        parties: [{ kind: 'named', role: 'plaintiff', name: bad }],
      });
      expect(fieldErrors(expectProblem(res, 400, 'validation_failed'))['parties.0.name'].code).toBe(
        'invalid_characters',
      );
    });
  }

  it('a NUL character in a query string is a field error naming the parameter', async () => {
    const directory = expectProblem(
      await t.anonymous().get(`/api/v1/offices?q=${encodeURIComponent(NUL)}`),
      400,
      'validation_failed',
    );
    expect(fieldErrors(directory).q.code).toBe('invalid_characters');
    const finder = expectProblem(
      await t.anonymous().get(`/api/v1/geo/finder?service=${encodeURIComponent(NUL)}&provinceId=1`),
      400,
      'validation_failed',
    );
    expect(fieldErrors(finder).service.code).toBe('invalid_characters');
  });

  it('a surrogate encoded into a URL (bytes that are not UTF-8) is never a 500', async () => {
    for (const url of [
      '/api/v1/offices?q=a%ED%A0%80b',
      '/api/v1/geo/finder?service=%ED%A0%80&provinceId=1',
      '/api/v1/offices/%ED%A0%80',
    ]) {
      expect((await t.anonymous().get(url)).statusCode, url).toBeLessThan(500);
    }
  });

  it('a NUL in a path parameter is never a 500', async () => {
    const res = await t.anonymous().get(`/api/v1/deadlines/rules/${encodeURIComponent(NUL)}`);
    expect(res.statusCode).toBeLessThan(500);
  });

  it("the payment gateway's callback is still recorded when it carries such text, with that text replaced", async () => {
    const before = await t.count('payment_callbacks');
    const res = await t
      .anonymous()
      .post(`/api/v1/payments/callback/sandbox`, { token: `tok${NUL}`, outcome: LONE_SURROGATE });
    expect(expectProblem(res, 400, 'payment_callback_rejected').verdict).toBe('unknown');
    expect(await t.count('payment_callbacks')).toBe(before + 1);
    const [row] = await t.query<{ payload: Record<string, string> }>(
      'select payload from payment_callbacks order by id desc limit 1',
    );
    expect(row.payload).toEqual({ token: 'toka\uFFFDb', outcome: 'a\uFFFDb' });
    // A NUL in the gateway's name is an unknown gateway, recorded the same way.
    expectProblem(
      await t.anonymous().post(`/api/v1/payments/callback/${encodeURIComponent(NUL)}`, {}),
      400,
      'payment_callback_rejected',
    );
  });

  it("the payment gateway's callback is recorded, not a 500, when it nests values deeply or hides a NUL inside them", async () => {
    const before = await t.count('payment_callbacks');
    const deep = `{"token":"x","a":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/payments/callback/sandbox',
      payload: deep,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400, 'payment_callback_rejected');
    const nested = await t
      .anonymous()
      .post('/api/v1/payments/callback/sandbox', { token: 'x', extra: { inner: [NUL, { [LONE_SURROGATE]: 1 }] } });
    expectProblem(nested, 400, 'payment_callback_rejected');
    expect(await t.count('payment_callbacks')).toBe(before + 2);
    const [row] = await t.query<{ payload: Record<string, unknown> }>(
      'select payload from payment_callbacks order by id desc limit 1',
    );
    expect(row.payload).toEqual({ token: 'x', extra: { inner: ['a\uFFFDb', { 'a\uFFFDb': 1 }] } });
  });

  it('Persian text, Arabic digits and emoji pass through untouched', async () => {
    const res = await t.anonymous().get(`/api/v1/offices?q=${encodeURIComponent('تهران ٠١ 👋')}`);
    expect(res.statusCode).toBe(200);
  });
});
