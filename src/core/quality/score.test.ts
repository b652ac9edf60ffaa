import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  emptyTallies,
  officeScore,
  PRIOR_DEFAULT,
  PRIOR_MAX,
  provincePrior,
  provinceScores,
  type ScoreInput,
  type ScoreWeights,
  shareTally,
  shrink,
  stars,
  talliesFromCounts,
  talliesOf,
  waitScore,
  weightsFor,
  weightsProblem,
} from './score';

const none: ScoreInput = {
  waits: [],
  decisions: 0,
  returned: 0,
  submissions: 0,
  sameDay: 0,
  payments: 0,
  paymentsCancelled: 0,
  satisfaction: [],
  wouldReturn: 0,
  inspections: [],
};

/** Only the court's returns count, so a figure can be checked by hand. */
const returnsOnly: ScoreWeights = {
  waiting: 0,
  returns: 100,
  sameDay: 0,
  payments: 0,
  satisfaction: 0,
  wouldReturn: 0,
  inspection: 0,
  complaints: 0,
};

const withReturns = (returned: number, decisions: number) => talliesOf({ ...none, decisions, returned });

describe('per-observation scores', () => {
  it('counts a wait up to 15 minutes as good, nothing from an hour, and linearly between', () => {
    expect(waitScore(0)).toBe(1);
    expect(waitScore(15)).toBe(1);
    expect(waitScore(30)).toBeCloseTo(2 / 3, 10);
    expect(waitScore(60)).toBe(0);
    expect(waitScore(200)).toBe(0);
  });

  it('turns survey answers into shares: satisfaction 5 is 1, 3 is one half, 1 is 0', () => {
    const t = talliesOf({ ...none, satisfaction: [5, 3, 1], wouldReturn: 2 });
    expect(t.satisfaction).toEqual({ n: 3, sum: 1.5, sumSq: 1.25 });
    expect(t.wouldReturn).toEqual({ n: 3, sum: 2, sumSq: 2 });
  });

  it('scores filings the court did not return, not the returns', () => {
    expect(withReturns(4, 40).returns).toEqual({ n: 40, sum: 36, sumSq: 36 });
  });
});

describe("the province's prior (empirical Bayes, method of moments)", () => {
  it('estimates k from how much offices differ beyond what their counts explain', () => {
    // 80, 90 and 70 of 100 filings not returned: μ = 0.8, σ² = 0.8·0.2 = 0.16, the offices' means
    // vary by 0.01, of which 0.16/100 = 0.0016 is noise: τ² = 0.0084, k = 0.16 / 0.0084 ≈ 19.05.
    const prior = provincePrior([shareTally(80, 100), shareTally(90, 100), shareTally(70, 100)]);
    expect(prior!.mean).toBeCloseTo(0.8, 10);
    expect(prior!.k).toBeCloseTo(19.05, 2);
  });

  it('pools offices that differ no more than chance would make them as strongly as it may', () => {
    const prior = provincePrior([shareTally(80, 100), shareTally(80, 100), shareTally(80, 100)]);
    expect(prior).toEqual({ mean: 0.8, k: PRIOR_MAX });
  });

  it('does not estimate from fewer than three offices with data, and has no prior without any', () => {
    expect(provincePrior([shareTally(9, 10), shareTally(1, 2)])!.k).toBe(PRIOR_DEFAULT);
    expect(provincePrior([shareTally(9, 10), shareTally(1, 2)])!.mean).toBeCloseTo(10 / 12, 10);
    expect(provincePrior([shareTally(0, 0)])).toBeNull();
  });

  it('pulls an office with few services toward the province, and leaves one with many nearly itself', () => {
    const prior = { mean: 0.9, k: 30 };
    // five filings, none returned: (5 + 30·0.9) / 35 = 0.9143
    expect(shrink(shareTally(5, 5), prior)).toBeCloseTo(32 / 35, 10);
    // five thousand filings, 60% not returned: (3000 + 27) / 5030 = 0.6018
    expect(shrink(shareTally(3000, 5000), prior)).toBeCloseTo(3027 / 5030, 10);
  });
});

