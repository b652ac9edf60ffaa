/** The arbitration area's value lists (pure; tables, contracts and the web import them). */
export { ARBITRATION_STATES, ARBITRATION_STEPS } from '#core/arbitration/lifecycle';
export { ARBITRATION_SUBJECTS } from '#core/arbitration/admissibility';
export { ANNULMENT_GROUNDS, type AnnulmentGround } from '#core/arbitration/after-award';
export { FEE_PAYERS, type FeeBand } from '#core/arbitration/fees';

/** Art. 498: the arbitrators' fee as the parties agreed, or by the official scale. */
export const FEE_BASES = ['agreed', 'scale'] as const;

/** Art. 454: a clause in a contract (before any dispute), or a separate agreement once one arose. */
export const AGREEMENT_KINDS = ['clause', 'separate'] as const;
/** Who names the arbitrators: the parties together, or the seat office from its panel. */
export const ARBITRATOR_SELECTIONS = ['parties', 'office'] as const;
/** How the award reaches the parties: the agreed e-notice, or lodged with the court's registry (Art. 485). */
export const AWARD_NOTICE_METHODS = ['e_notice', 'court_registry'] as const;
export const PARTY_ROLES = ['claimant', 'respondent'] as const;
export const ARBITRATOR_STATUSES = ['named', 'accepted', 'declined'] as const;
export const TERM_UNITS = ['day', 'week', 'month'] as const;
/** Where an arbitration hearing sits: the seat office, or a video call. */
export const HEARING_PLACES = ['office', 'video'] as const;
/** An arbitrator's answer to the drafted award (Art. 484). */
export const SIGNATURES = ['signed', 'refused'] as const;
/** What a party puts before the arbitrators: a written submission (لایحه), or evidence. */
export const DOCUMENT_KINDS = ['submission', 'evidence'] as const;
