/**
 * Turning the reference data into the optimizer's instance, pure: demand points with their rate,
 * the existing offices with their break-even, the candidate places (cities without an office and
 * the sites admins added) with the break-even a new office there needs.
 */
import { median } from '#core/network-figures';
import {
  haversineKm,
  type Candidate,
  type DemandPoint,
  type ExistingOffice,
  type GeoPoint,
  type SitingInstance,
} from '#core/siting/index';
import type { BreakEvenSource } from './schemas';

/** A city with an office this close already has one: opening "another" there is not a new location. */
const SAME_PLACE_KM = 1;

export function hasOfficeNear(place: GeoPoint, offices: readonly GeoPoint[], km = SAME_PLACE_KM): boolean {
  return offices.some((o) => haversineKm(place, o) <= km);
}

interface PlaceName {
  fa: string;
  en: string;
}

/** What a candidate id stands for, to name and draw the proposal. */
export interface CandidatePlace {
  id: string;
  kind: 'city' | 'site';
  name: PlaceName;
  provinceId: number;
  lat: number;
  lon: number;
}

export interface InstanceInputs {
  demandPoints: readonly { id: string; provinceId: number; lat: number; lon: number; population: number }[];
  /** Monthly office services per person, per province. */
  rates: ReadonlyMap<number, number>;
  demandPerPerson?: number;
  /** Extra population at a point, with the province it falls in (null: none found, the run's rate applies). */
  extraDemand: readonly { lat: number; lon: number; population: number; provinceId: number | null }[];
  offices: readonly { officeId: number; lat: number; lon: number; breakEvenVolume: number }[];
  cities: readonly { id: number; provinceId: number; nameFa: string; nameEn: string; lat: number; lon: number }[];
  sites: readonly { id: number; provinceId: number; name: string; lat: number; lon: number }[];
  which: 'cities' | 'sites' | 'both';
  /** A new office's break-even in a province. */
  breakEvenOf: (provinceId: number) => number;
  /** The rate for a point whose province has none (the run's province, or the nation's). */
  fallbackRate: number;
  radiusKm: number;
  k: number;
}

export function buildInstance(input: InstanceInputs): {
  instance: SitingInstance;
  places: Map<string, CandidatePlace>;
} {
  const rateOf = (provinceId: number | null) =>
    input.demandPerPerson ?? (provinceId != null ? input.rates.get(provinceId) : undefined) ?? input.fallbackRate;

  const demand: DemandPoint[] = input.demandPoints.map((d) => ({
    id: d.id,
    lat: d.lat,
    lon: d.lon,
    population: d.population,
    demandPerPerson: rateOf(d.provinceId),
  }));
  input.extraDemand.forEach((e, i) => {
    demand.push({
      id: `extra:${i}`,
      lat: e.lat,
      lon: e.lon,
      population: e.population,
      demandPerPerson: rateOf(e.provinceId),
    });
  });

  const existing: ExistingOffice[] = input.offices.map((o) => ({
    id: o.officeId,
    lat: o.lat,
    lon: o.lon,
    breakEven: o.breakEvenVolume,
  }));

  const places = new Map<string, CandidatePlace>();
  if (input.which !== 'sites') {
    for (const c of input.cities) {
      if (hasOfficeNear(c, existing)) continue;
      places.set(`city:${c.id}`, {
        id: `city:${c.id}`,
        kind: 'city',
        name: { fa: c.nameFa, en: c.nameEn },
        provinceId: c.provinceId,
        lat: c.lat,
        lon: c.lon,
      });
    }
  }
  if (input.which !== 'cities') {
    for (const s of input.sites) {
      places.set(`site:${s.id}`, {
        id: `site:${s.id}`,
        kind: 'site',
        name: { fa: s.name, en: s.name },
        provinceId: s.provinceId,
        lat: s.lat,
        lon: s.lon,
      });
    }
  }
  const candidates: Candidate[] = [...places.values()].map((p) => ({
    id: p.id,
    lat: p.lat,
    lon: p.lon,
    breakEven: input.breakEvenOf(p.provinceId),
  }));

  return { instance: { demand, existing, candidates, radiusKm: input.radiusKm, k: input.k }, places };
}

/**
 * The break-even a new office needs in each province: the override, else the median of the
 * province's offices, else its running cost (the cost model) over what a service earns across the
 * nation. Offices with no break-even on record (nothing priced) are left out of the median.
 */
export function breakEvenRule(args: {
  override?: number;
  officesByProvince: ReadonlyMap<number, readonly number[]>;
  costMonthlyOf: (provinceId: number) => number;
  revenuePerServiceRials: number | null;
}): (provinceId: number) => { value: number; source: Exclude<BreakEvenSource, 'per-province'> } {
  return (provinceId) => {
    if (args.override != null) return { value: args.override, source: 'override' };
    const m = median((args.officesByProvince.get(provinceId) ?? []).filter((v) => v > 0));
    if (m != null) return { value: m, source: 'province-median' };
    const rate = args.revenuePerServiceRials;
    return { value: rate && rate > 0 ? Math.ceil(args.costMonthlyOf(provinceId) / rate) : 0, source: 'cost-model' };
  };
}
