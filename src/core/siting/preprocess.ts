/**
 * One pass over the instance that builds the sparse structure every solver and `evaluate` use.
 *
 * A demand point's demand goes to the nearest open office; ties go to the existing office, then to
 * the lower candidate index. So only the candidates strictly closer than the point's nearest
 * existing office can ever take its demand (its "closer list", sorted by distance then index), and
 * only the candidates within the radius of a point not covered today can add to the objective.
 * Distances come from a latitude-sorted index, so a point near an office measures only to the few
 * sites in its latitude band rather than to every site.
 */
import { LatitudeIndex } from './distance';
import { floorOf } from './floors';
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
  const existingIndex = new LatitudeIndex(existing);
  const candidateIndex = new LatitudeIndex(candidates);

  const population = Float64Array.from(points, (p) => p.population);
  const demand = Float64Array.from(points, (p) => p.population * p.demandPerPerson);
  const nearestExisting = new Int32Array(n);
  const nearestExistingKm = new Float64Array(n);
  const coveredBefore = new Uint8Array(n);
  const closerStart = new Int32Array(n + 1);
  const withinStart = new Int32Array(n + 1);
  const closer: number[] = [];
  const closerKmList: number[] = [];
  const within: number[] = [];
  const existingDemand = new Float64Array(existing.length);
  let totalPopulation = 0;
  let coveredBeforePopulation = 0;

  const found: { c: number; km: number }[] = [];
  for (let i = 0; i < n; i++) {
    const p = points[i];
    const near = existingIndex.nearest(p);
    nearestExisting[i] = near.site;
    nearestExistingKm[i] = near.km;
    totalPopulation += population[i];
    if (near.site >= 0) existingDemand[near.site] += demand[i];
    if (near.km <= radiusKm) { coveredBefore[i] = 1; coveredBeforePopulation += population[i]; }

    found.length = 0;
    candidateIndex.within(p, Math.max(radiusKm, near.km), (c, km) => { found.push({ c, km }); });
    found.sort((a, b) => a.km - b.km || a.c - b.c);
    for (const f of found) {
      if (f.km < near.km) { closer.push(f.c); closerKmList.push(f.km); }
      if (f.km <= radiusKm) within.push(f.c);
    }
    closerStart[i + 1] = closer.length;
    withinStart[i + 1] = within.length;
  }

  // Turn the per-point lists around; walking points in order keeps each candidate's list sorted by point.
  const takeStart = new Int32Array(m + 1);
  for (const c of closer) takeStart[c + 1]++;
  for (let c = 0; c < m; c++) takeStart[c + 1] += takeStart[c];
  const takePoint = new Int32Array(closer.length);
  const takeRank = new Int32Array(closer.length);
  const fill = takeStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    for (let t = closerStart[i]; t < closerStart[i + 1]; t++) {
      const slot = fill[closer[t]]++;
      takePoint[slot] = i;
      takeRank[slot] = t - closerStart[i];
    }
  }

  const reachStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    if (coveredBefore[i] || population[i] <= 0) continue;
    for (let t = withinStart[i]; t < withinStart[i + 1]; t++) reachStart[within[t] + 1]++;
  }
  for (let c = 0; c < m; c++) reachStart[c + 1] += reachStart[c];
  const reachPoint = new Int32Array(reachStart[m]);
  const reachFill = reachStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    if (coveredBefore[i] || population[i] <= 0) continue;
    for (let t = withinStart[i]; t < withinStart[i + 1]; t++) reachPoint[reachFill[within[t]]++] = i;
  }

  const existingFloor = Float64Array.from(existing, (e, k) => floorOf(existingDemand[k], e.breakEven));

  return {
    instance, population, demand, nearestExisting, nearestExistingKm, coveredBefore,
    closerStart, closerCandidate: Int32Array.from(closer), closerKm: Float64Array.from(closerKmList),
    withinStart, withinCandidate: Int32Array.from(within),
    takeStart, takePoint, takeRank, reachStart, reachPoint,
    existingDemand, existingFloor, totalPopulation, coveredBeforePopulation,
  };
}
