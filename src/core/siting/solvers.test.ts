import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { meridianCase, smallRandomInstance } from './fixtures.test-support';
import { bruteForceSolver, exactSolver, heuristicSolver, solversByName } from './index';
import { nationalInstance } from './national-instance';
import { preprocess } from './preprocess';
import { viability } from './viability';
import type { SitingInstance, SitingSolution } from './types';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function instances(): SitingInstance[] {
  const all: SitingInstance[] = [];
  for (let seed = 1; seed <= 30; seed++) {
    for (let k = 1; k <= 3; k++)
      all.push(smallRandomInstance(seed * 101 + k, { demand: 20, candidates: 8, existing: 3, k }));
  }
  return all;
}

function checked(instance: SitingInstance, s: SitingSolution): SitingSolution {
  const e = evaluate(instance, s.chosen);
  expect(e.feasible).toBe(true);
  expect(s.chosen.length).toBeLessThanOrEqual(instance.k);
  expect(close(e.newlyCovered, s.newlyCovered)).toBe(true);
  return s;
}

describe('the solvers on small random instances, against brute force', () => {
  const cases = instances();

  it('exact always finds the brute-force objective', { timeout: 60_000 }, async () => {
    let nonTrivial = 0;
    for (const instance of cases) {
      const reference = checked(instance, await bruteForceSolver.solve(instance));
      const exact = checked(instance, await exactSolver.solve(instance));
      expect(exact.optimal).toBe(true);
      expect(close(exact.newlyCovered, reference.newlyCovered)).toBe(true);
      if (reference.newlyCovered > 0) nonTrivial++;
    }
    // The instances must be worth checking: most have something to gain.
    expect(nonTrivial).toBeGreaterThan(cases.length * 0.7);
  });

  it('the heuristic is feasible, never better than brute force, and equal on at least 90%', {
    timeout: 30_000,
  }, async () => {
    let equal = 0;
    for (const instance of cases) {
      const reference = await bruteForceSolver.solve(instance);
      const heuristic = checked(instance, await heuristicSolver.solve(instance));
      expect(heuristic.newlyCovered).toBeLessThanOrEqual(reference.newlyCovered + 1e-6);
      if (close(heuristic.newlyCovered, reference.newlyCovered)) equal++;
    }
    console.info(`siting heuristic equals brute force on ${equal} of ${cases.length} small instances`);
    expect(equal / cases.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the solvers on the meridian case', () => {
  it('all find the 2,500 people C0 or C1 reach, and none opens C2 for no one', async () => {
    for (const solver of Object.values(solversByName)) {
      const s = await solver.solve(meridianCase());
      expect(s.newlyCovered).toBe(2500);
      expect(s.chosen).not.toContain('C2');
      expect(s.solver).toBe(solver.name);
    }
  });

  it('find nothing when every move would break a floor', async () => {
    for (const solver of Object.values(solversByName)) {
      const s = await solver.solve(meridianCase({ e1BreakEven: 1000 }));
      expect(s.chosen).toEqual([]);
      expect(s.newlyCovered).toBe(0);
      expect(s.existingLosses).toEqual([]);
    }
  });

  it('agree when there is no existing office at all', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const instance = smallRandomInstance(seed, { demand: 20, candidates: 8, existing: 0, k: 3 });
      const reference = checked(instance, await bruteForceSolver.solve(instance));
      expect(reference.newlyCovered).toBeGreaterThan(0);
      expect(close(checked(instance, await exactSolver.solve(instance)).newlyCovered, reference.newlyCovered)).toBe(
        true,
      );
      expect(checked(instance, await heuristicSolver.solve(instance)).newlyCovered).toBeLessThanOrEqual(
        reference.newlyCovered + 1e-6,
      );
    }
  });

  it('brute force refuses more than 20 candidates', async () => {
    const many = {
      ...meridianCase(),
      candidates: Array.from({ length: 21 }, (_, j) => ({ id: `c${j}`, lat: 30.5, lon: 50, breakEven: 1 })),
    };
    await expect(bruteForceSolver.solve(many)).rejects.toThrow(RangeError);
  });
});

describe('a small national instance', () => {
  it('leaves people to cover, binds k, has candidates that can never pay, and the heuristic is within 1% of exact', {
    timeout: 60_000,
  }, async () => {
    const instance = nationalInstance({ demandPoints: 1_500, centres: 150, candidates: 120, existing: 700, k: 15 });
    const v = viability(preprocess(instance));
    const neverPay = instance.candidates.filter((c, j) => v.demandAlone[j] < c.breakEven).length;
    expect(neverPay).toBeGreaterThan(0);
    expect(v.viable.length).toBeGreaterThan(instance.k);
    const exact = checked(instance, await exactSolver.solve(instance, { timeLimitSeconds: 60 }));
    const heuristic = checked(instance, await heuristicSolver.solve(instance));
    expect(exact.coveredBefore).toBeLessThan(exact.totalPopulation * 0.97);
    expect(exact.chosen.length).toBe(instance.k);
    expect(heuristic.newlyCovered).toBeGreaterThanOrEqual(exact.newlyCovered * 0.99);
    expect(heuristic.newlyCovered).toBeLessThanOrEqual(exact.newlyCovered + 1e-6);

    // Stopped early, the exact solver still answers with a feasible choice, marked as not proved.
    const hurried = checked(instance, await exactSolver.solve(instance, { timeLimitSeconds: 0.001 }));
    expect(hurried.newlyCovered).toBeLessThanOrEqual(exact.newlyCovered + 1e-6);
    if (hurried.newlyCovered < exact.newlyCovered) expect(hurried.optimal).toBe(false);
  });
});
