/**
 * The siting optimizer: three solvers behind one interface. `heuristic` answers in milliseconds on
 * the national instance; `exact` proves the best answer with a MIP; `brute-force` lists every set
 * and is the reference for small instances. Every answer is measured with `evaluate`.
 */
import { bruteForceChoice } from './brute-force';
import { evaluate, type Evaluation } from './evaluate';
import { solveMip } from './exact';
import { heuristicChoice } from './heuristic';
import { preprocess, type Prepared } from './preprocess';
import type { SitingInstance, SitingSolution, SitingSolver, SolverName } from './types';
import { viability } from './viability';

export * from './types';
export { evaluate } from './evaluate';
export { validateInstance } from './validate';
export { haversineKm } from './distance';
export { preprocess } from './preprocess';

/** The exact solver's time limit when the caller gives none. */
const DEFAULT_TIME_LIMIT_SECONDS = 120;

function solution(
  e: Evaluation,
  solver: SolverName,
  started: number,
  extra: Pick<SitingSolution, 'optimal' | 'gap'> = {},
): SitingSolution {
  if (!e.feasible) throw new Error(`${solver} solver chose an infeasible set: ${JSON.stringify(e.shortfalls)}`);
  return {
    chosen: e.chosen,
    newlyCovered: e.newlyCovered,
    coveredBefore: e.coveredBefore,
    coveredAfter: e.coveredAfter,
    totalPopulation: e.totalPopulation,
    newOffices: e.newOffices,
    existingLosses: e.existingLosses,
    solver,
    millis: performance.now() - started,
    ...extra,
  };
}

const idsOf = (instance: SitingInstance, chosen: readonly number[]) => chosen.map((j) => instance.candidates[j].id);

/**
 * Closes chosen candidates that cover nobody the others do not: the objective stays, fewer
 * licences are given, and closing an office never breaks anyone's floor.
 */
function withoutIdle(instance: SitingInstance, chosen: number[], p: Prepared): number[] {
  let kept = chosen;
  const full = evaluate(instance, idsOf(instance, kept), p).newlyCovered;
  for (const j of chosen) {
    const without = kept.filter((x) => x !== j);
    if (evaluate(instance, idsOf(instance, without), p).newlyCovered >= full) kept = without;
  }
  return kept;
}

export const heuristicSolver: SitingSolver = {
  name: 'heuristic',
  async solve(instance) {
    const started = performance.now();
    const p = preprocess(instance);
    const chosen = heuristicChoice(p, viability(p).viable, instance.k);
    return solution(evaluate(instance, idsOf(instance, chosen), p), 'heuristic', started);
  },
};

export const exactSolver: SitingSolver = {
  name: 'exact',
  async solve(instance, options = {}) {
    const started = performance.now();
    const p = preprocess(instance);
    const { viable } = viability(p);
    if (viable.length === 0) return solution(evaluate(instance, [], p), 'exact', started, { optimal: true, gap: 0 });
    const mip = await solveMip(p, viable, instance.k, options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS);
    const e = evaluate(instance, idsOf(instance, mip.chosen), p);
    // The programme and `evaluate` must agree; a gap between them would be a bug in the model.
    if (mip.status !== 'no-solution' && e.newlyCovered < mip.objective - 1e-6 * Math.max(1, mip.objective)) {
      throw new Error(`exact solver's objective ${mip.objective} is not what its choice covers (${e.newlyCovered})`);
    }
    const chosen = withoutIdle(instance, mip.chosen, p);
    return solution(evaluate(instance, idsOf(instance, chosen), p), 'exact', started, {
      optimal: mip.status === 'optimal',
      gap: mip.gap,
    });
  },
};

export const bruteForceSolver: SitingSolver = {
  name: 'brute-force',
  async solve(instance) {
    const started = performance.now();
    const p = preprocess(instance);
    return solution(evaluate(instance, idsOf(instance, bruteForceChoice(p, instance.k)), p), 'brute-force', started, {
      optimal: true,
      gap: 0,
    });
  },
};

export const solversByName: Record<SolverName, SitingSolver> = {
  heuristic: heuristicSolver,
  exact: exactSolver,
  'brute-force': bruteForceSolver,
};
