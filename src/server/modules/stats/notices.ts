/**
 * Notices on the statistics dashboard: every addressee's copy issued per month and place one level
 * down, how many were opened at an office and online, and the mean time from issue to opening on
 * each channel, with the same months a year before; read from the notices rollup.
 */
import type { z } from 'zod';
import { changePercent } from '#core/stats-dashboard';
import type { Actor } from '#server/platform/auth/actor';
import type { AppContext } from '#server/platform/context';
import { byMonthAndPlace, dashboardFrame } from './dashboard';
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
  const frame = await dashboardFrame(ctx, actor, query);
  const { months, previousMonths, filter } = frame;
  const [current, previous] = await Promise.all([
    store.dashboardNotices(ctx.db, filter(months)),
    store.dashboardNotices(ctx.db, filter(previousMonths)),
  ]);
  return byMonthAndPlace(
    frame,
    { current, previous },
    {
      empty,
      add(t, r) {
        t.issued += r.issued;
        t.openedAtOffice += r.openedAtOffice;
        t.openedOnline += r.openedOnline;
        t.officeDelayHours += r.officeDelayHours;
        t.onlineDelayHours += r.onlineDelayHours;
      },
      addPrevious(t, r) {
        t.previousIssued += r.issued;
      },
      figures,
    },
  );
}
