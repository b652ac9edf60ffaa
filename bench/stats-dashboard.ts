/**
 * stats-dashboard: every dashboard query over the service records — the services and the KPI
 * panels (`GET /api/v1/stats/services`, `GET /api/v1/stats/kpis`) — for the nation, a province
 * (Tehran, the largest) and an office, each over a month and over a year (with the same months a
 * year before, as the dashboard always asks), through HTTP as the web app calls them, signed in as
 * the regulator (nation, province) and the office's manager (office); sequential requests after a
 * warm-up, p95 per query and over all of them.
 * Reference: the same figures (services per month, service, channel and place one level down, for
 * the period and the year before) counted from service_records itself in the same run, once per
 * place and period; the two must agree figure for figure. Goals (issue #19): p95 under 50 ms at
 * 100 million service records, and the rollups at least 100 times faster than the raw count.
 *
 * BENCH_NATIONAL_URL names a database made with
 *   DATABASE_URL=postgres://…/daftar_stats_national npx daftar seed --scale national --filings 0 --citizens 300000 --service-records 100000000
 * or, with BENCH_STATS_GENERATE=1, an empty database this bench seeds so itself
 * (BENCH_STATS_RECORDS changes the size). Without BENCH_NATIONAL_URL the line says it was skipped.
 */
import type pg from 'pg';
import {
  addJalaliMonths,
  jalaliMonthOfIso,
  jalaliMonthsBetween,
  jalaliMonthStartIso,
  type JalaliMonth,
} from '#core/jalali';
import { openDatabase } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { daysWithMonth } from '#server/modules/records/volume';
import { loadConfig } from '#server/platform/config';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { isEmpty } from '#server/seed/demo';
import { seedDataset } from '#server/seed/generator/load';
import { startServer } from '#server/server';

const REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 40);
const WARM_UP = 3;
const GOAL_P95_MS = 50;
const GOAL_RATIO = 100;
const PROVINCE = 1;
/** The raw counts may take minutes each on a busy machine; none is left running past this. */
const RAW_TIMEOUT_MS = 20 * 60_000;

type Level = 'nation' | 'province' | 'office';
interface Case {
  level: Level;
  span: 'month' | 'year';
  months: JalaliMonth[];
  previous: JalaliMonth[];
  query: string;
}
interface RawRow {
  month: string;
  service: string;
  channel: 'office' | 'online';
  child: number | null;
  records: number;
  amount: number;
}
interface Services {
  totals: { office: number; online: number; amountRials: number; previousRecords: number };
  byMonth: { month: string; office: number; online: number; previousRecords: number }[];
  byService: { service: string; office: number; online: number; amountRials: number }[];
  children: { id: number; office: number; online: number; previousRecords: number }[];
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};

async function generateIfAsked(databaseUrl: string): Promise<void> {
  if (process.env.BENCH_STATS_GENERATE !== '1') return;
  const database = await openDatabase({ databaseUrl });
  try {
    await runMigrations(database);
    if (!(await isEmpty(database.db))) return;
    const serviceRecords = Number(process.env.BENCH_STATS_RECORDS ?? 100_000_000);
    console.log(
      `  stats-dashboard data: seeding the national scale with ${serviceRecords.toLocaleString('en')} service records …`,
    );
    const result = await seedDataset(database, {
      scale: 'national',
      seed: 1,
      filings: 0,
      citizens: 300_000,
      serviceRecords,
      now: new Date(),
    });
    console.log(`  stats-dashboard data: seeded in ${Math.round(result.elapsedMs / 1000)} s`);
  } finally {
    await database.close();
  }
}

/**
 * The services dashboard's figures counted from the records: per Jalali month (each record's
 * Tehran day placed in its month by the same day list the rollup's rebuild uses), service, channel
 * and place one level down, over the period and the year before, in one statement.
 */
