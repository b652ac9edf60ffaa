/**
 * The payments area's endpoints: payments within the caller's scope, a priced office service
 * charged at the counter (with its Idempotency-Key), a payment and its receipt (HTML, PDF), and the
 * gateway's callback (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { idParams } from '#server/platform/http/fields';
import { areaContract, endpoint } from '#server/platform/http/contract';
import {
  callbackBody,
  callbackParams,
  createPaymentBody,
  listPaymentsQuery,
  paymentPage,
  paymentSchema,
  startedPaymentSchema,
} from './schemas';

export const paymentsContract = areaContract('payments', {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/payments',
    access: 'payments.list',
    summary:
      "Payments within the caller's scope (an office's payments for its manager), newest first, by status and Jalali date range",
    query: listPaymentsQuery,
    response: paymentPage,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/payments',
    access: 'payments.start',
    summary:
      'Charge a priced office service at the counter (not a filing): quoted from the tariff in force, recorded, and sent to the bank. Requires an Idempotency-Key header',
    description: 'A retry with the same key answers what the first request answered, with `idempotent-replayed: true`.',
    body: createPaymentBody,
    headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
    status: 201,
    response: startedPaymentSchema,
    problems: ['idempotency_key_required', 'idempotency_in_progress', 'idempotency_key_reused'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/payments/:id',
    access: 'payments.read',
    summary: "A payment: state, lines, receipt number (for the payer, the office's staff and oversight)",
    params: idParams,
    response: paymentSchema,
    problems: ['not_found'],
  }),
  receipt: endpoint({
    method: 'GET',
    path: '/api/v1/payments/:id/receipt',
    access: 'payments.read',
    summary: 'The receipt as a printable HTML page (Persian, right to left, Jalali date in Tehran)',
    params: idParams,
    response: z.string().meta({ description: 'text/html' }),
    produces: 'text/html',
    problems: ['not_found'],
  }),
  receiptPdf: endpoint({
    method: 'GET',
    path: '/api/v1/payments/:id/receipt.pdf',
    access: 'payments.read',
    summary:
      'The receipt as PDF, printed from the HTML view by Chromium; 503 pdf_unavailable when the server has no Chromium',
    params: idParams,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['not_found', 'pdf_unavailable'],
  }),
  callback: endpoint({
    method: 'POST',
    path: '/api/v1/payments/callback/:gateway',
    access: 'public',
    summary:
      "The payment gateway's callback (form post from the bank page). Signature, token and amount are checked, the gateway is asked (verify), and the browser is sent to /payments/:id",
    description:
      'Authenticated by its signature, not by a session: no session is read and no CSRF header asked for. An unknown or forged callback answers 400 payment_callback_rejected and is recorded all the same.',
    params: callbackParams,
    body: callbackBody,
    status: 303,
    response: z.null(),
    problems: ['payment_callback_rejected'],
  }),
});
