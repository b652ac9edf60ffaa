/**
 * The quality score per office per Jalali month (#core/quality/score, docs/decisions/0046): each
 * office's month reduced to component tallies, every office of its province scored together (the
 * province's means and the shrinkage are the province's), then only what the caller may see
 * returned. The weights are the set in force in that month; the national association publishes a
 * new set from a coming month, never for one already begun.
 */
import { addJalaliMonths, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import {
  type OfficeScore,
  type ProvinceScores,
  provinceScores,
  SCORE_COMPONENTS,
  type ScoreWeights,
  scoreInputOf,
  stars,
  talliesOf,
  type WeightSet,
  weightsFor,
  weightsProblem,
  withEveryComponent,
} from '#core/quality/score';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, authorizeVisible, holds, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import * as store from './store';
import { latestMonthWithData, monthDays } from './facts';

const TREND_MONTHS = 12;

const thisMonth = (ctx: AppContext) => jalaliMonthOfIso(tehranIsoDate(ctx.clock.now()));

async function weightSetsOf(ctx: AppContext): Promise<WeightSet[]> {
  return (await store.weightSets(ctx.db)).map((s) => ({
    effectiveFrom: s.effectiveFrom,
    weights: withEveryComponent(s.weights),
  }));
}

/** Every office of these provinces scored for one month, by province. */
async function scoreProvinces(
  ctx: AppContext,
  provinceIds: number[],
  month: string,
  weights: ScoreWeights,
): Promise<{
  offices: store.OfficeRow[];
  byProvince: Map<number, ProvinceScores>;
  records: Awaited<ReturnType<typeof store.monthRecords>>;
}> {
  const offices = await store.officesWithin(ctx.db, { all: false, provinceIds, officeIds: [] }, undefined);
  const ids = offices.map((o) => o.id);
  const days = monthDays(ctx, month).days;
  const [records, inspections, upheld] = await Promise.all([
    store.monthRecords(ctx.db, ids, days),
    store.monthInspectionResults(ctx.db, ids, days),
    store.monthUpheldComplaints(ctx.db, ids, days),
  ]);
  const byProvince = new Map<number, ProvinceScores>();
  for (const p of provinceIds) {
    const tallies = new Map(
      offices
        .filter((o) => o.provinceId === p)
        .map((o) => [o.id, talliesOf(scoreInputOf(records.get(o.id)!, inspections.get(o.id)!, upheld.get(o.id)!))]),
    );
    byProvince.set(p, provinceScores(tallies, weights));
  }
  return { offices, byProvince, records };
}

const rankedIn = (scores: ProvinceScores) => [...scores.offices.values()].filter((s) => s.rank != null).length;

const summary = (s: OfficeScore & { rank: number | null }, province: ProvinceScores) => ({
  score: s.score,
  reliability: s.reliability,
  certainty: s.certainty,
  stars: stars(s),
  rank: s.rank,
  ranked: rankedIn(province),
  provinceScore: province.provinceScore,
  pulledDown: s.pulledDown.map((c) => c.component),
});

/** Each office's score for a month within the caller's scope, with its rank in its province. */
export async function listScores(ctx: AppContext, actor: Actor, query: { month?: string; provinceId?: number }) {
  const scope = scopeFilter(actor, 'quality.scores');
  if (query.provinceId != null && !scope.all && !scope.provinceIds.includes(query.provinceId))
    throw new AppError('forbidden');
  const visible = await store.officesWithin(ctx.db, scope, query.provinceId);
  const month = query.month ?? (await latestMonthWithData(ctx, visible));
  const provinceIds = [...new Set(visible.map((o) => o.provinceId))];
  const weights = weightsFor(await weightSetsOf(ctx), month);
  const { byProvince } = await scoreProvinces(ctx, provinceIds, month, weights);
  return {
    month,
    weights,
    offices: visible.map((office) => {
      const province = byProvince.get(office.provinceId)!;
      return { office, ...summary(province.offices.get(office.id)!, province) };
    }),
  };
}

/** One office's score for a month: its components, what pulled it down, its rank, and the twelve months to it. */
export async function officeScore(ctx: AppContext, actor: Actor, officeId: number, month: string | undefined) {
  const office = await store.findOffice(ctx.db, officeId);
  if (!office) throw new AppError('not_found');
  authorizeVisible(actor, 'quality.scores', { officeId, provinceId: office.provinceId });
  const m = month ?? thisMonth(ctx);
  const sets = await weightSetsOf(ctx);
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addJalaliMonths(m, i - TREND_MONTHS + 1));
  const trend = [];
  let current: ReturnType<typeof summary> & { components: OfficeScore['components'] } = null!;
  for (const each of months) {
    const { byProvince } = await scoreProvinces(ctx, [office.provinceId], each, weightsFor(sets, each));
    const province = byProvince.get(office.provinceId)!;
    const s = province.offices.get(officeId)!;
    trend.push({
      month: each,
      score: s.score,
      certainty: s.certainty,
      rank: s.rank,
      provinceScore: province.provinceScore,
    });
    if (each === m) current = { ...summary(s, province), components: s.components };
  }
  return {
    office,
    month: m,
    weights: weightsFor(sets, m),
    ...current,
    pulledDown: current.components
      .filter((c) => current.pulledDown.includes(c.component))
      .sort((a, b) => a.points - b.points),
    trend,
    inspections: await store.officeInspections(ctx.db, officeId, monthDays(ctx, m).days),
  };
}

