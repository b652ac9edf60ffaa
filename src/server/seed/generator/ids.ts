/**
 * Identifiers for synthetic people: valid, unique national IDs drawn from a bijection (no lookups,
 * no collisions at any scale), mobile numbers, postal codes and judicial IDs.
 */
import { isValidNationalId, makeNationalId } from '#core/identifiers';
import type { Rng } from './prng';

const SPACE = 1_000_000_000;
// Odd and not a multiple of 5, so multiplying by it permutes 0..10^9-1.
const A = 387_420_489;
const B = 123_456_789;
const REGION = 200_000_000;

/** (a * b) mod 10^9 without losing precision past 2^53. */
function mulmod(a: number, b: number): number {
  const hi = Math.floor(a / 100_000);
  const lo = a % 100_000;
  return (((hi * b) % SPACE) * 100_000 + lo * b) % SPACE;
}

function permute(j: number): string {
  return String((mulmod(A, j) + B) % SPACE).padStart(9, '0');
}

/** Index ranges that never overlap: citizens and staff draw from their own. */
export const ID_STREAMS = { citizen: 0, staff: 100_000_000 } as const;
export const MAX_PER_STREAM = 100_000_000;

/**
 * The national ID of the n-th synthetic person of a stream. Different (stream, n) always give
 * different IDs; an ID that is reserved (the demo people's) or never issued (ten equal digits) is
 * replaced by one from a fallback region no primary index can reach.
 */
export function syntheticNationalId(
  stream: keyof typeof ID_STREAMS,
  n: number,
  reserved: ReadonlySet<string> = new Set(),
): string {
  if (n < 0 || n >= MAX_PER_STREAM) throw new Error(`person index out of range: ${n}`);
  let j = ID_STREAMS[stream] + n;
  for (let hop = 0; hop < 4; hop++) {
    const id = makeNationalId(permute(j));
    if (isValidNationalId(id) && !reserved.has(id)) return id;
    j += REGION;
  }
  throw new Error(`no national ID for ${stream} #${n}`);
}

const MOBILE_PREFIXES = [
  '0912',
  '0913',
  '0914',
  '0915',
  '0916',
  '0917',
  '0918',
  '0919',
  '0911',
  '0910',
  '0901',
  '0902',
  '0903',
  '0905',
  '0930',
  '0933',
  '0935',
  '0936',
  '0937',
  '0938',
  '0939',
  '0990',
  '0991',
  '0921',
  '0922',
];

/** A mobile number; the subscriber part starts at 2, so it never equals a demo account's number (0912000…, 0912100…). */
export function syntheticMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(2_000_000, 9_999_999));
}

const POSTAL_LEAD = '13456789';
/** Iranian postal codes: ten digits, the first five without 0 or 2. */
export function syntheticPostalCode(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += POSTAL_LEAD[rng.int(0, POSTAL_LEAD.length - 1)];
  return s + String(rng.int(0, 99_999)).padStart(5, '0');
}

/** The judicial ID given at e-account registration (the same rule as the counter's). */
export { judicialIdFor } from '#core/judicial-id';
