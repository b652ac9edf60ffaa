/**
 * The rules a tariff schedule must meet before the regulator approves it: only one schedule in
 * force on any day, no silent retroactive change of today's fees, a fee for every service the
 * schedule in force prices, and fees that are plausible. Pure; the service layer turns the
 * findings into problems.
 */
import { EXTRA_PAGE_LINE, EXTRA_PARTY_LINE, scheduleInForce } from './fees';

export interface DatedSchedule {
  id: number;
  effectiveFrom: string;
  effectiveTo?: string | null;
}

/** Largest fee for one service that is not a typing slip. */
const MAX_FEE_RIALS = 1_000_000_000;
/** Fees are whole multiples of 100 Rials (10 Tomans). */
const FEE_STEP_RIALS = 100;
/** A new fee more than this many times the one in force (or under its fraction) is implausible. */
const PLAUSIBLE_RATIO = 10;

/**
 * Do two schedules claim the same days? Same start; or one has an end and the other starts inside
 * it. A later open-ended start merely supersedes an earlier open-ended one.
 */
export function datesConflict(s: DatedSchedule, a: DatedSchedule): boolean {
  if (a.effectiveFrom === s.effectiveFrom) return true;
  if (s.effectiveTo != null && s.effectiveFrom < a.effectiveFrom && a.effectiveFrom <= s.effectiveTo) return true;
  if (a.effectiveTo != null && a.effectiveFrom < s.effectiveFrom && s.effectiveFrom <= a.effectiveTo) return true;
  return false;
}

/** The first approved schedule (other than `s` itself) whose dates conflict with `s`, if any. */
export function conflictingSchedule<A extends DatedSchedule>(s: DatedSchedule, approved: readonly A[]): A | null {
  return approved.find((a) => a.id !== s.id && datesConflict(s, a)) ?? null;
}

/**
 * Would approving `s` change which schedule is in force today although it starts before today?
 * A schedule starting today or later never is; a past one must be entered with its end date,
 * before the one in force now.
 */
export function isRetroactive(s: DatedSchedule, approved: readonly DatedSchedule[], todayIso: string): boolean {
  if (s.effectiveFrom >= todayIso) return false;
  const others = approved.filter((a) => a.id !== s.id);
  return scheduleInForce([...others, s], todayIso)?.id !== scheduleInForce(others, todayIso)?.id;
}

/** Codes the reference schedule prices that the draft has no line for, in the reference's order. */
export function missingCodes(
  draftCodes: readonly string[],
  reference: { lines: readonly { code: string }[] } | null,
): string[] {
  if (!reference) return [];
  const have = new Set(draftCodes);
  return reference.lines.map((l) => l.code).filter((c) => !have.has(c));
}

export type FeeProblemCode = 'too_small' | 'too_big' | 'fee_not_whole_rial_step' | 'fee_implausible';

/**
 * What is wrong with one fee, if anything: negative, absurdly large, not a multiple of 100 Rials,
 * or beyond ten times (or under a tenth of) the fee in force for the same item.
 */
export function feeProblem(amountRials: number, inForceRials: number | null | undefined): FeeProblemCode | null {
  if (amountRials < 0) return 'too_small';
  if (amountRials > MAX_FEE_RIALS) return 'too_big';
  if (!Number.isInteger(amountRials) || amountRials % FEE_STEP_RIALS !== 0) return 'fee_not_whole_rial_step';
  if (inForceRials != null && inForceRials > 0) {
    if (amountRials > inForceRials * PLAUSIBLE_RATIO || amountRials * PLAUSIBLE_RATIO < inForceRials)
      return 'fee_implausible';
  }
  return null;
}

export interface DraftLine {
  code: string;
  amountRials: number;
  onlineAmountRials?: number | null;
}
export interface ReferenceLine {
  code: string;
  amountRials: number;
  onlineAmountRials?: number | null;
}

export interface LineProblem {
  field: string;
  code: FeeProblemCode | 'unknown_service';
}

/**
 * Every problem of a draft's lines, each naming its field (`lines.<code>.amountRials`,
 * `lines.<code>.onlineAmountRials`, or `lines.<code>` for a code that prices nothing known).
 * Known codes: catalog services, the extra party and page lines, and whatever the reference
 * schedule prices.
 */
export function lineProblems(
  lines: readonly DraftLine[],
  reference: readonly ReferenceLine[],
  catalogCodes: readonly string[],
): LineProblem[] {
  const known = new Set([...catalogCodes, EXTRA_PARTY_LINE, EXTRA_PAGE_LINE, ...reference.map((l) => l.code)]);
  const byCode = new Map(reference.map((l) => [l.code, l]));
  const problems: LineProblem[] = [];
  for (const l of lines) {
    if (!known.has(l.code)) {
      problems.push({ field: `lines.${l.code}`, code: 'unknown_service' });
      continue;
    }
    const ref = byCode.get(l.code);
    const office = feeProblem(l.amountRials, ref?.amountRials);
    if (office) problems.push({ field: `lines.${l.code}.amountRials`, code: office });
    if (l.onlineAmountRials != null) {
      const online = feeProblem(l.onlineAmountRials, ref ? (ref.onlineAmountRials ?? ref.amountRials) : null);
      if (online) problems.push({ field: `lines.${l.code}.onlineAmountRials`, code: online });
    }
  }
  return problems;
}

export type ScheduleState = 'draft' | 'upcoming' | 'in-force' | 'superseded';

/** Where a schedule stands today: a draft, not yet in force, in force, or past (superseded or ended). */
export function scheduleState(
  s: DatedSchedule & { status: 'draft' | 'approved' },
  approved: readonly DatedSchedule[],
  todayIso: string,
): ScheduleState {
  if (s.status === 'draft') return 'draft';
  if (s.effectiveFrom > todayIso) return 'upcoming';
  return scheduleInForce(approved, todayIso)?.id === s.id ? 'in-force' : 'superseded';
}
