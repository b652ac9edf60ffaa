/**
 * Ids in paths are PostgreSQL integers: one past their range (2147483648) is a 400 field error
 * naming the parameter, in Persian and English — never a 500 from the database — on every
 * endpoint of every contract whose path has an `{id}` (or another id), for a caller who may use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS } from '#server/contracts';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
beforeAll(async () => {
  t = await startTestServer();
  regulator = await t.signInStaff('regulator');
});
afterAll(async () => {
  await t?.stop();
});

/** Every endpoint with an id in its path: `:id`, `:attachmentId`, `:userId`, `:provinceId`, `:partyId`. */
const ID_PARAMS = ['id', 'attachmentId', 'userId', 'provinceId', 'partyId'];
const withIds = Object.values(CONTRACTS).flatMap((area) =>
  Object.entries(area.endpoints as Record<string, { method: string; path: string }>)
    .filter(([, e]) => ID_PARAMS.some((p) => e.path.includes(`:${p}`) && new RegExp(`:${p}(/|$)`).test(e.path)))
    .map(([name, e]) => ({ operation: `${area.tag}.${name}`, method: e.method, path: e.path })),
);

/** The path with every parameter filled: ids with `id`, anything else (a code, a date) with a plausible value. */
function pathWith(path: string, id: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (ID_PARAMS.includes(name)) return id;
    if (name === 'date') return '1405-02-15';
    if (name === 'kind') return 'decision';
    return 'petition';
  });
}

describe('an id past the database integers in a path', () => {
  it('the endpoints with ids in their paths are found (the list below is not empty by accident)', () => {
    expect(withIds.length).toBeGreaterThan(40);
    expect(withIds.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['filings.get', 'payments.get', 'offices.get', 'identity.setPassword']),
    );
  });

  it.each(withIds)('$operation ($method $path): 2147483648 is a 400 field error on the id, not a 500', async (e) => {
    const res = await regulator.request({
      method: e.method as 'GET',
      url: pathWith(e.path, '2147483648'),
      ...(e.method === 'GET' || e.method === 'DELETE' ? {} : { body: {} }),
    });
    const problem = expectProblem(res, 400);
    const fields = fieldErrors(problem);
    const named = ID_PARAMS.filter((p) => e.path.includes(`:${p}`));
    expect(
      named.some((p) => fields[p]),
      `${res.body.slice(0, 300)}`,
    ).toBe(true);
    const field = fields[named.find((p) => fields[p])!];
    expect(field.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect(field.message.en).toMatch(/[A-Za-z]/);
  });

  it('the largest integer is a valid id: not found, not a field error', async () => {
    expectProblem(await regulator.get('/api/v1/filings/2147483647'), 404, 'not_found');
    expectProblem(await regulator.get('/api/v1/payments/2147483647'), 404, 'not_found');
    expectProblem(await t.anonymous().get('/api/v1/offices/2147483647'), 404, 'not_found');
  });

  it('an id in Persian digits is read as the same id', async () => {
    const latin = await t.anonymous().get('/api/v1/offices/1');
    expect(latin.statusCode).toBe(200);
    const persian = await t.anonymous().get(`/api/v1/offices/${encodeURIComponent('۱')}`);
    expect(persian.statusCode).toBe(200);
    expect(persian.json().id).toBe(latin.json().id);
  });
});