describe("an office's score", () => {
  const prior = { returns: { mean: 0.9, k: 30 } };

  it('is the weighted mean of the shrunk components, times 100, and says how much of it is the office', () => {
    const s = officeScore(withReturns(0, 5), prior, returnsOnly);
    expect(s.score).toBe(91.4);
    expect(s.reliability).toBe(0.14);
    expect(s.certainty).toBe('low');
    const big = officeScore(withReturns(2000, 5000), prior, returnsOnly);
    expect(big.score).toBe(60.2);
    expect(big.certainty).toBe('high');
  });

  it('names what pulled the score down in points against the province, most first', () => {
    const t = talliesOf({ ...none, decisions: 200, returned: 60, waits: Array(200).fill(5) });
    const s = officeScore(
      t,
      { returns: { mean: 0.9, k: 20 }, waiting: { mean: 0.5, k: 20 } },
      { ...returnsOnly, returns: 50, waiting: 50 },
    );
    // returns: (140 + 18) / 220 = 0.7182, 0.5 × (0.7182 − 0.9) × 100 = −9.09 points
    // waiting: (200 + 10) / 220 = 0.9545, +22.73 points — does not pull down
    expect(s.pulledDown.map((c) => [c.component, c.points])).toEqual([['returns', -9.09]]);
    expect(s.score).toBe(83.6);
  });

  it('leaves out a component nobody in the province has data for, and the others share its weight', () => {
    const s = officeScore(withReturns(0, 100), prior, DEFAULT_WEIGHTS);
    expect(s.components.map((c) => c.component)).toEqual(['returns']);
    expect(s.score).toBe(officeScore(withReturns(0, 100), prior, returnsOnly).score);
  });

  it('has no score where the province has no data at all', () => {
    expect(officeScore(emptyTallies(), {}, DEFAULT_WEIGHTS).score).toBeNull();
  });

  it('ranks a province: the best first, equal scores share a rank, an office without data none', () => {
    const scores = provinceScores(
      new Map([
        [1, withReturns(10, 100)],
        [2, withReturns(30, 100)],
        [3, withReturns(10, 100)],
        [4, emptyTallies()],
      ]),
      returnsOnly,
    );
    expect([1, 2, 3, 4].map((id) => scores.offices.get(id)!.rank)).toEqual([1, 3, 1, null]);
    // office 4 recorded nothing: it would only be the province's mean, so it has no score nor rank
    expect(scores.offices.get(4)!.score).toBeNull();
    expect(scores.provinceScore).toBe(83.3);
  });

  it('shows stars only for a figure at least half the office’s own: 91.4 with few services none, 60.2 with many three', () => {
    expect(stars(officeScore(withReturns(0, 5), prior, returnsOnly))).toBeNull();
    expect(stars(officeScore(withReturns(2000, 5000), prior, returnsOnly))).toBe(3);
  });
});

describe('inspections in the score', () => {
  it('count each inspection’s result as one observation of the inspection component, shrunk like the rest', () => {
    // Two offices of a province under the default weights; only returns (25) and inspection (15)
    // have data, so they share the whole score: 25/40 and 15/40.
    //   office 1: 9 of 10 filings not returned, one inspection at 80;
    //   office 2: 5 of 10 not returned, one inspection at 60.
    // Two offices are too few to estimate k: k = 30 for both components.
    //   returns:    μ = 14/20 = 0.7; office 1 (9 + 30·0.7)/(10 + 30) = 0.75, office 2 (5 + 21)/40 = 0.65
    //   inspection: μ = (0.8 + 0.6)/2 = 0.7; office 1 (0.8 + 21)/31 = 0.703226, office 2 (0.6 + 21)/31 = 0.696774
    // score 1 = (25·0.75 + 15·0.703226)/40 × 100 = (18.75 + 10.548387)/40 × 100 = 73.2
    // score 2 = (25·0.65 + 15·0.696774)/40 × 100 = (16.25 + 10.451613)/40 × 100 = 66.8
    // province = (25·0.7 + 15·0.7)/40 × 100 = 70.0
    // office 1's inspection adds 15/40 × (0.703226 − 0.7) × 100 = +0.12 points, with reliability 1/31 = 0.0323;
    // its whole figure is (25·10/40 + 15·1/31)/40 = (6.25 + 0.4839)/40 = 0.17 its own.
    const scores = provinceScores(
      new Map([
        [1, talliesOf({ ...none, decisions: 10, returned: 1, inspections: [80] })],
        [2, talliesOf({ ...none, decisions: 10, returned: 5, inspections: [60] })],
      ]),
      DEFAULT_WEIGHTS,
    );
    const one = scores.offices.get(1)!;
    expect([one.score, scores.offices.get(2)!.score, scores.provinceScore]).toEqual([73.2, 66.8, 70]);
    expect(one.components.find((c) => c.component === 'inspection')).toMatchObject({
      weight: 15,
      n: 1,
      raw: 0.8,
      provinceMean: 0.7,
      estimate: 0.7032,
      reliability: 0.0323,
      points: 0.12,
    });
    expect(one.reliability).toBe(0.17);
  });

  it('take an office’s several inspections in a month as several observations', () => {
    expect(talliesOf({ ...none, inspections: [100, 70] }).inspection).toEqual({ n: 2, sum: 1.7, sumSq: 1.49 });
  });
});

