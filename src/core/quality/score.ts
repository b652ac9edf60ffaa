/**
 * The quality score: one formula (docs/decisions/0046-quality-score.md) that turns an office's
 * month into a figure from 0 to 100.
 *
 * Each component is the mean of a per-observation score in [0, 1] over what the office's month
 * recorded (a ticket's wait, a court decision, a submission, a payment, a survey answer, an
 * inspection). Each office's component mean is shrunk toward its province's mean for that
 * component, as an empirical-Bayes estimate: (n·x + k·μ) / (n + k), where n is the office's count,
 * x its mean, μ the province's pooled mean and k the prior strength estimated from how much the
 * province's offices really differ beyond what their counts explain (method of moments). An office
 * with five services is therefore mostly its province's mean; one with five thousand is itself.
 * The score is the weighted mean of the shrunk components (weights from the set in force, summing
 * to 100; a component nobody in the province has data for is left out and the others share its
 * weight), times 100. How sure the figure is: the weighted share of it that comes from the
 * office's own data, n / (n + k).
 */
import { tehranIsoDate } from '#core/jalali';
import type { MonthRecords } from './facts';

/** The components of the score, in the order they are shown. */
export const SCORE_COMPONENTS = [
  'waiting',
  'returns',
  'sameDay',
  'payments',
  'satisfaction',
  'wouldReturn',
  'inspection',
  'complaints',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** Weights of the components, whole numbers summing to 100. */
export type ScoreWeights = Record<ScoreComponent, number>;

/**
 * The first weight set, in force until the association publishes another. Upheld complaints came
 * later (docs/decisions/0063): they weigh 0 here, so no month scored before is changed; the
 * national association gives them a weight in a set from a coming month.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  waiting: 15,
  returns: 25,
  sameDay: 10,
  payments: 5,
  satisfaction: 20,
  wouldReturn: 10,
  inspection: 15,
  complaints: 0,
};

/** A wait up to this many minutes scores 1, … */
const WAIT_GOOD_MINUTES = 15;
/** … falling linearly to 0 at this many. */
const WAIT_BAD_MINUTES = 60;

/** The per-observation score of a wait of this many minutes. */
export function waitScore(minutes: number): number {
  if (minutes <= WAIT_GOOD_MINUTES) return 1;
  if (minutes >= WAIT_BAD_MINUTES) return 0;
  return (WAIT_BAD_MINUTES - minutes) / (WAIT_BAD_MINUTES - WAIT_GOOD_MINUTES);
}

/** The per-observation score of a satisfaction answer 1–5: 1 → 0, 5 → 1. */
const satisfactionScore = (answer: number) => (Math.min(5, Math.max(1, answer)) - 1) / 4;

/** Sums over one component's observations: count, sum and sum of squares of the per-observation scores. */
export interface Tally {
  n: number;
  sum: number;
  sumSq: number;
}

const emptyTally = (): Tally => ({ n: 0, sum: 0, sumSq: 0 });

function addTo(t: Tally, score: number): void {
  t.n += 1;
  t.sum += score;
  t.sumSq += score * score;
}

/** A tally of `part` ones among `count` zero-or-one observations. */
export const shareTally = (part: number, count: number): Tally => ({ n: count, sum: part, sumSq: part });

export type OfficeTallies = Record<ScoreComponent, Tally>;

export const emptyTallies = (): OfficeTallies =>
  Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, emptyTally()])) as OfficeTallies;

/** What the month recorded, reduced to what the score needs (from the office's facts and inspections). */
export interface ScoreInput {
  /** Minutes each called ticket waited. */
  waits: number[];
  /** Court decisions, and how many were returns. */
  decisions: number;
  returned: number;
  /** First submissions, and how many went the day the filing was paid. */
  submissions: number;
  sameDay: number;
  /** Payments started at the office, and how many were cancelled. */
  payments: number;
  paymentsCancelled: number;
  /** Survey answers: satisfaction 1–5 each, and how many would come back. */
  satisfaction: number[];
  wouldReturn: number;
  /** Signed inspections' results, each 0–100. */
  inspections: number[];
  /** Counter services done, and complaints against the office upheld in the month. */
  served?: number;
  upheldComplaints?: number;
}

