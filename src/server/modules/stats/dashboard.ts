/**
 * The statistics dashboard: services at one place of the drill-down (nation → province → county
 * → office) by month, service and channel, with the places one level down and the same months a
 * year before, all read from the monthly rollup (docs/decisions/0019), never from the records.
 */
import type { z } from 'zod';
import { onlineSharePercent, sharePeriod } from '#core/channel-share';
import { jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate, type JalaliMonth } from '#core/jalali';
import { changePercent, yearBefore } from '#core/stats-dashboard';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { invalidField } from '#server/platform/errors/app-error';
import { activeServices } from '#server/modules/tariffs/channels/store';
import type { servicesDashboardSchema, servicesQuery } from './schemas';
import type { StatsLevel } from './values';
import * as store from './store';

type Query = z.infer<typeof servicesQuery>;
type Dashboard = z.infer<typeof servicesDashboardSchema>;
type Named = { level: StatsLevel; id: number | null; name: { fa: string; en: string } };

const NATION: Named = { level: 'nation', id: null, name: { fa: 'کل کشور', en: 'Nationwide' } };
const CHILD_LEVEL: Record<StatsLevel, StatsLevel | null> = {
  nation: 'province',
  province: 'county',
  county: 'office',
  office: null,
};

const named = (level: StatsLevel, row: store.PlaceRow): Named => ({
  level,
  id: row.id,
  name: { fa: row.nameFa, en: row.nameEn },
});

/**
 * The place asked for — the deepest id given (office, else county, else province), else the
 * caller's own scope — after checking the caller may see it; with the way up to it.
 */
async function resolvePlace(
  ctx: AppContext,
  actor: Actor,
  query: Query,
): Promise<{ place: store.Place; path: Named[] }> {
  const scope = scopeFilter(actor, 'stats.dashboard');
  let { provinceId, officeId } = query;
  const { countyId } = query;
  if (officeId == null && countyId == null && provinceId == null) {
    if (scope.all) return { place: { level: 'nation' }, path: [NATION] };
    if (scope.provinceIds.length) provinceId = scope.provinceIds[0];
    else officeId = scope.officeIds[0];
  }

  const visible = (path: (Named & { provinceId?: number; officeId?: number })[]) =>
    path
      .filter((p) =>
        p.level === 'nation'
          ? scope.all
          : can(actor, 'stats.dashboard', { provinceId: p.provinceId, officeId: p.officeId ?? undefined }),
      )
      .map(({ level, id, name }) => ({ level, id, name }));

  if (officeId != null) {
    const office = await store.officeById(ctx.db, officeId);
    if (!office) throw invalidField('officeId', 'office_not_found');
    authorize(actor, 'stats.dashboard', { officeId: office.id, provinceId: office.provinceId });
    const [province, county] = await Promise.all([
      store.provinceById(ctx.db, office.provinceId).then((p) => p!),
      office.countyId == null ? null : store.countyById(ctx.db, office.countyId),
    ]);
    return {
      place: { level: 'office', officeId: office.id },
      path: visible([
        NATION,
        { ...named('province', province), provinceId: province.id },
        ...(county ? [{ ...named('county', county), provinceId: county.provinceId }] : []),
        { ...named('office', office), provinceId: office.provinceId, officeId: office.id },
      ]),
    };
  }
  if (countyId != null) {
    const county = await store.countyById(ctx.db, countyId);
    if (!county) throw invalidField('countyId', 'unknown_county');
    authorize(actor, 'stats.dashboard', { provinceId: county.provinceId });
    const province = (await store.provinceById(ctx.db, county.provinceId))!;
    return {
      place: { level: 'county', provinceId: county.provinceId, countyId: county.id },
      path: visible([
        NATION,
        { ...named('province', province), provinceId: province.id },
        { ...named('county', county), provinceId: county.provinceId },
      ]),
    };
  }
  const province = await store.provinceById(ctx.db, provinceId!);
  if (!province) throw invalidField('provinceId', 'unknown_province');
  authorize(actor, 'stats.dashboard', { provinceId: province.id });
  return {
    place: { level: 'province', provinceId: province.id },
    path: visible([NATION, { ...named('province', province), provinceId: province.id }]),
  };
}

async function childrenOf(ctx: AppContext, place: store.Place): Promise<store.PlaceRow[]> {
  switch (place.level) {
    case 'nation':
      return store.allProvinces(ctx.db);
    case 'province':
      return store.countiesWithOffices(ctx.db, place.provinceId);
    case 'county':
      return store.officesOfCounty(ctx.db, place.countyId);
    case 'office':
      return [];
  }
}

interface Tally {
  office: number;
  online: number;
  amountRials: number;
  previousRecords: number;
  previousAmountRials: number;
}
const emptyTally = (): Tally => ({ office: 0, online: 0, amountRials: 0, previousRecords: 0, previousAmountRials: 0 });
const withChange = ({ previousAmountRials: _, ...t }: Tally) => ({
  ...t,
  changePercent: changePercent(t.office + t.online, t.previousRecords),
});

/**
 * What every dashboard figure starts from: the place (checked against the caller's scope) with the
 * way up to it, the months asked for and the same months a year before, the filters as the
 * rollups take them, and the places one level down.
 */
