/**
 * Working-day clocks of a proposal's review, counted by hand on the official calendar of Nowruz
 * 1405. Every expected day below is counted out in the comments, never taken from the functions
 * under test.
 *
 * The calendar (the 1405 calendar of the Council for Public Culture, ilna.ir news 1707051, and
 * deadlines.test.ts): Friday 29 Esfand 1404 = 2026-03-20 is the oil nationalisation day and Eid
 * al-Fitr; 1–4 Farvardin 1405 = Saturday 2026-03-21 … Tuesday 2026-03-24 are Nowruz; Wednesday
 * 12 Farvardin = 2026-04-01 (Islamic Republic Day) and Thursday 13 Farvardin = 2026-04-02 (Nature
 * Day) are holidays; the next holiday is Monday 24 Farvardin = 2026-04-13 (martyrdom of Imam Sadegh).
 * Fridays: 2026-03-20, 03-27, 04-03, 04-10, 04-17.
 */
import { describe, expect, it } from 'vitest';
import { fridaysAnd, HolidayCalendar } from './holiday-calendar';
import { clockSpan, dueOn, isWorkingDay, readClock, workingDaysCounted } from './proposal-clock';

const NOWRUZ_1405 = fridaysAnd(
  new Set([
    '2026-03-20',
    '2026-03-21',
    '2026-03-22',
    '2026-03-23',
    '2026-03-24',
    '2026-04-01',
    '2026-04-02',
    '2026-04-13',
  ]),
);

/** Received Wednesday 27 Esfand 1404. */
const RECEIVED = '2026-03-18';

describe('working days', () => {
  it('a Friday, Nowruz and 13 Farvardin are not working days; a Thursday is', () => {
    expect(isWorkingDay('2026-03-27', NOWRUZ_1405)).toBe(false); // Friday 7 Farvardin
    expect(isWorkingDay('2026-03-22', NOWRUZ_1405)).toBe(false); // Sunday 2 Farvardin, Nowruz
    expect(isWorkingDay('2026-04-02', NOWRUZ_1405)).toBe(false); // Thursday 13 Farvardin, Nature Day
    expect(isWorkingDay('2026-03-19', NOWRUZ_1405)).toBe(true); // Thursday 28 Esfand
    expect(isWorkingDay('2026-03-25', NOWRUZ_1405)).toBe(true); // Wednesday 5 Farvardin
  });
});

describe('the completeness clock across Nowruz (10 working days)', () => {
  // Counted from the day after receipt: Thu 03-19 (1); Fri 03-20 and Nowruz 03-21…24 skipped;
  // Wed 03-25 (2), Thu 03-26 (3); Fri 03-27 skipped; Sat 03-28 (4), Sun 03-29 (5), Mon 03-30 (6),
  // Tue 03-31 (7); 12 and 13 Farvardin and Fri 04-03 skipped; Sat 04-04 (8), Sun 04-05 (9), Mon 04-06 (10).
  const clock = { startedOn: RECEIVED, limitDays: 10, pauses: [] };

  it('falls due on Monday 17 Farvardin 1405 (2026-04-06)', () => {
    expect(dueOn(clock, NOWRUZ_1405)).toBe('2026-04-06');
  });

  it('on 13 Farvardin seven working days have passed and three are left: a reminder is due', () => {
    expect(readClock({ ...clock, stoppedOn: null }, '2026-04-02', 3, NOWRUZ_1405)).toEqual({
      elapsed: 7,
      limitDays: 10,
      remaining: 3,
      dueOn: '2026-04-06',
      state: 'reminder',
      daysOver: 0,
    });
  });

  it('on 6 Farvardin (two working days in) the clock simply runs', () => {
    expect(readClock({ ...clock, stoppedOn: null }, '2026-03-26', 3, NOWRUZ_1405)).toMatchObject({
      elapsed: 3,
      remaining: 7,
      state: 'running',
    });
  });

  it('unchecked on Wednesday 19 Farvardin (2026-04-08) it is two working days overdue', () => {
    // Tue 04-07 (11), Wed 04-08 (12).
    expect(readClock({ ...clock, stoppedOn: null }, '2026-04-08', 3, NOWRUZ_1405)).toMatchObject({
      elapsed: 12,
      remaining: -2,
      state: 'overdue',
      daysOver: 2,
    });
  });

  it('checked on the last day it was within its limit; checked a day later it was one day late', () => {
    expect(readClock({ ...clock, stoppedOn: '2026-04-06' }, '2026-04-20', 3, NOWRUZ_1405)).toMatchObject({
      elapsed: 10,
      state: 'met',
      daysOver: 0,
    });
    expect(readClock({ ...clock, stoppedOn: '2026-04-07' }, '2026-04-20', 3, NOWRUZ_1405)).toMatchObject({
      elapsed: 11,
      state: 'late',
      daysOver: 1,
    });
  });
});

