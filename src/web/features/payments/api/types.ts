import type { z } from 'zod';
import type { paymentPage, paymentSchema } from '#server/modules/payments/schemas';

export type Payment = z.infer<typeof paymentSchema>;
export type PaymentsPage = z.infer<typeof paymentPage>;
export type PaymentStatus = Payment['status'];
export const PAYMENT_STATUSES: PaymentStatus[] = ['pending', 'paid', 'failed', 'cancelled', 'expired'];
