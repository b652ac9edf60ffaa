/**
 * The arbitrators' fee (Civil Procedure Code Art. 498): as the parties agreed, or by the official
 * scale the regulator enters (آیین‌نامهٔ حق‌الزحمهٔ داوری). A scale is versioned and in force from its
 * first day; the fee is fixed by the scale in force on the day the arbitrators are chosen (the
 * term's start), never by a later one. Pure: amounts are whole Rials, percentages basis points.
 */

/** One band of a monetary claim: the part of the claim up to `upToRials` (null: the rest) pays `basisPoints`/10,000. */
export interface FeeBand {
  upToRials: number | null;
  basisPoints: number;
}

export interface ArbitrationFeeScale {
  /** The first day it is in force (ISO). */
  validFrom: string;
  /** Marginal bands, ascending; the last is open-ended. */
  bands: FeeBand[];
  /** The most the tribunal's fee may be in a monetary claim (null: no cap). */
  capRials: number | null;
  /** A claim that is not monetary, or whose value cannot be set: per arbitrator, within this range. */
  nonMonetaryMinRials: number;
  nonMonetaryMaxRials: number;
}

/** Who pays the fee: the parties in equal shares (unless agreed otherwise), or one side alone. */
export const FEE_PAYERS = ['equal', 'claimant', 'respondent'] as const;
export type FeePayers = (typeof FEE_PAYERS)[number];

/** What the agreement says of the fee: an agreed amount per arbitrator, or the scale with the claim's value (null: not monetary). */
export type FeeTerms =
  | { basis: 'agreed'; perArbitratorRials: number; payers: FeePayers }
  | { basis: 'scale'; claimRials: number | null; payers: FeePayers };

/** What is wrong with a scale as entered, if anything: the first problem's field and code. */
export type ScaleProblemCode = 'too_small' | 'invalid_value' | 'bands_not_ascending' | 'range_inverted';

export function scaleProblem(
  scale: Omit<ArbitrationFeeScale, 'validFrom'>,
): { field: string; code: ScaleProblemCode } | null {
  const { bands } = scale;
  if (!bands.length) return { field: 'bands', code: 'too_small' };
  for (const [i, b] of bands.entries()) {
    const last = i === bands.length - 1;
    if (!Number.isInteger(b.basisPoints) || b.basisPoints < 0 || b.basisPoints > 10_000)
      return { field: `bands.${i}.basisPoints`, code: 'invalid_value' };
    if (last ? b.upToRials !== null : b.upToRials === null)
      return { field: `bands.${i}.upToRials`, code: 'invalid_value' };
    const prev = i > 0 ? bands[i - 1].upToRials! : 0;
    if (!last && !(b.upToRials! > prev)) return { field: `bands.${i}.upToRials`, code: 'bands_not_ascending' };
  }
  if (scale.nonMonetaryMinRials > scale.nonMonetaryMaxRials)
    return { field: 'nonMonetaryMaxRials', code: 'range_inverted' };
  return null;
}

/** One band's part of a claim's fee: the slice of the claim it covers and what that slice pays. */
interface FeePart {
  fromRials: number;
  toRials: number;
  basisPoints: number;
  feeRials: number;
}

/** How the scale prices a monetary claim: each band's slice and fee, their sum, and the fee after the cap. */
export interface FeeWorking {
  parts: FeePart[];
  uncappedRials: number;
  totalRials: number;
  capped: boolean;
}

/** The tribunal's fee for a monetary claim by the scale, band by band: each band's share of the claim at its rate, then the cap. */
export function scaleFeeWorking(
  scale: Pick<ArbitrationFeeScale, 'bands' | 'capRials'>,
  claimRials: number,
): FeeWorking {
  const parts: FeePart[] = [];
  let floor = 0;
  for (const b of scale.bands) {
    if (claimRials <= floor) break;
    const top = b.upToRials === null ? claimRials : Math.min(claimRials, b.upToRials);
    // Rials are whole: each band's part is rounded down, in exact integer arithmetic.
    const fee = Number((BigInt(top - floor) * BigInt(b.basisPoints)) / 10_000n);
    parts.push({ fromRials: floor, toRials: top, basisPoints: b.basisPoints, feeRials: fee });
    floor = top;
  }
  const uncapped = parts.reduce((sum, p) => sum + p.feeRials, 0);
  const capped = scale.capRials !== null && uncapped > scale.capRials;
  return { parts, uncappedRials: uncapped, totalRials: capped ? scale.capRials! : uncapped, capped };
}

