/**
 * The estimated wait printed on a queue ticket.
 *
 * How it is computed: the visitors ahead (tickets of the day still waiting, with a lower number)
 * times the typical time one visitor takes at a counter, divided by the counters at work.
 * - The typical time is the median of the office's recent service times (called → served, the
 *   last `RECENT_SERVICES` served tickets of the last `RECENT_DAYS` days); the median, so one
 *   unusually long visit does not inflate every ticket. With fewer than `MIN_SAMPLES` such
 *   services it is `DEFAULT_SERVICE_MINUTES`.
 * - The counters at work are the operators who called or served a visitor in the last
 *   `ACTIVE_WINDOW_MINUTES` minutes, at least one.
 * - The result is rounded up to whole minutes; nobody ahead is no wait.
 */
export const RECENT_SERVICES = 20;
export const RECENT_DAYS = 7;
const MIN_SAMPLES = 3;
const DEFAULT_SERVICE_MINUTES = 10;
export const ACTIVE_WINDOW_MINUTES = 60;

export interface WaitEstimate {
  ahead: number;
  minutes: number;
  /** The typical minutes per visitor used, and how many recent services it was taken from (0: the default). */
  serviceMinutes: number;
  samples: number;
  counters: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function estimateWait(input: {
  ahead: number;
  /** Recent service durations in seconds (called → served), any order. */
  recentServiceSeconds: number[];
  activeCounters: number;
}): WaitEstimate {
  const samples = input.recentServiceSeconds.filter((s) => Number.isFinite(s) && s >= 0).slice(0, RECENT_SERVICES);
  const serviceMinutes = samples.length >= MIN_SAMPLES ? median(samples) / 60 : DEFAULT_SERVICE_MINUTES;
  const counters = Math.max(1, Math.floor(input.activeCounters));
  const ahead = Math.max(0, Math.floor(input.ahead));
  return {
    ahead,
    minutes: ahead === 0 ? 0 : Math.ceil((ahead * serviceMinutes) / counters),
    serviceMinutes: Math.round(serviceMinutes * 10) / 10,
    samples: samples.length >= MIN_SAMPLES ? samples.length : 0,
    counters,
  };
}
