/**
 * Sites bucketed into strips of latitude and sorted by longitude inside each strip, so a query
 * measures only to the sites in a small window around the point instead of to every site.
 *
 * The windows rest on two bounds that hold on the sphere, not approximations:
 *  - no great circle is shorter than the difference of its ends' latitudes, so a strip whose
 *    nearest edge is further than the distance sought in latitude can hold nothing;
 *  - hav(d/R) = hav(Δφ) + cos φ₁ cos φ₂ hav(Δλ) ≥ cos φ₁ cos φ₂ hav(Δλ), so inside a strip, whose
 *    sites have cos φ₂ at least the smaller cosine of its edges, a site further in longitude than
 *    2·asin(√(hav(d/R) / (cos φ₁ · that cosine))) is further than d.
 * Distances themselves come from `haversineKm` arithmetic, to the same last bit.
 */
import { EARTH_RADIUS_KM } from './distance';
import type { GeoPoint } from './types';

const RAD = Math.PI / 180;
/** About 28 km of latitude: a point near an office usually looks at one to three strips. */
const STRIP_DEG = 0.25;
/** Rounding can put a site a hair inside a bound; windows are widened by this much. */
const MARGIN_KM = 1e-6;

export class SiteIndex {
  private readonly firstStrip: number;
  /** Per strip (from `firstStrip`): its range in the sorted arrays, and the smaller cosine of its edges. */
  private readonly stripStart: Int32Array;
  private readonly stripCosMin: Float64Array;
  private readonly site: Int32Array;
  private readonly lats: Float64Array;
  private readonly lons: Float64Array;
  private readonly cosLat: Float64Array;

