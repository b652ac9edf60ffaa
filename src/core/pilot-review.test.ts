/**
 * The review at the end of a pilot (docs/decisions/0057). A pilot approved until Tuesday
 * 5 Khordad 1405 = 2026-05-26 falls due for review 30 calendar days earlier, on Sunday
 * 6 Ordibehesht 1405 = 2026-04-26 (counted back: 26 days to 2026-04-30, 4 more to 2026-04-26).
 */
import { describe, expect, it } from 'vitest';
import { pilotReviewDueOn, pilotReviewProblems, pilotState } from './pilot-review';

const UNTIL = '2026-05-26';

describe('when a pilot falls due for review', () => {
  it('falls due thirty calendar days before its last day', () => {
    expect(pilotReviewDueOn(UNTIL)).toBe('2026-04-26');
  });

  it('is running before that day, due from it through its last day, lapsed after it', () => {
    expect(pilotState(UNTIL, null, '2026-04-25')).toBe('running');
    expect(pilotState(UNTIL, null, '2026-04-26')).toBe('due');
    expect(pilotState(UNTIL, null, '2026-05-26')).toBe('due');
    expect(pilotState(UNTIL, null, '2026-05-27')).toBe('lapsed');
  });

  it('once adopted or ended, stays so whatever the day', () => {
    expect(pilotState(UNTIL, 'adopt', '2026-04-01')).toBe('adopted');
    expect(pilotState(UNTIL, 'end', '2026-06-30')).toBe('ended');
  });
});

describe('what a review must say', () => {
  const today = '2026-05-20';

  it('gives reasons, whatever it decides', () => {
    expect(pilotReviewProblems({ outcome: 'adopt', reasons: '  ', until: null }, UNTIL, today)).toEqual({
      reasons: 'reasons_required',
    });
    expect(pilotReviewProblems({ outcome: 'end', reasons: 'حجم کم', until: null }, UNTIL, today)).toEqual({});
  });

  it('extends to a day after the current last day (and after today)', () => {
    const extend = (until: string | null) =>
      pilotReviewProblems({ outcome: 'extend', reasons: 'ادامه', until }, UNTIL, today);
    expect(extend(null)).toEqual({ until: 'pilot_extension_end' });
    expect(extend('2026-05-26')).toEqual({ until: 'pilot_extension_end' });
    expect(extend('2026-05-27')).toEqual({});
    // A lapsed pilot (last day 26 May, read on 10 June) is extended past today, not merely past its old end.
    expect(
      pilotReviewProblems({ outcome: 'extend', reasons: 'ادامه', until: '2026-06-05' }, UNTIL, '2026-06-10'),
    ).toEqual({
      until: 'pilot_extension_end',
    });
  });

  it('names no new last day unless it extends', () => {
    expect(pilotReviewProblems({ outcome: 'adopt', reasons: 'موفق', until: '2026-08-01' }, UNTIL, today)).toEqual({
      until: 'invalid_value',
    });
  });
});
