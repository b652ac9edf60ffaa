import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon } from 'geojson';

export type ProvinceBoundaries = FeatureCollection<MultiPolygon, { id: number }>;

let cached: { json: string; parsed: ProvinceBoundaries } | null = null;

function load() {
  if (!cached) {
    const json = readFileSync(fileURLToPath(new URL('../data/provinces.geo.json', import.meta.url)), 'utf8');
    cached = { json, parsed: JSON.parse(json) as ProvinceBoundaries };
  }
  return cached;
}

/** The shipped province boundaries as the JSON text served to the map (read once). */
export const provinceBoundaries = (): string => load().json;

/** The same shapes parsed, for point-in-province checks on the server. */
export const provinceShapes = (): ProvinceBoundaries => load().parsed;
