import { describe, expect, it } from 'vitest';
import {
  beforeCutoff,
  findSlot,
  freeSlots,
  refundOnCancel,
  tehranInstant,
  type SlotRequest,
} from './consultation-slots';
import { fridaysAnd, HolidayCalendar } from './holiday-calendar';

// The week of Saturday 12 Ordibehesht 1405 (2026-05-02) to Friday 18 Ordibehesht (2026-05-08).
const week: SlotRequest = {
  hours: [
    { day: 0, opens: '09:00', closes: '11:00' }, // Saturday
    { day: 3, opens: '16:00', closes: '17:30' }, // Tuesday
    { day: 6, opens: '09:00', closes: '10:00' }, // Friday: offices are closed, whatever the consultant says
  ],
  fromIso: '2026-05-02',
  toIso: '2026-05-08',
  sessionMinutes: 45,
  closed: fridaysAnd(new Set()),
  busy: [],
  notBefore: new Date('2026-05-01T00:00:00Z'),
};

const starts = (r: SlotRequest) => freeSlots(r).map((s) => `${s.day} ${s.time} ${s.startsAt.toISOString()}`);

describe('a Tehran wall-clock time as an instant', () => {
  it('is three and a half hours ahead of UTC (no summer hour since 1401)', () => {
    expect(tehranInstant('2026-05-02', '09:00').toISOString()).toBe('2026-05-02T05:30:00.000Z');
    expect(tehranInstant('2026-01-10', '00:15').toISOString()).toBe('2026-01-09T20:45:00.000Z');
  });
  it('kept the summer hour before 1401: 10:00 on 1 Tir 1399 was 05:30 UTC', () => {
    expect(tehranInstant('2020-06-21', '10:00').toISOString()).toBe('2020-06-21T05:30:00.000Z');
  });
});

describe('free slots', () => {
  it('cuts each period into whole sessions and leaves Friday out', () => {
    expect(starts(week)).toEqual([
      '2026-05-02 09:00 2026-05-02T05:30:00.000Z',
      '2026-05-02 09:45 2026-05-02T06:15:00.000Z',
      // 10:30 + 45 minutes would run past 11:00.
      '2026-05-05 16:00 2026-05-05T12:30:00.000Z',
      '2026-05-05 16:45 2026-05-05T13:15:00.000Z',
    ]);
  });

  it('skips an official holiday: 14 Khordad (Thursday 2026-06-04) is closed, the Wednesday before is not', () => {
    // The Law on Official Holidays: 14 Khordad, the anniversary of Imam Khomeini's death.
    const r: SlotRequest = {
      ...week,
      hours: [
        { day: 4, opens: '10:00', closes: '11:00' },
        { day: 5, opens: '10:00', closes: '11:00' },
      ],
      fromIso: '2026-06-03',
      toIso: '2026-06-04',
      sessionMinutes: 60,
    };
    expect(starts({ ...r, closed: fridaysAnd(new Set(['2026-06-04'])) })).toEqual([
      '2026-06-03 10:00 2026-06-03T06:30:00.000Z',
    ]);
    // The same from the law's own calendar.
    expect(starts({ ...r, closed: new HolidayCalendar('2026-06-03', '2026-06-04') })).toEqual([
      '2026-06-03 10:00 2026-06-03T06:30:00.000Z',
    ]);
  });

  it('leaves out a booked session and any slot it overlaps, but not one it only touches', () => {
    const busy = [{ startsAt: new Date('2026-05-02T05:30:00Z'), endsAt: new Date('2026-05-02T06:00:00Z') }];
    expect(starts({ ...week, busy, toIso: '2026-05-02' })).toEqual(['2026-05-02 09:45 2026-05-02T06:15:00.000Z']);
    // A 30-minute session of another consultant in the same room, 10:00–10:30, overlaps 09:45–10:30.
    const room = [{ startsAt: new Date('2026-05-02T06:30:00Z'), endsAt: new Date('2026-05-02T07:00:00Z') }];
    expect(starts({ ...week, busy: room, toIso: '2026-05-02' })).toEqual(['2026-05-02 09:00 2026-05-02T05:30:00.000Z']);
  });

  it('offers nothing that starts before the booking lead nor after the licence lapses', () => {
    expect(starts({ ...week, notBefore: new Date('2026-05-02T06:00:00Z') })).toEqual([
      '2026-05-02 09:45 2026-05-02T06:15:00.000Z',
      '2026-05-05 16:00 2026-05-05T12:30:00.000Z',
      '2026-05-05 16:45 2026-05-05T13:15:00.000Z',
    ]);
    expect(starts({ ...week, lastDay: '2026-05-04' })).toHaveLength(2);
  });

  it('finds a slot by its start and nothing off the grid', () => {
    expect(findSlot(week, new Date('2026-05-05T13:15:00Z'))?.time).toBe('16:45');
    expect(findSlot(week, new Date('2026-05-05T13:00:00Z'))).toBeNull();
    expect(findSlot(week, new Date('2026-05-08T05:30:00Z'))).toBeNull();
  });
});

describe('the cut-off and the refund', () => {
  const startsAt = new Date('2026-05-05T12:30:00Z');
  it('refunds everything up to 24 hours before a session with a 24-hour cut-off, nothing after', () => {
    expect(beforeCutoff(startsAt, 24, new Date('2026-05-04T12:30:00Z'))).toBe(true);
    expect(refundOnCancel(1_500_000, startsAt, 24, new Date('2026-05-04T12:30:00Z'))).toBe(1_500_000);
    expect(beforeCutoff(startsAt, 24, new Date('2026-05-04T12:31:00Z'))).toBe(false);
    expect(refundOnCancel(1_500_000, startsAt, 24, new Date('2026-05-04T12:31:00Z'))).toBe(0);
  });
});
