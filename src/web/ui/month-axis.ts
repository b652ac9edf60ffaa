/**
 * The month axis of the charts over months (statistics, an office's quality score): short labels (the month's name; its year only on the
 * first month shown and on each Farvardin, where the year turns) and how far to turn them so that
 * neighbours never overlap at the width the chart is drawn (a half-width card on a desk, a 360 px
 * phone).
 */
import { JALALI_MONTH_NAMES_EN, JALALI_MONTH_NAMES_FA, type JalaliMonth } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';

/** «اردیبهشت», «فروردین ۱۴۰۵»; "Ord", "Far 1405". */
export function monthAxisLabels(months: readonly JalaliMonth[], lang: 'fa' | 'en'): string[] {
  return months.map((month, i) => {
    const year = month.slice(0, 4);
    const m = Number(month.slice(5, 7));
    const name = lang === 'fa' ? JALALI_MONTH_NAMES_FA[m - 1] : JALALI_MONTH_NAMES_EN[m - 1].slice(0, 3);
    const withYear = i === 0 || m === 1;
    return withYear ? `${name} ${lang === 'fa' ? toPersianDigits(year) : year}` : name;
  });
}

/** Room a label needs lying flat, turned half-way and standing up, in pixels per month (12 px type). */
const FLAT = 72;
const SLANTED = 26;

/**
 * Degrees to turn the labels: flat when each month has room for the longest label, 45° when it has
 * room for a slanted line, 90° otherwise (a standing label needs only its line height).
 */
export function monthLabelRotation(plotWidth: number, months: number): 0 | 45 | 90 {
  if (months <= 0) return 0;
  const room = plotWidth / months;
  return room >= FLAT ? 0 : room >= SLANTED ? 45 : 90;
}

/** The chart's margin under the plot that labels turned `rotate` degrees need, in pixels. */
export function monthAxisBottom(rotate: 0 | 45 | 90): number {
  return rotate === 0 ? 32 : rotate === 45 ? 72 : 112;
}
