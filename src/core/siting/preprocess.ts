/**
 * One pass over the instance that builds the sparse structure every solver and `evaluate` use.
 *
 * A demand point's demand goes to the nearest open office; ties go to the existing office, then to
 * the lower candidate index. So only the candidates strictly closer than the point's nearest
 * existing office can ever take its demand (its "closer list", sorted by distance then index), and
 * only the candidates within the radius of a point not covered today can add to the objective.
 * Distances come from a strip index (site-index.ts), so a point near an office measures only to the
 * few sites around it rather than to every site.
 */
import { floorOf } from './floors';
import { SiteIndex } from './site-index';
import type { SitingInstance } from './types';

export interface Prepared {
  instance: SitingInstance;
  /** Per demand point: population and monthly demand (population × demand per person). */
  population: Float64Array;
  demand: Float64Array;
  /** Per demand point: index of its nearest existing office (-1 when there is none) and the distance. */
  nearestExisting: Int32Array;
  nearestExistingKm: Float64Array;
  /** Per demand point: 1 when an existing office is within the radius today. */
  coveredBefore: Uint8Array;
  /** Closer lists (CSR by point): candidates strictly closer than the nearest existing office. */
  closerStart: Int32Array;
  closerCandidate: Int32Array;
  closerKm: Float64Array;
  /** Candidates within the radius (CSR by point). */
  withinStart: Int32Array;
  withinCandidate: Int32Array;
  /** The closer lists turned around (CSR by candidate): points it could take and its rank in their list. */
  takeStart: Int32Array;
  takePoint: Int32Array;
  takeRank: Int32Array;
  /** Points not covered today within the radius of each candidate (CSR by candidate). */
  reachStart: Int32Array;
  reachPoint: Int32Array;
  /** Per existing office: demand today, and the floor it must keep. */
  existingDemand: Float64Array;
  existingFloor: Float64Array;
  totalPopulation: number;
  coveredBeforePopulation: number;
}

export function preprocess(instance: SitingInstance): Prepared {
  const { demand: points, existing, candidates, radiusKm } = instance;
  const n = points.length;
  const m = candidates.length;
  const existingIndex = new SiteIndex(existing);
  const candidateIndex = new SiteIndex(candidates);

  const population = Float64Array.from(points, (p) => p.population);
  const demand = Float64Array.from(points, (p) => p.population * p.demandPerPerson);
  const nearestExisting = new Int32Array(n);
  const nearestExistingKm = new Float64Array(n);
  const coveredBefore = new Uint8Array(n);
  const closerStart = new Int32Array(n + 1);
  const withinStart = new Int32Array(n + 1);
  const closer = new GrowingList(Int32Array, n * 2);
  const closerKm = new GrowingList(Float64Array, n * 2);
  const within = new GrowingList(Int32Array, n * 2);
  const existingDemand = new Float64Array(existing.length);
  let totalPopulation = 0;
  let coveredBeforePopulation = 0;

  const found = new Int32Array(m);
  const foundKm = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    const near = existingIndex.nearest(p);
    nearestExisting[i] = near.site;
    nearestExistingKm[i] = near.km;
    totalPopulation += population[i];
    if (near.site >= 0) existingDemand[near.site] += demand[i];
    if (near.km <= radiusKm) {
      coveredBefore[i] = 1;
      coveredBeforePopulation += population[i];
    }

    const count = candidateIndex.within(p, Math.max(radiusKm, near.km), found, foundKm);
    sortByDistanceThenIndex(found, foundKm, count);
    for (let f = 0; f < count; f++) {
      if (foundKm[f] < near.km) {
        closer.push(found[f]);
        closerKm.push(foundKm[f]);
      }
      if (foundKm[f] <= radiusKm) within.push(found[f]);
    }
    closerStart[i + 1] = closer.length;
    withinStart[i + 1] = within.length;
  }

  // Turn the per-point lists around; walking points in order keeps each candidate's list sorted by point.
  const closerCandidate = closer.done();
  const takeStart = new Int32Array(m + 1);
  for (const c of closerCandidate) takeStart[c + 1]++;
  for (let c = 0; c < m; c++) takeStart[c + 1] += takeStart[c];
  const takePoint = new Int32Array(closerCandidate.length);
  const takeRank = new Int32Array(closerCandidate.length);
  const fill = takeStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    for (let t = closerStart[i]; t < closerStart[i + 1]; t++) {
      const slot = fill[closerCandidate[t]]++;
      takePoint[slot] = i;
      takeRank[slot] = t - closerStart[i];
    }
  }

  const withinCandidate = within.done();
  const reachStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    if (coveredBefore[i] || population[i] <= 0) continue;
    for (let t = withinStart[i]; t < withinStart[i + 1]; t++) reachStart[withinCandidate[t] + 1]++;
  }
  for (let c = 0; c < m; c++) reachStart[c + 1] += reachStart[c];
  const reachPoint = new Int32Array(reachStart[m]);
  const reachFill = reachStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    if (coveredBefore[i] || population[i] <= 0) continue;
    for (let t = withinStart[i]; t < withinStart[i + 1]; t++) reachPoint[reachFill[withinCandidate[t]]++] = i;
  }

  const existingFloor = Float64Array.from(existing, (e, k) => floorOf(existingDemand[k], e.breakEven));

  return {
    instance,
    population,
    demand,
    nearestExisting,
    nearestExistingKm,
    coveredBefore,
    closerStart,
    closerCandidate,
    closerKm: closerKm.done(),
    withinStart,
    withinCandidate,
    takeStart,
    takePoint,
    takeRank,
    reachStart,
    reachPoint,
    existingDemand,
    existingFloor,
    totalPopulation,
    coveredBeforePopulation,
  };
}

/** Insertion sort of the first `count` entries by distance, then index: the lists are short. */
function sortByDistanceThenIndex(ids: Int32Array, kms: Float64Array, count: number): void {
  for (let a = 1; a < count; a++) {
    const id = ids[a];
    const km = kms[a];
    let b = a - 1;
    while (b >= 0 && (kms[b] > km || (kms[b] === km && ids[b] > id))) {
      ids[b + 1] = ids[b];
      kms[b + 1] = kms[b];
      b--;
    }
    ids[b + 1] = id;
    kms[b + 1] = km;
  }
}

/** A typed array that doubles when full. */
class GrowingList<T extends Int32Array | Float64Array> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: new (size: number) => T,
    capacity: number,
  ) {
    this.data = new make(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
