import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { projectPath } from '#server/platform/paths';

export type ProvinceBoundaries = FeatureCollection<MultiPolygon, { id: number }>;

let cached: { json: string; parsed: ProvinceBoundaries } | null = null;

function load() {
  if (!cached) {
    const json = readFileSync(projectPath('src/server/modules/geo/data/provinces.geo.json'), 'utf8');
    cached = { json, parsed: JSON.parse(json) as ProvinceBoundaries };
  }
  return cached;
}

/** The shipped province boundaries as the JSON text served to the map (read once). */
export const provinceBoundaries = (): string => load().json;

/** The same shapes parsed, for point-in-province checks on the server. */
export const provinceShapes = (): ProvinceBoundaries => load().parsed;
