/**
 * The filings area's calls into the payments area, by the contract between the two:
 * `startPayment` (payments/service.ts) and `runIdempotentInTransaction` (platform/http/idempotency.ts).
 */
export { startPayment } from '#server/modules/payments/service';
export { idempotencyKeyFrom, runIdempotentInTransaction } from '#server/platform/http/idempotency';
