/**
 * The board's annual report: a finished Jalali year's national figures (services and fees,
 * filings and the court's decisions, notices) beside the year before, each month of both years for
 * the charts, each province's year, the top movers among offices and provinces, and the offices
 * below break-even (the network's viability model over the year) and below the quality threshold
 * (their monthly quality scores over the year). Read from the rollups and the other areas' models
 * and kept as they stood (stats_board_annual_reports, docs/decisions/0069). A daily job makes the
 * year just ended on 1 Farvardin (or the first day the workers run after it); the regulator may
 * make one on demand.
 */
import { eq, sql } from 'drizzle-orm';
import {
  belowQualityThreshold,
  jalaliYearMonths,
  lastFinishedYear,
  type Mover,
  QUALITY_MIN_MONTHS,
  QUALITY_THRESHOLD,
  topMovers,
  yearQuality,
} from '#core/board-annual';
import { jalaliMonthStartIso, tehranIsoDate, type JalaliMonth } from '#core/jalali';
import type { Database } from '#server/db/client';
import type { Executor } from '#server/db/transaction';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { AppError } from '#server/platform/errors/app-error';
import { officeViabilities } from '#server/modules/network/distribution/viability';
import { officeScoresOfMonths } from '#server/modules/quality/scores';
import { figuresByMonth, type MonthFigures, sumFigures } from './board-report';
import { statsBoardAnnualReports } from './tables';

type Name = { fa: string; en: string };
interface OfficeRef {
  officeId: number;
  code: string;
  name: Name;
  province: Name;
}

export interface AnnualFigures {
  year: number;
  previousYear: number;
  nation: { current: MonthFigures; previous: MonthFigures };
  /** Farvardin to Esfand: each month nationwide, beside the same month of the year before. */
  months: { month: JalaliMonth; current: MonthFigures; previous: MonthFigures }[];
  provinces: { id: number; name: Name; current: MonthFigures; previous: MonthFigures }[];
  /** Services (at offices for an office; both channels for a province) that grew and shrank most. */
  movers: {
    offices: { rising: Mover<OfficeRef>[]; falling: Mover<OfficeRef>[] };
    provinces: { rising: Mover<{ id: number; name: Name }>[]; falling: Mover<{ id: number; name: Name }>[] };
  };
  /**
   * Offices whose revenue did not cover their running cost over the year (monthly averages), by
   * the network's viability model; `available` false when no tariff was in force to price them.
   */
  belowBreakEven: {
    available: boolean;
    offices: (OfficeRef & {
      demandMonthly: number;
      breakEvenVolume: number;
      revenueMonthlyRials: number;
      costMonthlyRials: number;
    })[];
  };
  /** Offices whose quality score over the year (mean of the months scored) was under the threshold. */
  belowQuality: {
    threshold: number;
    minMonths: number;
    offices: (OfficeRef & { score: number; months: number })[];
  };
}

const services = (f: MonthFigures) => f.office + f.online;

/** Services at each office per month of the two years, from the monthly rollup. */
async function officeServices(db: Executor, fromIso: string, toIso: string) {
  const { rows } = await db.execute<{ office_id: number; month: string; records: string }>(sql`
    select v.office_id, v.month::text as month, sum(v.records)::bigint as records
    from service_volume_monthly v
    where v.office_id <> 0 and v.month between ${fromIso}::date and ${toIso}::date
    group by 1, 2`);
  return rows.map((r) => ({ officeId: Number(r.office_id), month: r.month, records: Number(r.records) }));
}

/**
 * A year's figures. Reads through `db` (not a transaction: the viability and quality models read
 * in parallel); the figures come out the same either way, as they read only finished months.
 */
