/**
 * The reference solver for small instances: every set of at most k candidates, measured with
 * `evaluate`. It assumes nothing about the problem's structure, which is what makes it a check on
 * the other two.
 */
import { evaluate } from './evaluate';
import { improves } from './floors';
import type { Prepared } from './preprocess';

/** Beyond this many candidates the subsets are too many to list. */
const BRUTE_FORCE_MAX_CANDIDATES = 20;

/** The best feasible set (the smallest, then the first in index order, among equally good ones). */
export function bruteForceChoice(p: Prepared, k: number): number[] {
  const { instance } = p;
  const m = instance.candidates.length;
  if (m > BRUTE_FORCE_MAX_CANDIDATES)
    throw new RangeError(`brute force lists at most ${BRUTE_FORCE_MAX_CANDIDATES} candidates, not ${m}`);
  let best: number[] = [];
  let bestCovered = 0;
  const ids = instance.candidates.map((c) => c.id);
  const set: number[] = [];
  for (let size = 1; size <= Math.min(k, m); size++) {
    const visit = (from: number): void => {
      if (set.length === size) {
        const e = evaluate(
          instance,
          set.map((j) => ids[j]),
          p,
        );
        if (e.feasible && improves(e.newlyCovered, bestCovered)) {
          best = [...set];
          bestCovered = e.newlyCovered;
        }
        return;
      }
      for (let j = from; j <= m - (size - set.length); j++) {
        set.push(j);
        visit(j + 1);
        set.pop();
      }
    };
    visit(0);
  }
  return best;
}
