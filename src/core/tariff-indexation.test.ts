import { describe, expect, it } from 'vitest';
import { changePercent, defaultRoundingRials, indexAmount, indexLines, roundToStep } from './tariff-indexation';

describe('indexation', () => {
  it('rounds by size when no step is given: 1,000 under 100,000; 5,000 under 1,000,000; 10,000 above', () => {
    expect([99_999, 100_000, 999_999, 1_000_000].map(defaultRoundingRials)).toEqual([1_000, 5_000, 5_000, 10_000]);
  });

  it('770,000 + 10 % = 847,000: 845,000 to the nearest 5,000, 850,000 rounding up', () => {
    expect(indexAmount(770_000, { ratePercent: 10, mode: 'nearest' })).toBe(845_000);
    expect(indexAmount(770_000, { ratePercent: 10, mode: 'up' })).toBe(850_000);
  });

  it('75,000 + 10 % = 82,500: half rounds up to 83,000', () => {
    expect(indexAmount(75_000, { ratePercent: 10, mode: 'nearest' })).toBe(83_000);
    expect(indexAmount(70_000, { ratePercent: 10, mode: 'nearest' })).toBe(77_000);
  });

  it('an explicit step wins; 1,000,000 + 25 % = 1,250,000 stays on a 10,000 step', () => {
    expect(indexAmount(770_000, { ratePercent: 10, roundingRials: 10_000, mode: 'nearest' })).toBe(850_000);
    expect(indexAmount(770_000, { ratePercent: 10, roundingRials: 1_000, mode: 'nearest' })).toBe(847_000);
    expect(indexAmount(1_000_000, { ratePercent: 25, mode: 'nearest' })).toBe(1_250_000);
    // 335,000 × 1.125 = 376,875 → 375,000 (nearest 5,000), 380,000 (up).
    expect(indexAmount(335_000, { ratePercent: 12.5, mode: 'nearest' })).toBe(375_000);
    expect(indexAmount(335_000, { ratePercent: 12.5, mode: 'up' })).toBe(380_000);
  });

  it('a negative rate lowers fees and never below zero', () => {
    expect(indexAmount(770_000, { ratePercent: -10, mode: 'nearest' })).toBe(695_000); // 693,000 → 695,000
    expect(roundToStep(-5, 1_000, 'up')).toBe(0);
    expect(indexAmount(0, { ratePercent: 50, mode: 'up' })).toBe(0);
  });

  it('indexes the online fee only when the line has one of its own', () => {
    const out = indexLines(
      [
        { code: 'petition', titleFa: 'دادخواست', amountRials: 770_000, onlineAmountRials: null },
        { code: 'brief', titleFa: 'لایحه', amountRials: 630_000, onlineAmountRials: 500_000 },
      ],
      { ratePercent: 10, mode: 'nearest' },
    );
    expect(out).toEqual([
      { code: 'petition', titleFa: 'دادخواست', amountRials: 845_000, onlineAmountRials: null },
      // 693,000 → 695,000; 550,000 stays.
      { code: 'brief', titleFa: 'لایحه', amountRials: 695_000, onlineAmountRials: 550_000 },
    ]);
  });

  it('change in percent, one decimal', () => {
    expect(changePercent(770_000, 845_000)).toBe(9.7);
    expect(changePercent(null, 1_000)).toBeNull();
    expect(changePercent(0, 1_000)).toBeNull();
  });
});
