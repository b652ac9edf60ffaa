/**
 * The reference geography every database starts from, derived from the checked-in data files:
 * provinces (1395 census), counties (one per GeoNames county seat) and cities (the 440 GeoNames places).
 * Pure and computed once: the seed inserts these rows and tests compare against them.
 */
import { haversineKm } from '#core/siting/distance';
import { readFileSync } from 'node:fs';
import { projectPath } from '#server/platform/paths';
import { PROVINCES, capitalCityId } from './provinces';

export interface GeonamesPlace {
  geonamesId: number; en: string; lat: number; lon: number; population: number; provinceId: number;
  seat: 'province' | 'county' | null;
  /** The Persian name matched from iran-cities (scripts/geo/build-reference.mjs); absent when no confident match. */
  fa?: string;
}

const CENSUS_1395 = { year: 1395, source: 'census-1395' } as const;
/** County figures are the province's census population split by the GeoNames population of the places in each county. */
const COUNTY_ESTIMATE_SOURCE = 'estimate:census-1395-by-geonames';
const GEONAMES_SOURCE = 'geonames';
const MIN_COUNTY_WEIGHT = 10_000;

interface ShippedProvince {
  id: number; code: string; nameFa: string; nameEn: string; population: number; lat: number; lon: number;
  populationYear: number; populationSource: string;
}
interface ShippedCounty {
  id: number; provinceId: number; nameFa: string; nameEn: string; population: number; lat: number; lon: number;
  populationYear: number; populationSource: string;
}
interface ShippedCity {
  id: number; provinceId: number; countyId: number; nameFa: string; nameEn: string; population: number;
  lat: number; lon: number; geonamesId: number; populationYear: number | null; populationSource: string;
}
export interface ShippedGeography { provinces: ShippedProvince[]; counties: ShippedCounty[]; cities: ShippedCity[] }

export function geonamesPlaces(): GeonamesPlace[] {
  const file = projectPath('src/server/modules/geo/data/geonames-places.json');
  return JSON.parse(readFileSync(file, 'utf8')) as GeonamesPlace[];
}


/** Splits `total` over `weights` in proportion, rounding so the parts sum exactly to `total` (largest remainder). */
export function apportionTotal(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) { if (left <= 0) break; parts[i] += 1; left -= 1; }
  return parts;
}

export function buildShippedGeography(places: GeonamesPlace[] = geonamesPlaces()): ShippedGeography {
  const provinces: ShippedProvince[] = PROVINCES.map((p) => ({
    id: p.id, code: p.code, nameFa: p.fa, nameEn: p.en, population: p.population, lat: p.capital.lat, lon: p.capital.lon,
    populationYear: CENSUS_1395.year, populationSource: CENSUS_1395.source,
  }));
  const counties: ShippedCounty[] = [];
  const cities: ShippedCity[] = [];
  for (const province of PROVINCES) {
    // The data file lists a province's places largest first; the capital keeps its long-standing ids
    // (offices and applications refer to provinceId*1000+1), the rest are numbered in file order.
    const own = places.filter((p) => p.provinceId === province.id);
    const capital = own.find((p) => p.seat === 'province');
    if (!capital) throw new Error(`no GeoNames capital for province ${province.id}`);
    const ordered = [capital, ...own.filter((p) => p !== capital)];
    const seats = ordered.filter((p) => p.seat !== null);
    const countyIdOf = new Map(seats.map((s, n) => [s, province.id * 1000 + n + 1]));
    const cityIdOf = new Map(ordered.map((p, n) => [p, n === 0 ? capitalCityId(province.id) : province.id * 1000 + n + 1]));

    const countyOf = (p: GeonamesPlace): GeonamesPlace => {
      if (p.seat !== null) return p;
      let best = seats[0];
      for (const s of seats) if (haversineKm(p, s) < haversineKm(p, best)) best = s;
      return best;
    };
    const inCounty = new Map<GeonamesPlace, number>(seats.map((s) => [s, 0]));
    for (const p of ordered) { const seat = countyOf(p); inCounty.set(seat, (inCounty.get(seat) ?? 0) + p.population); }
    // A seat GeoNames gives no (or a tiny) figure for still heads a county: count it as a small town.
    const shares = apportionTotal(province.population, seats.map((s) => Math.max(inCounty.get(s) ?? 0, MIN_COUNTY_WEIGHT)));

    seats.forEach((s, n) => {
      const isCapital = s === capital;
      counties.push({
        id: countyIdOf.get(s)!, provinceId: province.id,
        nameFa: isCapital ? province.capital.fa : (s.fa ?? s.en), nameEn: isCapital ? province.capital.en : s.en,
        population: shares[n], lat: s.lat, lon: s.lon, populationYear: CENSUS_1395.year, populationSource: COUNTY_ESTIMATE_SOURCE,
      });
    });
    for (const p of ordered) {
      const isCapital = p === capital;
      cities.push({
        id: cityIdOf.get(p)!, provinceId: province.id, countyId: countyIdOf.get(countyOf(p))!,
        nameFa: isCapital ? province.capital.fa : (p.fa ?? p.en), nameEn: isCapital ? province.capital.en : p.en,
        population: p.population, lat: p.lat, lon: p.lon, geonamesId: p.geonamesId,
        populationYear: null, populationSource: GEONAMES_SOURCE,
      });
    }
  }
  return { provinces, counties, cities };
}

let shipped: ShippedGeography | null = null;
/** Built once per process: every test server seeds it. */
export const shippedGeography = (): ShippedGeography => (shipped ??= buildShippedGeography());
