import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Response, type TestServer } from '../support/test-server';

let t: TestServer;
/** Every answer of this file, for the sweeping checks at the end. */
const answers: Response[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

async function send(options: Parameters<TestServer['inject']>[0]): Promise<Response> {
  const res = await t.inject(options);
  answers.push(res);
  return res;
}
const postRaw = (url: string, payload: string | Buffer, contentType = 'application/json') =>
  send({ method: 'POST', url, payload, headers: { 'content-type': contentType } });

describe('request bodies', () => {
  it('malformed JSON is 400 malformed_json', async () => {
    expectProblem(
      await postRaw('/api/v1/auth/staff/login', '{"username": "regulator", "password": '),
      400,
      'malformed_json',
    );
    expectProblem(await postRaw('/api/v1/auth/staff/login', "{'username': 'regulator'}"), 400, 'malformed_json');
  });

  it('an empty body declared as JSON is 400 malformed_json', async () => {
    expectProblem(await postRaw('/api/v1/auth/staff/login', ''), 400, 'malformed_json');
  });

  it('a JSON prototype-pollution attempt is refused with a 400 problem', async () => {
    expectProblem(
      await postRaw('/api/v1/auth/staff/login', '{"__proto__": {"admin": true}, "username": "a", "password": "b"}'),
      400,
    );
  });

  it('values of the wrong type are 400 validation_failed with one error per field', async () => {
    const problem = expectProblem(
      await postRaw('/api/v1/auth/staff/login', JSON.stringify({ username: 5, password: true })),
      400,
      'validation_failed',
    );
    const errors = fieldErrors(problem);
    expect(errors.username.code).toBe('invalid_type');
    expect(errors.password.code).toBe('invalid_type');
    expect(errors.username.message.fa).toBe('نوع مقدار نادرست است.');
  });

  it('a JSON array where an object is expected is a validation problem, not a crash', async () => {
    expectProblem(await postRaw('/api/v1/auth/staff/login', '[1, 2, 3]'), 400, 'validation_failed');
    expectProblem(await postRaw('/api/v1/auth/staff/login', 'null'), 400);
  });

  it('null is a value of the wrong type, not a missing one', async () => {
    const problem = expectProblem(
      await postRaw('/api/v1/auth/staff/login', JSON.stringify({ username: null, password: 'x' })),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).username.code).toBe('invalid_type');
  });

  it('missing fields are named as required', async () => {
    const problem = expectProblem(await postRaw('/api/v1/auth/staff/login', '{}'), 400, 'validation_failed');
    expect(fieldErrors(problem)).toMatchObject({ username: { code: 'required' }, password: { code: 'required' } });
  });

  it('an empty text that needs a few characters is named as required; one character too few is too short', async () => {
    const citizen = await t.signInCitizen('09120000001');
    const start = (subject: string) =>
      citizen.post('/api/v1/arbitrations', {
        agreementKind: 'separate',
        subjectKind: 'contract',
        subject,
        arbitratorCount: 1,
        selection: 'parties',
        term: null,
        seatOfficeId: 1,
        awardNotice: 'e_notice',
        respondents: [{ nationalId: '1290000018', mobile: '09130000002' }],
        fee: { basis: 'scale', claimRials: 100_000_000, payers: 'equal' },
      });
    for (const blank of ['', '   ']) {
      const subject = fieldErrors(expectProblem(await start(blank), 400, 'validation_failed')).subject;
      expect(subject.code).toBe('required');
      expect(subject.message.fa).toBe('این فیلد الزامی است.');
    }
    const short = fieldErrors(expectProblem(await start('x'), 400, 'validation_failed')).subject;
    expect(short.code).toBe('too_short');
  });

  it('a blank text that must match a pattern is named as required, a misformatted one as invalid_format', async () => {
    const association = await t.signInStaff('association');
    const course = (code: string) =>
      association.post('/api/v1/training/courses', {
        code,
        titleFa: 'دوره',
        titleEn: 'Course',
        kind: 'general',
        hours: 8,
      });
    for (const blank of ['', '  ']) {
      const code = fieldErrors(expectProblem(await course(blank), 400, 'validation_failed')).code;
      expect(code.code).toBe('required');
      expect(code.message.fa).toBe('این فیلد الزامی است.');
    }
    expect(fieldErrors(expectProblem(await course('ک'), 400, 'validation_failed')).code.code).toBe('invalid_format');
  });

  it('query strings of the wrong type are 400 with the parameter named', async () => {
    const problem = expectProblem(await send('/api/v1/offices?page=abc&pageSize=5000'), 400, 'validation_failed');
    expect(Object.keys(fieldErrors(problem)).sort()).toEqual(['page', 'pageSize']);
  });

  it('a body over 1 MiB is 413 payload_too_large', async () => {
    const big = JSON.stringify({ username: 'x', password: 'y'.repeat(1_100_000) });
    expectProblem(await postRaw('/api/v1/auth/staff/login', big), 413, 'payload_too_large');
  });

  it('a body just under the limit is parsed and validated normally', async () => {
    const almost = JSON.stringify({ username: 'x', password: 'y'.repeat(1_000_000) });
    const problem = expectProblem(await postRaw('/api/v1/auth/staff/login', almost), 400, 'validation_failed');
    expect(fieldErrors(problem).password.code).toBe('too_long');
  });

  it('a body in another media type is 415 unsupported_media_type', async () => {
    expectProblem(await postRaw('/api/v1/auth/staff/login', 'username=a', 'text/plain'), 415, 'unsupported_media_type');
    expectProblem(await postRaw('/api/v1/auth/staff/login', '<a/>', 'application/xml'), 415, 'unsupported_media_type');
  });
});

