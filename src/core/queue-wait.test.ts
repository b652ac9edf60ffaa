import { describe, expect, it } from 'vitest';
import { estimateWait } from './queue-wait';

describe('the estimated wait on a queue ticket', () => {
  it('nobody ahead: no wait, whatever the service times', () => {
    expect(estimateWait({ ahead: 0, recentServiceSeconds: [600, 600, 600], activeCounters: 1 }).minutes).toBe(0);
  });

  it('three ahead at one counter taking 4 minutes each (median of 3, 4 and 30 minutes): 12 minutes', () => {
    const e = estimateWait({ ahead: 3, recentServiceSeconds: [180, 240, 1800], activeCounters: 1 });
    expect(e).toEqual({ ahead: 3, minutes: 12, serviceMinutes: 4, samples: 3, counters: 1 });
  });

  it('two counters at work halve it, rounded up to a whole minute: 5 ahead × 3 min / 2 = 7.5 → 8', () => {
    expect(estimateWait({ ahead: 5, recentServiceSeconds: [180, 180, 180, 180], activeCounters: 2 }).minutes).toBe(8);
  });

  it('fewer than three recent services: 10 minutes a visitor, no counter at work counts as one', () => {
    const e = estimateWait({ ahead: 2, recentServiceSeconds: [60, 60], activeCounters: 0 });
    expect(e).toEqual({ ahead: 2, minutes: 20, serviceMinutes: 10, samples: 0, counters: 1 });
  });
});
