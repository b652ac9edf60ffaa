/**
 * The counter's end-of-day reminder about paid filings not yet sent to court: in the last hours of
 * the office's working day (by its own opening hours, on Tehran's clock) and after it closes that
 * day, a paid filing still at the office is a warning. On the holiday calendar: Fridays and official
 * holidays are no working day whatever the office's hours say, and on the last working day before
 * an official holiday the warning runs all day and names the closed days ahead and the day the
 * office opens again. Pure, so the server answers it and tests pin it to any instant and calendar.
 */
import type { ClosedDays, Closure } from './holiday-calendar';
import { addDaysIso } from './jalali';
import { tehranClock } from './office-finder';
import { minutesOf, type OpeningPeriod } from './office-hours';

/** How long before the day's last closing time the warning starts: two hours. */
const END_OF_DAY_WARNING_MINUTES = 120;

/** How far ahead the next working day is looked for (Nowruz and its Fridays fit well within). */
export const WORKING_DAY_LOOKAHEAD = 21;

export interface OfficeDayEnd {
  /** When the office's last period of the day closes (HH:MM), or null on a day it does not work. */
  closesAt: string | null;
  /** Minutes from `at` to that closing time; negative once it has closed; null on a day it does not work. */
  minutesLeft: number | null;
  /** Within the warning window before the close, or after it on the same day. */
  lastHours: boolean;
  /** Today is a Friday or an official holiday (whatever the office's hours say). */
  closedToday: Closure | null;
  /**
   * Today is the last working day before an official holiday: the calendar's closed days from
   * tomorrow until the office works again (Fridays among them), and that day.
   */
  beforeHoliday: { closed: Closure[]; reopensOn: string | null } | null;
}

const worksOn = (hours: readonly OpeningPeriod[], isoDay: string, weekday: number, calendar: ClosedDays) =>
  calendar.closure(isoDay) == null && hours.some((p) => p.day === weekday);

/**
 * Where the office's working day stands at `at`. `calendar` must answer for Tehran's today and the
 * `WORKING_DAY_LOOKAHEAD` days after it.
 */
export function officeDayEnd(
  hours: readonly OpeningPeriod[],
  at: Date,
  calendar: ClosedDays,
  warningMinutes = END_OF_DAY_WARNING_MINUTES,
): OfficeDayEnd {
  const clock = tehranClock(at);
  const closedToday = calendar.closure(clock.isoDay);
  const today = closedToday ? [] : hours.filter((p) => p.day === clock.day);
  if (!today.length) return { closesAt: null, minutesLeft: null, lastHours: false, closedToday, beforeHoliday: null };
  const closesAt = today.map((p) => p.closes).reduce((a, b) => (minutesOf(b) > minutesOf(a) ? b : a));
  const minutesLeft = minutesOf(closesAt) - clock.minutes;

  // The days from tomorrow until the office works again; among them, those the calendar closes.
  const closed: Closure[] = [];
  let reopensOn: string | null = null;
  for (let ahead = 1; ahead <= WORKING_DAY_LOOKAHEAD; ahead++) {
    const isoDay = addDaysIso(clock.isoDay, ahead);
    const weekday = (clock.day + ahead) % 7;
    if (worksOn(hours, isoDay, weekday, calendar)) {
      reopensOn = isoDay;
      break;
    }
    const closure = calendar.closure(isoDay);
    if (closure) closed.push(closure);
  }
  const holidayAhead = closed.some((c) => c.holidays.length > 0);
  return {
    closesAt,
    minutesLeft,
    lastHours: holidayAhead || minutesLeft <= warningMinutes,
    closedToday: null,
    beforeHoliday: holidayAhead ? { closed, reopensOn } : null,
  };
}