describe('routes and methods', () => {
  it('an unknown API route is 404 route_not_found', async () => {
    const problem = expectProblem(await send('/api/v1/no-such-thing'), 404, 'route_not_found');
    expect(problem.instance).toBe('/api/v1/no-such-thing');
    expectProblem(
      await send({
        method: 'POST',
        url: '/api/v2/users',
        payload: '{}',
        headers: { 'content-type': 'application/json' },
      }),
      404,
      'route_not_found',
    );
  });

  it('an unknown path outside the API is 404 as a problem too (no web build in tests)', async () => {
    expectProblem(await send('/no-such-file.js'), 404, 'route_not_found');
  });

  it('a known path with the wrong method is 405 with an Allow header listing the methods it supports', async () => {
    const res = await send({ method: 'DELETE', url: '/api/v1/users' });
    expectProblem(res, 405, 'method_not_allowed');
    const allow = String(res.headers.allow).split(/,\s*/);
    expect(allow).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(allow).not.toContain('DELETE');

    const one = await send({
      method: 'PUT',
      url: '/api/v1/offices/4',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(one, 405, 'method_not_allowed');
    expect(String(one.headers.allow).split(/,\s*/)).toContain('GET');
    expect(String(one.headers.allow)).not.toMatch(/PUT|POST/);
  });

  it('a 405 never lists the method that was used: a path that differs by a trailing slash is 404', async () => {
    expectProblem(await send('/api/v1/users/'), 404, 'route_not_found');
    expectProblem(await send('/api/v1/offices/4/'), 404, 'route_not_found');
    for (const [method, url] of [
      ['DELETE', '/api/v1/users'],
      ['PATCH', '/api/v1/offices/4'],
      ['OPTIONS', '/api/v1/offices'],
    ] as const) {
      const res = await send({ method, url });
      expectProblem(res, 405, 'method_not_allowed');
      expect(String(res.headers.allow).split(/,\s*/)).not.toContain(method);
    }
  });

  it('a non-numeric path id is a 400 on the parameter', async () => {
    const problem = expectProblem(await send('/api/v1/offices/abc'), 400, 'validation_failed');
    expect(problem.errors?.[0].field).toBe('id');
  });

  it('a missing record is 404 not_found', async () => {
    expectProblem(await send('/api/v1/offices/99999'), 404, 'not_found');
  });

  it('a malformed URL is a problem, not a framework page', async () => {
    const res = await send('/api/v1/offices/%E0%A4%A');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectProblem(res, res.statusCode);
  });
});

describe('failures inside the server', () => {
  it('a database failure is 500 internal with no stack trace, SQL or table names', async () => {
    await t.query('alter table offices rename to offices_away');
    try {
      const res = await send('/api/v1/offices');
      const problem = expectProblem(res, 500, 'internal');
      expect(JSON.stringify({ ...problem, instance: undefined })).not.toMatch(
        /offices|relation|select|postgres|pglite|sql/i,
      );
      expect(problem.detail).toBeUndefined();
    } finally {
      await t.query('alter table offices_away rename to offices');
    }
    expect((await send('/api/v1/offices')).statusCode).toBe(200);
  });
});

describe('every error answer', () => {
  it('is application/problem+json and never carries a stack trace', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const res of answers) {
      expectNoStackTrace(res);
      if (res.statusCode >= 400)
        expect(String(res.headers['content-type']), `${res.statusCode} ${res.body.slice(0, 100)}`).toMatch(
          /^application\/problem\+json/,
        );
    }
  });
});