/**
 * A month reduced to sums (what a grouping query over the records gives): the per-observation
 * scores of waits, survey answers and inspections already summed, the rest as counts.
 */
export interface ScoreCounts {
  waiting: Tally;
  decisions: number;
  returned: number;
  submissions: number;
  sameDay: number;
  payments: number;
  paymentsCancelled: number;
  satisfaction: Tally;
  wouldReturn: number;
  inspection: Tally;
  served: number;
  upheldComplaints: number;
}

/** The tallies of a month already reduced to sums: the same figures `talliesOf` gives from its observations. */
export function talliesFromCounts(c: ScoreCounts): OfficeTallies {
  const t = emptyTallies();
  t.waiting = { ...c.waiting };
  t.returns = shareTally(c.decisions - c.returned, c.decisions);
  t.sameDay = shareTally(c.sameDay, c.submissions);
  t.payments = shareTally(c.payments - c.paymentsCancelled, c.payments);
  t.satisfaction = { ...c.satisfaction };
  t.wouldReturn = shareTally(c.wouldReturn, c.satisfaction.n);
  t.inspection = { ...c.inspection };
  // Each service is an observation that scores 1 unless a complaint about it was upheld; a month
  // with more upheld complaints than services counts the complaints.
  const upheld = c.upheldComplaints;
  const services = Math.max(c.served, upheld);
  if (upheld > 0) t.complaints = shareTally(services - upheld, services);
  return t;
}

export function talliesOf(input: ScoreInput): OfficeTallies {
  const waiting = emptyTally();
  for (const m of input.waits) addTo(waiting, waitScore(m));
  const satisfaction = emptyTally();
  for (const s of input.satisfaction) addTo(satisfaction, satisfactionScore(s));
  const inspection = emptyTally();
  for (const r of input.inspections) addTo(inspection, Math.min(100, Math.max(0, r)) / 100);
  return talliesFromCounts({
    waiting,
    decisions: input.decisions,
    returned: input.returned,
    submissions: input.submissions,
    sameDay: input.sameDay,
    payments: input.payments,
    paymentsCancelled: input.paymentsCancelled,
    satisfaction,
    wouldReturn: input.wouldReturn,
    inspection,
    served: input.served ?? 0,
    upheldComplaints: input.upheldComplaints ?? 0,
  });
}

/** Bounds of the prior strength k (in observations), and its value where the province cannot tell. */
const PRIOR_MIN = 2;
export const PRIOR_MAX = 400;
export const PRIOR_DEFAULT = 30;
/** Fewer offices with data than this, and k is not estimated but PRIOR_DEFAULT. */
const MIN_OFFICES_TO_ESTIMATE = 3;

/** One component across a province: its pooled mean and the prior strength k of its shrinkage. */
export interface ProvincePrior {
  mean: number;
  k: number;
}

/**
 * The province's prior for one component, from its offices' tallies (method of moments): the
 * pooled mean μ; the within-office variance σ² of a single observation; the between-office
 * variance τ² = (variance of the offices' means) − (mean of σ²/n); k = σ² / τ², within bounds.
 * Null when no office of the province has an observation.
 */
export function provincePrior(tallies: readonly Tally[]): ProvincePrior | null {
  const withData = tallies.filter((t) => t.n > 0);
  const n = withData.reduce((s, t) => s + t.n, 0);
  if (n === 0) return null;
  const mean = withData.reduce((s, t) => s + t.sum, 0) / n;
  if (withData.length < MIN_OFFICES_TO_ESTIMATE) return { mean, k: PRIOR_DEFAULT };
  const sumSq = withData.reduce((s, t) => s + t.sumSq, 0);
  const within = Math.max(0, sumSq / n - mean * mean);
  const means = withData.map((t) => t.sum / t.n);
  const avg = means.reduce((s, x) => s + x, 0) / means.length;
  const spread = means.reduce((s, x) => s + (x - avg) ** 2, 0) / (means.length - 1);
  const noise = withData.reduce((s, t) => s + within / t.n, 0) / withData.length;
  const between = spread - noise;
  if (within === 0) return { mean, k: PRIOR_MIN };
  const k = between <= 0 ? PRIOR_MAX : within / between;
  return { mean, k: Math.min(PRIOR_MAX, Math.max(PRIOR_MIN, k)) };
}

