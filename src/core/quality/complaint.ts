/**
 * A citizen's complaint (شکایت) against an office or one of its operators (docs/decisions/0063):
 * filed online by the citizen or at an office by an operator for them; the office's manager answers
 * within a number of working days; the province's association investigates and decides, upheld or
 * dismissed, with its reasons. An upheld complaint counts in the office's quality score of the month
 * it was decided in (the `complaints` component of #core/quality/score).
 */
import type { ClosedDays } from '#core/holiday-calendar';
import { type ClockNotice, type ClockReading, clockNotice, readClock } from '#core/proposal-clock';

/** What the complaint is about. */
export const COMPLAINT_CATEGORIES = [
  /** A fee above the approved tariff, or one asked without a receipt. */
  'overcharging',
  /** Rude, disrespectful or discriminating treatment. */
  'conduct',
  /** A long wait, or a service not done when promised. */
  'delay',
  /** A mistake in a filing, a notice or a document made at the office. */
  'error',
  /** A citizen's case or documents seen or told to others. */
  'privacy',
  /** A service the office should offer refused. */
  'refusal',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Where a complaint stands: the manager answers, then the association decides. */
export const COMPLAINT_STATES = ['received', 'answered', 'upheld', 'dismissed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** How the complaint reached Daftar: the citizen online, or at an office through its operator. */
export const COMPLAINT_CHANNELS = ['online', 'office'] as const;

/** The office manager's limit to answer, in working days (not counting the day it was filed). */
export const COMPLAINT_ANSWER_DAYS = 5;
/** Working days before the limit the manager is reminded (the last day included). */
const COMPLAINT_REMINDER_DAYS = 1;

/** The association decides a complaint once the manager answered, or once the limit passed without an answer. */
export function decidable(state: ComplaintState, answerClock: ClockReading): boolean {
  return state === 'answered' || (state === 'received' && answerClock.state === 'overdue');
}

/**
 * The manager's answer clock, read on `today` (ISO, Tehran): it starts the day the complaint was
 * filed and stops the day it was answered.
 */
export function answerClock(
  filedOn: string,
  answeredOn: string | null,
  today: string,
  calendar: ClosedDays,
): ClockReading {
  return readClock(
    { startedOn: filedOn, limitDays: COMPLAINT_ANSWER_DAYS, pauses: [], stoppedOn: answeredOn },
    today,
    COMPLAINT_REMINDER_DAYS,
    calendar,
  );
}

/**
 * What the daily job owes a complaint today: a reminder to the office's manager when one working
 * day is left to answer, an escalation to the province's association (and word to the complainant)
 * once the limit passed unanswered — each once. An answered or decided complaint owes nothing.
 */
export function complaintNotice(
  state: ComplaintState,
  clock: ClockReading,
  sent: { remindedOn: string | null; escalatedOn: string | null },
): ClockNotice | null {
  if (state !== 'received') return null;
  return clockNotice(clock, { reminded: sent.remindedOn != null, escalated: sent.escalatedOn != null });
}
