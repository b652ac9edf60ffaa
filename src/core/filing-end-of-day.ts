/**
 * The counter's end-of-day reminder about paid filings not yet sent to court: in the last hours of
 * the office's working day (by its own opening hours, on Tehran's clock) and after it closes that
 * day, a paid filing still at the office is a warning. Pure, so the server answers it and tests pin
 * it to any instant.
 */
import { tehranClock } from './office-finder';
import { minutesOf, type OpeningPeriod } from './office-hours';

/** How long before the day's last closing time the warning starts: two hours. */
const END_OF_DAY_WARNING_MINUTES = 120;

export interface OfficeDayEnd {
  /** When the office's last period of the day closes (HH:MM), or null on a day it keeps no hours. */
  closesAt: string | null;
  /** Minutes from `at` to that closing time; negative once it has closed; null on a day without hours. */
  minutesLeft: number | null;
  /** Within the warning window before the close, or after it on the same day. */
  lastHours: boolean;
}

export function officeDayEnd(
  hours: readonly OpeningPeriod[],
  at: Date,
  warningMinutes = END_OF_DAY_WARNING_MINUTES,
): OfficeDayEnd {
  const clock = tehranClock(at);
  const today = hours.filter((p) => p.day === clock.day);
  if (!today.length) return { closesAt: null, minutesLeft: null, lastHours: false };
  const closesAt = today.map((p) => p.closes).reduce((a, b) => (minutesOf(b) > minutesOf(a) ? b : a));
  const minutesLeft = minutesOf(closesAt) - clock.minutes;
  return { closesAt, minutesLeft, lastHours: minutesLeft <= warningMinutes };
}
