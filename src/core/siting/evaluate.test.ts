import { describe, expect, it } from 'vitest';
import { haversineKm } from './distance';
import { evaluate } from './evaluate';
import { meetsFloor } from './floors';
import { meridianCase, smallRandomInstance } from './fixtures.test-support';
import type { SitingInstance } from './types';

describe('evaluate on the meridian case', () => {
  it('counts the population newly covered and who loses how much', () => {
    const e = evaluate(meridianCase(), ['C0']);
    expect(e.feasible).toBe(true);
    expect(e.newlyCovered).toBe(2500);
    expect(e.coveredBefore).toBe(1010);
    expect(e.coveredAfter).toBe(3510);
    expect(e.totalPopulation).toBe(3910);
    expect(e.newOffices).toEqual([{ id: 'C0', demand: expect.closeTo(340, 9), breakEven: 150 }]);
    expect(e.existingLosses).toEqual([
      { id: 1, before: expect.closeTo(440, 9), after: expect.closeTo(100, 9), breakEven: 100 },
    ]);
  });

  it('sends each point to the nearest open office', () => {
    const e = evaluate(meridianCase(), ['C1', 'C0']);
    expect(e.feasible).toBe(true);
    expect(e.newOffices.map((o) => [o.id, Math.round(o.demand)])).toEqual([
      ['C1', 140],
      ['C0', 200],
    ]);
    expect(e.newlyCovered).toBe(2500);
  });

  it('refuses a new office below its break-even', () => {
    const e = evaluate(meridianCase({ c0BreakEven: 250 }), ['C0', 'C1']);
    expect(e.feasible).toBe(false);
    expect(e.shortfalls).toEqual([{ kind: 'new', id: 'C0', demand: expect.closeTo(200, 9), floor: 250 }]);
    expect(evaluate(meridianCase({ c0BreakEven: 250 }), ['C0']).feasible).toBe(true);
  });

  it('refuses a choice that takes an existing office below its break-even', () => {
    const e = evaluate(meridianCase({ e1BreakEven: 150 }), ['C0']);
    expect(e.feasible).toBe(false);
    expect(e.shortfalls).toEqual([{ kind: 'existing', id: 1, demand: expect.closeTo(100, 9), floor: 150 }]);
  });

  it('lets an office already below break-even lose nothing', () => {
    const instance = meridianCase({ e1BreakEven: 1000 });
    expect(evaluate(instance, []).feasible).toBe(true);
    expect(evaluate(instance, ['C1']).shortfalls).toEqual([
      { kind: 'existing', id: 1, demand: expect.closeTo(100, 9), floor: expect.closeTo(440, 9) },
    ]);
  });

  it('keeps a tie with the existing office and refuses more than k or unknown candidates', () => {
    expect(evaluate(meridianCase(), ['C2']).newOffices).toEqual([{ id: 'C2', demand: 0, breakEven: 0 }]);
    expect(evaluate({ ...meridianCase(), k: 1 }, ['C0', 'C1']).feasible).toBe(false);
    expect(() => evaluate(meridianCase(), ['nowhere'])).toThrow(RangeError);
    expect(() => evaluate(meridianCase(), ['C0', 'C0'])).toThrow(RangeError);
  });
});

/** The plain reading of the rules, measuring every distance: what `evaluate` must agree with. */
function naiveEvaluate(instance: SitingInstance, chosenIds: string[]) {
  const open = chosenIds.map((id) => instance.candidates.findIndex((c) => c.id === id)).sort((a, b) => a - b);
  const newDemand = new Map<number, number>(open.map((j) => [j, 0]));
  const before = instance.existing.map(() => 0);
  const after = instance.existing.map(() => 0);
  let newlyCovered = 0;
  for (const d of instance.demand) {
    const v = d.population * d.demandPerPerson;
    let e = -1;
    let eKm = Infinity;
    instance.existing.forEach((o, k) => {
      const km = haversineKm(d, o);
      if (km < eKm) {
        e = k;
        eKm = km;
      }
    });
    let c = -1;
    let cKm = Infinity;
    for (const j of open) {
      const km = haversineKm(d, instance.candidates[j]);
      if (km < cKm) {
        c = j;
        cKm = km;
      }
    }
    if (e >= 0) before[e] += v;
    if (c >= 0 && cKm < eKm) newDemand.set(c, newDemand.get(c)! + v);
    else if (e >= 0) after[e] += v;
    if (eKm > instance.radiusKm && cKm <= instance.radiusKm) newlyCovered += d.population;
  }
  const feasible =
    open.every((j) => meetsFloor(newDemand.get(j)!, instance.candidates[j].breakEven)) &&
    instance.existing.every((o, k) => meetsFloor(after[k], Math.min(before[k], o.breakEven)));
  return { feasible, newlyCovered };
}

describe('evaluate against the plain reading of the rules', () => {
  it('agrees on random instances and random choices', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const instance = smallRandomInstance(seed, { demand: 30, candidates: 8, existing: 4, k: 8 });
      const chosen = instance.candidates.filter((_, j) => (seed * 7 + j * 13) % 3 === 0).map((c) => c.id);
      const e = evaluate(instance, chosen);
      const naive = naiveEvaluate(instance, chosen);
      expect(e.feasible).toBe(naive.feasible);
      expect(e.newlyCovered).toBeCloseTo(naive.newlyCovered, 6);
    }
  });
});
