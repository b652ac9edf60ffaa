/**
 * Notices on the statistics dashboard: every addressee's copy issued per month and place one level
 * down, how many were opened at an office and online, and the mean time from issue to opening on
 * each channel, with the same months a year before; read from the notices rollup.
 */
import type { z } from 'zod';
import { jalaliMonthOfIso } from '#core/jalali';
import { changePercent } from '#core/stats-dashboard';
import type { Actor } from '#server/platform/auth/actor';
import type { AppContext } from '#server/platform/context';
import { dashboardFrame } from './dashboard';
import type { noticesDashboardSchema, servicesQuery } from './schemas';
import * as store from './store';

interface Tally {
  issued: number;
  openedAtOffice: number;
  openedOnline: number;
  officeDelayHours: number;
  onlineDelayHours: number;
  previousIssued: number;
}
const empty = (): Tally => ({
  issued: 0,
  openedAtOffice: 0,
  openedOnline: 0,
  officeDelayHours: 0,
  onlineDelayHours: 0,
  previousIssued: 0,
});
const mean = (hours: number, n: number) => (n ? Math.round((hours / n) * 10) / 10 : null);
const figures = ({ officeDelayHours, onlineDelayHours, ...t }: Tally) => {
  const opened = t.openedAtOffice + t.openedOnline;
  return {
    ...t,
    unopened: t.issued - opened,
    meanDelayHours: mean(officeDelayHours + onlineDelayHours, opened),
    meanOfficeDelayHours: mean(officeDelayHours, t.openedAtOffice),
    meanOnlineDelayHours: mean(onlineDelayHours, t.openedOnline),
    changePercent: changePercent(t.issued, t.previousIssued),
  };
};

export async function noticesDashboard(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof servicesQuery>,
): Promise<z.infer<typeof noticesDashboardSchema>> {
  const { path, placeNamed, childLevel, months, previousMonths, filter, children } = await dashboardFrame(
    ctx,
    actor,
    query,
  );
  const [current, previous] = await Promise.all([
    store.dashboardNotices(ctx.db, filter(months)),
    store.dashboardNotices(ctx.db, filter(previousMonths)),
  ]);
  const totals = empty();
  const byMonth = new Map(months.map((m) => [m, empty()]));
  const byChild = new Map(children.map((c) => [c.id, empty()]));
  for (const r of current) {
    for (const t of [totals, byMonth.get(jalaliMonthOfIso(r.month)), byChild.get(r.child ?? -1)]) {
      if (!t) continue;
      t.issued += r.issued;
      t.openedAtOffice += r.openedAtOffice;
      t.openedOnline += r.openedOnline;
      t.officeDelayHours += r.officeDelayHours;
      t.onlineDelayHours += r.onlineDelayHours;
    }
  }
  for (const r of previous) {
    const sameMonthNow = months[previousMonths.indexOf(jalaliMonthOfIso(r.month))];
    for (const t of [totals, byMonth.get(sameMonthNow), byChild.get(r.child ?? -1)]) {
      if (t) t.previousIssued += r.issued;
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
  };
}
