/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the data generator needs.
 * Pure and deterministic: the same seed gives the same sequence on every machine, so a dataset
 * is reproducible from its `--seed`. Not for anything secret.
 */
import { mulberry32 } from '#core/random';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** An index drawn with the given non-negative weights (cumulative weights from `cumulative`). */
  weighted(cumulativeWeights: readonly number[]): number;
}

export { mulberry32 };

/** Mixes a seed with a stream name, so each table draws from its own independent sequence. */
export function deriveSeed(seed: number, stream: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(seed: number, stream = ''): Rng {
  const next = mulberry32(stream ? deriveSeed(seed, stream) : seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(cumulativeWeights) {
      const total = cumulativeWeights[cumulativeWeights.length - 1];
      const x = next() * total;
      // Binary search for the first cumulative weight above x.
      let lo = 0;
      let hi = cumulativeWeights.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulativeWeights[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

export function cumulative(weights: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const w of weights) out.push((sum += w));
  return out;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest-remainder method): the
 * parts always sum to `total`, and each is the floor or the ceiling of its exact share.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('apportion needs a positive total weight');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length].i]++;
  return parts;
}
