/**
 * Filings on the statistics dashboard: submitted, accepted and returned by the court with its time
 * to decide, per month and place one level down, and those still awaiting the court by how long
 * they have waited; read from the filings rollups the statistics job refreshes.
 */
import type { z } from 'zod';
import { AGE_BANDS } from '#core/age-bands';
import { changePercent } from '#core/stats-dashboard';
import type { Actor } from '#server/platform/auth/actor';
import type { AppContext } from '#server/platform/context';
import { byMonthAndPlace, dashboardFrame } from './dashboard';
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
  const frame = await dashboardFrame(ctx, actor, query);
  const { months, previousMonths, filter } = frame;
  const [current, previous, pending] = await Promise.all([
    store.dashboardFilings(ctx.db, filter(months)),
    store.dashboardFilings(ctx.db, filter(previousMonths)),
    store.pendingFilings(ctx.db, filter(months)),
  ]);
  return {
    ...byMonthAndPlace(
      frame,
      { current, previous },
      {
        empty,
        add(t, r) {
          t.submitted += r.submitted;
          t.accepted += r.accepted;
          t.returned += r.returned;
          t.responseHours += r.responseHours;
        },
        addPrevious(t, r) {
          t.previousSubmitted += r.submitted;
        },
        figures,
      },
    ),
    pending: {
      asOf: pending.asOf?.toISOString() ?? null,
      bands: AGE_BANDS.map((band) => ({ band, filings: pending.bands.get(band) ?? 0 })),
    },
  };
}