describe('upheld complaints (docs/decisions/0063)', () => {
  it('score each counter service 1 unless a complaint about the office was upheld', () => {
    // 200 services, 3 complaints upheld: 197 of 200 observations score 1.
    expect(talliesOf({ ...none, served: 200, upheldComplaints: 3 }).complaints).toEqual({
      n: 200,
      sum: 197,
      sumSq: 197,
    });
    // More upheld complaints than services in the month: the complaints are the observations.
    expect(talliesOf({ ...none, served: 1, upheldComplaints: 2 }).complaints).toEqual({ n: 2, sum: 0, sumSq: 0 });
  });

  it('leave the component without data while nothing is upheld, so it changes no month scored before', () => {
    expect(talliesOf({ ...none, served: 200 }).complaints.n).toBe(0);
    expect(DEFAULT_WEIGHTS.complaints).toBe(0);
  });

  it('weigh in once a set gives them weight: two offices, one with 10 of 100 services upheld', () => {
    // Complaints only. Prior: two offices (fewer than three) → k = 30; pooled mean (90 + 0 + …) / …
    // Office 1: 100 services, 10 upheld → 0.9; office 2 has no upheld complaint → no observations,
    // so the province's mean is office 1's 0.9 and office 2 has no score.
    const complaintsOnly = { ...returnsOnly, returns: 50, complaints: 50 };
    const scores = provinceScores(
      new Map([
        [1, talliesOf({ ...none, decisions: 10, returned: 0, served: 100, upheldComplaints: 10 })],
        [2, talliesOf({ ...none, decisions: 10, returned: 0, served: 100 })],
      ]),
      complaintsOnly,
    );
    // Office 1: returns 1 (mean 1, k 30 → 1); complaints (90 + 30·0.9) / 130 = 0.9 → (0.5·1 + 0.5·0.9)·100 = 95.
    expect(scores.offices.get(1)!.score).toBe(95);
    expect(scores.offices.get(1)!.components.find((c) => c.component === 'complaints')).toMatchObject({
      n: 100,
      raw: 0.9,
    });
  });
});

describe('weight sets', () => {
  it('must be whole, non-negative and sum to exactly 100', () => {
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, returns: 26 })).toBe('sum');
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, returns: -5, waiting: 45 })).toBe('negative');
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, returns: 24.5, waiting: 15.5 })).toBe('negative');
  });

  it('applies a set from its month on, never to the months before it', () => {
    const later = { ...DEFAULT_WEIGHTS, returns: 35, inspection: 5 };
    const sets = [{ effectiveFrom: '1405-07', weights: later }];
    expect(weightsFor(sets, '1405-06')).toEqual(DEFAULT_WEIGHTS);
    expect(weightsFor(sets, '1405-07')).toEqual(later);
    expect(weightsFor(sets, '1406-01')).toEqual(later);
  });

  it('gives a component a set published before it existed no weight', () => {
    const { complaints: _, ...old } = DEFAULT_WEIGHTS;
    expect(weightsFor([{ effectiveFrom: '1405-01', weights: old as typeof DEFAULT_WEIGHTS }], '1405-02')).toEqual(
      DEFAULT_WEIGHTS,
    );
  });
});

describe('a month already reduced to sums (docs/decisions/0071)', () => {
  it('gives the tallies the observations give', () => {
    // Waits 10, 37.5 and 70 minutes score 1, 0.5 and 0; answers 5 and 2 score 1 and 0.25; an inspection at 75.
    const input: ScoreInput = {
      ...none,
      waits: [10, 37.5, 70],
      decisions: 8,
      returned: 2,
      submissions: 5,
      sameDay: 4,
      payments: 3,
      paymentsCancelled: 1,
      satisfaction: [5, 2],
      wouldReturn: 1,
      inspections: [75],
      served: 40,
      upheldComplaints: 1,
    };
    const fromSums = talliesFromCounts({
      waiting: { n: 3, sum: 1.5, sumSq: 1.25 },
      decisions: 8,
      returned: 2,
      submissions: 5,
      sameDay: 4,
      payments: 3,
      paymentsCancelled: 1,
      satisfaction: { n: 2, sum: 1.25, sumSq: 1.0625 },
      wouldReturn: 1,
      inspection: { n: 1, sum: 0.75, sumSq: 0.5625 },
      served: 40,
      upheldComplaints: 1,
    });
    expect(fromSums).toEqual(talliesOf(input));
    expect(fromSums.returns).toEqual({ n: 8, sum: 6, sumSq: 6 });
    expect(fromSums.complaints).toEqual({ n: 40, sum: 39, sumSq: 39 });
  });
});
