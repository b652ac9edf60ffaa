/**
 * Pilot fees: a service approved as a pilot is priced, before any schedule carries it, by the fee
 * the regulator approved with the pilot — only in the pilot's provinces and only from its first
 * to its last day (both counted). Outside them the service is not offered and a quote names where
 * and when it is (docs/decisions/0047). Pure, so the server's quote and its tests agree.
 */
import type { TariffLine } from './fees';

export interface PilotFee extends TariffLine {
  /** The provinces the pilot runs in. */
  provinceIds: readonly number[];
  /** ISO days, both inclusive. */
  validFrom: string;
  validUntil: string;
}

export type PilotReach<P extends PilotFee> =
  /** No pilot prices this service: the schedule alone decides. */
  | { kind: 'none' }
  /** This province and day are within a pilot: its line prices the service. */
  | { kind: 'in'; pilot: P }
  /** The service is priced only by pilots, none of which covers this province on this day. */
  | { kind: 'outside'; pilots: P[] };

/** Is this province (none: unknown) on this ISO day within one of the service's pilots? The latest-starting covering pilot wins. */
export function pilotReach<P extends PilotFee>(
  pilots: readonly P[],
  provinceId: number | null,
  isoDate: string,
): PilotReach<P> {
  if (pilots.length === 0) return { kind: 'none' };
  let best: P | null = null;
  for (const p of pilots) {
    if (provinceId == null || !p.provinceIds.includes(provinceId)) continue;
    if (p.validFrom > isoDate || isoDate > p.validUntil) continue;
    if (!best || p.validFrom > best.validFrom) best = p;
  }
  return best ? { kind: 'in', pilot: best } : { kind: 'outside', pilots: [...pilots] };
}
