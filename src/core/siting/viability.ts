/**
 * Which candidates any solver needs to look at.
 *
 * Opening more offices only ever takes demand away from an office (a point moves to a new office
 * only when it is closer than the one it has). So a candidate's demand is largest when it opens
 * alone, and an existing office's loss is smallest when only one candidate opens. A candidate that
 * misses its break-even alone, or alone pushes an existing office below its floor, can be in no
 * feasible choice; and since dropping an office from a feasible choice keeps it feasible, a
 * candidate that reaches no one uncovered today is never needed for the best choice.
 */
import { meetsFloor } from './floors';
import type { Prepared } from './preprocess';

export interface Viability {
  /** Candidate indices worth considering, ascending. */
  viable: number[];
  /** Per candidate: its demand if it opened alone. */
  demandAlone: Float64Array;
  /** Per candidate: the uncovered population within its radius. */
  reachPopulation: Float64Array;
  /** Per candidate: whether it could open alone without breaking anyone's floor. */
  feasibleAlone: Uint8Array;
}

export function viability(p: Prepared): Viability {
  const { candidates } = p.instance;
  const m = candidates.length;
  const demandAlone = new Float64Array(m);
  const reachPopulation = new Float64Array(m);
  const feasibleAlone = new Uint8Array(m);
  const loss = new Float64Array(p.instance.existing.length);
  const touched: number[] = [];
  const viable: number[] = [];

  for (let j = 0; j < m; j++) {
    for (let t = p.takeStart[j]; t < p.takeStart[j + 1]; t++) {
      const i = p.takePoint[t];
      demandAlone[j] += p.demand[i];
      const e = p.nearestExisting[i];
      if (e < 0) continue;
      if (loss[e] === 0) touched.push(e);
      loss[e] += p.demand[i];
    }
    let ok = meetsFloor(demandAlone[j], candidates[j].breakEven);
    for (const e of touched) {
      if (!meetsFloor(p.existingDemand[e] - loss[e], p.existingFloor[e])) ok = false;
      loss[e] = 0;
    }
    touched.length = 0;
    feasibleAlone[j] = ok ? 1 : 0;
    for (let t = p.reachStart[j]; t < p.reachStart[j + 1]; t++) reachPopulation[j] += p.population[p.reachPoint[t]];
    if (ok && reachPopulation[j] > 0) viable.push(j);
  }
  return { viable, demandAlone, reachPopulation, feasibleAlone };
}
