/** Request and response shapes of the payments area, shared with the web. */
import { z } from 'zod';
import {
  jalaliDateField,
  localizedName,
  pageOf,
  paginationQuery,
  queryInt,
  sortQuery,
} from '#server/platform/http/fields';
import { PAYMENT_STATUSES } from './values';

const paymentStatusSchema = z.enum(PAYMENT_STATUSES);

/**
 * What a payment line is for: the office's fee, court costs collected for the judiciary, the
 * arbitrators' fee (Art. 498), or an adjustment (paid before).
 */
export const PAYMENT_LINE_KINDS = ['office-fee', 'court-cost', 'arbitrator-fee', 'adjustment'] as const;
const paymentLineSchema = z
  .object({
    code: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    quantity: z.number().int(),
    unitRials: z.number().int(),
    amountRials: z.number().int(),
    kind: z.enum(PAYMENT_LINE_KINDS),
  })
  .meta({ id: 'PaymentLine' });
export type PaymentLine = z.infer<typeof paymentLineSchema>;

export const paymentSchema = z
  .object({
    id: z.number().int(),
    receiptNumber: z.string().meta({ description: 'The printed receipt number: digits with a Verhoeff check digit' }),
    status: paymentStatusSchema,
    purpose: z.enum(['filing', 'service', 'consultation', 'arbitration']),
    filingId: z.number().int().nullable(),
    serviceRecordId: z.number().int().nullable(),
    amountRials: z.number().int(),
    lines: z.array(paymentLineSchema),
    gateway: z.string(),
    bankReference: z.string().nullable(),
    channel: z.enum(['office', 'online']),
    office: z.object({ id: z.number().int(), code: z.string(), name: localizedName }).nullable(),
    provinceId: z.number().int(),
    payer: z.object({ citizenId: z.number().int(), name: z.string() }).nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    paidAt: z.string().nullable(),
    returnPath: z.string().nullable(),
    /** Where to continue paying while the payment is pending (the bank page). */
    payUrl: z.string().nullable(),
  })
  .meta({ id: 'Payment' });
export type PaymentView = z.infer<typeof paymentSchema>;

const paymentSummarySchema = paymentSchema
  .pick({
    id: true,
    receiptNumber: true,
    status: true,
    purpose: true,
    filingId: true,
    amountRials: true,
    channel: true,
    office: true,
    payer: true,
    createdAt: true,
    paidAt: true,
  })
  .meta({ id: 'PaymentSummary' });
export const paymentPage = pageOf(paymentSummarySchema);

/** The columns the payments list sorts by. */
export const PAYMENT_LIST_SORTS = ['receiptNumber', 'status', 'payer', 'office', 'amount', 'createdAt'] as const;

export const listPaymentsQuery = z.object({
  officeId: queryInt(1, 1_000_000).optional(),
  status: paymentStatusSchema.optional(),
  from: jalaliDateField.optional(),
  to: jalaliDateField.optional(),
  /** Newest first unless a column is chosen. */
  sort: sortQuery(PAYMENT_LIST_SORTS),
  ...paginationQuery,
});
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuery>;

/** A priced office service paid at the counter (not a filing: filings pay through /filings/:id/payment). */
export const createPaymentBody = z
  .object({
    serviceCode: z.string().trim().min(1).max(60),
    citizenId: z.number().int().min(1).nullable().optional(),
    ticketId: z.number().int().min(1).nullable().optional(),
  })
  .strict();
export type CreatePaymentBody = z.infer<typeof createPaymentBody>;

export const startedPaymentSchema = z
  .object({
    paymentId: z.number().int(),
    receiptNumber: z.string(),
    redirectUrl: z.string(),
    amountRials: z.number().int(),
  })
  .meta({ id: 'StartedPayment' });

export const callbackParams = z.object({ gateway: z.string().max(40) });
/** The bank's callback (form-encoded from the browser, or JSON). */
export const callbackBody = z.looseObject({
  token: z.string().max(200).optional(),
  outcome: z.string().max(40).optional(),
  amountRials: z.string().max(40).optional(),
  merchantReference: z.string().max(60).optional(),
  bankReference: z.string().max(60).optional(),
  signature: z.string().max(200).optional(),
});
