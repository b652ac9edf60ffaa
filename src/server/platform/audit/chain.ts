/** The hash of one audit event: SHA-256 over the previous hash and a canonical encoding of the event. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  seq: number;
  at: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  provinceId: number | null;
  officeId: number | null;
  data: unknown;
}

/** JSON with object keys sorted, so the same content always hashes the same after a round trip through jsonb. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

/**
 * The text the hash covers after the previous hash, up to the event's sequence number: `seq` is the
 * last key of the canonical encoding, so the whole text is this, the number and `}`. The database
 * appends an event in one statement with it (audit-log.ts), adding the number it assigns.
 */
export function hashedTextBeforeSeq(event: Omit<ChainedEvent, 'seq'>): string {
  const text = canonicalJson({ ...event, seq: 0 });
  const tail = '"seq":0}';
  if (!text.endsWith(tail)) throw new Error('the canonical encoding no longer ends with seq');
  return `\n${text.slice(0, -'0}'.length)}`;
}
