import { describe, expect, it } from 'vitest';
import { breakEvenRule, buildInstance, hasOfficeNear, type InstanceInputs } from './instance';

const base: InstanceInputs = {
  demandPoints: [
    { id: 'city:1', provinceId: 3, lat: 32.65, lon: 51.67, population: 2_000_000 },
    { id: 'county:9', provinceId: 3, lat: 33.98, lon: 51.43, population: 300_000 },
  ],
  rates: new Map([[3, 0.001]]),
  extraDemand: [],
  offices: [{ officeId: 4, lat: 32.65, lon: 51.67, breakEvenVolume: 850 }],
  cities: [
    // Isfahan itself has an office at the same point; Kashan has none.
    { id: 1, provinceId: 3, nameFa: 'اصفهان', nameEn: 'Isfahan', lat: 32.652, lon: 51.671 },
    { id: 2, provinceId: 3, nameFa: 'کاشان', nameEn: 'Kashan', lat: 33.98, lon: 51.43 },
  ],
  sites: [{ id: 7, provinceId: 3, name: 'شهرک نو', lat: 33.6, lon: 51.6 }],
  which: 'both',
  breakEvenOf: () => 500,
  fallbackRate: 0.0005,
  radiusKm: 15,
  k: 2,
};

describe("the optimizer's instance from the reference data", () => {
  it('offers cities without an office within a kilometre and the added sites, each with the break-even of its province', () => {
    const { instance, places } = buildInstance(base);
    expect(instance.candidates.map((c) => c.id)).toEqual(['city:2', 'site:7']);
    expect(instance.candidates.every((c) => c.breakEven === 500)).toBe(true);
    expect(places.get('site:7')).toMatchObject({ kind: 'site', name: { fa: 'شهرک نو' }, provinceId: 3 });
    expect(instance.existing).toEqual([{ id: 4, lat: 32.65, lon: 51.67, breakEven: 850 }]);
  });

  it('offers only the kind asked for', () => {
    expect(buildInstance({ ...base, which: 'cities' }).instance.candidates.map((c) => c.id)).toEqual(['city:2']);
    expect(buildInstance({ ...base, which: 'sites' }).instance.candidates.map((c) => c.id)).toEqual(['site:7']);
  });

  it("demand per person is the province's rate, an override for everyone, or the fallback where a province has none", () => {
    const extra = [{ lat: 30.3, lon: 57.0, population: 1000, provinceId: 8 }];
    const { instance } = buildInstance({ ...base, extraDemand: extra });
    expect(instance.demand.map((d) => d.demandPerPerson)).toEqual([0.001, 0.001, 0.0005]);
    expect(instance.demand[2]).toMatchObject({ id: 'extra:0', population: 1000 });
    const overridden = buildInstance({ ...base, extraDemand: extra, demandPerPerson: 0.002 }).instance;
    expect(overridden.demand.every((d) => d.demandPerPerson === 0.002)).toBe(true);
  });

  it('a place within a kilometre of an office has one; two kilometres away does not', () => {
    expect(hasOfficeNear({ lat: 32.65, lon: 51.67 }, [{ lat: 32.658, lon: 51.67 }])).toBe(true);
    expect(hasOfficeNear({ lat: 32.65, lon: 51.67 }, [{ lat: 32.668, lon: 51.67 }])).toBe(false);
  });
});

describe("a new office's break-even", () => {
  const rule = (override?: number) =>
    breakEvenRule({
      override,
      officesByProvince: new Map([
        [3, [800, 0, 1000, 900]],
        [5, [0]],
      ]),
      costMonthlyOf: (p) => (p === 5 ? 700_000_000 : 0),
      revenuePerServiceRials: 1_000_000,
    });

  it("is the median of the province's offices, leaving out those with nothing priced", () => {
    expect(rule()(3)).toEqual({ value: 900, source: 'province-median' });
  });

  it("is the cost model over the nation's revenue per service where the province has no office with a break-even", () => {
    expect(rule()(5)).toEqual({ value: 700, source: 'cost-model' });
    expect(rule()(9)).toEqual({ value: 0, source: 'cost-model' });
  });

  it('is the override when one is given', () => {
    expect(rule(42)(3)).toEqual({ value: 42, source: 'override' });
  });
});
