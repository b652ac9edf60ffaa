import { describe, expect, it } from 'vitest';
import { haversineKm } from './distance';
import { seededRandom } from './national-instance';
import { SiteIndex } from './site-index';
import type { GeoPoint } from './types';

const TEHRAN = { lat: 35.6892, lon: 51.389 };

/** The sites within a distance and their distances, as pairs. */
function within(index: SiteIndex, q: GeoPoint, maxKm: number): [number, number][] {
  const sites = new Int32Array(index.size);
  const kms = new Float64Array(index.size);
  const count = index.within(q, maxKm, sites, kms);
  return Array.from({ length: count }, (_, f) => [sites[f], kms[f]]);
}

function bruteNearest(q: GeoPoint, sites: GeoPoint[]) {
  let site = -1;
  let km = Infinity;
  sites.forEach((s, k) => {
    const d = haversineKm(q, s);
    if (d < km) {
      site = k;
      km = d;
    }
  });
  return { site, km };
}

describe('SiteIndex', () => {
  const random = seededRandom(7);
  const anywhere = () => ({ lat: 25 + 15 * random(), lon: 44 + 19.5 * random() });
  // Scattered sites, a dense cluster, sites exactly on strip edges, and exact duplicates.
  const sites: GeoPoint[] = [
    ...Array.from({ length: 300 }, anywhere),
    ...Array.from({ length: 100 }, () => ({ lat: 35.6 + 0.2 * random(), lon: 51.3 + 0.2 * random() })),
    ...Array.from({ length: 20 }, (_, t) => ({ lat: 30 + 0.25 * t, lon: 50 + 0.1 * t })),
    { lat: 32.5, lon: 53 },
    { lat: 32.5, lon: 53 },
  ];
  const queries: GeoPoint[] = [
    ...Array.from({ length: 300 }, anywhere),
    ...Array.from({ length: 50 }, () => ({ lat: 35.5 + 0.4 * random(), lon: 51.2 + 0.4 * random() })),
    { lat: 32.5, lon: 53 },
    { lat: 30.25, lon: 50.1 },
    { lat: 45, lon: 40 },
    { lat: 20, lon: 70 },
  ];
  const index = new SiteIndex(sites);

  it('finds the same nearest site as measuring to all of them, with the same distance', () => {
    for (const q of queries) expect(index.nearest(q)).toEqual(bruteNearest(q, sites));
  });

  it('lists exactly the sites within a distance, for small and large distances', () => {
    let wrongDistances = 0;
    for (const radius of [0, 5, 25, 120, 1500]) {
      for (const q of queries) {
        const found: number[] = [];
        for (const [k, km] of within(index, q, radius)) {
          found.push(k);
          if (km !== haversineKm(q, sites[k])) wrongDistances++;
        }
        const expected = sites.flatMap((s, k) => (haversineKm(q, s) <= radius ? [k] : []));
        expect(found.sort((a, b) => a - b)).toEqual(expected);
      }
    }
    expect(wrongDistances).toBe(0);
  });

  it('lists every site when the distance is unbounded', () => {
    expect(within(index, TEHRAN, Infinity)).toHaveLength(sites.length);
  });

  it('breaks ties towards the lower index and answers -1 when empty', () => {
    expect(index.nearest({ lat: 32.5, lon: 53 }).site).toBe(420);
    const twin = new SiteIndex([
      { lat: 30, lon: 50.25 },
      { lat: 31, lon: 50 },
      { lat: 30, lon: 49.75 },
    ]);
    expect(twin.nearest({ lat: 30, lon: 50 }).site).toBe(0);
    const twinReversed = new SiteIndex([
      { lat: 31, lon: 50 },
      { lat: 30, lon: 49.75 },
      { lat: 30, lon: 50.25 },
    ]);
    expect(twinReversed.nearest({ lat: 30, lon: 50 }).site).toBe(1);
    expect(new SiteIndex([]).nearest(TEHRAN)).toEqual({ site: -1, km: Infinity });
  });

  it('finds sites across the antimeridian', () => {
    const far = new SiteIndex([
      { lat: 10, lon: 179.9 },
      { lat: 10, lon: 170 },
    ]);
    expect(far.nearest({ lat: 10, lon: -179.9 }).site).toBe(0);
    expect(within(far, { lat: 10, lon: -179.9 }, 50).map(([k]) => k)).toEqual([0]);
  });
});