/** The weight sets published so far (the latest first), and the one in force this month. */
export async function listWeights(ctx: AppContext, actor: Actor) {
  // The weights are the same for every office and province: holding the role is enough.
  if (!holds(actor, 'quality.weights.read')) throw new AppError('forbidden');
  const sets = await store.weightSets(ctx.db);
  return {
    inForce: weightsFor(
      sets.map((s) => ({ effectiveFrom: s.effectiveFrom, weights: s.weights as ScoreWeights })),
      thisMonth(ctx),
    ),
    items: sets.map((s) => ({ ...s, weights: withEveryComponent(s.weights) })),
  };
}

/** The national association publishes a weight set from a coming month; audited. */
export async function publishWeights(
  ctx: AppContext,
  actor: Actor,
  input: { effectiveFrom: string; weights: ScoreWeights; reason: string },
) {
  authorize(actor, 'quality.weights.manage', {});
  const problem = weightsProblem(input.weights);
  if (problem != null)
    throw new AppError('quality_weights_sum', {
      fields: [fieldError('weights', 'quality_weights_sum')],
    });
  if (input.effectiveFrom <= thisMonth(ctx))
    throw new AppError('quality_weights_retroactive', {
      fields: [fieldError('effectiveFrom', 'quality_weights_retroactive')],
    });
  const weights = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, input.weights[c]])) as ScoreWeights;
  const id = await ctx.db.transaction(async (tx) => {
    const id = await store.insertWeightSet(tx, {
      effectiveFrom: input.effectiveFrom,
      weights,
      reason: input.reason,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'quality.weights.publish',
      entityType: 'quality_weight_set',
      entityId: id,
      data: { effectiveFrom: input.effectiveFrom, weights, reason: input.reason },
    });
    return id;
  });
  const [saved] = (await store.weightSets(ctx.db)).filter((s) => s.id === id);
  return { ...saved, weights };
}

/**
 * The public face of the score for the office finder: each office's stars (only from a
 * medium-sure score) and its number of survey answers, in the latest month up to this one in which
 * the offices asked about recorded anything. Public: nothing here names a person.
 */
export async function officeStars(
  ctx: AppContext,
  officeIds: number[],
): Promise<Map<number, { month: string; stars: number | null; ratings: number }>> {
  const out = new Map<number, { month: string; stars: number | null; ratings: number }>();
  if (officeIds.length === 0) return out;
  const found = await store.officesWithin(ctx.db, { all: false, provinceIds: [], officeIds }, undefined);
  const month = await latestMonthWithData(ctx, found);
  const provinceIds = [...new Set(found.map((o) => o.provinceId))];
  const { byProvince, records } = await scoreProvinces(
    ctx,
    provinceIds,
    month,
    weightsFor(await weightSetsOf(ctx), month),
  );
  for (const o of found) {
    const s = byProvince.get(o.provinceId)!.offices.get(o.id)!;
    out.set(o.id, { month, stars: stars(s), ratings: records.get(o.id)!.surveys.length });
  }
  return out;
}
