/** The shipped province boundaries the map draws: all 31 provinces, as GeoJSON, public and cacheable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /api/v1/geo/boundaries/provinces', () => {
  it('answers the 31 provinces as MultiPolygons keyed by province id, to anyone, cacheable', async () => {
    const res = await t.anonymous().get('/api/v1/geo/boundaries/provinces');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    const body = res.json() as {
      type: string;
      features: { id: number; properties: { id: number }; geometry: { type: string; coordinates: number[][][][] } }[];
    };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    for (const f of body.features) {
      expect(f.properties.id).toBe(f.id);
      expect(f.geometry.type).toBe('MultiPolygon');
      for (const [lon, lat] of f.geometry.coordinates.flat(2)) {
        expect(lon).toBeGreaterThan(43.9);
        expect(lon).toBeLessThan(63.4);
        expect(lat).toBeGreaterThan(25);
        expect(lat).toBeLessThan(39.9);
      }
    }
  });

  it("every province's capital lies inside its own shape (or on its coast, within the 0.001° rounding and simplification)", async () => {
    const { PROVINCES } = await import('#server/modules/geo/data/provinces');
    const shapes = (await t.anonymous().get('/api/v1/geo/boundaries/provinces')).json() as {
      features: { id: number; geometry: { coordinates: number[][][][] } }[];
    };
    const inRing = (ring: number[][], x: number, y: number) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    for (const p of PROVINCES) {
      const shape = shapes.features.find((f) => f.id === p.id)!;
      const inside = shape.geometry.coordinates.some((poly) => inRing(poly[0], p.capital.lon, p.capital.lat));
      const nearEdge = shape.geometry.coordinates
        .flat(2)
        .some(([lon, lat]) => Math.hypot(lon - p.capital.lon, lat - p.capital.lat) < 0.05);
      expect(inside || nearEdge, p.en).toBe(true);
    }
  });
});
