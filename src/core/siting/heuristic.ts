/**
 * The fast solver: greedy construction, then local search.
 *
 * Greedy adds, while licences remain, the candidate that covers the most population not covered
 * yet among those that keep every office at or above its floor (ties: the one leaving more slack,
 * then the lower index). Local search then tries, for each open candidate, to close it and refill
 * greedily without it first (a swap, or a drop followed by several adds that it was blocking), and
 * keeps the move only when the covered population grows; it stops when no such move is left.
 * Every move touches only the points in the candidates' own lists (see SearchState).
 */
import { improves } from './floors';
import type { Prepared } from './preprocess';
import { SearchState } from './search-state';

/** Adds the best feasible candidate until none adds population or no licence is left; returns those added. */
function fill(state: SearchState, viable: readonly number[], k: number, excludeFirst = -1): number[] {
  const added: number[] = [];
  while (state.chosen.length < k) {
    let best = -1;
    let bestGain = 0;
    let bestSlack = -Infinity;
    for (const j of viable) {
      if (state.isChosen[j] || (added.length === 0 && j === excludeFirst)) continue;
      const gain = state.gain(j);
      if (gain <= 0 || gain < bestGain) continue;
      const tie = gain === bestGain;
      const { feasible, slack } = state.check(j);
      if (!feasible || (tie && slack <= bestSlack)) continue;
      best = j; bestGain = gain; bestSlack = slack;
    }
    if (best < 0) break;
    state.add(best);
    added.push(best);
  }
  return added;
}

/** Closes each open candidate in turn and refills; keeps a move only when it covers more people. */
function improve(state: SearchState, viable: readonly number[], k: number): void {
  for (let improved = true; improved;) {
    improved = false;
    for (const a of [...state.chosen]) {
      const before = state.covered;
      const order = [...state.chosen];
      state.remove(a);
      const added = fill(state, viable, k, a);
      if (improves(state.covered, before)) { improved = true; continue; }
      for (let t = added.length - 1; t >= 0; t--) state.remove(added[t]);
      state.add(a);
      state.chosen.splice(0, state.chosen.length, ...order);
    }
  }
}

/** The chosen candidate indices, in the order chosen. */
export function heuristicChoice(prepared: Prepared, viable: readonly number[], k: number): number[] {
  const state = new SearchState(prepared);
  fill(state, viable, k);
  improve(state, viable, k);
  return [...state.chosen];
}
