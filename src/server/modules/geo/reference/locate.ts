/**
 * Which province a point lies in, from the shipped (simplified) province boundaries. The shapes are
 * rounded to 0.001° and simplified, so a town on the coast or on a border can fall just outside
 * every polygon: a point within EDGE_TOLERANCE_KM of a province's edge counts as in that province.
 */
import { provinceShapes } from './boundaries';

const EDGE_TOLERANCE_KM = 2;

type Ring = number[][];
interface Shape {
  id: number;
  polygons: Ring[][];
  box: [number, number, number, number];
}

let shapes: Shape[] | null = null;

function loadShapes(): Shape[] {
  if (!shapes) {
    shapes = provinceShapes().features.map((f) => {
      const points = f.geometry.coordinates.flat(2);
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      return {
        id: f.id as number,
        polygons: f.geometry.coordinates,
        box: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      };
    });
  }
  return shapes;
}

/** Even–odd rule on one ring, in (lon, lat). */
function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inShape = (s: Shape, x: number, y: number) =>
  s.polygons.some((poly) => inRing(poly[0], x, y) && !poly.slice(1).some((hole) => inRing(hole, x, y)));

/** Distance in km from the point to the shape's nearest edge (flat projection around the point: fine at 2 km). */
function edgeDistanceKm(s: Shape, lon: number, lat: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  for (const poly of s.polygons)
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lon) * kx;
        const ay = (ring[i - 1][1] - lat) * ky;
        const bx = (ring[i][0] - lon) * kx;
        const by = (ring[i][1] - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  return best;
}

function shapesNear(lat: number, lon: number): Shape[] {
  const margin = 0.03; // ≈ 3 km in degrees, more than the tolerance at Iran's latitudes
  return loadShapes().filter(
    (s) => lon >= s.box[0] - margin && lon <= s.box[2] + margin && lat >= s.box[1] - margin && lat <= s.box[3] + margin,
  );
}

/** The province whose polygon strictly contains the point, without the edge tolerance. */
export function provinceContaining(lat: number, lon: number): number | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return shapesNear(lat, lon).find((s) => inShape(s, lon, lat))?.id ?? null;
}

/** The province containing the point (or within ~2 km of its edge), null outside Iran or for non-numbers. */
export function provinceAt(lat: number, lon: number): number | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const near = shapesNear(lat, lon);
  const inside = near.find((s) => inShape(s, lon, lat));
  if (inside) return inside.id;
  let best: number | null = null;
  let bestKm = EDGE_TOLERANCE_KM;
  for (const s of near) {
    const km = edgeDistanceKm(s, lon, lat);
    if (km <= bestKm) {
      bestKm = km;
      best = s.id;
    }
  }
  return best;
}

export const isInIran = (lat: number, lon: number): boolean => provinceAt(lat, lon) !== null;
