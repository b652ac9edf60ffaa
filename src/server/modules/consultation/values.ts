/** The consultation area's value lists (pure; tables, contracts and the web import them). */

/** Fields of law a consultant advises in. */
export const CONSULTATION_FIELDS = [
  'family',
  'commercial',
  'criminal',
  'property',
  'labour',
  'administrative',
  'inheritance',
] as const;

/** Languages a session can be held in. */
export const CONSULTATION_LANGUAGES = ['fa', 'az', 'ku', 'ar', 'en', 'lur', 'bal'] as const;

/** A lawyer of a bar association, or a legal adviser licensed by the judiciary (Art. 187 advisers). */
export const CONSULTANT_KINDS = ['lawyer', 'legal-adviser'] as const;

/** Where a session is held: at an office, or by video. */
export const CONSULTATION_MODES = ['office', 'video'] as const;

/**
 * A booking's states. `pending-payment` holds the slot while the payer is at the bank (until the
 * payment expires); only a credited payment confirms it. `expired`: the payment failed or ran out.
 */
export const BOOKING_STATUSES = [
  'pending-payment',
  'confirmed',
  'cancelled',
  'expired',
  'held',
  'citizen-no-show',
  'consultant-no-show',
] as const;
/** The states in which a booking keeps its slot (the unique indexes cover exactly these). */
export const SLOT_KEEPING_STATUSES = [
  'pending-payment',
  'confirmed',
  'held',
  'citizen-no-show',
  'consultant-no-show',
] as const;

/** What the consultant suggests the citizen do next; the filing wizard opens with the service preselected. */
export const NEXT_STEPS = ['none', 'petition', 'legal-notice', 'arbitration'] as const;

/** How a session ended, as the consultant or the citizen records it. */
export const ATTENDANCE_OUTCOMES = ['held', 'citizen-no-show', 'consultant-no-show'] as const;