async function annualFigures(db: Executor, year: number): Promise<AnnualFigures> {
  const previousYear = year - 1;
  const months = jalaliYearMonths(year);
  const before = jalaliYearMonths(previousYear);
  const byMonth = await figuresByMonth(db, before[0], months[11]);
  const nationYear = (ms: JalaliMonth[]) => sumFigures(ms.map((m) => byMonth.nation(m)));
  const provinceYear = (id: number, ms: JalaliMonth[]) => sumFigures(ms.map((m) => byMonth.province(id, m)));
  const provinces = byMonth.provinces.map((p) => ({
    ...p,
    current: provinceYear(p.id, months),
    previous: provinceYear(p.id, before),
  }));
  const provinceName = new Map(provinces.map((p) => [p.id, p.name]));

  // Office movers: services at the office this year against the year before.
  const { offices, scores } = await officeScoresOfMonths(db, months);
  const ref = (o: (typeof offices)[number]): OfficeRef => ({
    officeId: o.id,
    code: o.code,
    name: o.name,
    province: provinceName.get(o.provinceId) ?? { fa: '', en: '' },
  });
  const startOfYear = jalaliMonthStartIso(months[0]);
  const volume = new Map<number, { current: number; previous: number }>();
  for (const r of await officeServices(db, jalaliMonthStartIso(before[0]), jalaliMonthStartIso(months[11]))) {
    const v = volume.get(r.officeId) ?? { current: 0, previous: 0 };
    v[r.month >= startOfYear ? 'current' : 'previous'] += r.records;
    volume.set(r.officeId, v);
  }
  const officeMovers = topMovers(
    offices.map((o) => ({ key: ref(o), ...(volume.get(o.id) ?? { current: 0, previous: 0 }) })),
  );
  const provinceMovers = topMovers(
    provinces.map((p) => ({
      key: { id: p.id, name: p.name },
      current: services(p.current),
      previous: services(p.previous),
    })),
  );

  // Below break-even: the viability model's period is the twelve months before "today" — the year.
  let belowBreakEven: AnnualFigures['belowBreakEven'];
  try {
    const viabilities = await officeViabilities(db, {}, jalaliMonthStartIso(`${year + 1}-01`));
    belowBreakEven = {
      available: true,
      offices: viabilities
        .filter((v) => v.viability === 'below')
        .map((v) => ({
          officeId: v.officeId,
          code: v.code,
          name: v.name,
          province: provinceName.get(v.provinceId) ?? { fa: '', en: '' },
          demandMonthly: v.demandMonthly,
          breakEvenVolume: v.breakEvenVolume,
          revenueMonthlyRials: v.revenueMonthlyRials,
          costMonthlyRials: v.costMonthlyRials,
        })),
    };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'no_tariff_in_force')) throw error;
    belowBreakEven = { available: false, offices: [] };
  }

  const belowQuality = offices
    .map((o) => ({ office: o, year: yearQuality(scores.get(o.id) ?? []) }))
    .filter(({ year }) => belowQualityThreshold(year))
    .map(({ office, year }) => ({ ...ref(office), score: year!.score, months: year!.months }))
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));

  return {
    year,
    previousYear,
    nation: { current: nationYear(months), previous: nationYear(before) },
    months: months.map((m, i) => ({ month: m, current: byMonth.nation(m), previous: byMonth.nation(before[i]) })),
    provinces,
    movers: { offices: officeMovers, provinces: provinceMovers },
    belowBreakEven,
    belowQuality: { threshold: QUALITY_THRESHOLD, minMonths: QUALITY_MIN_MONTHS, offices: belowQuality },
  };
}

/** Makes (or makes again, replacing the kept figures) the report of a finished year. */
export async function saveAnnualReport(db: Executor, year: number, now: Date, by: number | null) {
  const figures = await annualFigures(db, year);
  const [row] = await db
    .insert(statsBoardAnnualReports)
    .values({ year, figures, generatedAt: now, generatedBy: by })
    .onConflictDoUpdate({
      target: statsBoardAnnualReports.year,
      set: { figures, generatedAt: now, generatedBy: by },
    })
    .returning();
  return row;
}

/**
 * Daily shortly after midnight in Tehran, after the monthly report: makes the last finished
 * year's report when none is kept — on 1 Farvardin, or the first day the workers run after it.
 */
export const BOARD_ANNUAL_REPORT_JOB: ScheduledJob = {
  queue: 'stats.board-annual-report',
  cron: '40 20 * * *',
  async run(database: Database, clock) {
    const year = lastFinishedYear(tehranIsoDate(clock.now()));
    const [kept] = await database.db
      .select({ id: statsBoardAnnualReports.id })
      .from(statsBoardAnnualReports)
      .where(eq(statsBoardAnnualReports.year, year));
    if (kept) return { year, made: false };
    await saveAnnualReport(database.db, year, clock.now(), null);
    return { year, made: true };
  },
};
