/**
 * An office's weekly opening hours: periods per day (0 = Saturday … 6 = Friday, the Iranian week),
 * times as HH:MM. Pure validation shared by the server and the profile form.
 */

export interface OpeningPeriod {
  day: number;
  opens: string;
  closes: string;
}

export type OpeningHoursProblem =
  | { index: number; field: 'day' | 'opens' | 'closes'; problem: 'invalid_time' | 'invalid_day' }
  | { index: number; field: 'closes'; problem: 'closes_before_opens' }
  | { index: number; field: 'opens'; problem: 'overlapping_hours'; overlaps: number };

/** The usual week a new office starts with until its manager sets its own: Saturday–Wednesday 08:00–16:00, Thursday 08:00–12:00. */
export const STANDARD_WEEK: OpeningPeriod[] = [
  ...[0, 1, 2, 3, 4].map((day) => ({ day, opens: '08:00', closes: '16:00' })),
  { day: 5, opens: '08:00', closes: '12:00' },
];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const isValidTime = (hhmm: string) => HH_MM.test(hhmm);

/** Every problem of a week's periods: bad times, a period closing before it opens, two periods of a day overlapping. */
export function openingHoursProblems(periods: readonly OpeningPeriod[]): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  const valid: number[] = [];
  periods.forEach((p, index) => {
    let ok = true;
    if (!Number.isInteger(p.day) || p.day < 0 || p.day > 6) {
      problems.push({ index, field: 'day', problem: 'invalid_day' });
      ok = false;
    }
    if (!isValidTime(p.opens)) {
      problems.push({ index, field: 'opens', problem: 'invalid_time' });
      ok = false;
    }
    if (!isValidTime(p.closes)) {
      problems.push({ index, field: 'closes', problem: 'invalid_time' });
      ok = false;
    }
    if (ok && minutesOf(p.opens) >= minutesOf(p.closes)) {
      problems.push({ index, field: 'closes', problem: 'closes_before_opens' });
      ok = false;
    }
    if (ok) valid.push(index);
  });
  for (let a = 0; a < valid.length; a++) {
    for (let b = a + 1; b < valid.length; b++) {
      const [p, q] = [periods[valid[a]], periods[valid[b]]];
      // Touching periods (08:00–12:00 then 12:00–16:00) do not overlap.
      if (p.day === q.day && minutesOf(p.opens) < minutesOf(q.closes) && minutesOf(q.opens) < minutesOf(p.closes)) {
        problems.push({ index: valid[b], field: 'opens', problem: 'overlapping_hours', overlaps: valid[a] });
      }
    }
  }
  return problems;
}

/** The periods in display order: by day, then by opening time. */
export function sortedOpeningHours<T extends OpeningPeriod>(periods: readonly T[]): T[] {
  return [...periods].sort((a, b) => a.day - b.day || minutesOf(a.opens) - minutesOf(b.opens));
}
