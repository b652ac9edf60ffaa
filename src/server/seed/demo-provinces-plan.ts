/**
 * Where the demo network's offices beyond its first seven stand, and how much each province's new
 * offices do in a month. Pure: the loader (demo-provinces.ts) inserts what this plans, and the
 * unit test checks it against the shipped geography.
 *
 * Every province gets offices at its own largest places from the shipped geography (the capital
 * first), a few by population; provinces that already hold demo offices keep their numbering and
 * places, so the seven demo offices, their staff and their sign-ins stay as they are. A province's
 * new offices carry a volume in proportion to its 1395 census population, so the map, viability,
 * siting and the statistics rank provinces as their populations rank.
 */
import { toPersianDigits } from '#core/persian-digits';
import { nextOfficeCode } from '#core/office-licensing';
import type { ShippedGeography } from '#server/modules/geo/data/shipped-geography';
import { capitalCityId } from '#server/modules/geo/data/provinces';
import { AREA_CODES } from './generator/plan';
import { STREETS } from './generator/names';

export interface DemoProvinceOffice {
  code: string;
  nameFa: string;
  nameEn: string;
  provinceId: number;
  cityId: number;
  address: string;
  phone: string;
  lat: number;
  lon: number;
}

/**
 * Services a month, office and online together, per million people in a province's new offices.
 * Low on purpose: the seeded demo is the template every test clones, so its rows are kept few, and
 * at this rate the most populous province without a demo office (Khuzestan, 4.7 M) stays below
 * Fars with its one office at Shiraz, as their populations stand.
 */
const NEW_OFFICE_SERVICES_PER_MILLION = 20;

/**
 * Khorasan Razavi is the second province by population but its one demo office (Mashhad) does
 * less than Isfahan's two; its new offices at Sabzevar and Neyshabur bring it between Isfahan and
 * Tehran, where its population puts it.
 */
const EXTRA_MONTHLY: Record<number, number> = { 2: 1200 };

/** Provinces whose demo offices already stand: new offices there are added only where a province's rank asks for them. */
const SETTLED = new Set([1, 3, 4]);

/** How many new offices a province without demo offices gets: a few, more for larger provinces. */
export function newOfficeCount(population: number): number {
  if (population >= 3_000_000) return 3;
  if (population >= 1_200_000) return 2;
  return 1;
}

/** A place name the shipped geography carries in Persian (some GeoNames places have only a Latin name). */
const hasPersianName = (c: { nameFa: string }) => /[\u0600-\u06FF]/.test(c.nameFa);

/** "Borūjerd" → "Borujerd": English names without the transliteration marks. */
const plainLatin = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'");

/**
 * The new demo offices, province by province: places largest first, the capital first of all
 * (except where a demo office already stands in the capital), each office at its place with the
 * next licence number of its province's series.
 */
export function demoProvinceOffices(
  geography: ShippedGeography,
  existing: readonly { code: string; provinceId: number }[],
): DemoProvinceOffice[] {
  const codes = existing.map((o) => o.code);
  const out: DemoProvinceOffice[] = [];
  for (const province of geography.provinces) {
    const hasDemoOffice = existing.some((o) => o.provinceId === province.id);
    if (SETTLED.has(province.id)) continue;
    const count = hasDemoOffice ? 2 : newOfficeCount(province.population);
    const capital = capitalCityId(province.id);
    const places = geography.cities
      .filter((c) => c.provinceId === province.id && hasPersianName(c))
      .filter((c) => !(hasDemoOffice && c.id === capital))
      .sort((a, b) => Number(b.id === capital) - Number(a.id === capital) || b.population - a.population || a.id - b.id)
      .slice(0, count);
    places.forEach((place, i) => {
      const code = nextOfficeCode(province.id, codes);
      codes.push(code);
      const [streetFa] = STREETS[(province.id + i) % STREETS.length];
      const number = 10 + ((province.id * 37 + i * 11) % 190);
      out.push({
        code,
        nameFa: `دفتر خدمات الکترونیک قضایی ${toPersianDigits(code)} — ${place.nameFa}`,
        nameEn: `Judicial e-services office ${code} — ${plainLatin(place.nameEn)}`,
        provinceId: province.id,
        cityId: place.id,
        address: `${place.nameFa}، خیابان ${streetFa}، پلاک ${toPersianDigits(number)}`,
        phone: `${AREA_CODES[province.id]}-${33_000_000 + province.id * 1000 + i * 100}`,
        lat: place.lat,
        lon: place.lon,
      });
    });
  }
  return out;
}

/**
 * What a province's new offices do in a year, office and online together. Rounded over the year,
 * not per month, so two provinces whose populations differ by a few thousand still differ.
 */
export function newOfficesYearlyVolume(provinceId: number, population: number): number {
  const monthly = EXTRA_MONTHLY[provinceId] ?? (NEW_OFFICE_SERVICES_PER_MILLION * population) / 1_000_000;
  return Math.round(12 * monthly);
}
