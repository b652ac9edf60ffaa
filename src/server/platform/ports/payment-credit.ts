/**
 * What a credited payment pays for. Payments know nothing of filings or counter services: the
 * area that charges for a purpose supplies its handler (wired at start-up in the composition, held
 * in `ctx.ports.onPaymentCredited`), and the payments area calls it in the same transaction that
 * marks the payment paid — so a payment is never credited without its effect.
 */
import type { Tx } from '#server/db/transaction';

const PAYMENT_PURPOSES = ['filing', 'service', 'consultation', 'arbitration'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export interface CreditedPayment {
  id: number;
  purpose: PaymentPurpose;
  filingId: number | null;
  serviceRecordId: number | null;
  amountRials: number;
  receiptNumber: string;
  createdBy: number;
  /** When it was credited, by the server's clock. */
  paidAt: Date;
}

/**
 * Applies a credited payment in the crediting transaction; returns the outbox ids of the messages
 * it queued there (often none), which the payments area hands to delivery after commit.
 */
export type CreditHandler = (tx: Tx, payment: CreditedPayment) => Promise<readonly number[]>;

/** One handler for every purpose: a purpose nobody answers for cannot be wired. */
export type CreditHandlers = Readonly<Record<PaymentPurpose, CreditHandler>>;
