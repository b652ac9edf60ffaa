/**
 * A circle on the Earth as a GeoJSON polygon: the points at `radiusKm` great-circle distance from a
 * centre, so the drawn radius matches the optimizer's coverage (haversine on the same sphere).
 */
import { EARTH_RADIUS_KM } from '#core/siting/distance';

const RAD = Math.PI / 180;

/** The point `distanceKm` from (lat, lon) along `bearing` degrees (0 = north, clockwise). */
export function destination(lat: number, lon: number, distanceKm: number, bearing: number): [number, number] {
  const d = distanceKm / EARTH_RADIUS_KM;
  const φ1 = lat * RAD;
  const λ1 = lon * RAD;
  const θ = bearing * RAD;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return [λ2 / RAD, φ2 / RAD];
}

/** A closed ring of `steps` points (lon, lat) around the centre. */
export function circlePolygon(lat: number, lon: number, radiusKm: number, steps = 64): GeoJSON.Polygon {
  const ring: [number, number][] = [];
  for (let i = 0; i < steps; i++) ring.push(destination(lat, lon, radiusKm, (360 * i) / steps));
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Circles around points as one feature collection, each feature carrying its properties. */
export function circles<P extends GeoJSON.GeoJsonProperties>(
  points: readonly { lat: number; lon: number; properties: P }[],
  radiusKm: number,
): GeoJSON.FeatureCollection<GeoJSON.Polygon, P> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: circlePolygon(p.lat, p.lon, radiusKm),
      properties: p.properties,
    })),
  };
}
