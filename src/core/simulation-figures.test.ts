import { describe, expect, it } from 'vitest';
import {
  changePercent,
  fallingBelowBreakEven,
  ratioHistogram,
  topLosers,
  type OfficeFigures,
} from './simulation-figures';

const office = (officeId: number, before: number, after: number, cost: number): OfficeFigures => ({
  officeId,
  revenueBeforeRials: before,
  revenueAfterRials: after,
  revenueChangeRials: after - before,
  costRials: cost,
  viableBefore: before >= cost,
  viableAfter: after >= cost,
});

describe('simulation figures', () => {
  const offices = [
    office(1, 100, 90, 100), // 1.0 → 0.9: falls below
    office(2, 50, 60, 100), // 0.5 → 0.6
    office(3, 400, 300, 100), // 4.0 → 3.0: both in the open last bin
    office(4, 120, 80, 100), // 1.2 → 0.8: falls below, deeper
    office(5, 10, 10, 0), // no cost: left out of the ratio
  ];

  it('counts offices by revenue/cost ratio, break-even at 1.0 opening its bin', () => {
    const bins = ratioHistogram(offices, 0.5, 2);
    expect(bins.map((b) => [b.from, b.to, b.before, b.after])).toEqual([
      [0, 0.5, 0, 0],
      [0.5, 1, 1, 3], // 0.5 before; 0.6, 0.9 and 0.8 after
      [1, 1.5, 2, 0], // 1.0 and 1.2 before
      [1.5, 2, 0, 0],
      [2, null, 1, 1],
    ]);
  });

  it('lists the offices losing most, worst first, and those pushed below break-even', () => {
    expect(topLosers(offices).map((o) => o.officeId)).toEqual([3, 4, 1]);
    expect(topLosers(offices, 1).map((o) => o.officeId)).toEqual([3]);
    expect(fallingBelowBreakEven(offices).map((o) => o.officeId)).toEqual([4, 1]);
  });

  it('change in percent, none from zero', () => {
    expect(changePercent(200, 220)).toBe(10);
    expect(changePercent(3, 2)).toBe(-33.3);
    expect(changePercent(0, 5)).toBeNull();
  });
});
