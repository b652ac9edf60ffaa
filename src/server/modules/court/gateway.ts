/**
 * The embedded court gateway (the interface is platform/ports/court-gateway.ts): Daftar's own court
 * desk, where clerks and judges act inside Daftar, so a submitted filing simply waits in its
 * court's queue. The composition wires it as `ctx.ports.court` unless a real backend is wired.
 */
import type { CourtGateway } from '#server/platform/ports/court-gateway';

export const embeddedCourtDesk: CourtGateway = {
  name: 'embedded-court-desk',
  async submit() {
    // The filing is already in its court's queue: the court desk lists submitted filings by court.
  },
};
