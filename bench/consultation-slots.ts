/**
 * consultation-slots: the free slots of every bookable consultant of a province (Tehran unless
 * BENCH_SLOTS_PROVINCE says otherwise), at each place they sit, for the next 30 days
 * (`GET /api/v1/consultation/consultants/:id/slots?mode=…&officeId=…&days=30`), at 50 concurrent
 * readers, on a national dataset; the reference runs the same statements (captured from the
 * service itself for each consultant and place: the consultant, their sittings, the holiday
 * calendar's overrides and the busy periods) one after the other, as the service does, through
 * node-postgres on the same pool, from 50 concurrent callers.
 * Goals (issue #16): the API keeps at least 0.5 of the statements' own rate, with a p99 under 50 ms.
 *
 * The dataset is not loaded here: BENCH_NATIONAL_URL names an existing database made with
 *   DATABASE_URL=postgres://…/daftar_national npx daftar seed --scale national
 * (the historical filings do not matter to this benchmark: `--filings 0` loads it in minutes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tehranIsoDate } from '#core/jalali';
import { slots } from '#server/modules/consultation/service';
import { captureStatements, closedLoopHttp, drive, printBench, skipped, startQuietServer, type Statement } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const PROVINCE = Number(process.env.BENCH_SLOTS_PROVINCE ?? 1);
const DAYS = 30;
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 50;

/** Closed-loop HTTP load over the consultants' slot pages, each connection asking again as soon as it is answered. */
function httpDrive(url: string, pathsFile: string, seconds: number) {
  const dataFile = { variable: 'BENCH_SLOTS_PATHS', path: pathsFile };
  // settle: let the requests still queued in the server finish
  return closedLoopHttp({
    url,
    setupRequest: 'slots-request.cjs',
    dataFile,
    connections: CONNECTIONS,
    seconds,
    settleMs: 1_000,
  });
}

export async function consultationSlots(): Promise<string> {
  const databaseUrl = process.env.BENCH_NATIONAL_URL;
  if (!databaseUrl)
    return skipped(
      'consultation-slots',
      'set BENCH_NATIONAL_URL to a database seeded with `npx daftar seed --scale national`',
    );
  const server = await startQuietServer({ DATABASE_URL: databaseUrl });
  const pool = server.ctx.database.pool;
  const pathsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-slots-')), 'paths');
  try {
    const today = tehranIsoDate(server.ctx.clock.now());
    const { rows: places } = await pool.query(
      `select c.id::int as id, s.mode, s.office_id::int as "officeId" from consultants c
        join consultant_sittings s on s.consultant_id = c.id
      where c.province_id = $1 and c.active and c.licence_expires_on >= $2 order by c.id, s.id`,
      [PROVINCE, today],
    );
    if (!places.length) throw new Error(`no bookable consultants in province ${PROVINCE}: seed the national dataset`);
    const {
      rows: [{ bookings }],
    } = await pool.query('select count(*)::int as bookings from consultation_bookings');
    const query = (p: { mode: 'office' | 'video'; officeId: number | null }) =>
      `mode=${p.mode}${p.mode === 'office' ? `&officeId=${p.officeId}` : ''}&days=${DAYS}`;
    const paths = places.map((p) => `/api/v1/consultation/consultants/${p.id}/slots?${query(p)}`);
    fs.writeFileSync(pathsFile, paths.join('\n'));

    // The statements the service issues for each consultant and place, captured from the service itself.
    const statements: Statement[][] = [];
    let slotCount = 0;
    for (const p of places) {
      const captured = await captureStatements(pool, async (db) => {
        const answer = await slots({ ...server.ctx, db }, p.id, {
          mode: p.mode,
          officeId: p.officeId ?? undefined,
          days: DAYS,
        });
        slotCount += answer.items.length;
      });
      statements.push(captured);
    }
    const replay = async (i: number) => {
      for (const s of statements[i % statements.length]) await pool.query(s.sql, s.params);
    };

    const url = server.url;
    await drive(replay, CONNECTIONS, 2); // warm-up
    await httpDrive(url, pathsFile, 2);
    const reference = await drive(replay, CONNECTIONS, SECONDS);
    const api = await httpDrive(url, pathsFile, SECONDS);
    const ratio = api.opsPerSecond / reference.opsPerSecond;
    return printBench({
      name: 'consultation-slots',
      figures: {
        db: server.ctx.database.kind,
        province: PROVINCE,
        places: places.length,
        bookings,
        slots_per_answer: Math.round(slotCount / places.length),
        statements: (statements.reduce((a, s) => a + s.length, 0) / statements.length).toFixed(1),
        connections: CONNECTIONS,
        api_rps: Math.round(api.opsPerSecond),
        api_p50_ms: api.p50.toFixed(1),
        api_p99_ms: api.p99.toFixed(1),
        sql_rps: Math.round(reference.opsPerSecond),
        sql_p50_ms: reference.p50.toFixed(1),
        sql_p99_ms: reference.p99.toFixed(1),
      },
      ratio,
      goal: { op: '>=', value: GOAL_RATIO },
      alsoGoals: [{ figure: 'api_p99_ms', value: api.p99, op: '<', goal: GOAL_P99_MS }],
    });
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(pathsFile), { recursive: true, force: true });
  }
}
