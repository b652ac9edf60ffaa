/**
 * The quality score per office per Jalali month (#core/quality/score, docs/decisions/0046): each
 * office's month reduced to component tallies, every office of its province scored together (the
 * province's means and the shrinkage are the province's), then only what the caller may see
 * returned. The weights are the set in force in that month; the national association publishes a
 * new set from a coming month, never for one already begun.
 */
import { addJalaliMonths, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { scoreReasons } from '#core/quality/reasons';
import { latestSureStars, STARS_LOOKBACK_MONTHS } from '#core/quality/stars';
import {
  type OfficeScore,
  type ProvinceScores,
  provinceScores,
  SCORE_COMPONENTS,
  type ScoreWeights,
  stars,
  talliesFromCounts,
  type WeightSet,
  weightsFor,
  weightsProblem,
  withEveryComponent,
} from '#core/quality/score';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, authorizeVisible, holds, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import * as store from './store';
import { latestMonthWithData, monthDays } from './facts';

const TREND_MONTHS = 12;

const thisMonth = (ctx: AppContext) => jalaliMonthOfIso(tehranIsoDate(ctx.clock.now()));

async function weightSetsOf(db: Executor): Promise<WeightSet[]> {
  return (await store.weightSets(db)).map((s) => ({
    effectiveFrom: s.effectiveFrom,
    weights: withEveryComponent(s.weights),
  }));
}

/**
 * Every office of these provinces scored for each of these months, by province (one map per month,
 * in the order asked): the months' sums for all the offices in one statement, then each province
 * scored with the weights in force in the month. Recomputing every office's year at national scale
 * is this call with every province and twelve months (`bench quality-scores`).
 */
export async function scoreMonths(
  db: Executor,
  provinceIds: number[],
  months: { month: string; weights: ScoreWeights }[],
): Promise<{
  offices: store.OfficeRow[];
  months: { byProvince: Map<number, ProvinceScores>; surveys: Map<number, number> }[];
}> {
  const offices = await store.officesWithin(db, { all: false, provinceIds, officeIds: [] }, undefined);
  const counts = await store.monthsCounts(
    db,
    offices.map((o) => o.id),
    months.map((m) => m.month),
  );
  const inProvince = new Map<number, store.OfficeRow[]>(provinceIds.map((p) => [p, []]));
  for (const o of offices) inProvince.get(o.provinceId)?.push(o);
  return {
    offices,
    months: months.map(({ weights }, i) => {
      const byProvince = new Map<number, ProvinceScores>();
      for (const p of provinceIds) {
        const tallies = new Map(inProvince.get(p)!.map((o) => [o.id, talliesFromCounts(counts[i].get(o.id)!)]));
        byProvince.set(p, provinceScores(tallies, weights));
      }
      const surveys = new Map([...counts[i]].map(([id, c]) => [id, c.satisfaction.n]));
      return { byProvince, surveys };
    }),
  };
}

/** Every office of these provinces scored for one month, by province, with each office's survey answers. */
async function scoreProvinces(db: Executor, provinceIds: number[], month: string, weights: ScoreWeights) {
  const { offices, months } = await scoreMonths(db, provinceIds, [{ month, weights }]);
  return { offices, ...months[0] };
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
  const weights = weightsFor(await weightSetsOf(ctx.db), month);
  const { byProvince } = await scoreProvinces(ctx.db, provinceIds, month, weights);
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
  const sets = await weightSetsOf(ctx.db);
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addJalaliMonths(m, i - TREND_MONTHS + 1));
  const trend = [];
  let current: ReturnType<typeof summary> & { components: OfficeScore['components'] } = null!;
  const scored = await scoreMonths(
    ctx.db,
    [office.provinceId],
    months.map((each) => ({ month: each, weights: weightsFor(sets, each) })),
  );
  for (const [i, each] of months.entries()) {
    const province = scored.months[i].byProvince.get(office.provinceId)!;
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
  const pulledDown = current.components
    .filter((c) => current.pulledDown.includes(c.component))
    .sort((a, b) => a.points - b.points);
  const inspections = await store.officeInspections(ctx.db, officeId, monthDays(ctx, m).days);
  return {
    office,
    month: m,
    weights: weightsFor(sets, m),
    ...current,
    pulledDown,
    reasons: scoreReasons(pulledDown, inspections),
    trend,
    inspections,
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
 * medium-sure score) and its number of survey answers, in its latest month with enough data among
 * the STARS_LOOKBACK_MONTHS months to the latest in which the offices asked about recorded
 * anything (docs/decisions/0076), all scored in one call. Public: nothing here names a person.
 */
export async function officeStars(
  ctx: AppContext,
  officeIds: number[],
): Promise<Map<number, { month: string; stars: number | null; ratings: number }>> {
  const out = new Map<number, { month: string; stars: number | null; ratings: number }>();
  if (officeIds.length === 0) return out;
  const found = await store.officesWithin(ctx.db, { all: false, provinceIds: [], officeIds }, undefined);
  const latest = await latestMonthWithData(ctx, found);
  const provinceIds = [...new Set(found.map((o) => o.provinceId))];
  const sets = await weightSetsOf(ctx.db);
  // Latest first.
  const months = Array.from({ length: STARS_LOOKBACK_MONTHS }, (_, i) => addJalaliMonths(latest, -i));
  const scored = await scoreMonths(
    ctx.db,
    provinceIds,
    months.map((month) => ({ month, weights: weightsFor(sets, month) })),
  );
  for (const o of found) {
    const shown = latestSureStars(
      months.map((month, i) => {
        const { byProvince, surveys } = scored.months[i];
        return { month, stars: stars(byProvince.get(o.provinceId)!.offices.get(o.id)!), ratings: surveys.get(o.id)! };
      }),
    );
    if (shown) out.set(o.id, shown);
  }
  return out;
}

/**
 * Every office's score in each of these months, each month scored with the weights in force in it
 * (the board's annual report reads the year's twelve): the offices, and per office its scores in
 * the order of the months (null where it recorded nothing the weights count).
 */
export async function officeScoresOfMonths(db: Executor, months: readonly string[]) {
  const all = await store.officesWithin(db, { all: true, provinceIds: [], officeIds: [] }, undefined);
  const provinceIds = [...new Set(all.map((o) => o.provinceId))];
  const sets = await weightSetsOf(db);
  const scored = await scoreMonths(
    db,
    provinceIds,
    months.map((month) => ({ month, weights: weightsFor(sets, month) })),
  );
  const scores = new Map<number, (number | null)[]>(
    all.map((o) => [o.id, scored.months.map((m) => m.byProvince.get(o.provinceId)?.offices.get(o.id)?.score ?? null)]),
  );
  return { offices: all, scores };
}
