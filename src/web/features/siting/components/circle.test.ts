import { describe, expect, it } from 'vitest';
import { haversineKm } from '#core/siting/distance';
import { circlePolygon, destination } from './circle';

describe('circle around a proposed office', () => {
  it("every point of the ring lies at the radius from the centre, by the optimizer's own distance", () => {
    const ring = circlePolygon(32.65, 51.67, 25).coordinates[0];
    for (const [lon, lat] of ring) expect(haversineKm({ lat: 32.65, lon: 51.67 }, { lat, lon })).toBeCloseTo(25, 6);
  });

  it('the ring is closed and has the asked number of points', () => {
    const ring = circlePolygon(35.7, 51.4, 10, 32).coordinates[0];
    expect(ring).toHaveLength(33);
    expect(ring[32]).toEqual(ring[0]);
  });

  it('north is north: a bearing of 0 moves only the latitude', () => {
    const [lon, lat] = destination(30, 50, 111.2, 0);
    expect(lon).toBeCloseTo(50, 9);
    expect(lat).toBeCloseTo(31, 1);
  });
});
