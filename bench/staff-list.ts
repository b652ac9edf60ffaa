/**
 * staff-list: the staff registry (`GET /api/v1/staff`) at national scale, signed in as the national
 * association (every office's staff in scope), at 100 concurrent connections, over a mix of the
 * queries people make: the first page, page 20, by province, by office, by Persian last-name
 * prefix, by national ID, licences expiring within 30 days, and staff without insurance today.
 * The reference runs the same statements (the session statement, then the ones the registry issues
 * for each request, captured from it) through node-postgres on the same pool, from 100 concurrent
 * callers.
 *
 * Measurements, as tracking-page: saturated (every connection sends again as soon as it is
 * answered: the throughput; its p99 is queueing, 100 callers ÷ throughput); paced at the working
 * load — 100 connections, each turning a page every two seconds on average (50 requests/s, the mix
 * evenly spaced; BENCH_STAFF_RATE changes it) — for both sides; and the API paced at half its
 * saturated throughput, to show how the tail grows nearer capacity. Goal: the API's p99 at the
 * working load under 50 ms.
 *
 * The dataset is not loaded here: BENCH_STAFF_URL names an existing database made with
 *   DATABASE_URL=postgres://…/daftar_nat_staff npx daftar seed --scale national --filings 0 --citizens 100000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SESSION_ACTOR_SQL, resolveSession } from '#server/modules/identity/sessions';
import { sha256 } from '#server/platform/auth/tokens';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { LAST_NAMES } from '#server/seed/generator/names';
import { listStaff } from '#server/modules/operators/registry/service';
import { staffRegistryQuery } from '#server/modules/operators/registry/schemas';
import { captureStatements, closedLoopHttp, drive, pacedHttp, skipped, startQuietServer, type Statement } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 100;
/** Requests of each kind in the mix (different provinces, offices, prefixes, national IDs). */
const PER_KIND = 60;
const GOAL_P99_MS = 50;
/** The working load: 100 connections, each asking for a page every two seconds on average. */
const WORKING_RATE = 50;

/** Saturated HTTP load over the mix, every connection sending again as soon as it is answered. */
function httpDrive(url: string, requestsFile: string, seconds: number) {
  const dataFile = { variable: 'BENCH_STAFF_REQUESTS', path: requestsFile };
  // settle: let the requests autocannon leaves queued at the deadline finish before the next measurement
  return closedLoopHttp({
    url,
    setupRequest: 'staff-request.cjs',
    dataFile,
    connections: CONNECTIONS,
    seconds,
    settleMs: 2_000,
  });
}

/** The mix: PER_KIND requests of each of the eight kinds, interleaved. */
async function requestMix(pool: import('pg').Pool): Promise<string[]> {
  const { rows: provinces } = await pool.query('select distinct province_id as id from offices order by 1');
  const { rows: offices } = await pool.query(
    `select id from offices where id > 7 order by (id * 7919) % 10007 limit $1`,
    [PER_KIND],
  );
  const { rows: people } = await pool.query(
    `select u.national_id from users u where u.kind = 'staff' and u.id in
      (select g.user_id from role_grants g where g.role in ('operator', 'office_manager', 'consultant') and g.scope_kind = 'office')
    order by (u.id * 7919) % 10007 limit $1`,
    [PER_KIND],
  );
  // Two-letter prefixes of common last names, as a person types them.
  const prefixes = [...new Set(LAST_NAMES.map((n) => [...n].slice(0, 2).join('')))];
  const kinds: ((k: number) => string)[] = [
    () => '',
    () => 'page=20',
    (k) => `provinceId=${provinces[k % provinces.length].id}`,
    (k) => `officeId=${offices[k % offices.length].id}`,
    (k) => `q=${encodeURIComponent(prefixes[k % prefixes.length])}`,
    (k) => `q=${people[k % people.length].national_id}`,
    () => 'licence=expiring',
    () => 'insured=false',
  ];
  const paths: string[] = [];
  for (let k = 0; k < PER_KIND; k++)
    for (const kind of kinds) {
      const qs = kind(k);
      paths.push(`/api/v1/staff${qs ? `?${qs}` : ''}`);
    }
  return paths;
}

