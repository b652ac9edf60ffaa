/**
 * The board's monthly and annual reports for national oversight: the lists, one report, and the
 * regulator's making of one on demand. A report holds every province's figures, so a province's association
 * (whose grant is its province) is refused, as are operators, managers and citizens.
 */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { lastFinishedYear } from '#core/board-annual';
import { type JalaliMonth, tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { type AnnualFigures, saveAnnualReport } from './board-annual';
import { type BoardFigures, lastFinishedMonth, type MonthFigures, saveBoardReport } from './board-report';
import type { boardReportsQuery } from './schemas';
import { statsBoardAnnualReports, statsBoardReports } from './tables';

type Action = 'stats.board-reports' | 'stats.board-reports.make';

function requireNation(actor: Actor, action: Action) {
  if (!scopeFilter(actor, action).all) throw new AppError('forbidden');
}

/** What a kept report of either kind shows in its list: when and how it was made, and the nation's headline figures. */
const keptReportSummary = (row: {
  generatedAt: Date;
  generatedBy: number | null;
  figures: { nation: { current: MonthFigures } };
}) => {
  const current = row.figures.nation.current;
  return {
    generatedAt: row.generatedAt.toISOString(),
    byJob: row.generatedBy == null,
    services: current.office + current.online,
    amountRials: current.amountRials,
    filingsSubmitted: current.filingsSubmitted,
  };
};

const summary = (row: typeof statsBoardReports.$inferSelect) => {
  const figures = row.figures as BoardFigures;
  return { month: row.month, previousMonth: figures.previousMonth, ...keptReportSummary({ ...row, figures }) };
};

export async function listBoardReports(ctx: AppContext, actor: Actor, query: z.infer<typeof boardReportsQuery>) {
  requireNation(actor, 'stats.board-reports');
  const { fromMonth, toMonth } = query;
  if (fromMonth && toMonth && toMonth < fromMonth) throw invalidField('toMonth', 'end_before_start');
  const rows = await ctx.db
    .select()
    .from(statsBoardReports)
    .where(
      and(
        fromMonth ? gte(statsBoardReports.month, fromMonth) : undefined,
        toMonth ? lte(statsBoardReports.month, toMonth) : undefined,
      ),
    )
    .orderBy(desc(statsBoardReports.month));
  return { lastFinishedMonth: lastFinishedMonth(ctx.clock.now()), items: rows.map(summary) };
}

/** The kept report of a month, for its print view and PDF. */
export async function boardReport(ctx: AppContext, actor: Actor, month: JalaliMonth) {
  requireNation(actor, 'stats.board-reports');
  const [row] = await ctx.db.select().from(statsBoardReports).where(eq(statsBoardReports.month, month));
  if (!row) throw new AppError('board_report_not_found');
  return { figures: row.figures as BoardFigures, generatedAt: row.generatedAt };
}

/** The regulator makes a finished month's report now (again, if one is kept: the figures are read afresh). */
export async function makeBoardReport(ctx: AppContext, actor: Actor, month: JalaliMonth) {
  requireNation(actor, 'stats.board-reports.make');
  // `YYYY-MM` sorts as text: the month running now and any later one have not ended.
  if (month > lastFinishedMonth(ctx.clock.now())) throw invalidField('month', 'month_in_future');
  const row = await ctx.db.transaction((tx) => saveBoardReport(tx, month, ctx.clock.now(), actor.userId));
  return summary(row);
}

const annualSummary = (row: typeof statsBoardAnnualReports.$inferSelect) => {
  const figures = row.figures as AnnualFigures;
  return {
    year: row.year,
    previousYear: figures.previousYear,
    ...keptReportSummary({ ...row, figures }),
    officesBelowBreakEven: figures.belowBreakEven.available ? figures.belowBreakEven.offices.length : null,
    officesBelowQuality: figures.belowQuality.offices.length,
  };
};

/** The annual reports kept so far, newest year first. */
export async function listAnnualReports(ctx: AppContext, actor: Actor) {
  requireNation(actor, 'stats.board-reports');
  const rows = await ctx.db.select().from(statsBoardAnnualReports).orderBy(desc(statsBoardAnnualReports.year));
  return { lastFinishedYear: lastFinishedYear(tehranIsoDate(ctx.clock.now())), items: rows.map(annualSummary) };
}

/** The kept report of a year, for its print view and PDF. */
export async function annualReport(ctx: AppContext, actor: Actor, year: number) {
  requireNation(actor, 'stats.board-reports');
  const [row] = await ctx.db.select().from(statsBoardAnnualReports).where(eq(statsBoardAnnualReports.year, year));
  if (!row) throw new AppError('board_annual_report_not_found');
  return { figures: row.figures as AnnualFigures, generatedAt: row.generatedAt };
}

/** The regulator makes a finished year's report now (again, if one is kept: the figures are read afresh). */
export async function makeAnnualReport(ctx: AppContext, actor: Actor, year: number) {
  requireNation(actor, 'stats.board-reports.make');
  if (year > lastFinishedYear(tehranIsoDate(ctx.clock.now()))) throw invalidField('year', 'year_in_future');
  return annualSummary(await saveAnnualReport(ctx.db, year, ctx.clock.now(), actor.userId));
}
