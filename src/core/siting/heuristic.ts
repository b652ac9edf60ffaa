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
      best = j;
      bestGain = gain;
      bestSlack = slack;
    }
    if (best < 0) break;
    state.add(best);
    added.push(best);
  }
  return added;
}

/** At most what refilling can add after closing `dropped` with `slots` licences free (see `refillBound`). */
type RefillBound = (dropped: readonly number[], slots: number) => number;

/**
 * Closes `dropped`, refills greedily without them, and keeps the result only when it covers more
 * people; otherwise puts everything back as it was. With a bound, a move that cannot win is put
 * back before the refill is tried.
 */
function tryMove(
  state: SearchState,
  viable: readonly number[],
  k: number,
  dropped: readonly number[],
  bound?: RefillBound,
): boolean {
  const before = state.covered;
  const order = [...state.chosen];
  for (const a of dropped) state.remove(a);
  const added =
    bound && !improves(state.covered + bound(dropped, k - state.chosen.length), before)
      ? null
      : fill(state, viable, k, dropped);
  if (added && improves(state.covered, before)) return true;
  for (let t = (added?.length ?? 0) - 1; t >= 0; t--) state.remove(added![t]);
  for (const a of dropped) state.add(a);
  state.chosen.splice(0, state.chosen.length, ...order);
  return false;
}

/**
 * An upper bound on what a refill can add once some open candidates are closed — most moves cannot
 * win, and this rejects them before the refill is tried. Closing D uncovers only people in D's
 * reach, so an unopened candidate now gains what it gained before D closed plus the people it
 * reaches among those just uncovered: exact, and cheap to count. Opening several gains at most the
 * sum of their own gains (each one added only shrinks what the others gain), so the refill adds at
 * most the `slots` largest. When even that cannot make up what closing D lost, the refill would be
 * undone anyway: the search takes exactly the moves it would take without the bound.
 * Built for the open set it is called on; rebuild it after a move is kept.
 */
function refillBound(state: SearchState, viable: readonly number[]): RefillBound {
  const p = state.prepared;
  const closed = viable.filter((j) => !state.isChosen[j]);
  const gainBefore = new Float64Array(p.instance.candidates.length);
  for (const j of closed) gainBefore[j] = state.gain(j);
  const extra = new Float64Array(p.instance.candidates.length);
  const seen = new Uint8Array(p.population.length);
  const seenList: number[] = [];
  const best: number[] = [];
  return (dropped, slots) => {
    if (slots <= 0) return 0;
    for (const d of dropped) {
      for (let t = p.reachStart[d]; t < p.reachStart[d + 1]; t++) {
        const i = p.reachPoint[t];
        if (seen[i] || !state.uncovered(i)) continue;
        seen[i] = 1;
        seenList.push(i);
        for (let w = p.withinStart[i]; w < p.withinStart[i + 1]; w++) extra[p.withinCandidate[w]] += p.population[i];
      }
    }
    // The `slots` largest gains, kept in descending order as they come (slots is one or two here).
    best.length = 0;
    for (const j of closed) {
      const g = gainBefore[j] + extra[j];
      if (g <= 0 || (best.length === slots && g <= best[slots - 1])) continue;
      let at = Math.min(best.length, slots - 1);
      if (best.length < slots) best.push(g);
      while (at > 0 && best[at - 1] < g) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = g;
    }
    for (const i of seenList) {
      seen[i] = 0;
      for (let w = p.withinStart[i]; w < p.withinStart[i + 1]; w++) extra[p.withinCandidate[w]] = 0;
    }
    seenList.length = 0;
    let sum = 0;
    for (const g of best) sum += g;
    return sum;
  };
}

/**
 * Local search: close one open candidate and refill; when no such move helps, close two. Stops
 * when neither helps.
 */
function improve(state: SearchState, viable: readonly number[], k: number): void {
  let bound = refillBound(state, viable);
  const kept = () => {
    bound = refillBound(state, viable);
    return true;
  };
  for (let improved = true; improved; ) {
    improved = false;
    for (const a of [...state.chosen])
      if (state.isChosen[a] && tryMove(state, viable, k, [a], bound)) improved = kept();
    if (improved) continue;
    const chosen = [...state.chosen];
    pairs: for (let x = 0; x < chosen.length; x++) {
      for (let y = x + 1; y < chosen.length; y++) {
        if (tryMove(state, viable, k, [chosen[x], chosen[y]], bound)) {
          improved = kept();
          break pairs;
        }
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
