/**
 * The board's monthly reports for national oversight: the list, one report, and the regulator's
 * making of one on demand. A report holds every province's figures, so a province's association
 * (whose grant is its province) is refused, as are operators, managers and citizens.
 */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { JalaliMonth } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { type BoardFigures, lastFinishedMonth, saveBoardReport } from './board-report';
import type { boardReportsQuery } from './schemas';
import { statsBoardReports } from './tables';

type Action = 'stats.board-reports' | 'stats.board-reports.make';

function requireNation(actor: Actor, action: Action) {
  if (!scopeFilter(actor, action).all) throw new AppError('forbidden');
}

const summary = (row: typeof statsBoardReports.$inferSelect) => {
  const f = row.figures as BoardFigures;
  const current = f.nation.current;
  return {
    month: row.month,
    previousMonth: f.previousMonth,
    generatedAt: row.generatedAt.toISOString(),
    byJob: row.generatedBy == null,
    services: current.office + current.online,
    amountRials: current.amountRials,
    filingsSubmitted: current.filingsSubmitted,
  };
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