  constructor(sites: readonly GeoPoint[]) {
    // Plain loops over typed arrays: the index is built on every solve, for thousands of offices.
    const n = sites.length;
    const keys = new Int32Array(n);
    const inLons = new Float64Array(n);
    let lowest = Infinity;
    let highest = -Infinity;
    for (let i = 0; i < n; i++) {
      const key = Math.floor(sites[i].lat / STRIP_DEG);
      keys[i] = key;
      inLons[i] = sites[i].lon;
      if (key < lowest) lowest = key;
      if (key > highest) highest = key;
    }
    this.firstStrip = n ? lowest : 0;
    const strips = n ? highest - lowest + 1 : 0;
    // Bucketed by strip in index order, then each strip sorted by longitude (insertion sort: stable,
    // so equal longitudes stay in index order; strips hold tens to a few hundred sites).
    this.stripStart = new Int32Array(strips + 1);
    for (let i = 0; i < n; i++) this.stripStart[keys[i] - this.firstStrip + 1]++;
    for (let s = 0; s < strips; s++) this.stripStart[s + 1] += this.stripStart[s];
    const order = new Int32Array(n);
    const next = this.stripStart.slice(0, strips);
    for (let i = 0; i < n; i++) order[next[keys[i] - this.firstStrip]++] = i;
    for (let s = 0; s < strips; s++) {
      for (let a = this.stripStart[s] + 1; a < this.stripStart[s + 1]; a++) {
        const id = order[a];
        const lon = inLons[id];
        let b = a - 1;
        while (b >= this.stripStart[s] && inLons[order[b]] > lon) {
          order[b + 1] = order[b];
          b--;
        }
        order[b + 1] = id;
      }
    }
    this.site = order;
    this.lats = new Float64Array(n);
    this.lons = new Float64Array(n);
    this.cosLat = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const lat = sites[order[k]].lat;
      this.lats[k] = lat;
      this.lons[k] = inLons[order[k]];
      this.cosLat[k] = Math.cos(lat * RAD);
    }
    this.stripCosMin = new Float64Array(strips);
    for (let s = 0; s < strips; s++) {
      const low = (s + this.firstStrip) * STRIP_DEG;
      this.stripCosMin[s] = Math.max(0, Math.min(Math.cos(low * RAD), Math.cos((low + STRIP_DEG) * RAD)));
    }
  }

  get size(): number {
    return this.site.length;
  }

  /** Same arithmetic as `haversineKm(p, site)`. */
  private km(p: GeoPoint, cosP: number, k: number): number {
    const dLat = (this.lats[k] - p.lat) * RAD;
    const dLon = (this.lons[k] - p.lon) * RAD;
    const s = Math.sin(dLat / 2) ** 2 + cosP * this.cosLat[k] * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
  }

  /** Degrees of longitude beyond which a site of strip `s` is further than `maxKm` from p; Infinity when no bound. */
  private lonWindow(cosP: number, s: number, maxKm: number): number {
    if (!Number.isFinite(maxKm)) return Infinity;
    const angle = (maxKm + MARGIN_KM) / EARTH_RADIUS_KM;
    if (angle >= Math.PI) return Infinity;
    const ratio = Math.sin(angle / 2) ** 2 / (cosP * this.stripCosMin[s]);
    if (!(ratio < 1)) return Infinity;
    return (2 * Math.asin(Math.sqrt(ratio))) / RAD;
  }

  /** The window, or no bound when it would reach past the antimeridian (longitudes there wrap). */
  private unwrapped(p: GeoPoint, window: number): number {
    return p.lon - window > -180 && p.lon + window < 180 ? window : Infinity;
  }

  /** Km from p's latitude to the nearest edge of strip s (0 for p's own strip). */
  private stripGapKm(p: GeoPoint, s: number): number {
    const low = (s + this.firstStrip) * STRIP_DEG;
    const gapDeg = p.lat < low ? low - p.lat : p.lat > low + STRIP_DEG ? p.lat - low - STRIP_DEG : 0;
    return gapDeg * RAD * EARTH_RADIUS_KM;
  }

  /** First position in [from, to) whose longitude is at least `lon`. */
  private lowerBound(from: number, to: number, lon: number): number {
    while (from < to) {
      const mid = (from + to) >>> 1;
      if (this.lons[mid] < lon) from = mid + 1;
      else to = mid;
    }
    return from;
  }

  /**
   * Writes every site with distance ≤ `maxKm` (all of them when infinite) into `sites` and `kms`,
   * which must have room for all sites, and returns how many there are. Buffers rather than a
   * callback: preprocessing asks this once per demand point.
   */
  within(p: GeoPoint, maxKm: number, sites: Int32Array, kms: Float64Array): number {
    const strips = this.stripCosMin.length;
    const cosP = Math.cos(p.lat * RAD);
    let count = 0;
    // Only the strips that the band of latitudes within maxKm touches (one strip wider for rounding).
    const bandDeg = (maxKm + MARGIN_KM) / (RAD * EARTH_RADIUS_KM);
    const first = Number.isFinite(bandDeg)
      ? Math.max(0, Math.floor((p.lat - bandDeg) / STRIP_DEG) - this.firstStrip - 1)
      : 0;
    const last = Number.isFinite(bandDeg)
      ? Math.min(strips - 1, Math.floor((p.lat + bandDeg) / STRIP_DEG) - this.firstStrip + 1)
      : strips - 1;
    for (let s = first; s <= last; s++) {
      if (this.stripGapKm(p, s) > maxKm + MARGIN_KM) continue;
      let from = this.stripStart[s];
      let to = this.stripStart[s + 1];
      const window = this.unwrapped(p, this.lonWindow(cosP, s, maxKm));
      if (Number.isFinite(window)) {
        from = this.lowerBound(from, to, p.lon - window);
        to = this.lowerBound(from, to, p.lon + window + 1e-12);
      }
      for (let k = from; k < to; k++) {
        const km = this.km(p, cosP, k);
        if (km <= maxKm) {
          sites[count] = this.site[k];
          kms[count] = km;
          count++;
        }
      }
    }
    return count;
  }

  // The search in progress of `nearest`, kept in fields rather than closures: this is the hot path.
  private bestSite = -1;
  private bestKm = Infinity;

  /** The nearest site (lowest index among equally near ones), or site -1 at Infinity when empty. */
  nearest(p: GeoPoint): { site: number; km: number } {
    this.bestSite = -1;
    this.bestKm = Infinity;
    const strips = this.stripCosMin.length;
    if (strips === 0) return { site: -1, km: Infinity };
    const cosP = Math.cos(p.lat * RAD);
    const own = Math.min(strips - 1, Math.max(0, Math.floor(p.lat / STRIP_DEG) - this.firstStrip));
    // Strips in order of their latitude gap from p, until the gap passes the best so far.
    for (let down = own, up = own + 1; down >= 0 || up < strips; ) {
      const gapDown = down >= 0 ? this.stripGapKm(p, down) : Infinity;
      const gapUp = up < strips ? this.stripGapKm(p, up) : Infinity;
      const goDown = gapDown <= gapUp;
      if ((goDown ? gapDown : gapUp) > this.bestKm + MARGIN_KM) break;
      this.searchStrip(p, cosP, goDown ? down-- : up++);
    }
    return { site: this.bestSite, km: this.bestKm };
  }

  /** Outward from p's longitude on both sides, until the longitude bound passes the best so far. */
  private searchStrip(p: GeoPoint, cosP: number, s: number): void {
    const from = this.stripStart[s];
    const to = this.stripStart[s + 1];
    if (from === to) return;
    const mid = this.lowerBound(from, to, p.lon);
    let window = this.unwrapped(p, this.lonWindow(cosP, s, this.bestKm));
    for (let left = mid - 1, right = mid; left >= from || right < to; ) {
      const gapLeft = left >= from ? p.lon - this.lons[left] : Infinity;
      const gapRight = right < to ? this.lons[right] - p.lon : Infinity;
      const goLeft = gapLeft <= gapRight;
      if ((goLeft ? gapLeft : gapRight) > window) break;
      const k = goLeft ? left-- : right++;
      const km = this.km(p, cosP, k);
      const site = this.site[k];
      if (km < this.bestKm || (km === this.bestKm && site < this.bestSite)) {
        this.bestSite = site;
        this.bestKm = km;
        window = this.unwrapped(p, this.lonWindow(cosP, s, km));
      }
    }
  }
}
