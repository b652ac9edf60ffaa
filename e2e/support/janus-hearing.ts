/**
 * The set-up the hearing specs through Janus share: before the spec's tests, Janus started on
 * loopback, a server configured with it and a hearing opened for `caseNumber`; after them, the
 * spec's browsers closed, then the server and Janus stopped. Where Janus is not installed, `bin` is
 * null, nothing starts and the spec skips.
 */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserLease } from './browser';
import { openHearing, type Query, queryOf } from './hearing-room';
import { findJanus, type RunningJanus, startJanus } from './janus';
import { type E2eServer, startE2eServer } from './server';

export interface JanusHearing {
  /** The janus binary, null where it is not installed. */
  bin: string | null;
  janus: RunningJanus;
  server: E2eServer;
  hearingId: number;
  /** The spec's browsers, closed after its tests. */
  leases: BrowserLease[];
  query: Query;
}

export function hearingThroughJanus(caseNumber: string): JanusHearing {
  const bin = findJanus();
  const hearing: JanusHearing = {
    bin,
    janus: undefined as unknown as RunningJanus,
    server: undefined as unknown as E2eServer,
    hearingId: 0,
    leases: [] as BrowserLease[],
    query: queryOf(() => hearing.server),
  };
  beforeAll(async () => {
    if (!bin) return;
    hearing.janus = await startJanus(bin);
    hearing.server = await startE2eServer({ env: hearing.janus.env });
    hearing.hearingId = (await openHearing(hearing.query, hearing.server, caseNumber)).hearingId;
  }, 120_000);
  afterAll(async () => {
    for (const lease of hearing.leases) await lease.close().catch(() => undefined);
    await hearing.server?.stop();
    await hearing.janus?.stop();
  });
  return hearing;
}
