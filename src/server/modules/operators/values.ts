/** The operators area's value lists: education, contracts, courses, enrolments, exam attempts, licences (pure; tables, contracts and the web import them). */

export const EDUCATION_LEVELS = ['diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;

/** The kinds of employment contract (the rules on them are in core). */
export { CONTRACT_TYPES } from '#core/employment';

export const COURSE_KINDS = ['general', 'competency', 'continuing'] as const;

export const ENROLMENT_STATUSES = ['enrolled', 'attended', 'absent', 'cancelled'] as const;

export const ATTEMPT_STATUSES = ['in-progress', 'submitted', 'expired'] as const;

export const LICENCE_STATUSES = ['active', 'suspended', 'revoked'] as const;

export const LICENCE_EVENT_KINDS = [
  'issued',
  'renewed',
  'suspended',
  'reinstated',
  'revoked',
  'reminded',
  /** Services added to a current licence (a service the office gained, a course the holder passed). */
  'widened',
] as const;