/** The tribunal's fee for a monetary claim by the scale. */
export function scaleFeeForClaim(scale: Pick<ArbitrationFeeScale, 'bands' | 'capRials'>, claimRials: number): number {
  return scaleFeeWorking(scale, claimRials).totalRials;
}

/**
 * Where a scale stands beside the one in force today (null: none is yet): a later first day is
 * still to come, an earlier one is past; a withdrawn scale is withdrawn, whatever its first day.
 */
export type ScaleStanding = 'upcoming' | 'in-force' | 'past' | 'withdrawn';

export function scaleStanding(validFrom: string, inForceFrom: string | null, withdrawn = false): ScaleStanding {
  if (withdrawn) return 'withdrawn';
  if (inForceFrom === null || validFrom > inForceFrom) return 'upcoming';
  return validFrom === inForceFrom ? 'in-force' : 'past';
}

/** Why a scale cannot be withdrawn on `isoDay`, if it cannot. */
export type ScaleWithdrawalProblem = 'withdrawn' | 'in_force';

/**
 * A scale may be withdrawn only before its first day: once in force a fee may have been fixed by
 * it (and a fee fixed is never changed), so from then on only a newer scale supersedes it. A scale
 * is withdrawn once.
 */
export function scaleWithdrawalProblem(
  scale: { validFrom: string; withdrawnAt: unknown },
  isoDay: string,
): ScaleWithdrawalProblem | null {
  if (scale.withdrawnAt != null) return 'withdrawn';
  if (scale.validFrom <= isoDay) return 'in_force';
  return null;
}

/** A rate typed as a percentage (½ is 0.5) in the basis points a scale keeps: hundredths of a percent. */
export function basisPointsOfPercent(percent: number): number {
  return Math.round(percent * 100);
}

/** The scale in force on `isoDay`: the latest whose first day is on or before it; a withdrawn scale never is. */
export function scaleInForce<T extends { validFrom: string; withdrawnAt?: unknown }>(
  scales: readonly T[],
  isoDay: string,
): T | null {
  let best: T | null = null;
  for (const s of scales)
    if (s.withdrawnAt == null && s.validFrom <= isoDay && (!best || s.validFrom > best.validFrom)) best = s;
  return best;
}

/** `total` in `n` shares as equal as whole Rials allow; the first shares carry the odd Rials. */
export function equalShares(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

export interface FixedFee {
  totalRials: number;
  /** Each arbitrator's part, in the order they are given. */
  perArbitratorRials: number[];
}

/**
 * The fee fixed for `arbitrators` arbitrators: the agreed amount each; or by the scale, the claim's
 * fee shared equally among them (the scale prices the arbitration, not each arbitrator), or for a
 * claim that is not monetary the scale's lowest amount each (a higher one is for the court to set,
 * note 2 of Art. 2). Null when the scale is needed and none is in force.
 */
export function fixFee(terms: FeeTerms, arbitrators: number, scale: ArbitrationFeeScale | null): FixedFee | null {
  if (terms.basis === 'agreed') {
    const per = Array.from({ length: arbitrators }, () => terms.perArbitratorRials);
    return { totalRials: terms.perArbitratorRials * arbitrators, perArbitratorRials: per };
  }
  if (!scale) return null;
  if (terms.claimRials === null) {
    const per = Array.from({ length: arbitrators }, () => scale.nonMonetaryMinRials);
    return { totalRials: scale.nonMonetaryMinRials * arbitrators, perArbitratorRials: per };
  }
  const total = scaleFeeForClaim(scale, terms.claimRials);
  return { totalRials: total, perArbitratorRials: equalShares(total, arbitrators) };
}

/** Each party's share: equal among all the parties, or among one side's parties alone. */
export function partyShares<P extends { role: 'claimant' | 'respondent' }>(
  totalRials: number,
  parties: readonly P[],
  payers: FeePayers,
): { party: P; amountRials: number }[] {
  const paying = payers === 'equal' ? parties : parties.filter((p) => p.role === payers);
  const shares = equalShares(totalRials, paying.length);
  return paying.map((party, i) => ({ party, amountRials: shares[i] }));
}
