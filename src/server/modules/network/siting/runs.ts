/**
 * The siting optimizer's use cases: run it for a province (or the nation), keep the run, list and
 * read saved runs.
 *
 * A run's instance: demand = the reference demand points (cities and the rest of each county) ×
 * the province's office services per person, plus any extra population asked for; existing = the
 * active offices of the run's province with their break-even volume (offices across a province
 * border are left out: their demand is the neighbour's); candidates = the cities without an office
 * within a kilometre and/or the sites admins added in the province.
 */
import { tehranIsoDate } from '#core/jalali';
import { median } from '#core/network-figures';
import { defaultOfficeCosts, monthlyCost, type OfficeCostDefaults } from '#core/office-costs';
import {
  preprocess,
  solversByName,
  validateInstance,
  type SitingInstance,
  type SitingProblem,
  type SitingSolution,
} from '#core/siting/index';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type { FieldMessageCode } from '#server/platform/errors/catalog';
import { costDefaultsOf } from '#server/modules/tariffs/simulator/store';
import {
  officeViabilities,
  provinceDemandRates,
  type OfficeViability,
} from '#server/modules/network/distribution/viability';
import { demandPoints } from '#server/modules/geo/reference/demand-points';
import { isInIran, provinceAt } from '#server/modules/geo/reference/locate';
import { breakEvenRule, buildInstance, type CandidatePlace } from './instance';
import type { BreakEvenSource, SitingRun, SitingRunListItem, SitingRunRequest } from './schemas';
import { activeSites, insertRun, listRuns, locatedCities, provinceNames, runById } from './store';

/**
 * The exact solver's limit: pairs of (demand point, candidate) the programme would hold. A province
 * stays well under it; the nation's instance is far over and would not finish inside a request.
 */
const EXACT_MAX_PAIRS = 40_000;

/** How long the exact solver may search inside a request before it answers with the best it found. */
const EXACT_TIME_LIMIT_SECONDS = 30;

/** The province a run is for (authorized), or null for the nation (national grants only). */
function runScope(actor: Actor, asked: number | null | undefined): number | null {
  if (asked != null) {
    authorize(actor, 'geo.siting.run', { provinceId: asked });
    return asked;
  }
  if (!can(actor, 'geo.siting.run', {})) throw new AppError('forbidden');
  return null;
}

/** The field message for what the instance check found, in the request's own terms. */
function toFieldError(problem: SitingProblem, referencePoints: number) {
  const demandAt = /^demand\[(\d+)\]/.exec(problem.field);
  const field =
    demandAt && Number(demandAt[1]) >= referencePoints
      ? `extraDemand.${Number(demandAt[1]) - referencePoints}`
      : problem.field;
  const codes: Partial<Record<SitingProblem['code'], FieldMessageCode>> = {
    'siting.k_exceeds_candidates': 'k_exceeds_candidates',
    'siting.k_not_positive': 'too_small',
    'siting.negative_radius': 'negative_radius',
    'siting.point_outside_iran': 'point_outside_iran',
  };
  if (problem.code === 'siting.empty_demand') return fieldError('provinceId', 'invalid_value');
  return fieldError(field, codes[problem.code] ?? 'invalid');
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0);

/** The nation's revenue per office service, from the offices read (the median of theirs). */
const revenuePerService = (vs: readonly OfficeViability[]) =>
  median(vs.map((v) => v.revenuePerServiceRials).filter((r) => r > 0));

export async function runSiting(ctx: AppContext, actor: Actor, body: SitingRunRequest): Promise<SitingRun> {
  const provinceId = runScope(actor, body.provinceId);
  const names = await provinceNames(ctx.db, provinceId != null ? [provinceId] : null);
  if (provinceId != null && names.size === 0) throw invalidField('provinceId', 'invalid_value');

  // The precise border, before anything is read: a point in the sea or abroad is the caller's slip.
  const extraFields = body.extraDemand.flatMap((e, i) =>
    isInIran(e.lat, e.lon) ? [] : [fieldError(`extraDemand.${i}`, 'point_outside_iran')],
  );
  if (extraFields.length) throw new AppError('validation_failed', { fields: extraFields });

  const prepared = await sitingInstance(ctx, provinceId, body);
  const { instance } = prepared;
  const problems = validateInstance(instance);
  if (problems.length)
    throw new AppError('validation_failed', { fields: problems.map((p) => toFieldError(p, prepared.referencePoints)) });

  if (body.solver === 'exact') {
    const p = preprocess(instance);
    const pairs = p.closerCandidate.length + p.withinCandidate.length;
    if (pairs > EXACT_MAX_PAIRS)
      throw new AppError('siting_too_large_for_exact', { extra: { pairs, limit: EXACT_MAX_PAIRS } });
  }
  const solution = await solversByName[body.solver].solve(instance, { timeLimitSeconds: EXACT_TIME_LIMIT_SECONDS });

  const totalDemand = instance.demand.reduce((a, d) => a + d.population * d.demandPerPerson, 0);
  const result = describe(solution, {
    body,
    provinceId,
    provinceName: provinceId != null ? names.get(provinceId)! : null,
    places: prepared.places,
    offices: prepared.offices,
    assumptions: {
      breakEvenSource: prepared.breakEvenSource,
      newOfficeBreakEven: prepared.newOfficeBreakEven,
      demandPerPerson: solution.totalPopulation > 0 ? totalDemand / solution.totalPopulation : 0,
    },
    size: {
      demandPoints: instance.demand.length,
      candidates: instance.candidates.length,
      existingOffices: instance.existing.length,
    },
  });

  const saved = await ctx.db.transaction((tx) =>
    insertRun(tx, {
      provinceId,
      solver: body.solver,
      createdBy: actor.userId,
      params: result.params,
      result: stored(result),
    }),
  );
  return {
    ...result,
    id: saved.id,
    createdAt: saved.createdAt.toISOString(),
    createdBy: { userId: actor.userId, name: actor.displayName },
  };
}

