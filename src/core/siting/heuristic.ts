/**
 * The fast solver: greedy construction, then local search.
 *
 * Greedy adds, while licences remain, the candidate that covers the most population not covered
 * yet among those that keep every office at or above its floor (ties: the one leaving more slack,
 * then the lower index). Local search then tries, for each open candidate, to close it and refill
 * greedily without it (a swap, or a drop followed by several adds that it was blocking), and when
 * no single drop helps, the same for each pair of open candidates; a move is kept only when the
 * covered population grows, and the search stops when no move is left.
 * Every move touches only the points in the candidates' own lists (see SearchState).
 */
import { improves } from './floors';
import type { Prepared } from './preprocess';
import { SearchState } from './search-state';

/** Adds the best feasible candidate until none adds population or no licence is left; returns those added. */
function fill(state: SearchState, viable: readonly number[], k: number, banned: readonly number[] = []): number[] {
  const added: number[] = [];
  while (state.chosen.length < k) {
    let best = -1;
    let bestGain = 0;
    let bestSlack = -Infinity;
    for (const j of viable) {
      if (state.isChosen[j] || banned.includes(j)) continue;
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

/**
 * Closes `dropped`, refills greedily without them, and keeps the result only when it covers more
 * people; otherwise puts everything back as it was.
 */
function tryMove(state: SearchState, viable: readonly number[], k: number, dropped: readonly number[]): boolean {
  const before = state.covered;
  const order = [...state.chosen];
  for (const a of dropped) state.remove(a);
  const added = fill(state, viable, k, dropped);
  if (improves(state.covered, before)) return true;
  for (let t = added.length - 1; t >= 0; t--) state.remove(added[t]);
  for (const a of dropped) state.add(a);
  state.chosen.splice(0, state.chosen.length, ...order);
  return false;
}

/**
 * Local search: close one open candidate and refill; when no such move helps, close two. Stops
 * when neither helps.
 */
function improve(state: SearchState, viable: readonly number[], k: number): void {
  for (let improved = true; improved;) {
    improved = false;
    for (const a of [...state.chosen]) if (state.isChosen[a] && tryMove(state, viable, k, [a])) improved = true;
    if (improved) continue;
    const chosen = [...state.chosen];
    pairs: for (let x = 0; x < chosen.length; x++) {
      for (let y = x + 1; y < chosen.length; y++) {
        if (tryMove(state, viable, k, [chosen[x], chosen[y]])) { improved = true; break pairs; }
      }
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
