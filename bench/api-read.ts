/**
 * api-read: an authenticated read endpoint (`GET /api/v1/auth/me`: session → user with labelled
 * role grants) against the same SQL issued directly through node-postgres, in one run, on the
 * same database (PGlite by default, PostgreSQL when DATABASE_URL is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SESSION_ACTOR_SQL } from '#server/modules/identity/sessions';
import { sha256 } from '#server/platform/auth/tokens';
import { httpLoad, loop, printBench, startQuietServer } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;

export async function apiRead(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-bench-'));
  const server = await startQuietServer({ DAFTAR_DATA_DIR: dataDir });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'association.tehran', password: 'Daftar-1403' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const token = /daftar_session=([^;]+)/.exec(cookie)![1];
    const pool = server.ctx.database.pool;

    // The reference: the statement the endpoint issues (session → user → labelled grants), as it issues
    // it (a named statement, parsed and planned once per connection), through the same pool.
    const tokenHash = sha256(token);
    const raw = () => pool.query({ name: 'session-actor', text: SESSION_ACTOR_SQL, values: [tokenHash, new Date()] });
    await loop(raw, CONNECTIONS, 1); // warm-up
    const reference = await loop(raw, CONNECTIONS, SECONDS);
    await httpLoad(`${server.url}/api/v1/auth/me`, { cookie }, CONNECTIONS, 1); // warm-up
    const api = await httpLoad(`${server.url}/api/v1/auth/me`, { cookie }, CONNECTIONS, SECONDS);
    return printBench({
      name: 'api-read',
      figures: {
        db: server.ctx.database.kind,
        api_rps: Math.round(api.opsPerSecond),
        api_p99_ms: api.p99.toFixed(1),
        sql_rps: Math.round(reference.opsPerSecond),
        sql_p99_ms: reference.p99.toFixed(1),
      },
      ratio: api.opsPerSecond / reference.opsPerSecond,
      // Issue #14: the API keeps at least 0.7 of the statement's own rate.
      goal: { op: '>=', value: 0.7 },
    });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
