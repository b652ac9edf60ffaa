import { describe, expect, it } from 'vitest';
import {
  breakEvenVolume,
  demandPerOffice,
  distanceKm,
  farPopulation,
  median,
  per100k,
  saturation,
  share,
  viabilityStatus,
} from './network-figures';

describe('viabilityStatus', () => {
  it('below under cost, marginal within 10 % above, viable beyond', () => {
    expect(viabilityStatus(99, 100)).toBe('below');
    expect(viabilityStatus(100, 100)).toBe('marginal');
    expect(viabilityStatus(109.9, 100)).toBe('marginal');
    expect(viabilityStatus(110, 100)).toBe('viable');
    expect(viabilityStatus(0, 0)).toBe('viable');
  });
});

describe('figures', () => {
  it('break-even volume rounds up; nothing when a service earns nothing', () => {
    expect(breakEvenVolume(1000, 300)).toBe(4);
    expect(breakEvenVolume(900, 300)).toBe(3);
    expect(breakEvenVolume(900, 0)).toBeNull();
  });
  it('per 100,000 and per office', () => {
    expect(per100k(3, 13_267_637)).toBeCloseTo(0.02, 2);
    expect(per100k(5, 100_000)).toBe(5);
    expect(per100k(1, 0)).toBeNull();
    expect(per100k(1, null)).toBeNull();
    expect(demandPerOffice(2500, 3)).toBe(833.3);
    expect(demandPerOffice(10, 0)).toBeNull();
  });
  it('saturation: offices over the offices demand keeps at break-even, with thresholds 0.8 and 1.25', () => {
    expect(saturation(2, 2000, 1000)).toEqual({ value: 1, status: 'balanced' });
    expect(saturation(1, 2000, 1000)).toEqual({ value: 0.5, status: 'under-served' });
    expect(saturation(0, 2000, 1000)).toEqual({ value: 0, status: 'under-served' });
    expect(saturation(3, 2000, 1000)).toEqual({ value: 1.5, status: 'saturated' });
    expect(saturation(1, 0, 1000)).toEqual({ value: null, status: 'saturated' });
    expect(saturation(0, 0, 1000)).toEqual({ value: null, status: null });
    expect(saturation(1, 100, 0)).toEqual({ value: null, status: null });
  });
  it('median and share', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(share(1, 3)).toBe(0.3333);
    expect(share(1, 0)).toBeNull();
  });
});

describe('farPopulation', () => {
  const tehran = { lat: 35.6892, lon: 51.389 };
  const karaj = { lat: 35.8327, lon: 50.9915 };
  it('measures great-circle distance (Tehran–Karaj about 39 km)', () => {
    expect(distanceKm(tehran, karaj)).toBeGreaterThan(36);
    expect(distanceKm(tehran, karaj)).toBeLessThan(42);
  });
  it('counts the people whose nearest office is farther than the limit', () => {
    const places = [
      { ...tehran, population: 900 },
      { ...karaj, population: 100 },
    ];
    expect(farPopulation(places, [tehran], 20)).toEqual({ population: 1000, far: 100 });
    expect(farPopulation(places, [tehran], 50)).toEqual({ population: 1000, far: 0 });
    expect(farPopulation(places, [], 50)).toEqual({ population: 1000, far: 1000 });
    expect(farPopulation(places, [karaj, tehran], 1)).toEqual({ population: 1000, far: 0 });
  });
  it('agrees with measuring to every office', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const offices = Array.from({ length: 60 }, () => ({ lat: 25 + rnd() * 15, lon: 44 + rnd() * 19 }));
    const places = Array.from({ length: 300 }, () => ({
      lat: 25 + rnd() * 15,
      lon: 44 + rnd() * 19,
      population: 1 + Math.floor(rnd() * 100),
    }));
    for (const limit of [0, 20, 80, 250]) {
      const brute = places
        .filter((p) => !offices.some((o) => distanceKm(p, o) <= limit))
        .reduce((a, p) => a + p.population, 0);
      expect(farPopulation(places, offices, limit).far).toBe(brute);
    }
  });
});
