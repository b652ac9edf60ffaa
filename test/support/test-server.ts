/**
 * A Daftar server for one integration test file: a fresh database cloned from the template that
 * `test/global-setup.ts` built (PGlite data-dir dump, or a PostgreSQL template database), the real
 * `startServer` without a listening socket, and clients that sign in the way the web app does
 * (cookies kept, `x-csrf-token` and JSON on writes). Requests go through Fastify's `inject`.
 * The server's clock starts at TEST_NOW (support/test-clock.ts), the day the template was seeded on;
 * tests reach "now" and "today" through `now()` and `today()`, never the machine's date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, Response } from 'light-my-request';
import { tehranIsoDate } from '#core/jalali';
import type { Database } from '#server/db/client';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { clockStartingAt, type Clock } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { CSRF_COOKIE } from '#server/platform/http/session-hook';
import type { SmsTransport } from '#server/platform/notifier/notifier';
import { startServer, type RunningServer, type StartOptions } from '#server/server';
import { cloneTemplate } from './databases';
import { TEST_NOW } from './test-clock';

export type { Response } from 'light-my-request';

export interface TestServerOptions {
  /** Where SMS go (default: the outbox transport, silent). */
  transport?: SmsTransport;
  /** Job queue tuning, e.g. short retry delays. */
  jobs?: StartOptions['jobs'];
  /** Extra configuration variables (NODE_ENV, DAFTAR_RUN_JOBS …). */
  env?: Record<string, string>;
  /**
   * The server's clock. Default: starting at TEST_NOW, the instant the template was seeded at, and
   * running on from there; pass e.g. `clockStartingAt(later)` for a test about another day.
   */
  clock?: Clock;
  /** Ports other than the composition's (a court gateway that refuses, a second bank…). */
  ports?: StartOptions['ports'];
  /** Also listen on a free port of 127.0.0.1 (`server.url`), for tests over a real socket. */
  listen?: boolean;
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RequestOptions {
  method: Method;
  url: string;
  /** Sent as JSON (content-type set) unless `payload` is given. */
  body?: unknown;
  /** A raw body, sent as is with the given headers. */
  payload?: string | Buffer | import('node:stream').Readable;
  headers?: Record<string, string>;
  /** Send the CSRF header on writes (default true). */
  csrf?: boolean;
  /** Keep the cookies the answer sets (default true; false keeps this client who it is). */
  keepCookies?: boolean;
  /** The address the request comes from (default 127.0.0.1). */
  remoteAddress?: string;
}

const WRITE_METHODS = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A browser-like client: keeps the cookies the server sets and echoes the CSRF token on writes. */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly server: RunningServer,
    readonly label: string,
  ) {}

  get csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }

  async request(options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined && options.payload === undefined) headers['content-type'] = 'application/json';
    if (WRITE_METHODS.has(options.method) && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    Object.assign(headers, options.headers);
    const injectOptions: InjectOptions = {
      method: options.method,
      url: options.url,
      headers,
      cookies: Object.fromEntries(this.cookies),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      ...(options.payload !== undefined
        ? { payload: options.payload }
        : options.body !== undefined
          ? { payload: JSON.stringify(options.body) }
          : {}),
    };
    const response = await this.server.app.inject(injectOptions);
    if (options.keepCookies !== false) this.keepCookies(response);
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, body, headers });
  }

  private keepCookies(response: Response) {
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

export interface TestServer {
  server: RunningServer;
  database: Database;
  kind: Database['kind'];
  /** Fastify's `app.inject`, no cookies. */
  inject(options: InjectOptions | string): Promise<Response>;
  /** A client without a session. */
  anonymous(): Client;
  signInStaff(username: string, password?: string): Promise<Client>;
  signInCitizen(mobile: string): Promise<Client>;
  /** The latest sign-in code sent to a mobile, read from the SMS body in the outbox. */
  latestOtp(mobile: string): Promise<string>;
  /** The server's clock's now: what "now" and "today" mean to the server under test. */
  now(): Date;
  /** The server's today in Tehran (ISO `YYYY-MM-DD`). */
  today(): string;
  /** Raw SQL on the test database (for assertions, and for tampering like an intruder would). */
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  count(table: string): Promise<number>;
  stop(): Promise<void>;
}

/** Starts a server on a fresh copy of the seeded template; share one per test file and stop it in afterAll. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clone = await cloneTemplate({ poolSize: 5 });
  // The audit anchor's key and checkpoints of this server alone, removed with it.
  const auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-audit-'));
  const { database } = clone;
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DAFTAR_NOTIFIER_CONSOLE: '0',
    DAFTAR_SEED_DEMO: '0',
    // Every test signs in from 127.0.0.1; the per-address limit has its own tests.
    DAFTAR_SIGN_IN_RATE_PER_MINUTE: '100000',
    DAFTAR_WEB_DIST: path.join(os.tmpdir(), 'daftar-int-no-web'),
    DAFTAR_AUDIT_DIR: auditDir,
    ...options.env,
  });
  let server: RunningServer;
  try {
    server = await startServer(config, {
      database,
      listen: options.listen ?? false,
      transport: options.transport,
      jobs: options.jobs,
      clock: options.clock ?? clockStartingAt(TEST_NOW),
      ports: options.ports,
    });
  } catch (error) {
    await clone.drop();
    fs.rmSync(auditDir, { recursive: true, force: true });
    throw error;
  }

  const query: TestServer['query'] = async <R>(text: string, values?: unknown[]) =>
    (await database.pool.query(text, values)).rows as R[];

  const latestOtp = async (mobile: string) => {
    const [row] = await query<{ body: string }>(
      "select body from notifier_outbox where recipient = $1 and template = 'otp.sign-in' order by id desc limit 1",
      [mobile],
    );
    const code = /\((\d{6})\)/.exec(row?.body ?? '')?.[1];
    if (!code) throw new Error(`no sign-in code was sent to ${mobile}`);
    return code;
  };

  return {
    server,
    database,
    kind: database.kind,
    inject: (opts) => server.app.inject(opts as InjectOptions),
    now: () => server.ctx.clock.now(),
    today: () => tehranIsoDate(server.ctx.clock.now()),
    anonymous: () => new Client(server, 'anonymous'),
    async signInStaff(username, password = DEMO_PASSWORD) {
      const client = new Client(server, username);
      const res = await client.post('/api/v1/auth/staff/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    async signInCitizen(mobile) {
      const client = new Client(server, mobile);
      const sent = await client.post('/api/v1/auth/citizen/otp', { mobile });
      if (sent.statusCode !== 202)
        throw new Error(`code request for ${mobile} failed: ${sent.statusCode} ${sent.body}`);
      const res = await client.post('/api/v1/auth/citizen/login', { mobile, code: await latestOtp(mobile) });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${mobile} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    latestOtp,
    query,
    async count(table) {
      const [row] = await query<{ n: number }>(`select count(*)::int as n from ${table}`);
      return row.n;
    },
    async stop() {
      try {
        await server.stop();
      } finally {
        await clone.drop();
        fs.rmSync(auditDir, { recursive: true, force: true });
      }
    },
  };
}
