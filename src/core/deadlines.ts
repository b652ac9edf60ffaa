/**
 * Legal time limits under Iran's Civil Procedure Code (1379):
 * - Art. 443: for legal limits a year is 12 months, a month 30 days, a week 7 days.
 * - Art. 445: a limit that runs from a notice or an announcement is a *free limit* (موعد خالص):
 *   neither the day of the notice nor the day of the action is part of it. The count starts the
 *   day after delivery, runs the limit's days, and the act is in time on the day after the last
 *   counted day: the last day to act is delivery + limit + 1.
 * - Art. 444: when that last day falls on a day offices are closed (a Friday, an official
 *   holiday) it does not count, and the last day becomes the next day they open. Closed days in
 *   the middle of the limit count like any other.
 * - Art. 446: for people living abroad, the limits of this Code are two months from the notice.
 * - Art. 447: with several defendants, the longest limit any of them has applies to all.
 * Dates are ISO calendar days in Tehran; closed days come from the holiday calendar.
 */
import { FRIDAY, fridaysAnd, type CalendarHoliday, type ClosedDays, type Closure } from './holiday-calendar';
import { addDaysIso } from './jalali';

export { FRIDAY };
const DAYS_PER_MONTH = 30;

export const LIMIT_UNITS = ['day', 'week', 'month', 'year'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** Art. 446: two months from the notice for people living abroad. */
export const ABROAD_LIMIT = { amount: 2, unit: 'month' } as const satisfies { amount: number; unit: LimitUnit };

/** The longest run of closed days a count steps over, with room to spare (Nowruz and a Friday make six). */
export const MAX_CLOSED_RUN_DAYS = 60;

/** Art. 443: the length of a limit in days. */
export function limitInDays(amount: number, unit: LimitUnit): number {
  const perUnit = { day: 1, week: 7, month: DAYS_PER_MONTH, year: 12 * DAYS_PER_MONTH }[unit];
  return amount * perUnit;
}

/** The span of days a count from `deliveredOn` over `days` may look at: load the calendar for it. */
export function countWindow(deliveredOn: string, days: number): { fromIso: string; toIso: string } {
  return { fromIso: deliveredOn, toIso: addDaysIso(deliveredOn, days + 1 + MAX_CLOSED_RUN_DAYS) };
}

export interface FreeLimitCount {
  deliveredOn: string;
  days: number;
  /** The first and last days counted (Art. 445: from the day after delivery). */
  firstCountedDay: string;
  lastCountedDay: string;
  /** The day after the last counted day (Art. 445: the day of the action is not counted). */
  nominalLastDay: string;
  /** The last day to act, after Art. 444. */
  lastDay: string;
  /** Each closed day stepped over, from the nominal last day on (Art. 444). */
  moved: Closure[];
  /** Closed days among the counted days: they count like any other. */
  closedWithin: Closure[];
  /**
   * Lunar holidays not yet confirmed by an admin that alone closed a day the last day moved over
   * (on a Friday, or beside a confirmed holiday, the day was closed anyway).
   */
  unconfirmedHolidays: CalendarHoliday[];
}

/** Counts a free limit of `days` from a notice delivered on `deliveredOn` (Arts. 444–445). */
export function countFreeLimit(deliveredOn: string, days: number, calendar: ClosedDays): FreeLimitCount {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`a time limit must be a whole number of days, got ${days}`);
  const firstCountedDay = addDaysIso(deliveredOn, 1);
  const lastCountedDay = addDaysIso(deliveredOn, days);
  const nominalLastDay = addDaysIso(lastCountedDay, 1);
  const closedWithin: Closure[] = [];
  for (let day = firstCountedDay; day <= lastCountedDay; day = addDaysIso(day, 1)) {
    const closure = calendar.closure(day);
    if (closure) closedWithin.push(closure);
  }
  const moved: Closure[] = [];
  let lastDay = nominalLastDay;
  for (let closure = calendar.closure(lastDay); closure; closure = calendar.closure(lastDay)) {
    if (moved.length >= MAX_CLOSED_RUN_DAYS)
      throw new RangeError(`more than ${MAX_CLOSED_RUN_DAYS} closed days in a row from ${nominalLastDay}`);
    moved.push(closure);
    lastDay = addDaysIso(lastDay, 1);
  }
  const unconfirmedHolidays = moved
    .filter((c) => c.reason === 'holiday' && c.holidays.every((h) => !h.confirmed))
    .flatMap((c) => c.holidays);
  return {
    deliveredOn,
    days,
    firstCountedDay,
    lastCountedDay,
    nominalLastDay,
    lastDay,
    moved,
    closedWithin,
    unconfirmedHolidays,
  };
}

export interface Deadline {
  /** The last day on which the act is still in time. */
  lastDay: string;
  /** The nominal last day (delivery + limit + 1), when Art. 444 moved it. */
  movedFrom: string | null;
}

/** The last day to act for a limit of `days` from a notice delivered on `deliveredOn`, over Fridays and a set of holiday days. */
export function deadlineFromDelivery(deliveredOn: string, days: number, holidays: ReadonlySet<string>): Deadline {
  const count = countFreeLimit(deliveredOn, days, fridaysAnd(holidays));
  return { lastDay: count.lastDay, movedFrom: count.moved.length ? count.nominalLastDay : null };
}

/** Art. 447: several defendants' limits; the longest applies to all. */
export function longestDeadline<D extends { lastDay: string }>(deadlines: readonly D[]): D | null {
  return deadlines.reduce<D | null>((best, d) => (!best || d.lastDay > best.lastDay ? d : best), null);
}

/** Days left from `today` to the last day (0 on the last day, negative when it has passed). */
export function daysLeft(today: string, lastDay: string): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
