import { describe, expect, it } from 'vitest';
import { officeDayEnd as officeDayEndOn } from './filing-end-of-day';
import { fridaysAnd, HolidayCalendar } from './holiday-calendar';
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
/** The office's own hours alone: Fridays closed, no official holiday. */
const officeDayEnd = (hours: OpeningPeriod[], at: Date) => officeDayEndOn(hours, at, fridaysAnd(new Set()));

describe('the end of an office day', () => {
  it('is no warning in the morning: the day closes at its last period, not at the lunch break', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '11:30'))).toEqual({
      closesAt: '17:00',
      minutesLeft: 330,
      lastHours: false,
      closedToday: null,
      beforeHoliday: null,
    });
  });
  it('warns from two hours before the last closing time', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '14:59')).lastHours).toBe(false);
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '15:00'))).toEqual({
      closesAt: '17:00',
      minutesLeft: 120,
      lastHours: true,
      closedToday: null,
      beforeHoliday: null,
    });
  });
  it('keeps warning after the office has closed that day', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-14', '18:10'))).toEqual({
      closesAt: '17:00',
      minutesLeft: -70,
      lastHours: true,
      closedToday: null,
      beforeHoliday: null,
    });
  });
  it("follows the day's own hours: Thursday closes at 13:00", () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-19', '11:15'))).toEqual({
      closesAt: '13:00',
      minutesLeft: 105,
      lastHours: true,
      closedToday: null,
      beforeHoliday: null,
    });
  });
  it('is no warning on a day the office keeps no hours', () => {
    expect(officeDayEnd(WEEK, tehran('2025-06-20', '16:00'))).toMatchObject({
      closesAt: null,
      minutesLeft: null,
      lastHours: false,
      beforeHoliday: null,
    });
  });
});

/**
 * The official calendar of 1404 (as listed on gardshgar.com/holiday-1404): Wednesday 14 Khordad
 * (4 June 2025) the death of Imam Khomeini, Thursday 15 Khordad the revolt of 15 Khordad, Friday
 * 16 Khordad Eid al-Adha, Saturday 24 Khordad (14 June) Eid al-Ghadir. The two lunar holidays are
 * confirmed on those days as an admin would (the tabular Hijri calendar puts each a day later).
 */
const KHORDAD_1404 = new HolidayCalendar('2025-05-31', '2025-07-15', {
  added: [],
  removed: [],
  lunarDecisions: [
    { hijri: '1446-12-10', day: '2025-06-06' },
    { hijri: '1446-12-18', day: '2025-06-14' },
  ],
});
/** Every day Saturday to Thursday, as an office whose hours do not know the holidays keeps them. */
const SIX_DAYS: OpeningPeriod[] = [0, 1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '16:00' }));

describe('the end of an office day on the holiday calendar', () => {
  it('warns all day on the last working day before an official holiday, naming the closed days and the day it opens again', () => {
    // Tuesday 13 Khordad 1404, 09:00: Wednesday, Thursday and Friday are closed; Saturday 17 Khordad opens.
    const day = officeDayEndOn(SIX_DAYS, tehran('2025-06-03', '09:00'), KHORDAD_1404);
    expect(day).toMatchObject({ closesAt: '16:00', minutesLeft: 420, lastHours: true, closedToday: null });
    expect(day.beforeHoliday?.closed.map((c) => [c.date, c.reason])).toEqual([
      ['2025-06-04', 'holiday'],
      ['2025-06-05', 'holiday'],
      ['2025-06-06', 'friday'],
    ]);
    expect(day.beforeHoliday?.closed[2]?.holidays.map((h) => h.titleEn)).toEqual(['Eid al-Adha']);
    expect(day.beforeHoliday?.reopensOn).toBe('2025-06-07');
  });

  it('is no working day on an official holiday, whatever hours the office keeps for that weekday', () => {
    // Wednesday 14 Khordad 1404 at 15:00, when an ordinary Wednesday would warn.
    const day = officeDayEndOn(SIX_DAYS, tehran('2025-06-04', '15:00'), KHORDAD_1404);
    expect(day).toMatchObject({ closesAt: null, minutesLeft: null, lastHours: false, beforeHoliday: null });
    expect(day.closedToday?.reason).toBe('holiday');
    expect(day.closedToday?.holidays.map((h) => h.titleEn)).toEqual(['Death of Imam Khomeini']);
  });

  it('is no working day on a Friday even for an office that lists Friday hours', () => {
    const everyDay: OpeningPeriod[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '08:00', closes: '16:00' }));
    expect(officeDayEndOn(everyDay, tehran('2025-06-13', '15:00'), KHORDAD_1404).closedToday?.reason).toBe('friday');
  });

  it('warns all Thursday before a Friday followed by a holiday on Saturday (Eid al-Ghadir, 24 Khordad)', () => {
    const day = officeDayEndOn(SIX_DAYS, tehran('2025-06-12', '08:30'), KHORDAD_1404);
    expect(day.lastHours).toBe(true);
    expect(day.beforeHoliday?.closed.map((c) => c.date)).toEqual(['2025-06-13', '2025-06-14']);
    expect(day.beforeHoliday?.reopensOn).toBe('2025-06-15');
  });

  it('keeps to the last two hours on a Thursday before an ordinary Friday', () => {
    // Thursday 29 Khordad 1404 (19 June 2025); Friday 20 June and Saturday 21 June are ordinary days.
    expect(officeDayEndOn(SIX_DAYS, tehran('2025-06-19', '09:00'), KHORDAD_1404)).toEqual({
      closesAt: '16:00',
      minutesLeft: 420,
      lastHours: false,
      closedToday: null,
      beforeHoliday: null,
    });
    expect(officeDayEndOn(SIX_DAYS, tehran('2025-06-19', '14:00'), KHORDAD_1404).lastHours).toBe(true);
  });
});
