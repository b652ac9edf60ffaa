/** The proposals area's value lists (pure; tables, contracts and the web import them). */

/** A new service for offices, or an existing one extended to more provinces. */
export const PROPOSAL_KINDS = ['new-service', 'extension'] as const;

/**
 * Where a proposal stands: received (the completeness clock runs), under review (found complete;
 * the decision clock runs), or decided. An open information request stops whichever clock runs.
 */
export const PROPOSAL_STATUSES = ['received', 'in-review', 'approved', 'approved-with-changes', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const OPEN_PROPOSAL_STATUSES = ['received', 'in-review'] as const satisfies readonly ProposalStatus[];

export const PROPOSAL_OUTCOMES = ['approve', 'approve-with-changes', 'reject'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

/** The clock a proposal is on: the completeness check, then the decision. */
export const PROPOSAL_PHASES = ['completeness', 'decision'] as const;
export type ProposalPhase = (typeof PROPOSAL_PHASES)[number];

/**
 * What ending a pilot did to the tariff line its approval drafted: removed from the draft, restored
 * there to the fee in force, kept by a schedule approved since, or absent (nothing to take back).
 */
export const DRAFTED_LINE_OUTCOMES = ['removed', 'restored', 'kept-approved', 'absent'] as const;
