/**
 * The court gateway: how a submitted filing reaches a court and how the court's answer comes back.
 * The embedded default is Daftar's own court desk (clerks and judges act inside Daftar, see
 * modules/court/gateway.ts); a real judiciary backend implements the same interface (OASIS ECF's
 * ReviewFiling / NotifyFilingReviewComplete are the model) and calls the filings area's
 * `acceptFiling` / `returnFiling` when its answer arrives. Held in `ctx.ports.court`.
 */
import type { Tx } from '#server/db/transaction';

export interface SubmittedFiling {
  id: number;
  trackingCode: string;
  serviceCode: string;
  courtId: number;
  provinceId: number;
}

export interface CourtGateway {
  readonly name: string;
  /** Hands the filing to the court, inside the submitting transaction. Throws to refuse submission. */
  submit(tx: Tx, filing: SubmittedFiling): Promise<void>;
}