export async function dashboardFrame(ctx: AppContext, actor: Actor, query: Query) {
  const { place, path } = await resolvePlace(ctx, actor, query);

  const period = sharePeriod(
    { fromMonth: query.fromMonth, toMonth: query.toMonth },
    jalaliMonthOfIso(tehranIsoDate(ctx.clock.now())),
  );
  if (!period.ok) throw invalidField(period.field, period.problem);
  const months = period.months;
  const previousMonths = yearBefore(months);

  const [services, children] = await Promise.all([activeServices(ctx.db), childrenOf(ctx, place)]);
  if (query.service && !services.some((s) => s.code === query.service))
    throw invalidField('service', 'unknown_service');

  const filter = (ms: JalaliMonth[]): store.DashboardFilter => ({
    fromIso: jalaliMonthStartIso(ms[0]),
    toIso: jalaliMonthStartIso(ms[ms.length - 1]),
    service: query.service ?? null,
    channel: query.channel ?? null,
    place,
  });
  return {
    place,
    path,
    placeNamed: path[path.length - 1],
    childLevel: CHILD_LEVEL[place.level],
    months,
    previousMonths,
    services,
    filter,
    children,
  };
}

type Frame = Awaited<ReturnType<typeof dashboardFrame>>;

/**
 * A measure read from a rollup, laid out as the filings and notices dashboards show it: its rows of
 * the months asked for summed into the period's totals, each month and each place one level down
 * (`add`), and its rows of the year before summed into the same month now (`addPrevious`); each
 * tally then read out by `figures`.
 */
export function byMonthAndPlace<R extends { month: string; child: number | null }, T, F>(
  frame: Pick<Frame, 'placeNamed' | 'path' | 'childLevel' | 'months' | 'previousMonths' | 'children'>,
  rows: { current: R[]; previous: R[] },
  measure: { empty: () => T; add: (t: T, r: R) => void; addPrevious: (t: T, r: R) => void; figures: (t: T) => F },
) {
  const { months, previousMonths, children } = frame;
  const totals = measure.empty();
  const byMonth = new Map(months.map((m) => [m, measure.empty()]));
  const byChild = new Map(children.map((c) => [c.id, measure.empty()]));
  const talliesOf = (r: R, monthNow: JalaliMonth | undefined) => [
    totals,
    monthNow && byMonth.get(monthNow),
    byChild.get(r.child ?? -1),
  ];
  for (const r of rows.current) for (const t of talliesOf(r, jalaliMonthOfIso(r.month))) if (t) measure.add(t, r);
  for (const r of rows.previous) {
    const sameMonthNow = months[previousMonths.indexOf(jalaliMonthOfIso(r.month))];
    for (const t of talliesOf(r, sameMonthNow)) if (t) measure.addPrevious(t, r);
  }
  return {
    place: frame.placeNamed,
    path: frame.path,
    childLevel: frame.childLevel,
    months,
    previousMonths,
    totals: measure.figures(totals),
    byMonth: months.map((month) => ({ month, ...measure.figures(byMonth.get(month)!) })),
    children: children.map((c) => ({
      id: c.id,
      name: { fa: c.nameFa, en: c.nameEn },
      ...measure.figures(byChild.get(c.id)!),
    })),
  };
}

export async function servicesDashboard(ctx: AppContext, actor: Actor, query: Query): Promise<Dashboard> {
  const { place, path, placeNamed, childLevel, months, previousMonths, services, filter, children } =
    await dashboardFrame(ctx, actor, query);
  const [current, previous] = await Promise.all([
    store.dashboardVolumeSummary(ctx.db, filter(months)),
    store.dashboardVolumeSummary(ctx.db, filter(previousMonths)),
  ]);
  const totals = emptyTally();
  const byMonth = new Map(months.map((m) => [m, emptyTally()]));
  const byService = new Map(services.map((s) => [s.code, emptyTally()]));
  const byChild = new Map(children.map((c) => [c.id, emptyTally()]));
  // Each row is one channel of one month, one service or one place: the months add up to the totals.
  const talliesOf = (r: store.VolumeSummaryRow, monthNow: (isoMonth: string) => JalaliMonth | undefined) =>
    r.by === 'month'
      ? [totals, byMonth.get(monthNow(r.month)!)]
      : r.by === 'service'
        ? [byService.get(r.service)]
        : [byChild.get(r.child ?? -1)];
  for (const r of current) {
    for (const t of talliesOf(r, jalaliMonthOfIso)) {
      if (!t) continue;
      t[r.channel] += r.records;
      t.amountRials += r.amountRials;
    }
  }
  const sameMonthNow = (isoMonth: string) => months[previousMonths.indexOf(jalaliMonthOfIso(isoMonth))];
  for (const r of previous) {
    for (const t of talliesOf(r, sameMonthNow)) {
      if (!t) continue;
      t.previousRecords += r.records;
      t.previousAmountRials += r.amountRials;
    }
  }

  return {
    place: placeNamed,
    path,
    childLevel,
    childrenCover: place.level === 'nation' ? 'both' : 'office',
    months,
    previousMonths,
    totals: {
      ...withChange(totals),
      records: totals.office + totals.online,
      previousAmountRials: totals.previousAmountRials,
      digitalTakeUpPercent: onlineSharePercent(totals.office, totals.online),
    },
    byMonth: months.map((month) => ({ month, ...withChange(byMonth.get(month)!) })),
    byService: services
      .filter((s) => !query.service || s.code === query.service)
      .map((s) => ({ service: s.code, titleFa: s.titleFa, titleEn: s.titleEn, ...withChange(byService.get(s.code)!) })),
    children: children.map((c) => {
      const t = byChild.get(c.id)!;
      return {
        id: c.id,
        name: { fa: c.nameFa, en: c.nameEn },
        ...withChange(t),
        digitalTakeUpPercent: onlineSharePercent(t.office, t.online),
      };
    }),
  };
}
