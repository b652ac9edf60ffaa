import { describe, expect, it } from 'vitest';
import { meridianCase } from './fixtures.test-support';
import { preprocess, type Prepared } from './preprocess';

const list = (start: Int32Array, values: Int32Array, at: number) =>
  Array.from(values.subarray(start[at], start[at + 1]));

describe('preprocess on the meridian case', () => {
  const p: Prepared = preprocess(meridianCase());

  it('finds each point its nearest existing office and whether it is covered today', () => {
    expect(Array.from(p.nearestExisting)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(p.coveredBefore)).toEqual([1, 0, 0, 0, 1]);
    expect(p.nearestExistingKm[1]).toBeCloseTo(44.48, 1);
    expect(p.totalPopulation).toBe(3910);
    expect(p.coveredBeforePopulation).toBe(1010);
  });

  it('lists the candidates strictly closer than the existing office, nearest first; a tie stays with the existing office', () => {
    expect([0, 1, 2, 3, 4].map((i) => list(p.closerStart, p.closerCandidate, i))).toEqual([
      [],
      [0, 1],
      [1, 0],
      [1, 0],
      [],
    ]);
    expect(p.nearestExistingKm[4]).toBeLessThan(25);
  });

  it('lists the candidates within the radius', () => {
    expect([0, 1, 2, 3, 4].map((i) => list(p.withinStart, p.withinCandidate, i))).toEqual([
      [],
      [0, 1],
      [1, 0],
      [],
      [2],
    ]);
  });

  it('turns the lists around per candidate, with its rank in each point list', () => {
    expect([0, 1, 2].map((j) => list(p.takeStart, p.takePoint, j))).toEqual([[1, 2, 3], [1, 2, 3], []]);
    expect([0, 1, 2].map((j) => list(p.takeStart, p.takeRank, j))).toEqual([[0, 1, 1], [1, 0, 0], []]);
    // Only points not covered today count for reach: C2 reaches d4, but d4 is covered already.
    expect([0, 1, 2].map((j) => list(p.reachStart, p.reachPoint, j))).toEqual([[1, 2], [1, 2], []]);
  });

  it('sums each existing office demand today and its floor', () => {
    expect(p.existingDemand[0]).toBeCloseTo(440, 9);
    expect(p.existingFloor[0]).toBe(100);
    expect(p.existingDemand[1]).toBeCloseTo(1, 9);
    expect(p.existingFloor[1]).toBeCloseTo(1, 9);
  });
});
