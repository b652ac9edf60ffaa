/**
 * The board's annual report's arithmetic: the months of a Jalali year, the last year that has
 * ended, the top movers (who grew and shrank most against the year before) and an office's quality
 * over the year against the board's threshold. Pure, so the report, the job and the tests agree.
 */
import { isoToJalali, type JalaliMonth, jalaliMonthsBetween } from './jalali';
import { changePercent } from './stats-dashboard';

/** An office is listed below the quality threshold when its year's score is under this (of 100). */
export const QUALITY_THRESHOLD = 60;
/** …and only when it was scored in at least this many months of the year (fewer say too little). */
export const QUALITY_MIN_MONTHS = 3;
/** How many rise and how many fall in the top movers. */
const TOP_MOVERS = 5;

/** Farvardin to Esfand of a Jalali year. */
export function jalaliYearMonths(year: number): JalaliMonth[] {
  return jalaliMonthsBetween(`${year}-01`, `${year}-12`);
}

/** The last Jalali year that has ended on this (Tehran) day: 1404 from 1 Farvardin 1405 on. */
export function lastFinishedYear(todayIso: string): number {
  return isoToJalali(todayIso).jy - 1;
}

export interface MoverInput<K> {
  key: K;
  current: number;
  previous: number;
}
export interface Mover<K> extends MoverInput<K> {
  change: number;
  /** In percent, one decimal; null when there was nothing the year before. */
  changePercent: number | null;
}

/**
 * The `n` that grew most and the `n` that shrank most, by the change in count (a large office's
 * change of 400 moves the network more than a tiny one's doubling); ties broken by the larger
 * count this year, then by the order given, so the same figures always name the same movers.
 * Those that did not change are in neither list.
 */
export function topMovers<K>(
  items: readonly MoverInput<K>[],
  n = TOP_MOVERS,
): { rising: Mover<K>[]; falling: Mover<K>[] } {
  const movers = items.map((item, index) => ({
    index,
    mover: {
      ...item,
      change: item.current - item.previous,
      changePercent: changePercent(item.current, item.previous),
    },
  }));
  const order = (a: (typeof movers)[number], b: (typeof movers)[number]) =>
    Math.abs(b.mover.change) - Math.abs(a.mover.change) || b.mover.current - a.mover.current || a.index - b.index;
  return {
    rising: movers
      .filter((m) => m.mover.change > 0)
      .sort(order)
      .slice(0, n)
      .map((m) => m.mover),
    falling: movers
      .filter((m) => m.mover.change < 0)
      .sort(order)
      .slice(0, n)
      .map((m) => m.mover),
  };
}

/**
 * An office's quality over a year: the mean of its monthly scores (0–100) over the months it was
 * scored in, one decimal, with how many months that was; null when it was scored in none.
 */
export function yearQuality(monthScores: readonly (number | null)[]): { score: number; months: number } | null {
  const scored = monthScores.filter((s): s is number => s != null);
  if (scored.length === 0) return null;
  return { score: Math.round((scored.reduce((a, s) => a + s, 0) / scored.length) * 10) / 10, months: scored.length };
}

/** Whether an office's year falls below the board's quality threshold (scored in enough months to say so). */
export function belowQualityThreshold(year: { score: number; months: number } | null): boolean {
  return year != null && year.months >= QUALITY_MIN_MONTHS && year.score < QUALITY_THRESHOLD;
}
