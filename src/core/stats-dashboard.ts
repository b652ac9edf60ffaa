/**
 * The statistics dashboard's arithmetic: the same period a year before, and the change between
 * two figures. Pure, so the server's answers and the web's labels agree.
 */
import { addJalaliMonths, type JalaliMonth } from './jalali';

/** The same months one year before (1405-01 … 1405-03 → 1404-01 … 1404-03). */
export function yearBefore(months: readonly JalaliMonth[]): JalaliMonth[] {
  return months.map((m) => addJalaliMonths(m, -12));
}

/** Change from the previous figure in percent with one decimal; null when there was nothing before. */
export function changePercent(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
