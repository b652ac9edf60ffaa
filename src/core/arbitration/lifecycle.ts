/**
 * An arbitration case's life under the Civil Procedure Code (1379), Arts. 454–501, as a state
 * machine: which step may follow which. Every other step is refused.
 *
 *   drafted ──(every party consents)──▶ consented ──(arbitrators named)──▶ arbitrators_appointed
 *     ──(every arbitrator notified and accepting, Art. 468)──▶ term_running ──▶ award_drafted
 *     ──(signed by all, or by a majority when one refuses, Art. 484)──▶ award_signed
 *     ──(notified to the parties, Art. 485)──▶ award_notified
 *     ──▶ enforcement_requested (after the 20 days to comply, Art. 488)
 *     ──▶ annulment_requested (within the 20 days from notice, Art. 490)
 *
 * and the ends: settled (the parties settle before an award), withdrawn (the parties drop the
 * reference before an award), term_expired (no award within the term, Art. 489 para. 4 makes a
 * later one void). The term may be extended by the parties while it runs (Art. 484, note).
 */

export const ARBITRATION_STATES = [
  'drafted',
  'consented',
  'arbitrators_appointed',
  'term_running',
  'award_drafted',
  'award_signed',
  'award_notified',
  'enforcement_requested',
  'annulment_requested',
  'settled',
  'withdrawn',
  'term_expired',
] as const;
export type ArbitrationState = (typeof ARBITRATION_STATES)[number];

export const ARBITRATION_STEPS = [
  'consent_all',
  'appoint',
  'start_term',
  'draft_award',
  'sign_award',
  'notify_award',
  'request_enforcement',
  'request_annulment',
  'settle',
  'withdraw',
  'expire_term',
  'extend_term',
] as const;
export type ArbitrationStep = (typeof ARBITRATION_STEPS)[number];

/** The states each step may be taken from, and where it leads (null: the case stays where it is). */
const STEPS: Record<ArbitrationStep, { from: readonly ArbitrationState[]; to: ArbitrationState | null }> = {
  consent_all: { from: ['drafted'], to: 'consented' },
  // Naming arbitrators again (one declined) keeps the case where it is.
  appoint: { from: ['consented', 'arbitrators_appointed'], to: 'arbitrators_appointed' },
  start_term: { from: ['arbitrators_appointed'], to: 'term_running' },
  // The draft may be rewritten until it is signed.
  draft_award: { from: ['term_running', 'award_drafted'], to: 'award_drafted' },
  sign_award: { from: ['award_drafted'], to: 'award_signed' },
  notify_award: { from: ['award_signed'], to: 'award_notified' },
  // An annulment request does not stop enforcement by itself (Art. 493 lets the court stay it).
  request_enforcement: { from: ['award_notified', 'annulment_requested'], to: 'enforcement_requested' },
  request_annulment: { from: ['award_notified'], to: 'annulment_requested' },
  settle: { from: ['consented', 'arbitrators_appointed', 'term_running', 'award_drafted'], to: 'settled' },
  withdraw: { from: ['drafted', 'consented', 'arbitrators_appointed', 'term_running'], to: 'withdrawn' },
  expire_term: { from: ['term_running', 'award_drafted'], to: 'term_expired' },
  extend_term: { from: ['term_running', 'award_drafted'], to: null },
};

/** Where `step` takes a case in `state`, or null when the law does not allow it from there. */
export function nextState(state: ArbitrationState, step: ArbitrationStep): ArbitrationState | null {
  const rule = STEPS[step];
  if (!rule.from.includes(state)) return null;
  return rule.to ?? state;
}

/** The steps a case in `state` may take. */
export function allowedSteps(state: ArbitrationState): ArbitrationStep[] {
  return ARBITRATION_STEPS.filter((s) => nextState(state, s) !== null);
}

/**
 * Art. 484: arbitrators sit together; when one refuses to take part or to sign, the majority's
 * award is valid (the refusal is written on the award). Signed by all, or by more than half of
 * the panel with the rest refusing; one undecided arbitrator keeps the award unsigned.
 */
export function awardSignedBy(panel: number, signed: number, refused: number): 'pending' | 'signed' | 'no_majority' {
  if (signed + refused > panel) throw new RangeError('more answers than arbitrators');
  if (signed === panel) return 'signed';
  if (signed + refused < panel) return 'pending';
  return signed * 2 > panel ? 'signed' : 'no_majority';
}
