/**
 * The time to appeal a court's decision (تجدیدنظرخواهی), as the filing wizard and the notice pages
 * show it: Civil Procedure Code Art. 336 — twenty days for a party living in Iran, two months for
 * one living abroad, from the decision's delivery — counted as every free limit is (Arts. 443–445:
 * from the day after delivery, a month is thirty days, a last day on a Friday or holiday moves on).
 */
import { ABROAD_LIMIT, countFreeLimit, countWindow, daysLeft, limitInDays } from './deadlines';
import type { ClosedDays } from './holiday-calendar';

/** Art. 336: twenty days for residents of Iran. */
const RESIDENT_APPEAL_DAYS = 20;

/** The appeal limit in days: 20 for a resident, two months (60 days, Art. 443) for a party abroad. */
export function appealLimitDays(abroad: boolean): number {
  return abroad ? limitInDays(ABROAD_LIMIT.amount, ABROAD_LIMIT.unit) : RESIDENT_APPEAL_DAYS;
}

export interface AppealWindow {
  days: number;
  /** The last day to file the appeal (ISO), after Art. 444. */
  lastDay: string;
  /** Days from `today` to it: 0 on the last day, negative once it has passed. */
  daysLeft: number;
  open: boolean;
}

/** The days over which a count from `deliveredOn` may look: load the calendar for them. */
export const appealWindowSpan = (deliveredOn: string, abroad: boolean) =>
  countWindow(deliveredOn, appealLimitDays(abroad));

/** The appeal window of a decision delivered on `deliveredOn`, as of `today` (both ISO, Tehran). */
export function appealWindow(deliveredOn: string, abroad: boolean, calendar: ClosedDays, today: string): AppealWindow {
  const days = appealLimitDays(abroad);
  const { lastDay } = countFreeLimit(deliveredOn, days, calendar);
  const left = daysLeft(today, lastDay);
  return { days, lastDay, daysLeft: left, open: left >= 0 };
}
