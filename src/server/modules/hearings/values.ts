/** The hearings area's value lists (pure; tables, contracts and the web import them). */
export { HEARING_STATES, HEARING_TRANSITIONS, PARTICIPANT_STATES } from '#core/hearing-state';

/** Who a participant is in the hearing, besides the judge and the clerk. */
export const PARTICIPANT_ROLES = ['party', 'lawyer', 'witness', 'interpreter'] as const;

/**
 * Where a participant attends from: the courtroom, an electronic services office (the office's
 * booth, `officeId` naming it), or home.
 */
export const ATTENDANCE_MODES = ['court', 'office', 'home'] as const;
