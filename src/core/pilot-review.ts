/**
 * The review at the end of a pilot: a proposal approved as a pilot comes back to the regulator
 * when its period ends, with its figures, to be adopted nationally, extended or ended
 * (docs/decisions/0057). Pure, so the server, the web and their tests agree.
 *
 * - The review opens `PILOT_REVIEW_OPENS_DAYS` calendar days before the pilot's last day, so a
 *   decision taken in time leaves no day on which the pilot's offices cannot offer the service;
 *   it stays open after the last day (the pilot has then lapsed) until it is decided.
 * - The regulator may decide earlier (end a failing pilot, adopt an evident success); the review
 *   is then simply not yet due.
 * - An extension moves the last day later (after today and after the current last day); adopting
 *   or ending concludes the pilot, and nothing is reviewed again.
 * Dates are ISO calendar days in Tehran.
 */
import { addDaysIso } from './jalali';

/** How many calendar days before its last day a pilot's review falls due. */
const PILOT_REVIEW_OPENS_DAYS = 30;

export const PILOT_REVIEW_OUTCOMES = ['adopt', 'extend', 'end'] as const;
export type PilotReviewOutcome = (typeof PILOT_REVIEW_OUTCOMES)[number];

/**
 * Where a pilot stands: running (its review not yet due), due (within its last days), lapsed
 * (past its last day, not yet reviewed), or concluded by a review (adopted nationally, ended).
 */
export const PILOT_STATES = ['running', 'due', 'lapsed', 'adopted', 'ended'] as const;
export type PilotState = (typeof PILOT_STATES)[number];

/** The day a pilot ending on `pilotUntil` falls due for review. */
export function pilotReviewDueOn(pilotUntil: string): string {
  return addDaysIso(pilotUntil, -PILOT_REVIEW_OPENS_DAYS);
}

/** The state of a pilot whose last day is `pilotUntil`, given the outcome that concluded it (if any), read on `today`. */
export function pilotState(
  pilotUntil: string,
  concludedBy: Exclude<PilotReviewOutcome, 'extend'> | null,
  today: string,
): PilotState {
  if (concludedBy === 'adopt') return 'adopted';
  if (concludedBy === 'end') return 'ended';
  if (today > pilotUntil) return 'lapsed';
  return today >= pilotReviewDueOn(pilotUntil) ? 'due' : 'running';
}

export interface PilotReviewInput {
  outcome: PilotReviewOutcome;
  reasons: string;
  /** An extension's new last day. */
  until: string | null;
}

export type PilotReviewProblem = 'reasons_required' | 'pilot_extension_end' | 'invalid_value';

/** What is wrong with a review of a pilot ending on `pilotUntil`, read on `today`: field → code. */
export function pilotReviewProblems(
  input: PilotReviewInput,
  pilotUntil: string,
  today: string,
): Partial<Record<'reasons' | 'until', PilotReviewProblem>> {
  const problems: Partial<Record<'reasons' | 'until', PilotReviewProblem>> = {};
  if (input.reasons.trim().length === 0) problems.reasons = 'reasons_required';
  if (input.outcome === 'extend') {
    if (!input.until || input.until <= today || input.until <= pilotUntil) problems.until = 'pilot_extension_end';
  } else if (input.until) problems.until = 'invalid_value';
  return problems;
}