async function rawFigures(pool: pg.Pool, c: Case, officeId: number): Promise<RawRow[]> {
  const spans = [c.previous, c.months].map((ms) => ({
    from: jalaliMonthStartIso(ms[0]),
    to: jalaliMonthStartIso(addJalaliMonths(ms[ms.length - 1], 1)),
  }));
  const days = spans.flatMap((s) => daysWithMonth(s.from, s.to).filter((d) => d.day < s.to));
  const values = days.map((d) => `('${d.day}'::date, '${d.month}'::date)`).join(', ');
  const at = (iso: string) => `'${iso}T00:00:00+03:30'::timestamptz`;
  const when = spans.map((s) => `(r.created_at >= ${at(s.from)} and r.created_at < ${at(s.to)})`).join(' or ');
  const child =
    c.level === 'nation'
      ? 'r.province_id'
      : c.level === 'province'
        ? 'case when r.office_id is null then null else coalesce(o.county_id, ci.county_id) end'
        : 'null::integer';
  const place =
    c.level === 'nation'
      ? 'true'
      : c.level === 'province'
        ? `r.province_id = ${PROVINCE}`
        : `r.office_id = ${officeId}`;
  const joins =
    c.level === 'province' ? 'left join offices o on o.id = r.office_id left join cities ci on ci.id = o.city_id' : '';
  const client = await pool.connect();
  try {
    await client.query(`set statement_timeout = ${RAW_TIMEOUT_MS}`);
    const { rows } = await client.query(`
      select m.month::text as month, r.service_code as service, r.channel, ${child} as child,
             count(*)::bigint as records, sum(r.amount_rials)::bigint as amount
      from service_records r
      join (values ${values}) as m(day, month) on m.day = (r.created_at at time zone 'Asia/Tehran')::date
      ${joins}
      where (${when}) and ${place}
      group by 1, 2, 3, 4`);
    return rows.map((r) => ({
      month: r.month,
      service: r.service,
      channel: r.channel,
      child: r.child == null ? null : Number(r.child),
      records: Number(r.records),
      amount: Number(r.amount),
    }));
  } finally {
    await client.query('reset statement_timeout').catch(() => {});
    client.release();
  }
}

/** Where the dashboard's answer and the raw count differ (empty when they agree figure for figure). */
function differences(c: Case, answer: Services, raw: RawRow[]): string[] {
  const monthOf = (iso: string) => jalaliMonthOfIso(iso);
  const now = raw.filter((r) => c.months.includes(monthOf(r.month)));
  const before = raw.filter((r) => c.previous.includes(monthOf(r.month)));
  const sum = (rows: RawRow[], f: (r: RawRow) => boolean, v: (r: RawRow) => number = (r) => r.records) =>
    rows.filter(f).reduce((a, r) => a + v(r), 0);
  const out: string[] = [];
  const check = (what: string, ours: number, theirs: number) => {
    if (ours !== theirs) out.push(`${what}: dashboard ${ours}, records ${theirs}`);
  };
  check(
    'office',
    answer.totals.office,
    sum(now, (r) => r.channel === 'office'),
  );
  check(
    'online',
    answer.totals.online,
    sum(now, (r) => r.channel === 'online'),
  );
  check(
    'amount',
    answer.totals.amountRials,
    sum(
      now,
      () => true,
      (r) => r.amount,
    ),
  );
  check(
    'year before',
    answer.totals.previousRecords,
    sum(before, () => true),
  );
  for (const m of answer.byMonth) {
    check(
      `${m.month} office`,
      m.office,
      sum(now, (r) => monthOf(r.month) === m.month && r.channel === 'office'),
    );
    check(
      `${m.month} online`,
      m.online,
      sum(now, (r) => monthOf(r.month) === m.month && r.channel === 'online'),
    );
  }
  for (const s of answer.byService) {
    check(
      `${s.service} office`,
      s.office,
      sum(now, (r) => r.service === s.service && r.channel === 'office'),
    );
    check(
      `${s.service} online`,
      s.online,
      sum(now, (r) => r.service === s.service && r.channel === 'online'),
    );
    check(
      `${s.service} amount`,
      s.amountRials,
      sum(
        now,
        (r) => r.service === s.service,
        (r) => r.amount,
      ),
    );
  }
  for (const ch of answer.children) {
    check(
      `child ${ch.id}`,
      ch.office + ch.online,
      sum(now, (r) => r.child === ch.id),
    );
    check(
      `child ${ch.id} year before`,
      ch.previousRecords,
      sum(before, (r) => r.child === ch.id),
    );
  }
  return out;
}

