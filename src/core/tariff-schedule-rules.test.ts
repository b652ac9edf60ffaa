import { describe, expect, it } from 'vitest';
import {
  conflictingSchedule,
  datesConflict,
  feeProblem,
  isRetroactive,
  lineProblems,
  missingCodes,
  scheduleState,
} from './tariff-schedule-rules';

const s = (id: number, effectiveFrom: string, effectiveTo: string | null = null) => ({
  id,
  effectiveFrom,
  effectiveTo,
});

describe('overlapping dates', () => {
  const a = s(1, '2024-03-20');
  it('same start conflicts; a later open-ended start supersedes an open-ended one', () => {
    expect(datesConflict(s(2, '2024-03-20'), a)).toBe(true);
    expect(datesConflict(s(2, '2025-03-21'), a)).toBe(false);
    expect(datesConflict(s(2, '2023-03-21'), a)).toBe(false);
  });
  it('a schedule with an end conflicts with one starting inside it, either way round', () => {
    expect(datesConflict(s(2, '2023-03-21', '2024-03-20'), a)).toBe(true);
    expect(datesConflict(s(2, '2023-03-21', '2024-03-19'), a)).toBe(false);
    expect(datesConflict(s(2, '2024-06-01'), s(1, '2024-03-20', '2024-06-01'))).toBe(true);
    expect(datesConflict(s(2, '2024-06-02'), s(1, '2024-03-20', '2024-06-01'))).toBe(false);
  });
  it('finds the conflicting approved schedule, never the schedule itself', () => {
    expect(conflictingSchedule(s(1, '2024-03-20'), [a])).toBeNull();
    expect(conflictingSchedule(s(2, '2024-03-20'), [s(3, '2020-01-01'), a])?.id).toBe(1);
  });
});

describe('retroactive approval', () => {
  const approved = [s(1, '2024-03-20')];
  const today = '2025-01-10';
  it('starting today or later is never retroactive', () => {
    expect(isRetroactive(s(2, today), approved, today)).toBe(false);
    expect(isRetroactive(s(2, '2025-03-21'), approved, today)).toBe(false);
  });
  it("a past open-ended start that would replace today's schedule is", () => {
    expect(isRetroactive(s(2, '2024-12-01'), approved, today)).toBe(true);
  });
  it('a past schedule with its end, before the current one, is not', () => {
    expect(isRetroactive(s(2, '2023-03-21', '2024-03-19'), approved, today)).toBe(false);
    // An older open-ended one is superseded by today's: not retroactive either.
    expect(isRetroactive(s(2, '2023-03-21'), approved, today)).toBe(false);
  });
  it('with nothing in force today, a past start would put one in force: retroactive', () => {
    expect(isRetroactive(s(2, '2024-12-01'), [], today)).toBe(true);
  });
});

describe('completeness', () => {
  it('lists the codes the reference prices that the draft lacks', () => {
    const ref = { lines: [{ code: 'petition' }, { code: 'brief' }, { code: 'extra-page' }] };
    expect(missingCodes(['petition'], ref)).toEqual(['brief', 'extra-page']);
    expect(missingCodes(['petition', 'brief', 'extra-page', 'new'], ref)).toEqual([]);
    expect(missingCodes([], null)).toEqual([]);
  });
});

describe('plausible fees', () => {
  it('refuses negative, absurd, odd and out-of-ratio fees', () => {
    expect(feeProblem(-100, 770_000)).toBe('too_small');
    expect(feeProblem(1_000_000_100, null)).toBe('too_big');
    expect(feeProblem(845_050, 770_000)).toBe('fee_not_whole_rial_step');
    expect(feeProblem(7_700_100, 770_000)).toBe('fee_implausible');
    expect(feeProblem(7_700_000, 770_000)).toBeNull();
    expect(feeProblem(77_000, 770_000)).toBeNull();
    expect(feeProblem(76_900, 770_000)).toBe('fee_implausible');
    expect(feeProblem(0, null)).toBeNull();
    expect(feeProblem(5_000, 0)).toBeNull();
  });
  it("names each line's field; unknown codes are refused; online fees are compared with the online fee in force", () => {
    const reference = [
      { code: 'petition', amountRials: 770_000 },
      { code: 'brief', amountRials: 630_000, onlineAmountRials: 100_000 },
    ];
    expect(
      lineProblems(
        [
          { code: 'petition', amountRials: 845_000 },
          { code: 'brief', amountRials: 695_000, onlineAmountRials: 2_000_000 },
          { code: 'divorce', amountRials: 1_000 },
          { code: 'contract', amountRials: -1 },
          { code: 'extra-page', amountRials: 77_000 },
        ],
        reference,
        ['petition', 'brief', 'contract'],
      ),
    ).toEqual([
      { field: 'lines.brief.onlineAmountRials', code: 'fee_implausible' },
      { field: 'lines.divorce', code: 'unknown_service' },
      { field: 'lines.contract.amountRials', code: 'too_small' },
    ]);
  });
});

describe('state', () => {
  const approved = [s(1, '2023-03-21', '2024-03-19'), s(2, '2024-03-20'), s(3, '2026-03-21')];
  const today = '2025-06-01';
  it('draft, superseded, in force, upcoming', () => {
    expect(scheduleState({ ...s(9, '2026-01-01'), status: 'draft' }, approved, today)).toBe('draft');
    expect(scheduleState({ ...approved[0], status: 'approved' }, approved, today)).toBe('superseded');
    expect(scheduleState({ ...approved[1], status: 'approved' }, approved, today)).toBe('in-force');
    expect(scheduleState({ ...approved[2], status: 'approved' }, approved, today)).toBe('upcoming');
  });
});