/** The office's component mean pulled toward the province's: (n·x + k·μ) / (n + k). */
export function shrink(t: Tally, prior: ProvincePrior): number {
  return (t.sum + prior.k * prior.mean) / (t.n + prior.k);
}

/** How sure the figure is, in words: from the share of it that comes from the office's own data. */
type Certainty = 'high' | 'medium' | 'low';
const CERTAINTY_HIGH = 0.8;
const CERTAINTY_MEDIUM = 0.5;

const certaintyOf = (reliability: number): Certainty =>
  reliability >= CERTAINTY_HIGH ? 'high' : reliability >= CERTAINTY_MEDIUM ? 'medium' : 'low';

/** One component of an office's score. */
interface ComponentScore {
  component: ScoreComponent;
  weight: number;
  /** The office's own observations, and their mean in [0, 1] (null without any). */
  n: number;
  raw: number | null;
  /** The province's mean, and the office's estimate after shrinkage toward it, in [0, 1]. */
  provinceMean: number;
  estimate: number;
  /** Share of the estimate that comes from the office's data, n / (n + k). */
  reliability: number;
  /** Points of the 0–100 score this component adds or takes away against the province's mean. */
  points: number;
}

export interface OfficeScore {
  /** 0–100, one decimal; null when the office recorded nothing the weights count (or its province nothing). */
  score: number | null;
  /** The weighted share of the score that comes from the office's own data, 0–1, two decimals. */
  reliability: number;
  certainty: Certainty;
  components: ComponentScore[];
  /** What pulled the score down: components below the province's mean, most points first. */
  pulledDown: ComponentScore[];
}

/** Points less than this against the province's mean are not named as pulling the score down. */
const PULL_THRESHOLD = 0.5;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** One office's score, given its tallies, its province's priors and the weights in force. */
export function officeScore(
  tallies: OfficeTallies,
  priors: Partial<Record<ScoreComponent, ProvincePrior | null>>,
  weights: ScoreWeights,
): OfficeScore {
  const present = SCORE_COMPONENTS.filter((c) => priors[c] != null && weights[c] > 0);
  const total = present.reduce((s, c) => s + weights[c], 0);
  // An office with nothing of its own recorded has no score: it would only be its province's mean.
  if (total === 0 || present.every((c) => tallies[c].n === 0))
    return { score: null, reliability: 0, certainty: 'low', components: [], pulledDown: [] };
  const components = present.map((c): ComponentScore => {
    const prior = priors[c]!;
    const t = tallies[c];
    const estimate = shrink(t, prior);
    return {
      component: c,
      weight: weights[c],
      n: t.n,
      raw: t.n === 0 ? null : round(t.sum / t.n, 4),
      provinceMean: round(prior.mean, 4),
      estimate: round(estimate, 4),
      reliability: round(t.n / (t.n + prior.k), 4),
      points: round((weights[c] / total) * (estimate - prior.mean) * 100, 2),
    };
  });
  const score = components.reduce((s, c) => s + (c.weight / total) * c.estimate, 0) * 100;
  const reliability = components.reduce((s, c) => s + (c.weight / total) * c.reliability, 0);
  return {
    score: round(score, 1),
    reliability: round(reliability, 2),
    certainty: certaintyOf(reliability),
    components,
    pulledDown: components.filter((c) => c.points <= -PULL_THRESHOLD).sort((a, b) => a.points - b.points),
  };
}

/** Every office of one province scored for one month, with each office's rank in the province (1 = best). */
export interface ProvinceScores {
  /** The province's mean score (an office at the province's mean in every component), one decimal. */
  provinceScore: number | null;
  offices: Map<number, OfficeScore & { rank: number | null }>;
}