export async function statsDashboard(): Promise<string> {
  const databaseUrl = process.env.BENCH_NATIONAL_URL;
  if (!databaseUrl) {
    const line =
      'bench stats-dashboard: skipped (set BENCH_NATIONAL_URL to a database seeded with `npx daftar seed --scale national --filings 0 --service-records 100000000`, or add BENCH_STATS_GENERATE=1 to seed an empty one)';
    console.log(line);
    return line;
  }
  await generateIfAsked(databaseUrl);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'error',
    DAFTAR_NOTIFIER_CONSOLE: '0',
    DAFTAR_RUN_JOBS: '0',
  });
  const server = await startServer(config, {});
  const pool = server.ctx.database.pool;
  try {
    const {
      rows: [volume],
    } = await pool.query(
      'select coalesce(sum(records), 0)::bigint as records, max(month)::text as last from service_volume_province_monthly',
    );
    const records = Number(volume.records);
    if (!records || !volume.last)
      throw new Error('no service volume: seed the national dataset with --service-records');
    // The last whole month of the data (the dataset ends within its last month), and the year ending with it.
    const month = addJalaliMonths(jalaliMonthOfIso(volume.last), -1);
    const year = jalaliMonthsBetween(addJalaliMonths(month, -11), month);
    // The busiest office of the province over that year: the largest answer an office's manager gets.
    const {
      rows: [office],
    } = await pool.query(
      `select v.office_id::int as id, o.code from service_volume_monthly v join offices o on o.id = v.office_id
        where v.province_id = $1 and v.office_id <> 0 and v.month between $2::date and $3::date
        group by 1, 2 order by sum(v.records) desc, 1 limit 1`,
      [PROVINCE, jalaliMonthStartIso(year[0]), jalaliMonthStartIso(month)],
    );
    const { rows: managers } = await pool.query(
      `select u.username from role_grants g join users u on u.id = g.user_id
        where g.role = 'office_manager' and g.office_id = $1 order by u.id limit 1`,
      [office.id],
    );
    if (!managers[0]) throw new Error(`office ${office.code} has no manager to sign in as`);

    const signIn = async (username: string) => {
      const res = await fetch(`${server.url}/api/v1/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
      const token = /daftar_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
      if (!token) throw new Error('sign-in set no session cookie');
      return `daftar_session=${token}`;
    };
    const cookies: Record<Level, string> = {
      nation: await signIn('regulator'),
      province: await signIn('regulator'),
      office: await signIn(managers[0].username),
    };

    const cases: Case[] = [];
    for (const level of ['nation', 'province', 'office'] as const)
      for (const [span, months] of [
        ['month', [month]],
        ['year', year],
      ] as const) {
        const place =
          level === 'nation' ? '' : level === 'province' ? `provinceId=${PROVINCE}&` : `officeId=${office.id}&`;
        cases.push({
          level,
          span,
          months: [...months],
          previous: months.map((m) => addJalaliMonths(m, -12)),
          query: `${place}fromMonth=${months[0]}&toMonth=${months[months.length - 1]}`,
        });
      }

    const get = async (path: string, cookie: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const all: number[] = [];
    const results: { c: Case; p95: number; rawMs: number; diffs: string[] }[] = [];
    for (const c of cases) {
      const paths = ['services', 'kpis'].map((p) => `/api/v1/stats/${p}?${c.query}`);
      for (let i = 0; i < WARM_UP; i++) for (const p of paths) await get(p, cookies[c.level]);
      const latencies: number[] = [];
      for (let i = 0; i < REQUESTS; i++)
        for (const p of paths) {
          const t = performance.now();
          await get(p, cookies[c.level]);
          latencies.push(performance.now() - t);
        }
      all.push(...latencies);
      const answer = (await get(paths[0], cookies[c.level])) as Services;
      const t = performance.now();
      const raw = await rawFigures(pool, c, office.id);
      const rawMs = performance.now() - t;
      const p95 = percentile(latencies, 0.95);
      const diffs = differences(c, answer, raw);
      results.push({ c, p95, rawMs, diffs });
      console.log(
        `  ${c.level} ${c.span}: p95 ${p95.toFixed(1)} ms, raw ${Math.round(rawMs)} ms, ratio ${(rawMs / p95).toFixed(0)}x${diffs.length ? `, DISAGREE: ${diffs.slice(0, 5).join('; ')}` : ''}`,
      );
    }

    const p95 = percentile(all, 0.95);
    // The weakest case decides: every query must be at least that much faster than its raw count.
    const ratio = Math.min(...results.map((r) => r.rawMs / r.p95));
    const agree = results.every((r) => r.diffs.length === 0);
    const met = p95 < GOAL_P95_MS && ratio >= GOAL_RATIO && agree;
    const perCase = results
      .map((r) => `${r.c.level}_${r.c.span}=${r.p95.toFixed(1)}/${(r.rawMs / 1000).toFixed(1)}s`)
      .join(' ');
    const line =
      `bench stats-dashboard: records=${records} office=${office.code} month=${month} year=${year[0]}..${month} ` +
      `requests=${all.length} p95_ms/raw: ${perCase} agree=${agree ? 'yes' : 'no'} ` +
      `p95_ms=${p95.toFixed(1)} ratio=${ratio.toFixed(0)}x goal p95<${GOAL_P95_MS}ms ratio>=${GOAL_RATIO}x${met ? '' : '  (goal missed)'}`;
    console.log(line);
    return line;
  } finally {
    await server.stop();
  }
}
