/**
 * What the self-test page decides from what the browser reports: which piece of advice a failed
 * camera or microphone gets, how loud the microphone is, and how the connection's round trips
 * read. Kept apart from the page so the rules are tested without a browser.
 */

/** Why a device could not be used, each with its own advice on the page. */
export type DeviceProblem = 'denied' | 'noDevice' | 'busy' | 'unsupported' | 'other';

/** The getUserMedia failure's name (a DOMException's) as the advice it calls for. */
export function deviceProblem(error: unknown): DeviceProblem {
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String((error as { name: unknown }).name)
      : '';
  switch (name) {
    // Refused by the person, or by the browser for the page (a page not served over https).
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noDevice';
    // Held by another program (a video call left open), or the driver refused to start.
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

/** The loudness of one analyser frame (bytes around 128 as silence) from 0 to 1: its root mean square, doubled and capped so speech fills the bar. */
export function level(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = (samples[i] - 128) / 128;
    sum += v * v;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 2);
}

/** Heard: a level above the room's hiss. A fan or a quiet room stays under it; a spoken word does not. */
export const HEARD_LEVEL = 0.04;

/**
 * Signalling slower than this round trip makes joining and being admitted visibly slow, and
 * usually means a network that will also break the picture up.
 */
export const SLOW_ROUND_TRIP_MS = 400;

/** The middle of the measured round trips (one slow first packet does not decide), rounded to a millisecond. */
export function medianRoundTrip(ms: readonly number[]): number | null {
  if (ms.length === 0) return null;
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}
