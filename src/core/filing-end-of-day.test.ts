import { describe, expect, it } from 'vitest';
import { officeDayEnd } from './filing-end-of-day';
import type { OpeningPeriod } from './office-hours';

/** Saturday–Wednesday 08:00–12:00 and 13:00–17:00 (a lunch break), Thursday 08:00–13:00, Friday closed. */
const WEEK: OpeningPeriod[] = [
  ...[0, 1, 2, 3, 4].flatMap((day) => [
    { day, opens: '08:00', closes: '12:00' },
    { day, opens: '13:00', closes: '17:00' },
  ]),
  { day: 5, opens: '08:00', closes: '13:00' },
];
// Tehran keeps UTC+03:30 all year. 14 June 2025 is a Saturday, 19 June a Thursday, 20 June a Friday.
const tehran = (isoDay: string, hhmm: string) => new Date(`${isoDay}T${hhmm}:00+03:30`);

describe('the end of an office day', () => {
  it('is no warning in the morning: the day closes at its last period, not at the lunch break', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '11:30'))).toEqual({
      closesAt: '17:00',
      minutesLeft: 330,
      lastHours: false,
    });
  });
  it('warns from two hours before the last closing time', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '14:59')).lastHours).toBe(false);
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '15:00'))).toEqual({
      closesAt: '17:00',
      minutesLeft: 120,
      lastHours: true,
    });
  });
  it('keeps warning after the office has closed that day', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '18:10'))).toEqual({
      closesAt: '17:00',
      minutesLeft: -70,
      lastHours: true,
    });
  });
  it("follows the day's own hours: Thursday closes at 13:00", () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-19', '11:15'))).toEqual({
      closesAt: '13:00',
      minutesLeft: 105,
      lastHours: true,
    });
  });
  it('is no warning on a day the office keeps no hours', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-20', '16:00'))).toEqual({
      closesAt: null,
      minutesLeft: null,
      lastHours: false,
    });
  });
});
