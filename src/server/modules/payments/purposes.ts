/**
 * What a credited payment pays for. Payments know nothing of filings or counter services: each
 * area registers a handler for its purpose, and the payments area calls it in the same
 * transaction that marks the payment paid — so a payment is never credited without its effect.
 */
import type { Tx } from '../../db/transaction';

export type PaymentPurpose = 'filing' | 'service';

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

export type CreditHandler = (tx: Tx, payment: CreditedPayment) => Promise<void>;

const handlers = new Map<PaymentPurpose, CreditHandler>();

export function registerCreditHandler(purpose: PaymentPurpose, handler: CreditHandler): void {
  handlers.set(purpose, handler);
}

export function creditHandlerFor(purpose: PaymentPurpose): CreditHandler | undefined {
  return handlers.get(purpose);
}
