/**
 * The network map's figures, pure: offices per 100,000 people, demand per office, the share of
 * people far from an office, a county's saturation, and an office's viability.
 *
 * Thresholds (also in docs/api.md, "Network map and viability"):
 * - viability: revenue ≥ 110 % of cost → `viable`; 100 %–110 % → `marginal` (covers its cost with
 *   less than a tenth to spare: a small fall in volume or a rise in costs puts it under);
 *   under 100 % → `below` (below break-even).
 * - saturation = offices ÷ (demand ÷ typical break-even volume), i.e. the offices there are over the
 *   offices the demand could keep at break-even: under 0.8 → `under-served` (demand for more offices
 *   than there are), 0.8–1.25 → `balanced`, over 1.25 → `saturated` (more offices than the demand keeps).
 */
import { EARTH_RADIUS_KM, haversineKm } from './siting/distance';

const RAD = Math.PI / 180;

export type ViabilityStatus = 'viable' | 'marginal' | 'below';

/** Revenue at or above cost by less than this share is marginal. */
const MARGINAL_BAND = 0.1;

export function viabilityStatus(revenueRials: number, costRials: number): ViabilityStatus {
  if (revenueRials < costRials) return 'below';
  return revenueRials < costRials + costRials * MARGINAL_BAND ? 'marginal' : 'viable';
}

/** Services a month that cover the cost at this revenue per service (rounded up); null when a service earns nothing. */
export function breakEvenVolume(costRials: number, revenuePerServiceRials: number): number | null {
  if (!(revenuePerServiceRials > 0)) return null;
  return Math.ceil(costRials / revenuePerServiceRials);
}

/** Offices per 100,000 people (two decimals); null when the population is unknown or zero. */
export function per100k(count: number, population: number | null | undefined): number | null {
  if (!population || population <= 0) return null;
  return Math.round((count / population) * 100_000 * 100) / 100;
}

/** Demand per office (one decimal); null when there is no office. */
export function demandPerOffice(demand: number, offices: number): number | null {
  return offices > 0 ? Math.round((demand / offices) * 10) / 10 : null;
}

export type SaturationStatus = 'under-served' | 'balanced' | 'saturated';

const SATURATION_LOW = 0.8;
const SATURATION_HIGH = 1.25;

/**
 * Offices over the offices the demand keeps at break-even. No demand: null (nothing to judge,
 * unless there are offices, which is saturated by definition, reported as Infinity → status only).
 */
export function saturation(
  offices: number,
  demandMonthly: number,
  typicalBreakEven: number,
): { value: number | null; status: SaturationStatus | null } {
  if (!(typicalBreakEven > 0)) return { value: null, status: null };
  const sustainable = demandMonthly / typicalBreakEven;
  if (sustainable <= 0) return { value: null, status: offices > 0 ? 'saturated' : null };
  const value = Math.round((offices / sustainable) * 100) / 100;
  const status: SaturationStatus =
    value < SATURATION_LOW ? 'under-served' : value > SATURATION_HIGH ? 'saturated' : 'balanced';
  return { value, status };
}

/** The median of some numbers (the typical break-even volume); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface PlacePoint {
  lat: number;
  lon: number;
  population: number;
}
export interface OfficePoint {
  lat: number;
  lon: number;
}

/** Great-circle distance, km: the siting optimizer's own, so the map and the optimizer agree. */
export const distanceKm = haversineKm;

/**
 * People (of these places) whose nearest office is farther than `distanceKm`: the population
 * total and the far part. No office at all: everyone is far. Offices are sorted by latitude once,
 * so each place only measures to offices within the latitude band.
 */
export function farPopulation(
  places: readonly PlacePoint[],
  offices: readonly OfficePoint[],
  limitKm: number,
): { population: number; far: number } {
  const sorted = [...offices].sort((a, b) => a.lat - b.lat);
  const bandDeg = limitKm / (RAD * EARTH_RADIUS_KM) + 1e-9;
  let population = 0,
    far = 0;
  for (const p of places) {
    population += p.population;
    let near = false;
    // First office with lat ≥ p.lat - band (binary search), then scan while lat ≤ p.lat + band.
    let lo = 0,
      hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].lat < p.lat - bandDeg) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i].lat <= p.lat + bandDeg; i++) {
      if (distanceKm(p, sorted[i]) <= limitKm) {
        near = true;
        break;
      }
    }
    if (!near) far += p.population;
  }
  return { population, far };
}

/** A share 0–1 with four decimals; null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
