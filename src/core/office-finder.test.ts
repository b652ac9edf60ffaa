import { describe, expect, it } from 'vitest';
import { iranianWeekday, openingStatus, roundKm, tehranClock } from './office-finder';
import type { OpeningPeriod } from './office-hours';

/** Saturday–Wednesday 08:00–17:00, Thursday 08:00–13:00, Friday closed (the demo offices' week). */
const WEEK: OpeningPeriod[] = [
  ...[0, 1, 2, 3, 4].map((day) => ({ day, opens: '08:00', closes: '17:00' })),
  { day: 5, opens: '08:00', closes: '13:00' },
];
// Tehran keeps UTC+03:30 all year (no daylight saving since 1401).
const tehran = (isoDay: string, hhmm: string) => new Date(`${isoDay}T${hhmm}:00+03:30`);

describe('Tehran clock and the Iranian week', () => {
  it('numbers days from Saturday', () => {
    expect(iranianWeekday('2025-06-14')).toBe(0); // Saturday
    expect(iranianWeekday('2025-06-20')).toBe(6); // Friday
  });
  it("reads the instant on Tehran's wall clock, past UTC midnight", () => {
    expect(tehranClock(new Date('2025-06-13T20:45:00Z'))).toEqual({ isoDay: '2025-06-14', day: 0, minutes: 15 });
    expect(tehranClock(tehran('2025-06-14', '10:05'))).toEqual({ isoDay: '2025-06-14', day: 0, minutes: 605 });
  });
});

describe('openingStatus', () => {
  it('is open within a period, with its closing time', () => {
    expect(openingStatus(WEEK, tehran('2025-06-14', '10:00'))).toEqual({
      openNow: true,
      closesAt: '17:00',
      nextOpening: null,
      today: [{ day: 0, opens: '08:00', closes: '17:00' }],
      holiday: false,
    });
    expect(openingStatus(WEEK, tehran('2025-06-14', '08:00')).openNow).toBe(true);
  });

  it('before opening, opens later today', () => {
    expect(openingStatus(WEEK, tehran('2025-06-14', '07:00'))).toMatchObject({
      openNow: false,
      closesAt: null,
      nextOpening: { isoDay: '2025-06-14', day: 0, opens: '08:00', daysAhead: 0 },
    });
  });

  it('closing time is exclusive; after Thursday noon the next opening skips Friday', () => {
    expect(openingStatus(WEEK, tehran('2025-06-19', '13:00'))).toMatchObject({
      openNow: false,
      nextOpening: { isoDay: '2025-06-21', day: 0, opens: '08:00', daysAhead: 2 },
    });
  });

  it('an official holiday is closed all day and skipped for the next opening', () => {
    const holidays = new Set(['2025-06-14', '2025-06-15']);
    expect(openingStatus(WEEK, tehran('2025-06-14', '10:00'), holidays)).toEqual({
      openNow: false,
      closesAt: null,
      today: [],
      holiday: true,
      nextOpening: { isoDay: '2025-06-16', day: 2, opens: '08:00', daysAhead: 2 },
    });
  });

  it('takes the right period of a split day', () => {
    const split: OpeningPeriod[] = [
      { day: 0, opens: '16:00', closes: '19:00' },
      { day: 0, opens: '08:00', closes: '12:00' },
    ];
    expect(openingStatus(split, tehran('2025-06-14', '13:00')).nextOpening).toMatchObject({
      opens: '16:00',
      daysAhead: 0,
    });
    expect(openingStatus(split, tehran('2025-06-14', '17:00'))).toMatchObject({ openNow: true, closesAt: '19:00' });
    expect(openingStatus(split, tehran('2025-06-14', '19:30')).nextOpening).toMatchObject({
      isoDay: '2025-06-21',
      daysAhead: 7,
    });
  });

  it('an office that keeps no hours never opens', () => {
    expect(openingStatus([], tehran('2025-06-14', '10:00'))).toMatchObject({
      openNow: false,
      nextOpening: null,
      today: [],
    });
  });
});

describe('roundKm', () => {
  it('keeps one decimal', () => {
    expect(roundKm(12.345)).toBe(12.3);
    expect(roundKm(0.04)).toBe(0);
    expect(roundKm(7.96)).toBe(8);
  });
});
