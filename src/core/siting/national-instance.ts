/**
 * A made-up national instance, the same for the same seed: population centres across Iran's
 * bounding area with a heavy-tailed size (a few large cities, many small towns), demand points
 * scattered around them (wider around larger centres, plus thin rural settlement), existing offices
 * placed where people are, and candidate locations at towns. Offices and candidates get break-even
 * volumes near the national demand per office, so some existing offices are already below
 * break-even and some candidates could never pay their way. With the defaults (5,000 points, 400
 * centres, 350 candidates, 2,000 offices, 25 km, k = 40) about 13% of people are beyond 25 km of an
 * office, about 90 candidates could open at all, and k binds. Used by the benchmark and by tests.
 */
import { mulberry32 } from '#core/random';
import { EARTH_RADIUS_KM } from './distance';
import type { Candidate, DemandPoint, ExistingOffice, GeoPoint, SitingInstance } from './types';
import { IRAN_BOUNDS } from './validate';

export interface NationalOptions {
  seed?: number;
  demandPoints?: number;
  centres?: number;
  candidates?: number;
  existing?: number;
  radiusKm?: number;
  k?: number;
  /** Country population spread over the demand points. */
  population?: number;
}

/** The seeded generator the instance is drawn with (re-exported for tests that draw their own). */
export const seededRandom = mulberry32;

export function nationalInstance(options: NationalOptions = {}): SitingInstance {
  const {
    seed = 1403,
    demandPoints = 5_000,
    centres: centreCount = 400,
    candidates: candidateCount = 350,
    existing: existingCount = 2_000,
    radiusKm = 25,
    k = 40,
    population = 85_000_000,
  } = options;
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const inside = (p: GeoPoint): GeoPoint => ({
    lat: Math.min(IRAN_BOUNDS.maxLat, Math.max(IRAN_BOUNDS.minLat, p.lat)),
    lon: Math.min(IRAN_BOUNDS.maxLon, Math.max(IRAN_BOUNDS.minLon, p.lon)),
  });
  const around = (c: GeoPoint, sigmaKm: number): GeoPoint => {
    const dLat = (normal() * sigmaKm) / ((EARTH_RADIUS_KM * Math.PI) / 180);
    const dLon =
      dLat === 0 ? 0 : (normal() * sigmaKm) / (((EARTH_RADIUS_KM * Math.PI) / 180) * Math.cos((c.lat * Math.PI) / 180));
    return inside({ lat: c.lat + dLat, lon: c.lon + dLon });
  };

  // Centres: Pareto-sized (shape 1.1), so a handful hold millions and most hold a few thousand.
  const centres = Array.from({ length: centreCount }, () => ({
    lat: between(IRAN_BOUNDS.minLat + 0.5, IRAN_BOUNDS.maxLat - 0.5),
    lon: between(IRAN_BOUNDS.minLon + 0.5, IRAN_BOUNDS.maxLon - 0.5),
    size: Math.min(400, 1 / (1 - random()) ** (1 / 1.1)),
  }));
  const sizeTotal = centres.reduce((s, c) => s + c.size, 0);

  // Demand points: 85% around the centres (more and wider around larger ones), 15% rural.
  const urbanPoints = Math.round(demandPoints * 0.85);
  const weight = centres.map((c) => Math.sqrt(c.size));
  const weightTotal = weight.reduce((s, w) => s + w, 0);
  const demand: DemandPoint[] = [];
  const urbanPopulation = population * 0.9;
  let placed = 0;
  centres.forEach((c, ci) => {
    const count =
      ci === centres.length - 1
        ? urbanPoints - placed
        : Math.max(1, Math.round((urbanPoints * weight[ci]) / weightTotal));
    placed += count;
    const sigmaKm = 2 + 3 * Math.sqrt(c.size);
    const perPoint = (urbanPopulation * c.size) / sizeTotal / Math.max(1, count);
    for (let t = 0; t < count; t++) {
      demand.push({
        id: `d${demand.length}`,
        ...around(c, sigmaKm),
        population: Math.round(perPoint * between(0.5, 1.5)),
        demandPerPerson: between(0.015, 0.03),
      });
    }
  });
  const ruralPoints = demandPoints - demand.length;
  const ruralEach = (population * 0.1) / Math.max(1, ruralPoints);
  for (let t = 0; t < ruralPoints; t++) {
    const c = centres[Math.floor(random() * centres.length)];
    demand.push({
      id: `d${demand.length}`,
      ...around(c, 45),
      population: Math.round(ruralEach * between(0.3, 1.7)),
      demandPerPerson: between(0.01, 0.025),
    });
  }

  // Existing offices where people are: at demand points drawn with weight population^1.5, so
  // cities are well served and small towns and villages are often not.
  const cumulative: number[] = [];
  demand.reduce((s, d) => {
    cumulative.push(s + d.population ** 1.5);
    return s + d.population ** 1.5;
  }, 0);
  const drawPoint = () => {
    const x = random() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return demand[lo];
  };
  const totalDemand = demand.reduce((s, d) => s + d.population * d.demandPerPerson, 0);
  const perOffice = totalDemand / Math.max(1, existingCount);
  const existing: ExistingOffice[] = Array.from({ length: existingCount }, (_, t) => ({
    id: t + 1,
    ...around(drawPoint(), 3),
    breakEven: Math.round(perOffice * between(0.2, 0.8)),
  }));

  // Candidates at towns: at centres, a few kilometres off their middle.
  const candidates: Candidate[] = Array.from({ length: candidateCount }, (_, t) => ({
    id: `c${t}`,
    ...around(centres[Math.floor(random() * centres.length)], 8),
    breakEven: Math.round(perOffice * between(0.3, 0.8)),
  }));

  return { demand, existing, candidates, radiusKm, k };
}
