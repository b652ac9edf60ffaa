/**
 * Great-circle distances on a spherical Earth, and a latitude-sorted index that finds the sites
 * near a point without measuring to every site.
 */
import type { GeoPoint } from './types';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Haversine great-circle distance in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * The distance along a meridian between two latitudes. No great circle between two points is
 * shorter than the difference of their latitudes, so this is a safe lower bound for pruning.
 */
function latitudeGapKm(latA: number, latB: number): number {
  return Math.abs(latA - latB) * RAD * EARTH_RADIUS_KM;
}

// Rounding in `haversineKm` can put a site a hair inside the latitude bound; scan that much further.
const SCAN_MARGIN_KM = 1e-6;

/** Sites sorted by latitude: a band of latitudes holds every site within a distance. */
export class LatitudeIndex {
  private readonly order: Int32Array;
  private readonly lats: Float64Array;
  // Per sorted position, what the haversine needs of the site, worked out once.
  private readonly lons: Float64Array;
  private readonly cosLat: Float64Array;

  constructor(sites: readonly GeoPoint[]) {
    const order = Array.from(sites.keys()).sort((a, b) => sites[a].lat - sites[b].lat || a - b);
    this.order = Int32Array.from(order);
    this.lats = Float64Array.from(order, (i) => sites[i].lat);
    this.lons = Float64Array.from(order, (i) => sites[i].lon);
    this.cosLat = Float64Array.from(order, (i) => Math.cos(sites[i].lat * RAD));
  }

  get size(): number { return this.order.length; }

  /** First position whose latitude is at least `lat`. */
  private lowerBound(lat: number): number {
    let lo = 0;
    let hi = this.lats.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lats[mid] < lat) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** The same arithmetic as `haversineKm`, so both give the same distance to the last bit. */
  private km(p: GeoPoint, cosLat: number, k: number): number {
    const dLat = (this.lats[k] - p.lat) * RAD;
    const dLon = (this.lons[k] - p.lon) * RAD;
    const s = Math.sin(dLat / 2) ** 2 + cosLat * this.cosLat[k] * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
  }

  /** Calls `visit(siteIndex, km)` for every site with distance ≤ `maxKm` (all of them when infinite). */
  within(p: GeoPoint, maxKm: number, visit: (site: number, km: number) => void): void {
    const bandDeg = Number.isFinite(maxKm) ? (maxKm + SCAN_MARGIN_KM) / (RAD * EARTH_RADIUS_KM) : Infinity;
    const start = Number.isFinite(bandDeg) ? this.lowerBound(p.lat - bandDeg) : 0;
    const top = p.lat + bandDeg;
    const cosLat = Math.cos(p.lat * RAD);
    for (let k = start; k < this.lats.length && this.lats[k] <= top; k++) {
      const km = this.km(p, cosLat, k);
      if (km <= maxKm) visit(this.order[k], km);
    }
  }

  /** The nearest site (lowest index among equally near ones), or site -1 at Infinity when empty. */
  nearest(p: GeoPoint): { site: number; km: number } {
    let best = -1;
    let bestKm = Infinity;
    let down = this.lowerBound(p.lat) - 1;
    let up = down + 1;
    const n = this.lats.length;
    const cosLat = Math.cos(p.lat * RAD);
    while (down >= 0 || up < n) {
      // Walk outward from p's latitude, always on the side whose next site is closer in latitude.
      const gapDown = down >= 0 ? latitudeGapKm(p.lat, this.lats[down]) : Infinity;
      const gapUp = up < n ? latitudeGapKm(p.lat, this.lats[up]) : Infinity;
      const goDown = gapDown <= gapUp;
      if ((goDown ? gapDown : gapUp) > bestKm + SCAN_MARGIN_KM) break;
      const k = goDown ? down-- : up++;
      const km = this.km(p, cosLat, k);
      const site = this.order[k];
      if (km < bestKm || (km === bestKm && site < best)) { best = site; bestKm = km; }
    }
    return { site: best, km: bestKm };
  }
}