/** Scores of a province's offices for one month: priors from all of them, then each office against them. */
export function provinceScores(officeTallies: Map<number, OfficeTallies>, weights: ScoreWeights): ProvinceScores {
  const all = [...officeTallies.values()];
  const priors = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, provincePrior(all.map((t) => t[c]))])) as Record<
    ScoreComponent,
    ProvincePrior | null
  >;
  const scored = [...officeTallies].map(([id, t]) => [id, officeScore(t, priors, weights)] as const);
  // Ties share a rank; offices without a score have none.
  const ordered = scored
    .map(([, s]) => s.score)
    .filter((s): s is number => s != null)
    .sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  ordered.forEach((score, i) => {
    if (!rankOf.has(score)) rankOf.set(score, i + 1);
  });
  const offices = new Map(scored.map(([id, s]) => [id, { ...s, rank: s.score == null ? null : rankOf.get(s.score)! }]));
  const present = SCORE_COMPONENTS.filter((c) => priors[c] != null && weights[c] > 0);
  const total = present.reduce((s, c) => s + weights[c], 0);
  const provinceScore =
    total === 0 ? null : round((present.reduce((s, c) => s + weights[c] * priors[c]!.mean, 0) / total) * 100, 1);
  return { provinceScore, offices };
}

/** Stars shown in the office finder: 1–5 in halves, from the score, only when the figure is at least medium-sure. */
export function stars(score: OfficeScore): number | null {
  if (score.score == null || score.reliability < CERTAINTY_MEDIUM) return null;
  return Math.max(1, Math.round((score.score / 20) * 2) / 2);
}

/** Is this a valid weight set: whole, non-negative numbers for every component, summing to exactly 100? */
export function weightsProblem(weights: Record<string, number>): 'sum' | 'negative' | null {
  if (SCORE_COMPONENTS.some((c) => !Number.isInteger(weights[c]) || weights[c] < 0)) return 'negative';
  return SCORE_COMPONENTS.reduce((s, c) => s + weights[c], 0) === 100 ? null : 'sum';
}

/** A weight set and the Jalali month (YYYY-MM) from which it applies. */
export interface WeightSet {
  effectiveFrom: string;
  weights: ScoreWeights;
}

/**
 * The set in force in a month: the latest one effective from that month or before (of two from the
 * same month, the later published); the default before any.
 */
export function weightsFor(sets: readonly WeightSet[], month: string): ScoreWeights {
  let best: WeightSet | null = null;
  for (const s of sets) if (s.effectiveFrom <= month && (!best || s.effectiveFrom >= best.effectiveFrom)) best = s;
  // A set published before a component existed gives it no weight.
  return best ? withEveryComponent(best.weights) : DEFAULT_WEIGHTS;
}

/** A weight set with every component named, those it leaves out at 0. */
export function withEveryComponent(weights: Partial<ScoreWeights>): ScoreWeights {
  return Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, weights[c] ?? 0])) as ScoreWeights;
}

/** What the score needs from an office's month of records (#core/quality/facts), and its inspections' results. */
export function scoreInputOf(records: MonthRecords, inspections: number[] = [], upheldComplaints = 0): ScoreInput {
  const waits: number[] = [];
  for (const t of records.tickets)
    if (t.calledAt) waits.push(Math.max(0, (t.calledAt.getTime() - t.createdAt.getTime()) / 60_000));
  return {
    waits,
    decisions: records.decisions.length,
    returned: records.decisions.filter((d) => d.returned).length,
    submissions: records.submissions.length,
    sameDay: records.submissions.filter(
      (s) => s.paidAt != null && tehranIsoDate(s.paidAt) === tehranIsoDate(s.submittedAt),
    ).length,
    payments: records.payments.length,
    paymentsCancelled: records.payments.filter((p) => p.cancelled).length,
    satisfaction: records.surveys.map((s) => s.satisfaction),
    wouldReturn: records.surveys.filter((s) => s.wouldReturn).length,
    inspections,
    served: records.tickets.filter((t) => t.status === 'done').length,
    upheldComplaints,
  };
}
