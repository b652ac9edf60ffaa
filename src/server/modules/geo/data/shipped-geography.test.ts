import { describe, expect, it } from 'vitest';
import { PROVINCES, capitalCityId } from './provinces';
import { apportionTotal, buildShippedGeography, type GeonamesPlace } from './shipped-geography';

describe('apportionTotal', () => {
  it('splits in proportion and always sums exactly to the total', () => {
    expect(apportionTotal(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportionTotal(100, [3, 1])).toEqual([75, 25]);
    expect(apportionTotal(7, [0, 0])).toEqual([7, 0]);
    const parts = apportionTotal(13_267_637, [7_153_309, 251_834, 179_603, 80_000, 5]);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(13_267_637);
  });
});

describe('buildShippedGeography', () => {
  const shipped = buildShippedGeography();

  it('has 31 provinces, one county per seat and the 440 places, with unique ids', () => {
    expect(shipped.provinces).toHaveLength(31);
    expect(shipped.cities).toHaveLength(440);
    expect(new Set(shipped.cities.map((c) => c.id)).size).toBe(440);
    expect(new Set(shipped.counties.map((c) => c.id)).size).toBe(shipped.counties.length);
    // Ids stay below the generator's synthetic towns (provinceId*1000+901…).
    expect(shipped.cities.every((c) => c.id % 1000 < 900)).toBe(true);
  });

  it('keeps each capital\'s id and Persian name, heading the first county', () => {
    for (const p of PROVINCES) {
      const capital = shipped.cities.find((c) => c.id === capitalCityId(p.id))!;
      expect(capital).toMatchObject({ provinceId: p.id, nameFa: p.capital.fa, countyId: p.id * 1000 + 1 });
    }
  });

  it('puts a place that is not a seat in the nearest seat\'s county of its own province', () => {
    const places: GeonamesPlace[] = [
      { geonamesId: 1, en: 'Capital', lat: 35, lon: 51, population: 100_000, provinceId: 22, seat: 'province' },
      { geonamesId: 2, en: 'Seat', lat: 35, lon: 52, population: 50_000, provinceId: 22, seat: 'county', fa: 'مرکز' },
      { geonamesId: 3, en: 'Near seat', lat: 35.1, lon: 51.9, population: 10_000, provinceId: 22, seat: null },
      ...PROVINCES.filter((p) => p.id !== 22).map((p, i): GeonamesPlace => ({ geonamesId: 100 + i, en: p.en, lat: p.capital.lat, lon: p.capital.lon, population: 1, provinceId: p.id, seat: 'province' })),
    ];
    const g = buildShippedGeography(places);
    const qom = g.cities.filter((c) => c.provinceId === 22);
    expect(qom.map((c) => [c.id, c.countyId, c.nameFa])).toEqual([[22001, 22001, 'قم'], [22002, 22002, 'مرکز'], [22003, 22002, 'Near seat']]);
    const counties = g.counties.filter((c) => c.provinceId === 22);
    // 1,292,283 split 100,000 : 60,000 (the seat and the place near it).
    expect(counties.map((c) => c.population)).toEqual([807_677, 484_606]);
  });
});
