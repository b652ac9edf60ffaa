/**
 * The board's monthly report: a finished Jalali month's national figures (services and the fees
 * billed for them, filings and the court's decisions, notices and their opening) and each province's, beside the month
 * before, read from the rollups and kept as they stood (stats_board_reports). The monthly job
 * makes the previous month's report on the first day of a month; the regulator may make one on
 * demand.
 */
import { eq } from 'drizzle-orm';
import { addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate, type JalaliMonth } from '#core/jalali';
import type { Database } from '#server/db/client';
import type { Executor } from '#server/db/transaction';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import * as store from './store';
import { statsBoardReports } from './tables';

export interface MonthFigures {
  /** Services at offices and online. */
  office: number;
  online: number;
  /** Fees billed for them, Rials. */
  amountRials: number;
  /** Filings submitted in the month, and of those accepted or returned by the court so far. */
  filingsSubmitted: number;
  filingsAccepted: number;
  filingsReturned: number;
  /**
   * Notices issued in the month (every addressee's copy), of those opened at an office and online,
   * and the hours from issue to opening summed over the opened ones; absent from reports kept
   * before notices were counted.
   */
  noticesIssued?: number;
  noticesOpenedAtOffice?: number;
  noticesOpenedOnline?: number;
  noticesDelayHours?: number;
}

export interface BoardFigures {
  month: JalaliMonth;
  previousMonth: JalaliMonth;
  nation: { current: MonthFigures; previous: MonthFigures };
  provinces: { id: number; name: { fa: string; en: string }; current: MonthFigures; previous: MonthFigures }[];
}

const empty = (): MonthFigures => ({
  office: 0,
  online: 0,
  amountRials: 0,
  filingsSubmitted: 0,
  filingsAccepted: 0,
  filingsReturned: 0,
  noticesIssued: 0,
  noticesOpenedAtOffice: 0,
  noticesOpenedOnline: 0,
  noticesDelayHours: 0,
});

/** Figures added up (a year's from its months). */
export function sumFigures(list: readonly MonthFigures[]): MonthFigures {
  const total = empty();
  for (const f of list)
    for (const k of Object.keys(total) as (keyof MonthFigures)[]) total[k] = (total[k] ?? 0) + (f[k] ?? 0);
  return total;
}

/** Each month's figures nationwide and per province, from the services, filings and notices rollups. */
export interface FiguresByMonth {
  provinces: { id: number; name: { fa: string; en: string } }[];
  nation: (month: JalaliMonth) => MonthFigures;
  province: (provinceId: number, month: JalaliMonth) => MonthFigures;
}

/** The months from `fromMonth` to `toMonth` (both included), nationwide and per province. */
export async function figuresByMonth(
  db: Executor,
  fromMonth: JalaliMonth,
  toMonth: JalaliMonth,
): Promise<FiguresByMonth> {
  const filter: store.DashboardFilter = {
    fromIso: jalaliMonthStartIso(fromMonth),
    toIso: jalaliMonthStartIso(toMonth),
    service: null,
    channel: null,
    place: { level: 'nation' },
  };
  // One after another: inside the job's transaction they share one connection.
  const volume = await store.dashboardVolume(db, filter);
  const filings = await store.dashboardFilings(db, filter);
  const notices = await store.dashboardNotices(db, filter);
  const provinces = await store.allProvinces(db);
  const cells = new Map<string, MonthFigures>();
  const cell = (place: number | 'nation', month: JalaliMonth) => {
    const key = `${place}:${month}`;
    if (!cells.has(key)) cells.set(key, empty());
    return cells.get(key)!;
  };
  /** The nation's and the row's province's figures of the row's month (online rows name their province too). */
  const both = (r: { month: string; child: number | null }) => {
    const month = jalaliMonthOfIso(r.month);
    return [cell('nation', month), ...(r.child == null ? [] : [cell(r.child, month)])];
  };
  for (const r of volume)
    for (const f of both(r)) {
      f[r.channel] += r.records;
      f.amountRials += r.amountRials;
    }
  for (const r of filings)
    for (const f of both(r)) {
      f.filingsSubmitted += r.submitted;
      f.filingsAccepted += r.accepted;
      f.filingsReturned += r.returned;
    }
  for (const r of notices)
    for (const f of both(r)) {
      f.noticesIssued = (f.noticesIssued ?? 0) + r.issued;
      f.noticesOpenedAtOffice = (f.noticesOpenedAtOffice ?? 0) + r.openedAtOffice;
      f.noticesOpenedOnline = (f.noticesOpenedOnline ?? 0) + r.openedOnline;
      f.noticesDelayHours = (f.noticesDelayHours ?? 0) + r.officeDelayHours + r.onlineDelayHours;
    }
  const known = new Set(provinces.map((p) => p.id));
  return {
    provinces: provinces.map((p) => ({ id: p.id, name: { fa: p.nameFa, en: p.nameEn } })),
    nation: (month) => ({ ...(cells.get(`nation:${month}`) ?? empty()) }),
    province: (id, month) => ({ ...((known.has(id) && cells.get(`${id}:${month}`)) || empty()) }),
  };
}

/** The month and the one before, nationwide and per province, from the services and filings rollups. */
async function boardFigures(db: Executor, month: JalaliMonth): Promise<BoardFigures> {
  const previousMonth = addJalaliMonths(month, -1);
  const figures = await figuresByMonth(db, previousMonth, month);
  return {
    month,
    previousMonth,
    nation: { current: figures.nation(month), previous: figures.nation(previousMonth) },
    provinces: figures.provinces.map((p) => ({
      ...p,
      current: figures.province(p.id, month),
      previous: figures.province(p.id, previousMonth),
    })),
  };
}

/** The last Jalali month that has ended on this day in Tehran. */
export function lastFinishedMonth(now: Date): JalaliMonth {
  return addJalaliMonths(jalaliMonthOfIso(tehranIsoDate(now)), -1);
}

/** Makes (or makes again, replacing the kept figures) the report of a finished month. */
export async function saveBoardReport(db: Executor, month: JalaliMonth, now: Date, by: number | null) {
  const figures = await boardFigures(db, month);
  const [row] = await db
    .insert(statsBoardReports)
    .values({ month, figures, generatedAt: now, generatedBy: by })
    .onConflictDoUpdate({
      target: statsBoardReports.month,
      set: { figures, generatedAt: now, generatedBy: by },
    })
    .returning();
  return row;
}

/**
 * Daily shortly after midnight in Tehran (20:35 UTC; Iran keeps no summer time): a cron line
 * cannot name the first of a Jalali month, so the job runs every day and makes the last finished
 * month's report when it is missing — on the first of the month, or the first day the workers run
 * after it.
 */
export const BOARD_REPORT_JOB: ScheduledJob = {
  queue: 'stats.board-report',
  cron: '35 20 * * *',
  run: (database: Database, clock) =>
    database.db.transaction(async (tx) => {
      const month = lastFinishedMonth(clock.now());
      const [kept] = await tx
        .select({ id: statsBoardReports.id })
        .from(statsBoardReports)
        .where(eq(statsBoardReports.month, month));
      if (kept) return { month, made: false };
      await saveBoardReport(tx, month, clock.now(), null);
      return { month, made: true };
    }),
};
