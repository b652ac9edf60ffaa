/**
 * The network map's use cases: figures per province (and its counties), offices as points with
 * their viability, and the viability table. Each checks the caller's scope before it reads: a
 * province's association and inspectors see their province, an office manager their office.
 */
import type { z } from 'zod';
import {
  demandPerOffice,
  farPopulation,
  median,
  per100k,
  saturation,
  share,
  type PlacePoint,
} from '#core/network-figures';
import { tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { demandPoints } from '#server/modules/geo/reference/demand-points';
import type {
  distributionSchema,
  officesMapSchema,
  provinceDetailSchema,
  provinceFiguresSchema,
  viabilityListSchema,
} from './schemas';
import {
  activeOffices,
  countiesOf,
  locatedActiveOffices,
  officeProvince,
  provincesOf,
  type ActiveOffice,
} from './store';
import {
  officeViabilities,
  provinceDemandRates,
  viabilityPeriod,
  type OfficeViability,
  type ViabilityFilter,
} from './viability';

type Distribution = z.infer<typeof distributionSchema>;
type ProvinceFigures = z.infer<typeof provinceFiguresSchema>;
type ProvinceDetail = z.infer<typeof provinceDetailSchema>;
type OfficesMap = z.infer<typeof officesMapSchema>;
type ViabilityList = z.infer<typeof viabilityListSchema>;

function periodView(ctx: AppContext) {
  const p = viabilityPeriod(tehranIsoDate(ctx.clock.now()));
  return { fromMonth: p.fromMonth, toMonth: p.toMonth, months: p.months };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The provinces the caller may see figures of; null: all. */
function distributionScope(actor: Actor): number[] | null {
  const scope = scopeFilter(actor, 'geo.distribution.read');
  return scope.all ? null : scope.provinceIds;
}

async function existingProvince(ctx: AppContext, id: number) {
  const [p] = await provincesOf(ctx.db, [id]);
  if (!p) throw new AppError('not_found');
  return p;
}

interface ProvinceInputs {
  row: Awaited<ReturnType<typeof provincesOf>>[number];
  offices: ActiveOffice[];
  viabilities: OfficeViability[];
  points: PlacePoint[];
}

function provinceFigures(
  p: ProvinceInputs,
  located: { lat: number; lon: number }[],
  distanceKm: number,
): ProvinceFigures & { far: { population: number; far: number } } {
  const demand = p.viabilities.reduce((a, o) => a + o.demandMonthly, 0);
  const far = farPopulation(p.points, located, distanceKm);
  return {
    provinceId: p.row.id,
    name: { fa: p.row.nameFa, en: p.row.nameEn },
    population: p.row.population,
    populationYear: p.row.populationYear,
    populationSource: p.row.populationSource,
    offices: p.offices.length,
    officesPer100k: per100k(p.offices.length, p.row.population),
    demandMonthly: round1(demand),
    demandPerOffice: demandPerOffice(demand, p.offices.length),
    farShare: share(far.far, far.population),
    // Offices that are no longer active drop out of the network's count, whatever their past volume.
    belowBreakEven: p.viabilities.filter((o) => o.status === 'active' && o.viability === 'below').length,
    far,
  };
}

const groupBy = <T>(xs: T[], key: (x: T) => number) => {
  const m = new Map<number, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

/** Figures per province within the caller's scope, and their totals. */
export async function distribution(ctx: AppContext, actor: Actor, distanceKm: number): Promise<Distribution> {
  const ids = distributionScope(actor);
  const [rows, offices, viabilities, located, points] = await Promise.all([
    provincesOf(ctx.db, ids),
    activeOffices(ctx.db, ids),
    officeViabilities(ctx.db, { provinceIds: ids }, tehranIsoDate(ctx.clock.now())),
    locatedActiveOffices(ctx.db),
    demandPoints(ctx.db, { provinceIds: ids }),
  ]);
  const officesBy = groupBy(offices, (o) => o.provinceId);
  const viabilityBy = groupBy(viabilities, (o) => o.provinceId);
  const pointsBy = groupBy(points, (p) => p.provinceId);
  const figures = rows.map((row) =>
    provinceFigures(
      {
        row,
        offices: officesBy.get(row.id) ?? [],
        viabilities: viabilityBy.get(row.id) ?? [],
        points: pointsBy.get(row.id) ?? [],
      },
      located,
      distanceKm,
    ),
  );

  const sum = (f: (x: (typeof figures)[number]) => number) => figures.reduce((a, x) => a + f(x), 0);
  const population = sum((x) => x.population ?? 0);
  const officeCount = sum((x) => x.offices);
  const demand = sum((x) => x.demandMonthly);
  return {
    period: periodView(ctx),
    distanceKm,
    totals: {
      population,
      offices: officeCount,
      officesPer100k: per100k(officeCount, population),
      demandMonthly: round1(demand),
      demandPerOffice: demandPerOffice(demand, officeCount),
      farShare: share(
        sum((x) => x.far.far),
        sum((x) => x.far.population),
      ),
      belowBreakEven: sum((x) => x.belowBreakEven),
    },
    provinces: figures.map(({ far: _far, ...f }) => f),
  };
}

/** Typical break-even volume: the median of the active offices' (those that earn something). */
function typicalBreakEven(list: OfficeViability[]): number | null {
  return median(list.filter((o) => o.status === 'active' && o.breakEvenVolume > 0).map((o) => o.breakEvenVolume));
}

/** One province's figures and its counties', with each county's saturation. */
export async function provinceDistribution(
  ctx: AppContext,
  actor: Actor,
  provinceId: number,
  distanceKm: number,
): Promise<ProvinceDetail> {
  distributionScope(actor);
  const row = await existingProvince(ctx, provinceId);
  authorize(actor, 'geo.distribution.read', { provinceId });
  const [offices, viabilities, located, points, countyRows, rates] = await Promise.all([
    activeOffices(ctx.db, [provinceId]),
    officeViabilities(ctx.db, { provinceIds: [provinceId] }, tehranIsoDate(ctx.clock.now())),
    locatedActiveOffices(ctx.db),
    demandPoints(ctx.db, { provinceIds: [provinceId] }),
    countiesOf(ctx.db, provinceId),
    provinceDemandRates(ctx.db, tehranIsoDate(ctx.clock.now())),
  ]);
  const { far: _far, ...province } = provinceFigures({ row, offices, viabilities, points }, located, distanceKm);
  // A province without offices of its own is judged against the nation's typical office.
  const typical =
    typicalBreakEven(viabilities) ??
    typicalBreakEven(await officeViabilities(ctx.db, {}, tehranIsoDate(ctx.clock.now())));
  const rate = rates.get(provinceId) ?? 0;

  const officesBy = groupBy(
    offices.filter((o) => o.countyId != null),
    (o) => o.countyId!,
  );
  const demandBy = groupBy(
    viabilities.filter((o) => o.countyId != null),
    (o) => o.countyId!,
  );
  const pointsBy = groupBy(
    points.filter((p) => p.countyId != null),
    (p) => p.countyId!,
  );
  const counties = countyRows.map((c) => {
    const n = officesBy.get(c.id)?.length ?? 0;
    const demand = (demandBy.get(c.id) ?? []).reduce((a, o) => a + o.demandMonthly, 0);
    const expected = (c.population ?? 0) * rate;
    const far = farPopulation(pointsBy.get(c.id) ?? [], located, distanceKm);
    const sat = typical != null ? saturation(n, expected, typical) : { value: null, status: null };
    return {
      countyId: c.id,
      name: { fa: c.nameFa, en: c.nameEn },
      lat: c.lat,
      lon: c.lon,
      population: c.population,
      populationYear: c.populationYear,
      populationSource: c.populationSource,
      offices: n,
      demandMonthly: round1(demand),
      expectedDemandMonthly: round1(expected),
      demandPerOffice: demandPerOffice(demand, n),
      farShare: share(far.far, far.population),
      saturation: sat.value,
      saturationStatus: sat.status,
    };
  });
  return {
    period: periodView(ctx),
    distanceKm,
    province,
    demandPerPerson: rate,
    typicalBreakEvenVolume: typical,
    counties,
  };
}

/** Active offices with coordinates and their viability, for the map. */
export async function officesMap(ctx: AppContext, actor: Actor, provinceId: number | undefined): Promise<OfficesMap> {
  let ids = distributionScope(actor);
  if (provinceId != null) {
    await existingProvince(ctx, provinceId);
    authorize(actor, 'geo.distribution.read', { provinceId });
    ids = [provinceId];
  }
  const list = await officeViabilities(ctx.db, { provinceIds: ids }, tehranIsoDate(ctx.clock.now()));
  const items = list
    .filter((o) => o.status === 'active' && o.lat != null && o.lon != null)
    .map((o) => ({
      officeId: o.officeId,
      code: o.code,
      name: o.name,
      provinceId: o.provinceId,
      countyId: o.countyId,
      lat: o.lat!,
      lon: o.lon!,
      viability: o.viability,
      demandMonthly: o.demandMonthly,
      breakEvenVolume: o.breakEvenVolume,
    }));
  return { period: periodView(ctx), items };
}

/**
 * The viability table: national oversight any office; a province's association and inspectors
 * their province; an office manager their own office. Asking for what the scope does not cover is
 * refused; an unknown province or office is not found.
 */
export async function viabilityList(
  ctx: AppContext,
  actor: Actor,
  query: { provinceId?: number; officeId?: number },
): Promise<ViabilityList> {
  const scope = scopeFilter(actor, 'geo.viability.read');
  if (query.provinceId != null) await existingProvince(ctx, query.provinceId);
  let filters: ViabilityFilter[];
  if (query.officeId != null) {
    const provinceOfOffice = await officeProvince(ctx.db, query.officeId);
    if (provinceOfOffice == null) throw new AppError('not_found');
    authorize(actor, 'geo.viability.read', { officeId: query.officeId, provinceId: provinceOfOffice });
    filters = [{ officeIds: [query.officeId], provinceIds: query.provinceId != null ? [query.provinceId] : null }];
  } else if (query.provinceId != null) {
    const p = query.provinceId;
    if (scope.all || scope.provinceIds.includes(p)) filters = [{ provinceIds: [p] }];
    else {
      // An office manager asking for their own province: their offices in it, and refused when none is.
      const roles = PERMISSIONS['geo.viability.read'] as readonly string[];
      const own = actor.grants
        .filter(
          (g) =>
            roles.includes(g.role) && g.scope.kind === 'office' && g.scope.provinceId === p && g.scope.officeId != null,
        )
        .map((g) => g.scope.officeId!);
      if (own.length === 0) throw new AppError('forbidden');
      filters = [{ provinceIds: [p], officeIds: own }];
    }
  } else if (scope.all) {
    filters = [{}];
  } else {
    filters = [];
    if (scope.provinceIds.length > 0) filters.push({ provinceIds: scope.provinceIds });
    if (scope.officeIds.length > 0) filters.push({ officeIds: scope.officeIds });
  }
  const seen = new Set<number>();
  const items: OfficeViability[] = [];
  for (const f of filters) {
    for (const o of await officeViabilities(ctx.db, f, tehranIsoDate(ctx.clock.now())))
      if (!seen.has(o.officeId)) {
        seen.add(o.officeId);
        items.push(o);
      }
  }
  items.sort((a, b) => a.provinceId - b.provinceId || a.code.localeCompare(b.code));
  return { period: periodView(ctx), items };
}
