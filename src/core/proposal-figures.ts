/**
 * The board's figures on proposals received in a year, from each proposal's clocks:
 * - average working days to the completeness check (proposals checked), and from the check to
 *   the decision (proposals decided) — the days an information request stood open left out;
 * - the share of decided proposals whose both steps kept their limits;
 * - overdue: proposals with a step past its limit (still open, or done late), and their average
 *   working days over (both steps' days over added up);
 * - the backlog: open proposals, their average and largest working days since arrival.
 * Averages are rounded to one decimal; none is given over no proposal.
 */
import type { ClockReading } from './proposal-clock';

export interface ProposalClocks {
  completeness: ClockReading & { stoppedOn: string | null };
  decision: (ClockReading & { stoppedOn: string | null }) | null;
  open: boolean;
}

export interface ProposalFigures {
  received: number;
  averageDaysToCompleteness: number | null;
  averageDaysToDecision: number | null;
  decided: number;
  withinLimitsShare: number | null;
  overdue: { count: number; averageDaysOver: number | null };
  backlog: { open: number; averageAgeDays: number | null; oldestAgeDays: number | null };
}

const average = (values: readonly number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;

export function proposalFigures(proposals: readonly ProposalClocks[]): ProposalFigures {
  const checked = proposals.filter((p) => p.completeness.stoppedOn !== null);
  const decided = proposals.filter((p) => p.decision?.stoppedOn != null);
  const within = decided.filter((p) => p.completeness.daysOver === 0 && p.decision!.daysOver === 0);
  const over = proposals.map((p) => p.completeness.daysOver + (p.decision?.daysOver ?? 0)).filter((days) => days > 0);
  const ages = proposals.filter((p) => p.open).map((p) => p.completeness.elapsed + (p.decision?.elapsed ?? 0));
  return {
    received: proposals.length,
    averageDaysToCompleteness: average(checked.map((p) => p.completeness.elapsed)),
    averageDaysToDecision: average(decided.map((p) => p.decision!.elapsed)),
    decided: decided.length,
    withinLimitsShare: decided.length === 0 ? null : Math.round((within.length / decided.length) * 1000) / 1000,
    overdue: { count: over.length, averageDaysOver: average(over) },
    backlog: {
      open: ages.length,
      averageAgeDays: average(ages),
      oldestAgeDays: ages.length ? Math.max(...ages) : null,
    },
  };
}
