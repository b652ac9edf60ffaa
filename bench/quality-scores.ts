/**
 * quality-scores: every office's quality score recomputed for twelve Jalali months at national
 * scale — 3,000 generated offices (and the demo's), about 10,000,000 counter tickets, 1,000,000
 * survey answers, complaints and inspections (the national generator's quality records, decision
 * 0071).
 *
 * Ours: `scoreMonths` as the quality pages run it, for every province and the twelve months at once
 * (one grouping statement over the months' sums, then the pure formula per province and month),
 * median of 5 runs after a warm-up.
 * Naive: a loop over the offices, the twelve months of each office read side by side, record by record as the facts
 * page reads one office (`monthRecords`, its inspections' results and upheld complaints), reduced
 * with `talliesOf`, then each province's month scored with the same formula — once. Both must give
 * every office the same score and rank in every month.
 *
 * The dataset is not loaded here: BENCH_NATIONAL_URL names an existing database made with
 *   DATABASE_URL=postgres://…/daftar_national npx daftar seed --scale national --filings 0
 * (filings do not enter the score's sums at this scale; a dataset with filings serves as well).
 */
import { addJalaliMonths, jalaliMonthOfIso } from '#core/jalali';
import { provinceScores, scoreInputOf, talliesOf, weightsFor, withEveryComponent } from '#core/quality/score';
import type { OfficeTallies, ProvinceScores } from '#core/quality/score';
import { composePorts } from '#server/composition';
import { openDatabase } from '#server/db/client';
import { monthDays } from '#server/modules/quality/facts';
import { scoreMonths } from '#server/modules/quality/scores';
import * as store from '#server/modules/quality/store';
import { systemClock } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import type { AppContext } from '#server/platform/context';

const RUNS = 5;
const MONTHS = 12;
/** Issue #18: under two seconds, and at least 50 times faster than the per-office loop. */
const GOAL_MS = 2_000;
const GOAL_RATIO = 50;

type Scored = { byProvince: Map<number, ProvinceScores> }[];

export async function qualityScores(): Promise<string> {
  const databaseUrl = process.env.BENCH_NATIONAL_URL;
  if (!databaseUrl) {
    const line =
      'bench quality-scores: skipped (set BENCH_NATIONAL_URL to a database seeded with `npx daftar seed --scale national --filings 0`)';
    console.log(line);
    return line;
  }
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  try {
    const ctx: AppContext = {
      config: loadConfig({ ...process.env, LOG_LEVEL: 'silent' }),
      clock: systemClock,
      database,
      db: database.db,
      jobs: null,
      ports: composePorts(),
    };
    const {
      rows: [size],
    } = await database.pool.query<{ last: string | null; tickets: string; surveys: string; offices: string }>(
      `select (select max(day) from queue_tickets)::text as last, (select count(*) from queue_tickets) as tickets,
        (select count(*) from quality_surveys where answered_at is not null) as surveys, (select count(*) from offices) as offices`,
    );
    if (!size.last || Number(size.tickets) < 1_000_000)
      throw new Error('the database holds no national year of counter tickets: seed it with `--scale national`');
    // The twelve months to the last month with tickets.
    const last = jalaliMonthOfIso(size.last);
    const sets = (await store.weightSets(database.db)).map((s) => ({
      effectiveFrom: s.effectiveFrom,
      weights: withEveryComponent(s.weights),
    }));
    const months = Array.from({ length: MONTHS }, (_, i) => addJalaliMonths(last, i - MONTHS + 1)).map((month) => ({
      month,
      weights: weightsFor(sets, month),
    }));
    const provinceIds = (await database.pool.query<{ id: number }>('select id from provinces order by id')).rows.map(
      (r) => Number(r.id),
    );

    await scoreMonths(ctx.db, provinceIds, months); // warm-up
    const times: number[] = [];
    let ours: Awaited<ReturnType<typeof scoreMonths>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      ours = await scoreMonths(ctx.db, provinceIds, months);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    const oursMs = times[Math.floor(RUNS / 2)];
    console.log(
      `  quality-scores: ours ${times.map((t) => Math.round(t)).join(', ')} ms; the per-office loop takes minutes …`,
    );

    // Naive: office by office, month by month, every record read and reduced in the application.
    const t0 = performance.now();
    const offices = await store.officesWithin(database.db, { all: true, provinceIds: [], officeIds: [] }, undefined);
    const tallies = months.map(() => new Map<number, OfficeTallies>());
    for (const office of offices) {
      // The office's twelve months are read side by side (on the pool's four connections).
      await Promise.all(
        months.map(async ({ month }, i) => {
          const { days } = monthDays(ctx, month);
          const [records, inspections, upheld] = await Promise.all([
            store.monthRecords(database.db, [office.id], days),
            store.monthInspectionResults(database.db, [office.id], days),
            store.monthUpheldComplaints(database.db, [office.id], days),
          ]);
          tallies[i].set(
            office.id,
            talliesOf(scoreInputOf(records.get(office.id)!, inspections.get(office.id)!, upheld.get(office.id)!)),
          );
        }),
      );
    }
    const naive: Scored = months.map(({ weights }, i) => {
      const byProvince = new Map<number, ProvinceScores>();
      for (const p of provinceIds) {
        const own = new Map(offices.filter((o) => o.provinceId === p).map((o) => [o.id, tallies[i].get(o.id)!]));
        byProvince.set(p, provinceScores(own, weights));
      }
      return { byProvince };
    });
    const naiveMs = performance.now() - t0;

    // Agreement: every office's score, certainty and rank in every month.
    let compared = 0;
    let scored = 0;
    const mismatches: string[] = [];
    for (const [i, { month }] of months.entries()) {
      for (const o of offices) {
        const a = ours!.months[i].byProvince.get(o.provinceId)!.offices.get(o.id)!;
        const b = naive[i].byProvince.get(o.provinceId)!.offices.get(o.id)!;
        compared += 1;
        if (a.score != null) scored += 1;
        if (a.score !== b.score || a.rank !== b.rank || a.certainty !== b.certainty)
          mismatches.push(`${month} office ${o.id}: ours ${a.score}/#${a.rank} naive ${b.score}/#${b.rank}`);
      }
    }
    if (mismatches.length)
      console.log(`bench quality-scores: MISMATCH ${mismatches.length} — ${mismatches.slice(0, 5).join('; ')}`);

    const ratio = naiveMs / oursMs;
    const met = oursMs < GOAL_MS && ratio >= GOAL_RATIO && mismatches.length === 0;
    const line =
      `bench quality-scores: ours=${Math.round(oursMs)}ms naive=${Math.round(naiveMs)}ms months=${months[0].month}..${last} ` +
      `offices=${offices.length} office-months=${compared} scored=${scored} tickets=${Number(size.tickets)} surveys=${Number(size.surveys)} ` +
      `agree=${mismatches.length === 0 ? 'yes' : 'NO'} ratio=${ratio.toFixed(1)}x goal ours<${GOAL_MS}ms ratio>=${GOAL_RATIO}x${met ? '' : '  (goal missed)'}`;
    console.log(line);
    return line;
  } finally {
    await database.close();
  }
}
