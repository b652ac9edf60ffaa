import { describe, expect, it } from 'vitest';
import { haversineKm } from './distance';

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
