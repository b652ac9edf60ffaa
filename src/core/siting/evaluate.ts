/**
 * The single source of truth for a choice of new offices: where every demand point's demand goes,
 * who is covered, who loses how much, and whether every office keeps its floor. Every solver's
 * answer is measured with this.
 */
import { meetsFloor } from './floors';
import { preprocess, type Prepared } from './preprocess';
import type { ExistingLoss, SitingInstance, SitingSolution } from './types';

/** An office that would fall below what it must keep. */
interface Shortfall {
  kind: 'new' | 'existing';
  id: string | number;
  demand: number;
  floor: number;
}

/** A solution's figures without who solved it, plus whether every office keeps its floor. */
export interface Evaluation extends Omit<SitingSolution, 'solver' | 'millis' | 'optimal' | 'gap'> {
  feasible: boolean;
  shortfalls: Shortfall[];
}

/** Candidate indices for ids; an unknown or repeated id is a programming error, not a bad choice. */
function candidateIndices(instance: SitingInstance, chosenIds: readonly string[]): number[] {
  const byId = new Map(instance.candidates.map((c, j) => [c.id, j]));
  const seen = new Set<number>();
  return chosenIds.map((id) => {
    const j = byId.get(id);
    if (j === undefined) throw new RangeError(`unknown candidate ${id}`);
    if (seen.has(j)) throw new RangeError(`candidate ${id} chosen twice`);
    seen.add(j);
    return j;
  });
}

export function evaluate(
  instance: SitingInstance,
  chosenIds: readonly string[],
  prepared: Prepared = preprocess(instance),
): Evaluation {
  const chosen = candidateIndices(instance, chosenIds);
  const isChosen = new Uint8Array(instance.candidates.length);
  for (const j of chosen) isChosen[j] = 1;
  const newDemand = new Float64Array(instance.candidates.length);
  const lost = new Float64Array(instance.existing.length);
  const p = prepared;
  let coveredAfter = 0;
  let newlyCovered = 0;

  for (let i = 0; i < instance.demand.length; i++) {
    for (let t = p.closerStart[i]; t < p.closerStart[i + 1]; t++) {
      const j = p.closerCandidate[t];
      if (!isChosen[j]) continue;
      newDemand[j] += p.demand[i];
      if (p.nearestExisting[i] >= 0) lost[p.nearestExisting[i]] += p.demand[i];
      break;
    }
    let covered = p.coveredBefore[i] === 1;
    for (let t = p.withinStart[i]; !covered && t < p.withinStart[i + 1]; t++)
      covered = isChosen[p.withinCandidate[t]] === 1;
    if (!covered) continue;
    coveredAfter += p.population[i];
    if (!p.coveredBefore[i]) newlyCovered += p.population[i];
  }

  const shortfalls: Shortfall[] = [];
  const newOffices = chosen.map((j) => {
    const c = instance.candidates[j];
    if (!meetsFloor(newDemand[j], c.breakEven))
      shortfalls.push({ kind: 'new', id: c.id, demand: newDemand[j], floor: c.breakEven });
    return { id: c.id, demand: newDemand[j], breakEven: c.breakEven };
  });
  const existingLosses: ExistingLoss[] = [];
  instance.existing.forEach((e, k) => {
    if (lost[k] <= 0) return;
    const after = p.existingDemand[k] - lost[k];
    existingLosses.push({ id: e.id, before: p.existingDemand[k], after, breakEven: e.breakEven });
    if (!meetsFloor(after, p.existingFloor[k]))
      shortfalls.push({ kind: 'existing', id: e.id, demand: after, floor: p.existingFloor[k] });
  });

  return {
    feasible: shortfalls.length === 0 && chosen.length <= instance.k,
    chosen: [...chosenIds],
    newlyCovered,
    coveredBefore: p.coveredBeforePopulation,
    coveredAfter,
    totalPopulation: p.totalPopulation,
    newOffices,
    existingLosses,
    shortfalls,
  };
}