type LocatedViability = OfficeViability & { lat: number; lon: number };

export interface PreparedRun {
  instance: SitingInstance;
  places: Map<string, CandidatePlace>;
  offices: LocatedViability[];
  /** How many demand points come from the reference data (the extra ones follow them). */
  referencePoints: number;
  breakEvenSource: BreakEvenSource;
  newOfficeBreakEven: number;
}

/** The instance a run solves, read from the reference data, the offices' viability and the candidate sites. */
export async function sitingInstance(
  ctx: AppContext,
  provinceId: number | null,
  body: SitingRunRequest,
): Promise<PreparedRun> {
  const provinceIds = provinceId != null ? [provinceId] : null;
  const [points, rates, viabilities, cities, sites, costRows] = await Promise.all([
    demandPoints(ctx.db, { provinceIds }),
    provinceDemandRates(ctx.db, tehranIsoDate(ctx.clock.now())),
    officeViabilities(ctx.db, { provinceIds }, tehranIsoDate(ctx.clock.now())),
    body.candidates !== 'sites' ? locatedCities(ctx.db, provinceIds) : Promise.resolve([]),
    body.candidates !== 'cities' ? activeSites(ctx.db, provinceIds) : Promise.resolve([]),
    costDefaultsOf(ctx.db, provinceIds),
  ]);
  const offices = viabilities
    .filter((v) => v.status === 'active' && v.lat != null && v.lon != null)
    .map((v): LocatedViability => ({ ...v, lat: v.lat!, lon: v.lon! }));

  const officesByProvince = new Map<number, number[]>();
  for (const o of offices)
    officesByProvince.set(o.provinceId, [...(officesByProvince.get(o.provinceId) ?? []), o.breakEvenVolume]);
  // A province without offices prices a service as the nation does; read the nation only then.
  let rate = revenuePerService(viabilities);
  if (body.breakEvenVolume == null && provinceId != null && !officesByProvince.has(provinceId)) {
    rate = revenuePerService(await officeViabilities(ctx.db, {}, tehranIsoDate(ctx.clock.now())));
  }
  const costs = new Map<number, OfficeCostDefaults>(costRows.map((c) => [c.provinceId, c]));
  const breakEvenOf = breakEvenRule({
    override: body.breakEvenVolume,
    officesByProvince,
    revenuePerServiceRials: rate,
    costMonthlyOf: (p) => monthlyCost(costs.get(p) ?? defaultOfficeCosts(p)),
  });

  const nationalRate = [...rates.values()].reduce((a, r) => a + r, 0) / Math.max(1, rates.size);
  const fallbackRate = (provinceId != null ? rates.get(provinceId) : undefined) ?? nationalRate;
  const reference = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && p.population > 0);
  const { instance, places } = buildInstance({
    demandPoints: reference,
    rates,
    demandPerPerson: body.demandPerPerson,
    fallbackRate,
    extraDemand: body.extraDemand.map((e) => ({ ...e, provinceId: provinceAt(e.lat, e.lon) ?? provinceId })),
    offices,
    cities,
    sites,
    which: body.candidates,
    breakEvenOf: (p) => breakEvenOf(p).value,
    radiusKm: body.radiusKm,
    k: body.k,
  });

  const assumed = provinceId != null ? breakEvenOf(provinceId) : null;
  return {
    instance,
    places,
    offices,
    referencePoints: reference.length,
    breakEvenSource: body.breakEvenVolume != null ? 'override' : (assumed?.source ?? 'per-province'),
    newOfficeBreakEven: assumed?.value ?? median(instance.candidates.map((c) => c.breakEven)) ?? 0,
  };
}

