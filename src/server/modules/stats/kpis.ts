/**
 * The four service KPIs on the statistics dashboard, at one place by month, service and place one
 * level down, each beside its "great" threshold (#core/service-kpis): digital take-up from the
 * services rollup, completion rate from filings started and finished, user satisfaction from the
 * counter surveys (both from stats_kpi_monthly). Cost per transaction has no source yet and is
 * reported as not available, as is take-up below a province (online services belong to no office).
 */
import type { z } from 'zod';
import { jalaliMonthOfIso } from '#core/jalali';
import { KPI_TARGETS, kpiPercent } from '#core/service-kpis';
import type { Actor } from '#server/platform/auth/actor';
import type { AppContext } from '#server/platform/context';
import { dashboardFrame } from './dashboard';
import type { kpisDashboardSchema, servicesQuery } from './schemas';
import * as store from './store';

type Kpis = z.infer<typeof kpisDashboardSchema>;

interface Tally {
  office: number;
  online: number;
  started: number;
  finished: number;
  answered: number;
  satisfied: number;
}
const empty = (): Tally => ({ office: 0, online: 0, started: 0, finished: 0, answered: 0, satisfied: 0 });

export async function kpisDashboard(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof servicesQuery>,
): Promise<Kpis> {
  const { place, path, placeNamed, childLevel, months, services, filter, children } = await dashboardFrame(
    ctx,
    actor,
    query,
  );
  // Every KPI weighs both channels: the channel filter does not apply.
  const f = { ...filter(months), channel: null };
  const [volume, kpis] = await Promise.all([store.dashboardVolumeSummary(ctx.db, f), store.dashboardKpis(ctx.db, f)]);
  // Below a province online services belong to no office: take-up there would always read 0 %.
  const takeUpKnown = place.level === 'nation' || place.level === 'province';
  const figures = (t: Tally, takeUp = takeUpKnown) => ({
    servicesOnline: t.online,
    servicesAll: t.office + t.online,
    digitalTakeUpPercent: takeUp ? kpiPercent(t.online, t.office + t.online) : null,
    filingsStarted: t.started,
    filingsFinished: t.finished,
    completionRatePercent: kpiPercent(t.finished, t.started),
    costPerTransactionRials: null,
    surveysAnswered: t.answered,
    surveysSatisfied: t.satisfied,
    userSatisfactionPercent: kpiPercent(t.satisfied, t.answered),
  });

  const totals = empty();
  const byMonth = new Map(months.map((m) => [m, empty()]));
  const byService = new Map(services.map((s) => [s.code, empty()]));
  const byChild = new Map(children.map((c) => [c.id, empty()]));
  const tallies = (r: { month: string; service: string; child: number | null }) => [
    totals,
    byMonth.get(jalaliMonthOfIso(r.month)),
    byService.get(r.service),
    byChild.get(r.child ?? -1),
  ];
  // Each volume row is one channel of one month (which add up to the totals), one service or one place.
  for (const r of volume) {
    const ts =
      r.by === 'month'
        ? [totals, byMonth.get(jalaliMonthOfIso(r.month))]
        : r.by === 'service'
          ? [byService.get(r.service)]
          : [byChild.get(r.child ?? -1)];
    for (const t of ts) if (t) t[r.channel] += r.records;
  }
  for (const r of kpis) {
    for (const t of tallies(r)) {
      if (!t) continue;
      t.started += r.filingsStarted;
      t.finished += r.filingsFinished;
      t.answered += r.surveysAnswered;
      t.satisfied += r.surveysSatisfied;
    }
  }

  const NO_COST = {
    fa: 'هزینهٔ هر تراکنش هنوز منبعی ندارد: مدل هزینهٔ دفتر هزینهٔ ماهانهٔ دفتر را می‌دهد، نه هزینهٔ هر خدمت را.',
    en: "Cost per transaction has no source yet: the office cost model gives an office's monthly costs, not each service's.",
  };
  const NO_TAKE_UP = {
    fa: 'سهم برخط پایین‌تر از استان معنا ندارد: خدمات برخط به دفتری تعلق ندارند.',
    en: 'Digital take-up has no meaning below a province: online services belong to no office.',
  };
  return {
    place: placeNamed,
    path,
    childLevel,
    months,
    kpis: [
      {
        kpi: 'digitalTakeUp',
        targetPercent: KPI_TARGETS.digitalTakeUp,
        available: takeUpKnown,
        note: takeUpKnown ? null : NO_TAKE_UP,
      },
      { kpi: 'completionRate', targetPercent: KPI_TARGETS.completionRate, available: true, note: null },
      { kpi: 'costPerTransaction', targetPercent: KPI_TARGETS.costPerTransaction, available: false, note: NO_COST },
      { kpi: 'userSatisfaction', targetPercent: KPI_TARGETS.userSatisfaction, available: true, note: null },
    ],
    totals: figures(totals),
    byMonth: months.map((month) => ({ month, ...figures(byMonth.get(month)!) })),
    byService: services
      .filter((s) => !query.service || s.code === query.service)
      .map((s) => ({ service: s.code, titleFa: s.titleFa, titleEn: s.titleEn, ...figures(byService.get(s.code)!) })),
    // The nation's children are provinces, where take-up is known.
    children: children.map((c) => ({
      id: c.id,
      name: { fa: c.nameFa, en: c.nameEn },
      ...figures(byChild.get(c.id)!, place.level === 'nation'),
    })),
  };
}
