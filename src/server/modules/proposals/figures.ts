/** The board's dashboard on proposals for a Jalali year (the arithmetic: core/proposal-figures.ts). */
import { addDaysIso, isoToJalali, jalaliToIso, tehranIsoDate } from '#core/jalali';
import { proposalFigures } from '#core/proposal-figures';
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { calendarFor, clocksOf, phaseOf } from './service';
import * as store from './store';

export async function proposalDashboard(ctx: AppContext, actor: Actor, asked: number | undefined) {
  scopeFilter(actor, 'proposals.read');
  const today = tehranIsoDate(ctx.clock.now());
  const year = asked ?? isoToJalali(today).jy;
  const from = jalaliToIso({ jy: year, jm: 1, jd: 1 });
  const to = addDaysIso(jalaliToIso({ jy: year + 1, jm: 1, jd: 1 }), -1);
  const rows = await store.receivedBetween(ctx.db, from, to);
  const calendar = await calendarFor(ctx.db, rows, today);
  const requests = await store.infoRequestsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const figures = proposalFigures(
    rows.map((row) => ({
      ...clocksOf(
        row,
        requests.filter((r) => r.proposalId === row.id),
        today,
        calendar,
      ),
      open: phaseOf(row) !== null,
    })),
  );
  return { year, ...figures };
}
