/**
 * Figures drawn from a simulation's result, the same on the screen and in the board's report:
 * the distribution of offices' revenue-to-cost ratio before and after (1.0 is break-even), the
 * offices losing most, and the offices a revision pushes below break-even.
 */

export interface OfficeFigures {
  officeId: number;
  revenueBeforeRials: number;
  revenueAfterRials: number;
  revenueChangeRials: number;
  costRials: number;
  viableBefore: boolean;
  viableAfter: boolean;
}

export interface RatioBin {
  /** Lower edge of the bin (inclusive); the last bin is open-ended. */
  from: number;
  /** Upper edge (exclusive); null for the last, open bin. */
  to: number | null;
  before: number;
  after: number;
}

/** Revenue over cost; null when the office has no cost to compare with. */
function revenueCostRatio(revenueRials: number, costRials: number): number | null {
  return costRials > 0 ? revenueRials / costRials : null;
}

/**
 * Offices counted by revenue/cost ratio in bins of `width` from 0 up to `max` (the last bin holds
 * everything at or above `max`). Offices without a cost are left out.
 */
export function ratioHistogram(offices: readonly OfficeFigures[], width = 0.25, max = 3): RatioBin[] {
  const n = Math.round(max / width);
  const bins: RatioBin[] = Array.from({ length: n + 1 }, (_, i) => ({
    from: Math.round(i * width * 1000) / 1000,
    to: i < n ? Math.round((i + 1) * width * 1000) / 1000 : null,
    before: 0,
    after: 0,
  }));
  const binOf = (ratio: number) => Math.min(n, Math.max(0, Math.floor(ratio / width + 1e-9)));
  for (const o of offices) {
    const before = revenueCostRatio(o.revenueBeforeRials, o.costRials);
    const after = revenueCostRatio(o.revenueAfterRials, o.costRials);
    if (before != null) bins[binOf(before)].before += 1;
    if (after != null) bins[binOf(after)].after += 1;
  }
  return bins;
}

/** The offices whose revenue falls most, worst first (only those that lose). */
export function topLosers<T extends OfficeFigures>(offices: readonly T[], limit = 20): T[] {
  return offices
    .filter((o) => o.revenueChangeRials < 0)
    .sort((a, b) => a.revenueChangeRials - b.revenueChangeRials || a.officeId - b.officeId)
    .slice(0, limit);
}

/** Offices that broke even before and no longer do, the deepest shortfall first. */
export function fallingBelowBreakEven<T extends OfficeFigures>(offices: readonly T[]): T[] {
  return offices
    .filter((o) => o.viableBefore && !o.viableAfter)
    .sort((a, b) => a.revenueAfterRials - a.costRials - (b.revenueAfterRials - b.costRials) || a.officeId - b.officeId);
}

/** Percent change, one decimal; null from nothing. */
export function changePercent(before: number, after: number): number | null {
  if (before === 0) return null;
  return Math.round(((after - before) / before) * 1000) / 10;
}
