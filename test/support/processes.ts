/**
 * Daftar servers as child processes (support/server-process.ts run through tsx) on one PostgreSQL
 * database of their own, copied from the run's template, and an HTTP client for them that keeps
 * its cookies and sends the CSRF token the way the web app does. For the tests that kill a server
 * mid-load or run two side by side; PostgreSQL only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject as provided } from 'vitest';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { CSRF_COOKIE } from '#server/platform/http/session-hook';
import { adminUrl, databaseUrlFor } from './databases';
import { postgresUrl } from './postgres';

const ENTRY = path.join(import.meta.dirname, 'server-process.ts');

async function admin<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: adminUrl(postgresUrl()!) });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export interface OwnDatabase {
  url: string;
  /** A query on it, from the test. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A copy of the run's seeded template under a name of its own (named after the template, so a crashed run's copy is dropped with it). */
export async function ownDatabase(): Promise<OwnDatabase> {
  const template = provided('daftarTemplateDatabase');
  if (!template) throw new Error('no template database: these tests run on PostgreSQL only');
  const name = `${template}_p${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(`create database ${name} template ${template}`);
  const url = databaseUrlFor(postgresUrl()!, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    query: async (sql, values) => (await pool.query(sql, values)).rows,
    async drop() {
      await pool.end();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** `kill -9`: no chance to finish anything. */
  crash(): Promise<void>;
  /** SIGTERM, and waits for the process to end. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Starts a server process on `databaseUrl`; resolves once it listens. */
export async function startServerProcess(
  databaseUrl: string,
  options: { clockOrigin: number; env?: Record<string, string>; port?: number },
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DAFTAR_SEED_DEMO: '0',
      DAFTAR_NOTIFIER_CONSOLE: '0',
      DAFTAR_SIGN_IN_RATE_PER_MINUTE: '100000',
      DAFTAR_WEB_DIST: path.join(os.tmpdir(), 'daftar-int-no-web'),
      DAFTAR_TEST_CLOCK_ORIGIN: String(options.clockOrigin),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('listening ')) resolve();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async crash() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers of every shape, read by the tests as they expect them
  json<T = any>(): T;
}

/** A browser-like client of a server process: cookies kept, CSRF token sent on writes, JSON bodies. */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(public baseUrl: string) {}

  async request(
    method: string,
    url: string,
    options: { body?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(new URL(url, this.baseUrl), { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(pair.slice(0, at), value);
      else this.cookies.delete(pair.slice(0, at));
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text, json: () => JSON.parse(text) };
  }

  /** The same cookies, talking to another server process. */
  at(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }
}

export async function signInStaff(baseUrl: string, username: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const res = await client.request('POST', '/api/v1/auth/staff/login', { body: { username, password: DEMO_PASSWORD } });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.body}`);
  return client;
}
