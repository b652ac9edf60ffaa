/** The weighted draw of the SQL service-record generator: a thousand positions shared by weight. */
import { describe, expect, it } from 'vitest';
import { resolveScale } from './scales';
import { SERVICE_MIX, weightedSlots } from './service-records';

describe('weightedSlots', () => {
  it('fills a thousand positions in proportion to the weights, in order', () => {
    const slots = weightedSlots([1, 3, 6]);
    expect(slots).toHaveLength(1000);
    expect(slots.filter((s) => s === 1)).toHaveLength(100);
    expect(slots.filter((s) => s === 2)).toHaveLength(300);
    expect(slots.filter((s) => s === 3)).toHaveLength(600);
    expect([...slots].sort((a, b) => a - b)).toEqual(slots);
  });

  it('gives a weight too small to round to a position one all the same', () => {
    const slots = weightedSlots([0.0001, 1]);
    expect(slots.filter((s) => s === 1)).toHaveLength(1);
    expect(slots).toHaveLength(1000);
  });

  it('the service mix: petitions 18 of 100.5 weights, every service drawn', () => {
    const slots = weightedSlots(SERVICE_MIX.map(([, w]) => w));
    // 18 / 100.5 of 1000 positions, give or take the rounding of the running sum.
    expect(Math.abs(slots.filter((s) => s === 1).length - 179)).toBeLessThanOrEqual(1);
    expect(new Set(slots).size).toBe(SERVICE_MIX.length);
  });
});

describe('the scale’s service records (`--service-records`)', () => {
  it('none unless asked, and the number asked for at any scale', () => {
    expect(resolveScale('national').serviceRecords).toBe(0);
    expect(resolveScale('national', { serviceRecords: 100_000_000 }).serviceRecords).toBe(100_000_000);
    expect(resolveScale('tiny', { serviceRecords: 3_000 }).serviceRecords).toBe(3_000);
  });

  it('a negative, fractional or absurd number is refused', () => {
    for (const bad of [-1, 1.5, 1_000_000_001])
      expect(() => resolveScale('national', { serviceRecords: bad })).toThrow(/service records must be a whole number/);
  });
});