type RunFigures = Omit<SitingRun, 'id' | 'createdAt' | 'createdBy'>;

/** The solver's answer in the API's terms: named places, offices with their codes, percentages. */
function describe(
  solution: SitingSolution,
  c: {
    body: SitingRunRequest;
    provinceId: number | null;
    provinceName: { fa: string; en: string } | null;
    places: Map<string, CandidatePlace>;
    offices: LocatedViability[];
    assumptions: SitingRun['assumptions'];
    size: SitingRun['size'];
  },
): RunFigures {
  const officeById = new Map(c.offices.map((o) => [o.officeId, o]));
  const office = (o: LocatedViability) => ({
    officeId: o.officeId,
    code: o.code,
    name: o.name,
    lat: o.lat,
    lon: o.lon,
    breakEven: o.breakEvenVolume,
  });
  const proposal = solution.newOffices.map((n, i) => {
    const place = c.places.get(n.id)!;
    return {
      rank: i + 1,
      candidateId: n.id,
      kind: place.kind,
      name: place.name,
      provinceId: place.provinceId,
      lat: place.lat,
      lon: place.lon,
      demand: n.demand,
      breakEven: n.breakEven,
    };
  });
  const everyoneCovered = solution.coveredBefore >= solution.totalPopulation;
  return {
    provinceId: c.provinceId,
    provinceName: c.provinceName,
    params: {
      radiusKm: c.body.radiusKm,
      k: c.body.k,
      solver: c.body.solver,
      candidates: c.body.candidates,
      breakEvenVolume: c.body.breakEvenVolume ?? null,
      demandPerPerson: c.body.demandPerPerson ?? null,
      extraDemand: c.body.extraDemand,
    },
    assumptions: c.assumptions,
    proposal,
    emptyReason: proposal.length > 0 ? null : everyoneCovered ? 'everyone-covered' : 'no-viable-candidate',
    coverage: {
      totalPopulation: solution.totalPopulation,
      coveredBefore: solution.coveredBefore,
      coveredAfter: solution.coveredAfter,
      newlyCovered: solution.newlyCovered,
      beforePercent: percent(solution.coveredBefore, solution.totalPopulation),
      afterPercent: percent(solution.coveredAfter, solution.totalPopulation),
      gainPercent: percent(solution.newlyCovered, solution.totalPopulation),
    },
    existingOffices: c.offices.map(office),
    existingLosses: solution.existingLosses.map((l) => ({
      ...office(officeById.get(Number(l.id))!),
      before: l.before,
      after: l.after,
      breakEven: l.breakEven,
    })),
    solver: {
      name: solution.solver,
      millis: Math.round(solution.millis),
      optimal: solution.optimal ?? null,
      gap: solution.gap ?? null,
    },
    size: c.size,
  };
}

/** What the row keeps: the figures without the parameters (they have their own column). */
const stored = ({ params: _params, ...rest }: RunFigures) => rest;

export async function getSitingRun(ctx: AppContext, actor: Actor, id: number): Promise<SitingRun> {
  scopeFilter(actor, 'geo.siting.run');
  const row = await runById(ctx.db, id);
  if (!row) throw new AppError('not_found');
  authorize(actor, 'geo.siting.run', { provinceId: row.provinceId ?? undefined });
  const figures = row.result as Omit<RunFigures, 'params'>;
  return {
    ...figures,
    params: row.params as RunFigures['params'],
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdBy: { userId: row.createdBy, name: row.createdByName ?? '' },
  };
}

export async function listSitingRuns(
  ctx: AppContext,
  actor: Actor,
  query: { provinceId?: number; limit: number; offset: number },
): Promise<{ items: SitingRunListItem[]; total: number }> {
  const scope = scopeFilter(actor, 'geo.siting.run');
  const { rows, total } = await listRuns(ctx.db, scope, { provinceId: query.provinceId }, query.limit, query.offset);
  const names = await provinceNames(ctx.db, [
    ...new Set(rows.flatMap((r) => (r.provinceId != null ? [r.provinceId] : []))),
  ]);
  return {
    total,
    items: rows.map((r) => {
      const p = r.params as RunFigures['params'];
      const s = r.summary as { coverage: RunFigures['coverage']; chosen: number };
      return {
        id: r.id,
        createdAt: r.createdAt.toISOString(),
        createdBy: r.createdByName ?? '',
        provinceId: r.provinceId,
        provinceName: r.provinceId != null ? (names.get(r.provinceId) ?? null) : null,
        radiusKm: p.radiusKm,
        k: p.k,
        solver: r.solver,
        chosen: s.chosen,
        newlyCovered: s.coverage.newlyCovered,
        gainPercent: s.coverage.gainPercent,
      };
    }),
  };
}
