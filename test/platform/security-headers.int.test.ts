/** Browser security headers on every kind of response: the API, the web UI, printable pages, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const directives = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('security headers', () => {
  it('every answer — a page of data, a problem, an unknown path — forbids sniffing and framing and keeps the referrer on the site', async () => {
    for (const url of ['/api/health', '/api/v1/offices', '/api/v1/nothing-here', '/api/v1/auth/me']) {
      const res = await t.anonymous().get(url);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(directives(res.headers['content-security-policy']).get('frame-ancestors'), url).toEqual(["'none'"]);
    }
  });

  it("the Content-Security-Policy runs only the site's own scripts: no inline script, no eval, no other origin", async () => {
    const csp = directives((await t.anonymous().get('/api/health')).headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
  });

  it('HSTS is sent only on requests that came over TLS: here, at a proxy the server was told to trust', async () => {
    const viaTls = { 'x-forwarded-proto': 'https' };
    expect((await t.anonymous().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    // An untrusted client cannot claim TLS for itself.
    expect((await t.anonymous().get('/api/health', viaTls)).headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await startTestServer({ env: { DAFTAR_TRUST_PROXY: '1' } });
    try {
      expect((await behindProxy.anonymous().get('/api/health', viaTls)).headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect((await behindProxy.anonymous().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.stop();
    }
  });
});

describe('a page the web UI frames itself', () => {
  it("the filing's print view may be framed by this site only; the API around it by no one", async () => {
    const operator = await t.signInStaff('operator.11001');
    const created = await operator.post('/api/v1/filings', {
      service: 'petition',
      applicantCitizenId: 1,
      courtId: 1,
      branch: 3,
      subject: 'مطالبهٔ وجه چک',
      facts: 'خوانده وجه چک را نپرداخته است.',
      parties: [
        { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
        { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
      ],
      claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const print = await operator.get(`/api/v1/filings/${created.json().id}/print`);
    expect(print.statusCode).toBe(200);
    expect(directives(print.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'self'"]);
    expect(print.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(directives(print.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    expect((await operator.get(`/api/v1/filings/${created.json().id}`)).headers['x-frame-options']).toBe('DENY');
  });
});
