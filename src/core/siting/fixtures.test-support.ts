/** Instances for the siting tests: a hand-drawn one along a meridian, and small random ones. */
import { seededRandom } from './national-instance';
import type { SitingInstance } from './types';

/**
 * Along the meridian 50°E (0.1° of latitude ≈ 11.1 km), radius 25 km:
 *   E1 at 30.0 (break-even 100); candidates C0 at 30.5 (150) and C1 at 30.6 (50);
 *   d0 at 30.05 (1,000 people × 0.1 = 100 a month, 5.6 km from E1, covered today),
 *   d1 at 30.4 (2,000 × 0.1 = 200; 44.5 km from E1; C0 11.1 km, C1 22.2 km),
 *   d2 at 30.7 (500 × 0.2 = 100; 77.8 km from E1; C1 11.1 km, C0 22.2 km),
 *   d3 at 30.95 (400 × 0.1 = 40; 105.6 km from E1; C1 38.9 km, C0 50 km: taken but not covered).
 * Further north, E2 at (32, 49.75) and C2 at (32, 50.25) are exactly as far from d4 at (32, 50):
 * the tie goes to the existing office, so C2 can never take d4.
 */
export function meridianCase(changes: { e1BreakEven?: number; c0BreakEven?: number } = {}): SitingInstance {
  return {
    radiusKm: 25,
    k: 2,
    existing: [
      { id: 1, lat: 30, lon: 50, breakEven: changes.e1BreakEven ?? 100 },
      { id: 2, lat: 32, lon: 49.75, breakEven: 1 },
    ],
    candidates: [
      { id: 'C0', lat: 30.5, lon: 50, breakEven: changes.c0BreakEven ?? 150 },
      { id: 'C1', lat: 30.6, lon: 50, breakEven: 50 },
      { id: 'C2', lat: 32, lon: 50.25, breakEven: 0 },
    ],
    demand: [
      { id: 'd0', lat: 30.05, lon: 50, population: 1000, demandPerPerson: 0.1 },
      { id: 'd1', lat: 30.4, lon: 50, population: 2000, demandPerPerson: 0.1 },
      { id: 'd2', lat: 30.7, lon: 50, population: 500, demandPerPerson: 0.2 },
      { id: 'd3', lat: 30.95, lon: 50, population: 400, demandPerPerson: 0.1 },
      { id: 'd4', lat: 32, lon: 50, population: 10, demandPerPerson: 0.1 },
    ],
  };
}

/**
 * A small random instance in a 1.5° square of central Iran: enough overlap between offices that
 * break-even and existing floors bind often, and coverage gains compete.
 */
export function smallRandomInstance(
  seed: number,
  sizes: { demand: number; candidates: number; existing: number; k: number },
): SitingInstance {
  const random = seededRandom(seed);
  const place = () => ({ lat: 32 + 1.5 * random(), lon: 52 + 1.5 * random() });
  const demand = Array.from({ length: sizes.demand }, (_, i) => ({
    id: `d${i}`,
    ...place(),
    population: 100 + Math.floor(5000 * random() ** 2),
    demandPerPerson: 0.05 + 0.1 * random(),
  }));
  const totalDemand = demand.reduce((s, d) => s + d.population * d.demandPerPerson, 0);
  const perOffice = totalDemand / (sizes.existing + sizes.k);
  return {
    radiusKm: 30,
    k: sizes.k,
    demand,
    existing: Array.from({ length: sizes.existing }, (_, e) => ({
      id: e + 1,
      ...place(),
      breakEven: Math.round(perOffice * (0.3 + 0.9 * random())),
    })),
    candidates: Array.from({ length: sizes.candidates }, (_, j) => ({
      id: `c${j}`,
      ...place(),
      breakEven: Math.round(perOffice * (0.2 + 0.8 * random())),
    })),
  };
}
