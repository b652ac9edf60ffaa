import { describe, expect, it } from 'vitest';
import type { ClockReading } from './proposal-clock';
import { proposalFigures, type ProposalClocks } from './proposal-figures';

const clock = (
  elapsed: number,
  limitDays: number,
  stoppedOn: string | null,
): ClockReading & { stoppedOn: string | null } => ({
  elapsed,
  limitDays,
  remaining: limitDays - elapsed,
  dueOn: null,
  state: 'running',
  daysOver: Math.max(0, elapsed - limitDays),
  stoppedOn,
});

describe("the board's figures for a year", () => {
  it('averages, the share within limits, overdue and the backlog, counted by hand', () => {
    const year: ProposalClocks[] = [
      // Checked on day 8 of 10, decided on day 25 of 30: within both limits.
      { completeness: clock(8, 10, '2026-04-01'), decision: clock(25, 30, '2026-05-10'), open: false },
      // Checked on day 12 of 10 (2 over), decided on day 20 of 30: decided, not within limits.
      { completeness: clock(12, 10, '2026-04-03'), decision: clock(20, 30, '2026-05-01'), open: false },
      // Checked on day 6, its decision clock at 33 of 30 and running: 3 over, open for 39 working days.
      { completeness: clock(6, 10, '2026-04-05'), decision: clock(33, 30, null), open: true },
      // Not yet checked, 4 working days in.
      { completeness: clock(4, 10, null), decision: null, open: true },
    ];
    expect(proposalFigures(year)).toEqual({
      received: 4,
      averageDaysToCompleteness: 8.7, // (8 + 12 + 6) / 3 = 8.67
      averageDaysToDecision: 22.5, // (25 + 20) / 2
      decided: 2,
      withinLimitsShare: 0.5, // one of two
      overdue: { count: 2, averageDaysOver: 2.5 }, // 2 and 3 days over
      backlog: { open: 2, averageAgeDays: 21.5, oldestAgeDays: 39 }, // 6 + 33 = 39 and 4
    });
  });

  it('a year with nothing received gives counts of zero and no averages', () => {
    expect(proposalFigures([])).toEqual({
      received: 0,
      averageDaysToCompleteness: null,
      averageDaysToDecision: null,
      decided: 0,
      withinLimitsShare: null,
      overdue: { count: 0, averageDaysOver: null },
      backlog: { open: 0, averageAgeDays: null, oldestAgeDays: null },
    });
  });
});
