/**
 * Which month's stars the office finder shows (docs/decisions/0076). Stars come only from a score
 * that is at least medium-sure (`stars` in ./score); a month just begun, or a quiet one, has too
 * little of the office's own data, and showing that month would make the stars vanish or jump at
 * every turn of the month. So each office shows the stars of its latest month with enough data,
 * looking back a bounded window, and "not enough data" only when none of those months has.
 */

/** How many months, the latest with data included, the finder looks back for stars. */
export const STARS_LOOKBACK_MONTHS = 6;

/** One month of an office as the finder reads it. */
export interface MonthStars {
  month: string;
  /** Null when the month's score is not sure enough (or there is none). */
  stars: number | null;
  /** Survey answers in the month. */
  ratings: number;
}

/**
 * The month to show, from the office's months latest first: the latest with stars; without any,
 * the latest month (no stars, its ratings). Null for an empty list.
 */
export function latestSureStars(monthsLatestFirst: readonly MonthStars[]): MonthStars | null {
  return monthsLatestFirst.find((m) => m.stars != null) ?? monthsLatestFirst[0] ?? null;
}
