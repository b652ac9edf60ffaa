/**
 * Filings on the statistics dashboard: submitted, accepted and returned by the court with its time
 * to decide, per month and place one level down, and those still awaiting the court by how long
 * they have waited; read from the filings rollups the statistics job refreshes.
 */
import type { z } from 'zod';
import { AGE_BANDS } from '#core/age-bands';
import { jalaliMonthOfIso } from '#core/jalali';
import { changePercent } from '#core/stats-dashboard';
import type { Actor } from '#server/platform/auth/actor';
import type { AppContext } from '#server/platform/context';
import { dashboardFrame } from './dashboard';
import type { filingsDashboardSchema, servicesQuery } from './schemas';
import * as store from './store';

interface Tally {
  submitted: number;
  accepted: number;
  returned: number;
  responseHours: number;
  previousSubmitted: number;
}
const empty = (): Tally => ({ submitted: 0, accepted: 0, returned: 0, responseHours: 0, previousSubmitted: 0 });
const figures = ({ responseHours, ...t }: Tally) => {
  const decided = t.accepted + t.returned;
  return {
    ...t,
    meanResponseHours: decided ? Math.round((responseHours / decided) * 10) / 10 : null,
    changePercent: changePercent(t.submitted, t.previousSubmitted),
  };
};

export async function filingsDashboard(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof servicesQuery>,
): Promise<z.infer<typeof filingsDashboardSchema>> {
  const { path, placeNamed, childLevel, months, previousMonths, filter, children } = await dashboardFrame(
    ctx,
    actor,
    query,
  );
  const [current, previous, pending] = await Promise.all([
    store.dashboardFilings(ctx.db, filter(months)),
    store.dashboardFilings(ctx.db, filter(previousMonths)),
    store.pendingFilings(ctx.db, filter(months)),
  ]);
  const totals = empty();
  const byMonth = new Map(months.map((m) => [m, empty()]));
  const byChild = new Map(children.map((c) => [c.id, empty()]));
  for (const r of current) {
    for (const t of [totals, byMonth.get(jalaliMonthOfIso(r.month)), byChild.get(r.child ?? -1)]) {
      if (!t) continue;
      t.submitted += r.submitted;
      t.accepted += r.accepted;
      t.returned += r.returned;
      t.responseHours += r.responseHours;
    }
  }
  for (const r of previous) {
    const sameMonthNow = months[previousMonths.indexOf(jalaliMonthOfIso(r.month))];
    for (const t of [totals, byMonth.get(sameMonthNow), byChild.get(r.child ?? -1)]) {
      if (t) t.previousSubmitted += r.submitted;
    }
  }
  return {
    place: placeNamed,
    path,
    childLevel,
    months,
    previousMonths,
    totals: figures(totals),
    byMonth: months.map((month) => ({ month, ...figures(byMonth.get(month)!) })),
    children: children.map((c) => ({ id: c.id, name: { fa: c.nameFa, en: c.nameEn }, ...figures(byChild.get(c.id)!) })),
    pending: {
      asOf: pending.asOf?.toISOString() ?? null,
      bands: AGE_BANDS.map((band) => ({ band, filings: pending.bands.get(band) ?? 0 })),
    },
  };
}
