/**
 * Legal time limits under Iran's Civil Procedure Code (1379):
 * - Art. 443: a month is 30 days, a week 7 days, a year 12 months.
 * - Art. 445: for a limit running from a notice, the day of the notice (and the day of the action)
 *   are not counted: the count starts the day after delivery.
 * - Art. 444: when the last day falls on a day offices are closed (Fridays, official holidays),
 *   the last day becomes the next day they open.
 * - Art. 447: with several parties, the longest limit any of them has applies to all.
 * Dates are ISO calendar days in Tehran; holidays are the admin-maintained calendar.
 */
import { addDaysIso, weekdayOfIso } from './jalali';

export const FRIDAY = 5;
export const DAYS_PER_MONTH = 30;

export type LimitUnit = 'day' | 'week' | 'month' | 'year';

/** Art. 443: the length of a limit in days. */
export function limitInDays(amount: number, unit: LimitUnit): number {
  const perUnit = { day: 1, week: 7, month: DAYS_PER_MONTH, year: 12 * DAYS_PER_MONTH }[unit];
  return amount * perUnit;
}

export function isClosedDay(iso: string, holidays: ReadonlySet<string>): boolean {
  return weekdayOfIso(iso) === FRIDAY || holidays.has(iso);
}

export function nextOpenDay(iso: string, holidays: ReadonlySet<string>): string {
  let day = iso;
  // A year has no more than a few consecutive closed days; the bound only guards bad data.
  for (let i = 0; i < 60 && isClosedDay(day, holidays); i++) day = addDaysIso(day, 1);
  return day;
}

export interface Deadline {
  /** The last day on which the act is still in time. */
  lastDay: string;
  /** The last day before moving off a closed day, when it moved. */
  movedFrom: string | null;
}

/** The last day to act for a limit of `days` running from a notice delivered on `deliveredOn`. */
export function deadlineFromDelivery(deliveredOn: string, days: number, holidays: ReadonlySet<string>): Deadline {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a time limit must be a whole number of days, got ${days}`);
  const nominal = addDaysIso(deliveredOn, days);
  const lastDay = nextOpenDay(nominal, holidays);
  return { lastDay, movedFrom: lastDay === nominal ? null : nominal };
}

/** Art. 447: several parties' limits; the longest applies to all. */
export function longestDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.reduce<Deadline | null>((best, d) => (!best || d.lastDay > best.lastDay ? d : best), null);
}

/** Days left from `today` to the last day (0 on the last day, negative when it has passed). */
export function daysLeft(today: string, lastDay: string): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
