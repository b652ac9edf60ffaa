/**
 * The indexation helper: a schedule's fees raised (or lowered) by an inflation rate and rounded the
 * way tariffs are published, to a round step that grows with the fee. Pure, so the preview the
 * association sees and the draft the server writes carry the same figures.
 */

export type RoundingMode = 'nearest' | 'up';

export interface IndexationOptions {
  /** Percent to apply, e.g. 10 for +10 %; negative lowers the fees. */
  ratePercent: number;
  /** Round to a multiple of this; absent (or 0): by the size of the indexed fee. */
  roundingRials?: number;
  /** `nearest` rounds half up; `up` always rounds up to the next step. */
  mode: RoundingMode;
}

export interface IndexableLine {
  code: string;
  amountRials: number;
  onlineAmountRials?: number | null;
}

/** The step an indexed fee is rounded to when none is given: 1,000 under 100,000; 5,000 under 1,000,000; 10,000 above. */
export function defaultRoundingRials(amountRials: number): number {
  if (amountRials < 100_000) return 1_000;
  if (amountRials < 1_000_000) return 5_000;
  return 10_000;
}

/** Rounds a whole-Rial amount to a multiple of `step` (half up, or always up); never below 0. */
export function roundToStep(amountRials: number, step: number, mode: RoundingMode): number {
  if (amountRials <= 0) return 0;
  if (step <= 1) return Math.round(amountRials);
  const units = amountRials / step;
  const rounded = mode === 'up' ? Math.ceil(units - 1e-9) : Math.floor(units + 0.5 + 1e-9);
  return Math.max(0, rounded * step);
}

/** One fee indexed: amount × (1 + rate), taken to whole Rials, then rounded to the step. */
export function indexAmount(amountRials: number, options: IndexationOptions): number {
  // Multiply before dividing so whole rates stay exact (770,000 × 110 / 100 = 847,000).
  const raw = Math.round((amountRials * (100 + options.ratePercent)) / 100);
  const step = options.roundingRials && options.roundingRials > 0 ? options.roundingRials : defaultRoundingRials(raw);
  return roundToStep(raw, step, options.mode);
}

/** Every line indexed: the office fee, and the online fee when the line has one of its own. */
export function indexLines<L extends IndexableLine>(
  lines: readonly L[],
  options: IndexationOptions,
): (L & { amountRials: number; onlineAmountRials: number | null })[] {
  return lines.map((l) => ({
    ...l,
    amountRials: indexAmount(l.amountRials, options),
    onlineAmountRials: l.onlineAmountRials == null ? null : indexAmount(l.onlineAmountRials, options),
  }));
}

/** Change from one fee to another in percent, one decimal; null when there was no fee before. */
export function changePercent(before: number | null | undefined, after: number): number | null {
  if (before == null || before === 0) return null;
  return Math.round(((after - before) / before) * 1000) / 10;
}
