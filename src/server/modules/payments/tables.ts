import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { PAYMENT_STATUSES } from './values';

/**
 * A payment through a gateway. Created `pending` with the gateway's token; only a verified
 * callback (or the reconciliation job asking the gateway) moves it to `paid`, and only once.
 */
export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The printed receipt number: digits with a Verhoeff check digit. */
    receiptNumber: text('receipt_number').notNull(),
    purpose: text('purpose', { enum: ['filing', 'service', 'consultation', 'arbitration'] }).notNull(),
    filingId: bigint('filing_id', { mode: 'number' }),
    serviceRecordId: bigint('service_record_id', { mode: 'number' }),
    amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
    gateway: text('gateway').notNull(),
    /** The gateway's token for this payment (authority / ref id). */
    gatewayToken: text('gateway_token').notNull(),
    /** The bank's reference (RRN) once paid. */
    bankReference: text('bank_reference'),
    payerCitizenId: bigint('payer_citizen_id', { mode: 'number' }),
    officeId: integer('office_id'),
    provinceId: smallint('province_id').notNull(),
    channel: text('channel', { enum: ['office', 'online'] }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    lines: jsonb('lines').notNull().default([]),
    /** Where the web app offers to go back to once the payment is settled (a path in this app). */
    returnPath: text('return_path'),
  },
  (t) => [
    uniqueIndex('payments_receipt_key').on(t.receiptNumber),
    uniqueIndex('payments_gateway_token_key').on(t.gateway, t.gatewayToken),
    index('payments_filing_idx').on(t.filingId),
    index('payments_pending_idx').on(t.status, t.expiresAt),
  ],
);

/** Every callback received, accepted or not: replays and forgeries are kept as evidence. */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    paymentId: bigint('payment_id', { mode: 'number' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().default(sql`now()`),
    verdict: text('verdict', {
      enum: ['credited', 'failed', 'cancelled', 'duplicate', 'forged', 'unknown', 'expired'],
    }).notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [index('payment_callbacks_payment_idx').on(t.paymentId)],
);

/**
 * The sandbox bank's own ledger: what the simulated internet payment gateway knows about each
 * transaction, kept apart from `payments` exactly as a real bank's records are. The callback and
 * the reconciliation job ask it (verify / inquire) rather than trusting what the browser relays.
 */
export const sandboxBankTransactions = pgTable('sandbox_bank_transactions', {
  token: text('token').primaryKey(),
  amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
  merchantReference: text('merchant_reference').notNull(),
  status: text('status', { enum: ['pending', 'paid', 'declined', 'cancelled', 'reversed'] })
    .notNull()
    .default('pending'),
  bankReference: text('bank_reference'),
  cardMask: text('card_mask'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});
