/**
 * A set of open candidates with everything that follows from it kept up to date as candidates are
 * added and removed: which office owns each demand point, each new office's demand, each existing
 * office's loss, and how many open candidates cover each point uncovered today. Adding or removing
 * a candidate touches only the points in its own lists.
 */
import { meetsFloor } from './floors';
import type { Prepared } from './preprocess';

/** Owner rank of a point whose demand stays with its existing office. */
const EXISTING = 0x7fffffff;

export interface AddCheck {
  feasible: boolean;
  /** The smallest margin, relative to the floor, left to the new office or any office it takes from. */
  slack: number;
}

export class SearchState {
  readonly chosen: number[] = [];
  readonly isChosen: Uint8Array;
  /** Per point: rank in its closer list of the open candidate that owns it, or EXISTING. */
  private readonly ownerRank: Int32Array;
  private readonly newDemand: Float64Array;
  private readonly lost: Float64Array;
  private readonly coverCount: Int32Array;
  /** Population newly covered: the objective. */
  covered = 0;
  // Scratch for `check`, always left zeroed.
  private readonly dCandidate: Float64Array;
  private readonly dExisting: Float64Array;
  private readonly touchedCandidates: number[] = [];
  private readonly touchedExisting: number[] = [];

  constructor(private readonly p: Prepared) {
    const n = p.population.length;
    const m = p.instance.candidates.length;
    const e = p.instance.existing.length;
    this.isChosen = new Uint8Array(m);
    this.ownerRank = new Int32Array(n).fill(EXISTING);
    this.newDemand = new Float64Array(m);
    this.lost = new Float64Array(e);
    this.coverCount = new Int32Array(n);
    this.dCandidate = new Float64Array(m);
    this.dExisting = new Float64Array(e);
  }

  get prepared(): Prepared {
    return this.p;
  }

  /** Whether no open candidate covers point `i` (one of the points not covered today). */
  uncovered(i: number): boolean {
    return this.coverCount[i] === 0;
  }

  /** Uncovered population that opening `j` would cover. */
  gain(j: number): number {
    const p = this.p;
    let g = 0;
    for (let t = p.reachStart[j]; t < p.reachStart[j + 1]; t++) {
      const i = p.reachPoint[t];
      if (this.coverCount[i] === 0) g += p.population[i];
    }
    return g;
  }

  /** Whether opening `j` keeps every office at or above its floor, without opening it. */
  check(j: number): AddCheck {
    const p = this.p;
    let demand = 0;
    for (let t = p.takeStart[j]; t < p.takeStart[j + 1]; t++) {
      const i = p.takePoint[t];
      const own = this.ownerRank[i];
      if (p.takeRank[t] >= own) continue;
      const v = p.demand[i];
      demand += v;
      if (own === EXISTING) {
        const e = p.nearestExisting[i];
        if (e < 0) continue;
        if (this.dExisting[e] === 0) this.touchedExisting.push(e);
        this.dExisting[e] += v;
      } else {
        const o = p.closerCandidate[p.closerStart[i] + own];
        if (this.dCandidate[o] === 0) this.touchedCandidates.push(o);
        this.dCandidate[o] += v;
      }
    }
    const breakEven = p.instance.candidates[j].breakEven;
    let feasible = meetsFloor(demand, breakEven);
    let slack = relativeSlack(demand, breakEven);
    for (const o of this.touchedCandidates) {
      const after = this.newDemand[o] - this.dCandidate[o];
      const floor = p.instance.candidates[o].breakEven;
      if (!meetsFloor(after, floor)) feasible = false;
      slack = Math.min(slack, relativeSlack(after, floor));
      this.dCandidate[o] = 0;
    }
    for (const e of this.touchedExisting) {
      const after = p.existingDemand[e] - this.lost[e] - this.dExisting[e];
      const floor = p.existingFloor[e];
      if (!meetsFloor(after, floor)) feasible = false;
      slack = Math.min(slack, relativeSlack(after, floor));
      this.dExisting[e] = 0;
    }
    this.touchedCandidates.length = 0;
    this.touchedExisting.length = 0;
    return { feasible, slack };
  }

  add(j: number): void {
    const p = this.p;
    let demand = 0;
    for (let t = p.takeStart[j]; t < p.takeStart[j + 1]; t++) {
      const i = p.takePoint[t];
      const own = this.ownerRank[i];
      const rank = p.takeRank[t];
      if (rank >= own) continue;
      const v = p.demand[i];
      demand += v;
      if (own === EXISTING) {
        const e = p.nearestExisting[i];
        if (e >= 0) this.lost[e] += v;
      } else {
        this.newDemand[p.closerCandidate[p.closerStart[i] + own]] -= v;
      }
      this.ownerRank[i] = rank;
    }
    this.newDemand[j] = demand;
    for (let t = p.reachStart[j]; t < p.reachStart[j + 1]; t++) {
      const i = p.reachPoint[t];
      if (this.coverCount[i]++ === 0) this.covered += p.population[i];
    }
    this.isChosen[j] = 1;
    this.chosen.push(j);
  }

  remove(j: number): void {
    const p = this.p;
    this.isChosen[j] = 0;
    this.chosen.splice(this.chosen.indexOf(j), 1);
    for (let t = p.takeStart[j]; t < p.takeStart[j + 1]; t++) {
      const i = p.takePoint[t];
      const rank = p.takeRank[t];
      if (this.ownerRank[i] !== rank) continue;
      // The point goes to the next open candidate in its closer list, else back to its existing office.
      const v = p.demand[i];
      let next = EXISTING;
      const end = p.closerStart[i + 1] - p.closerStart[i];
      for (let s = rank + 1; s < end; s++) {
        if (this.isChosen[p.closerCandidate[p.closerStart[i] + s]]) {
          next = s;
          break;
        }
      }
      this.ownerRank[i] = next;
      if (next === EXISTING) {
        const e = p.nearestExisting[i];
        if (e >= 0) this.lost[e] -= v;
      } else {
        this.newDemand[p.closerCandidate[p.closerStart[i] + next]] += v;
      }
    }
    this.newDemand[j] = 0;
    for (let t = p.reachStart[j]; t < p.reachStart[j + 1]; t++) {
      const i = p.reachPoint[t];
      if (--this.coverCount[i] === 0) this.covered -= p.population[i];
    }
  }
}

function relativeSlack(demand: number, floor: number): number {
  return (demand - floor) / Math.max(1, Math.abs(floor));
}