export async function staffList(): Promise<string> {
  const databaseUrl = process.env.BENCH_STAFF_URL;
  if (!databaseUrl)
    return skipped(
      'staff-list',
      'set BENCH_STAFF_URL to a database seeded with `npx daftar seed --scale national --filings 0 --citizens 100000`',
    );
  const server = await startQuietServer({ DATABASE_URL: databaseUrl });
  const pool = server.ctx.database.pool;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-staff-'));
  let token = '';
  try {
    // Sign in through the API as a person would.
    const login = await fetch(`${server.url}/api/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'association', password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`sign-in as association: ${login.status} ${await login.text()}`);
    token = /daftar_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    if (!token) throw new Error('sign-in set no session cookie');
    const hash = sha256(decodeURIComponent(token));
    const { actor } = (await resolveSession(server.ctx.db, decodeURIComponent(token), server.ctx.clock.now()))!;

    const {
      rows: [{ staff }],
    } = await pool.query(
      `select count(distinct user_id)::int as staff from role_grants where role in ('operator', 'office_manager', 'consultant') and scope_kind = 'office'`,
    );
    const {
      rows: [{ offices }],
    } = await pool.query('select count(*)::int as offices from offices');
    const paths = await requestMix(pool);
    const requestsFile = path.join(dir, 'requests.json');
    fs.writeFileSync(requestsFile, JSON.stringify({ token, paths }));

    // Each request's statements, captured from the registry itself (and its answers checked non-empty where they must be).
    const statements: Statement[][] = [];
    for (const p of paths) {
      const query = staffRegistryQuery.parse(Object.fromEntries(new URL(p, server.url).searchParams));
      statements.push(await captureStatements(pool, (db) => listStaff({ ...server.ctx, db }, actor, query)));
    }
    const replay = async (i: number) => {
      await pool.query(SESSION_ACTOR_SQL, [hash, new Date()]);
      for (const s of statements[i % statements.length]) await pool.query(s.sql, s.params);
    };

    const url = `${server.url}/api/v1/staff`;
    // The machine's one-minute load before and after: other work on the two cores shows in every figure.
    const loadBefore = os.loadavg()[0];
    await drive(replay, CONNECTIONS, 2);
    await httpDrive(url, requestsFile, 2);
    const sql = await drive(replay, CONNECTIONS, SECONDS);
    const api = await httpDrive(url, requestsFile, SECONDS);
    // The working load: 100 connections, a page every two seconds each, evenly spaced.
    const rate = Number(process.env.BENCH_STAFF_RATE ?? WORKING_RATE);
    const sqlPaced = await drive(replay, CONNECTIONS, SECONDS, rate);
    const apiPaced = await pacedHttp({
      url: server.url,
      tokens: [token],
      paths,
      seconds: SECONDS,
      rate,
      connections: CONNECTIONS,
    });
    // Nearer capacity: the API at half its saturated throughput.
    const halfRate = Math.max(5, Math.round(api.opsPerSecond / 2));
    const apiHalf = await pacedHttp({
      url: server.url,
      tokens: [token],
      paths,
      seconds: SECONDS,
      rate: halfRate,
      connections: CONNECTIONS,
    });
    // The house line. p99/p50 are the API's at the working load (the latency a user sees); the
    // saturated figures (every connection sending again at once) give the throughput, and their p99
    // is queueing by construction (100 waiting callers ÷ throughput). The ratio is on throughput.
    const met = apiPaced.p99 < GOAL_P99_MS;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const line =
      `bench staff-list: p99=${ms(apiPaced.p99)} p50=${ms(apiPaced.p50)} rps=${rate} (sql p99=${ms(sqlPaced.p99)} p50=${ms(sqlPaced.p50)}) ` +
      `half_capacity: rps=${halfRate} p99=${ms(apiHalf.p99)} p50=${ms(apiHalf.p50)} ` +
      `saturated: api_rps=${Math.round(api.opsPerSecond)} api_p99=${ms(api.p99)} sql_rps=${Math.round(sql.opsPerSecond)} sql_p99=${ms(sql.p99)} ` +
      `staff=${staff} offices=${offices} requests=${paths.length} connections=${CONNECTIONS} seconds=${SECONDS} load=${loadBefore.toFixed(1)}-${os.loadavg()[0].toFixed(1)} ` +
      `ratio=${(api.opsPerSecond / sql.opsPerSecond).toFixed(3)} (saturated throughput, ours/sql) goal p99<${GOAL_P99_MS}ms${met ? '' : '  (goal missed)'}`;
    console.log(line);
    return line;
  } finally {
    await new Promise((r) => setTimeout(r, 1_000));
    if (token)
      await pool
        .query('delete from sessions where token_hash = $1', [sha256(decodeURIComponent(token))])
        .catch(() => {});
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
