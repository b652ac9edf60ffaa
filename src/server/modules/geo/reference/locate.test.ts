import { describe, expect, it } from 'vitest';
import { PROVINCES } from '#server/modules/geo/data/provinces';
import { geonamesPlaces } from '#server/modules/geo/data/shipped-geography';
import { isInIran, provinceAt, provinceContaining } from './locate';

describe('provinceAt', () => {
  it('finds the province of well-known cities', () => {
    expect(provinceAt(35.6892, 51.389)).toBe(1); // Tehran
    expect(provinceAt(29.5918, 52.5837)).toBe(4); // Shiraz
    expect(provinceAt(36.2605, 59.6168)).toBe(2); // Mashhad
    expect(provinceAt(34.6416, 50.8746)).toBe(22); // Qom
  });

  it('puts every capital in its own province (coastal ones within the tolerance)', () => {
    for (const p of PROVINCES) expect(provinceAt(p.capital.lat, p.capital.lon), p.en).toBe(p.id);
  });

  it("agrees with the shipped places' provinces for nearly all of them", () => {
    const places = geonamesPlaces();
    const agree = places.filter((p) => provinceAt(p.lat, p.lon) === p.provinceId).length;
    expect(agree / places.length).toBeGreaterThan(0.97);
  });

  it('accepts a point just off the simplified coast south of Bandar Abbas, not one 5 km out', () => {
    // Walk south from the city to the first point outside every polygon: it is within the tolerance.
    let lat = 27.19;
    while (provinceContaining(lat, 56.27) !== null) lat -= 0.001;
    expect(provinceAt(lat, 56.27)).toBe(18);
    expect(provinceAt(lat - 0.05, 56.27)).toBeNull();
  });

  it('says null outside Iran: Baghdad, Kabul, the middle of the Caspian, the Gulf far out, bad numbers', () => {
    expect(provinceAt(33.3152, 44.3661)).toBeNull();
    expect(provinceAt(34.5553, 69.2075)).toBeNull();
    expect(provinceAt(40.0, 51.0)).toBeNull();
    expect(provinceAt(26.0, 52.5)).toBeNull();
    expect(provinceAt(Number.NaN, 51)).toBeNull();
    expect(isInIran(35.7, 51.4)).toBe(true);
    expect(isInIran(48.85, 2.35)).toBe(false);
  });
});