describe('an information request stops the clock until it is answered', () => {
  // Asked Wednesday 5 Farvardin (2026-03-25, the 2nd working day); answered Monday 10 Farvardin
  // (2026-03-30). Thu 03-26, Sat 03-28, Sun 03-29 and Mon 03-30 do not count. From Tue 03-31: (3);
  // holidays and Fri 04-03 skipped; Sat 04-04 (4), Sun 04-05 (5), Mon 04-06 (6), Tue 04-07 (7),
  // Wed 04-08 (8), Thu 04-09 (9); Fri 04-10 skipped; Sat 04-11 (10).
  const answered = { startedOn: RECEIVED, limitDays: 10, pauses: [{ from: '2026-03-25', to: '2026-03-30' }] };

  it('while the request is open the clock reads two working days, paused, and no last day is known', () => {
    const open = { ...answered, pauses: [{ from: '2026-03-25', to: null }], stoppedOn: null };
    expect(readClock(open, '2026-03-29', 3, NOWRUZ_1405)).toEqual({
      elapsed: 2,
      limitDays: 10,
      remaining: 8,
      dueOn: null,
      state: 'paused',
      daysOver: 0,
    });
  });

  it('answered on 10 Farvardin, the limit falls on Saturday 22 Farvardin (2026-04-11)', () => {
    expect(dueOn(answered, NOWRUZ_1405)).toBe('2026-04-11');
    expect(workingDaysCounted(answered, '2026-03-31', NOWRUZ_1405)).toBe(3);
  });

  it('a reading on Thursday 20 Farvardin (2026-04-09) has one working day left across the Friday', () => {
    expect(readClock({ ...answered, stoppedOn: null }, '2026-04-09', 3, NOWRUZ_1405)).toMatchObject({
      elapsed: 9,
      remaining: 1,
      dueOn: '2026-04-11',
      state: 'reminder',
    });
  });
});

describe('the decision clock (30 working days) from a completeness check', () => {
  // Checked complete on Monday 17 Farvardin (2026-04-06). From Tue 04-07: 04-07 (1), 04-08 (2), 04-09 (3),
  // Fri 04-10 skipped, 04-11 (4), 04-12 (5), Mon 04-13 holiday skipped, 04-14 (6), 04-15 (7), 04-16 (8),
  // Fri 04-17 skipped, 04-18…04-23 (9…14), Fri 04-24, 04-25…04-30 (15…20), Fri 05-01, 05-02…05-07 (21…26),
  // Fri 05-08, Sat 05-09 (27), Sun 05-10 (28), Mon 05-11 (29), Tue 05-12 (30).
  // No holiday falls between 14 Farvardin and 22 Ordibehesht 1405 other than 24 Farvardin.
  it('falls due on Tuesday 22 Ordibehesht 1405 (2026-05-12)', () => {
    expect(dueOn({ startedOn: '2026-04-06', limitDays: 30, pauses: [] }, NOWRUZ_1405)).toBe('2026-05-12');
  });
});

describe('on the law calendar the server loads', () => {
  it('counts the same as the hand-written Nowruz of 1405', () => {
    const span = clockSpan(RECEIVED, 30, '2026-04-06');
    const calendar = new HolidayCalendar(span.fromIso, span.toIso);
    expect(dueOn({ startedOn: RECEIVED, limitDays: 10, pauses: [] }, calendar)).toBe('2026-04-06');
    expect(dueOn({ startedOn: '2026-04-06', limitDays: 30, pauses: [] }, calendar)).toBe('2026-05-12');
  });

  it('refuses a limit that is not a whole number of working days', () => {
    expect(() => dueOn({ startedOn: RECEIVED, limitDays: 0, pauses: [] }, NOWRUZ_1405)).toThrow(RangeError);
  });
});
