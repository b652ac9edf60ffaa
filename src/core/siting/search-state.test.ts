import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { smallRandomInstance } from './fixtures.test-support';
import { seededRandom } from './national-instance';
import { preprocess } from './preprocess';
import { SearchState } from './search-state';

describe('SearchState', () => {
  it('after any sequence of adds and removes, agrees with evaluate on coverage and on whether the next add is feasible', () => {
    const answers = { feasible: 0, infeasible: 0 };
    for (let seed = 1; seed <= 20; seed++) {
      const instance = smallRandomInstance(seed, { demand: 40, candidates: 10, existing: 4, k: 10 });
      const p = preprocess(instance);
      const state = new SearchState(p);
      const random = seededRandom(seed);
      const ids = instance.candidates.map((c) => c.id);
      for (let step = 0; step < 60; step++) {
        const j = Math.floor(random() * ids.length);
        if (state.isChosen[j]) {
          state.remove(j);
        } else {
          const withJ = evaluate(
            instance,
            [...state.chosen, j].map((c) => ids[c]),
            p,
          );
          const before = evaluate(
            instance,
            state.chosen.map((c) => ids[c]),
            p,
          );
          // `check` answers for adding j to the current set, which holds only if the set itself is feasible.
          if (before.feasible) {
            expect(state.check(j).feasible).toBe(withJ.feasible);
            answers[withJ.feasible ? 'feasible' : 'infeasible']++;
          }
          expect(state.gain(j)).toBeCloseTo(withJ.newlyCovered - before.newlyCovered, 6);
          state.add(j);
        }
        expect(state.covered).toBeCloseTo(
          evaluate(
            instance,
            state.chosen.map((c) => ids[c]),
            p,
          ).newlyCovered,
          6,
        );
      }
    }
    expect(answers.feasible).toBeGreaterThan(20);
    expect(answers.infeasible).toBeGreaterThan(20);
  });
});
