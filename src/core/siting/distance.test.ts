import { describe, expect, it } from 'vitest';
import { haversineKm, LatitudeIndex } from './distance';
import { seededRandom } from './national-instance';

const TEHRAN = { lat: 35.6892, lon: 51.389 };
const MASHHAD = { lat: 36.2605, lon: 59.6168 };
const ISFAHAN = { lat: 32.6546, lon: 51.668 };

describe('haversineKm', () => {
  it('measures known city pairs', () => {
    expect(haversineKm(TEHRAN, MASHHAD)).toBeGreaterThan(735);
    expect(haversineKm(TEHRAN, MASHHAD)).toBeLessThan(745);
    expect(haversineKm(TEHRAN, ISFAHAN)).toBeGreaterThan(335);
    expect(haversineKm(TEHRAN, ISFAHAN)).toBeLessThan(345);
  });

  it('is zero for a point and symmetric', () => {
    expect(haversineKm(TEHRAN, TEHRAN)).toBe(0);
    expect(haversineKm(TEHRAN, ISFAHAN)).toBeCloseTo(haversineKm(ISFAHAN, TEHRAN), 9);
  });
});

describe('LatitudeIndex', () => {
  const random = seededRandom(7);
  const sites = Array.from({ length: 300 }, () => ({ lat: 25 + 15 * random(), lon: 44 + 19.5 * random() }));
  const queries = Array.from({ length: 200 }, () => ({ lat: 25 + 15 * random(), lon: 44 + 19.5 * random() }));
  const index = new LatitudeIndex(sites);

  it('finds the same nearest site as measuring to all of them, with the same distance', () => {
    for (const q of queries) {
      let best = -1;
      let bestKm = Infinity;
      sites.forEach((s, k) => { const km = haversineKm(q, s); if (km < bestKm) { best = k; bestKm = km; } });
      expect(index.nearest(q)).toEqual({ site: best, km: bestKm });
    }
  });

  it('lists exactly the sites within a distance', () => {
    for (const q of queries) {
      const found: number[] = [];
      index.within(q, 120, (k) => found.push(k));
      const expected = sites.flatMap((s, k) => (haversineKm(q, s) <= 120 ? [k] : []));
      expect(found.sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('breaks ties towards the lower index and answers -1 when empty', () => {
    const twin = new LatitudeIndex([{ lat: 30, lon: 50 }, { lat: 31, lon: 50 }, { lat: 30, lon: 50 }]);
    expect(twin.nearest({ lat: 30, lon: 50.1 }).site).toBe(0);
    expect(new LatitudeIndex([]).nearest(TEHRAN)).toEqual({ site: -1, km: Infinity });
  });
});
