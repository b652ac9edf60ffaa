/**
 * The payment gateway interface. Iranian internet payment gateways (IPGs) work in three steps:
 * the merchant asks for a token and redirects the payer to the bank's page; the bank sends the
 * browser back to the merchant's callback; the merchant then asks the bank itself (verify) what
 * happened — the callback only says where to look. `inquire` asks the same question later, for
 * payments whose callback never came (reconciliation), and `reverse` gives the money back when a
 * payment the bank took can no longer be credited (it arrived after the payment expired).
 */
import type { Executor } from '#server/db/transaction';

/** The gateway's own word on a payment. */
type GatewayState = 'pending' | 'paid' | 'failed' | 'cancelled' | 'unknown';

export interface GatewayAnswer {
  state: GatewayState;
  /** What the bank says it took (or was asked to take); null when it does not know the token. */
  amountRials: number | null;
  /** The bank's retrieval reference (RRN) once paid. */
  bankReference: string | null;
}

interface StartRequest {
  /** Our receipt number: the bank shows it and sends it back. */
  merchantReference: string;
  amountRials: number;
  expiresAt: Date;
  /** Where the bank sends the payer back (our callback). */
  callbackPath: string;
}

export interface PaymentGateway {
  /** Stored on each payment: which gateway holds its token. */
  readonly name: string;
  start(db: Executor, request: StartRequest): Promise<{ token: string; redirectUrl: string }>;
  /** Settle after a callback: the bank confirms (and for a real IPG, commits) the transaction. */
  verify(db: Executor, token: string): Promise<GatewayAnswer>;
  /** Ask about a payment without a callback (reconciliation). */
  inquire(db: Executor, token: string): Promise<GatewayAnswer>;
  /** Give back money the bank took for a payment we will not credit (at `now`, the server's clock). */
  reverse(db: Executor, token: string, now: Date): Promise<void>;
}
