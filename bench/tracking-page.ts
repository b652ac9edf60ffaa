/**
 * tracking-page: a citizen's tracking page (`GET /api/v1/me/overview`: their latest filings, cases and
 * notices with deadlines, and the totals) against a national dataset on PostgreSQL, signed in as
 * many different generated citizens, at 200 concurrent connections; the reference runs the same SQL
 * (the session statement, then the overview's statements as the read model issues them, captured
 * from it) through node-postgres on the same pool, from 200 concurrent callers.
 *
 * Two measurements per side: saturated (every connection sends its next request as soon as the
 * answer arrives: throughput, and a p99 that is mostly queueing: 200 waiting callers / throughput)
 * and paced (requests evenly spaced at half the API's saturated throughput over up to 200
 * connections: the latency a citizen sees below capacity).
 * Goals (issue #14): the paced API p99 under 10 ms (`ratio` = p99 ÷ 10 ms, under 1), and the saturated
 * API throughput at least 0.7 of the statements' own (`saturated_ratio`).
 *
 * The dataset is not loaded here: BENCH_NATIONAL_URL names an existing database made with
 *   DATABASE_URL=postgres://…/daftar_national npx daftar seed --scale national --filings 10000000
 * Sessions are made directly in the sessions table for a sample of citizens (token hashed with
 * sha256 as sign-in does) and removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SESSION_ACTOR_SQL } from '#server/modules/identity/sessions';
import { sha256 } from '#server/platform/auth/tokens';
import { citizenOverview } from '#server/modules/notices/tracking';
import { tehranIsoDate } from '#core/jalali';
import { captureStatements, closedLoopHttp, drive, pacedHttp, printBench, skipped, startQuietServer } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 200;
const CITIZENS = Number(process.env.BENCH_TRACKING_CITIZENS ?? 2_000);
const GOAL_P99_MS = 10;
const GOAL_SATURATED_RATIO = 0.7;

/** Saturated HTTP load over the sampled citizens' sessions, every connection sending again as soon as it is answered. */
function httpDrive(url: string, tokensFile: string, seconds: number) {
  const dataFile = { variable: 'BENCH_TRACKING_TOKENS', path: tokensFile };
  // autocannon stops at the deadline with up to 200 requests still queued in the server: let them
  // finish, or the next measurement starts behind a backlog.
  return closedLoopHttp({
    url,
    setupRequest: 'tracking-request.cjs',
    dataFile,
    connections: CONNECTIONS,
    seconds,
    settleMs: 2_000,
  });
}

export async function trackingPage(): Promise<string> {
  const databaseUrl = process.env.BENCH_NATIONAL_URL;
  if (!databaseUrl)
    return skipped(
      'tracking-page',
      'set BENCH_NATIONAL_URL to a database seeded with `npx daftar seed --scale national --filings 10000000`',
    );
  const server = await startQuietServer({ DATABASE_URL: databaseUrl });
  const pool = server.ctx.database.pool;
  const tokensFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-tracking-')), 'tokens');
  const hashes: string[] = [];
  try {
    const {
      rows: [{ filings }],
    } = await pool.query('select count(*)::int as filings from filings');
    // A sample of citizens spread over the whole table (every k-th e-account), each with a session.
    const {
      rows: [{ accounts }],
    } = await pool.query(
      "select count(*)::int as accounts from users where kind = 'citizen' and citizen_id is not null",
    );
    const step = Math.max(1, Math.floor(accounts / CITIZENS));
    const { rows: sample } = await pool.query(
      `select id, citizen_id from (
        select id, citizen_id, row_number() over (order by id) as n from users where kind = 'citizen' and citizen_id is not null) x
      where n % $1 = 0 limit $2`,
      [step, CITIZENS],
    );
    const tokens = sample.map((u) => `bench-tracking-${process.pid}-${u.id}`);
    for (const t of tokens) hashes.push(sha256(t));
    await pool.query(
      `insert into sessions (token_hash, user_id, csrf_token, expires_at)
      select h, u, 'bench', now() + interval '1 hour' from unnest($1::text[], $2::bigint[]) as s(h, u)`,
      [hashes, sample.map((u) => u.id)],
    );
    fs.writeFileSync(tokensFile, tokens.join('\n'));

    // The overview's statements, captured from the read model itself for one citizen; replayed with each citizen's id.
    const probe = Number(sample[0].citizen_id);
    const captured = await captureStatements(pool, (db) => citizenOverview(db, probe, tehranIsoDate(new Date())));
    const overviewSql = captured.filter((c) => c.params.includes(probe));
    const replay = async (i: number) => {
      const u = sample[i % sample.length];
      // The session statement as the API issues it: named, parsed and planned once per connection.
      await pool.query({
        name: 'session-actor',
        text: SESSION_ACTOR_SQL,
        values: [hashes[i % hashes.length], new Date()],
      });
      await Promise.all(
        overviewSql.map((c) =>
          pool.query(
            c.sql,
            c.params.map((p) => (p === probe ? Number(u.citizen_id) : p)),
          ),
        ),
      );
    };

    const url = `${server.url}/api/v1/me/overview`;
    // Warm-up: every sampled citizen's pages read once (a citizen's rows are on disk until first read), then both paths.
    let warmed = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (warmed < sample.length) await replay(warmed++);
      }),
    );
    await drive(replay, CONNECTIONS, 2);
    await httpDrive(url, tokensFile, 2);
    const sqlSaturated = await drive(replay, CONNECTIONS, SECONDS);
    const apiSaturated = await httpDrive(url, tokensFile, SECONDS);
    const rate = Math.max(10, Math.round(apiSaturated.opsPerSecond / 2));
    const sqlPaced = await drive(replay, CONNECTIONS, SECONDS, rate);
    const apiPaced = await pacedHttp({ url, tokens, seconds: SECONDS, rate, connections: CONNECTIONS });
    const saturatedRatio = apiSaturated.opsPerSecond / sqlSaturated.opsPerSecond;
    return printBench({
      name: 'tracking-page',
      figures: {
        filings,
        citizens: sample.length,
        statements: 1 + overviewSql.length,
        connections: CONNECTIONS,
        api_max_rps: Math.round(apiSaturated.opsPerSecond),
        api_max_p99_ms: apiSaturated.p99.toFixed(1),
        sql_max_rps: Math.round(sqlSaturated.opsPerSecond),
        sql_max_p99_ms: sqlSaturated.p99.toFixed(1),
        paced_rps: rate,
        api_p50_ms: apiPaced.p50.toFixed(1),
        api_p99_ms: apiPaced.p99.toFixed(1),
        sql_p50_ms: sqlPaced.p50.toFixed(1),
        sql_p99_ms: sqlPaced.p99.toFixed(1),
        saturated_ratio: saturatedRatio.toFixed(3),
      },
      // Share of the latency budget the paced API p99 uses.
      ratio: apiPaced.p99 / GOAL_P99_MS,
      goal: { op: '<', value: 1 },
      alsoGoals: [{ figure: 'saturated_ratio', value: saturatedRatio, op: '>=', goal: GOAL_SATURATED_RATIO }],
    });
  } finally {
    await new Promise((r) => setTimeout(r, 1_000)); // let requests the load generator abandoned at the end finish
    if (hashes.length) await pool.query('delete from sessions where token_hash = any($1)', [hashes]);
    await server.stop();
    fs.rmSync(path.dirname(tokensFile), { recursive: true, force: true });
  }
}
