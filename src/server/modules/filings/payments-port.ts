/**
 * The filings area's calls into the payments area, typed by the contract between the two:
 * `startPayment` (payments/service.ts) and `runIdempotent` (platform/http/idempotency.ts).
 */
import type { Actor } from '../../platform/auth/actor';
import type { AppContext } from '../../platform/context';

export interface StartPaymentInput {
  purpose: 'filing' | 'service';
  filingId?: number;
  serviceRecordId?: number;
  amountRials: number;
  lines: unknown[];
  officeId: number | null;
  provinceId: number;
  channel: 'office' | 'online';
  payerCitizenId: number | null;
  returnPath: string;
}

export interface StartedPayment { paymentId: number; receiptNumber: string; redirectUrl: string }

export interface IdempotentRequest { userId: number; key: string; operation: string; request: unknown }
export interface IdempotentAnswer { status: number; body: unknown }

// Resolved at call time so this area builds and runs while the payments area is being written;
// once both files exist these become plain static imports.
const PAYMENTS_SERVICE = '../payments/service';
const IDEMPOTENCY = '../../platform/http/idempotency';

export async function startPayment(ctx: AppContext, actor: Actor, input: StartPaymentInput): Promise<StartedPayment> {
  const mod = (await import(/* @vite-ignore */ PAYMENTS_SERVICE)) as { startPayment: (ctx: AppContext, actor: Actor, input: StartPaymentInput) => Promise<StartedPayment> };
  return mod.startPayment(ctx, actor, input);
}

export async function runIdempotent(ctx: AppContext, request: IdempotentRequest, fn: () => Promise<IdempotentAnswer>): Promise<IdempotentAnswer & { replayed: boolean }> {
  let mod: { runIdempotent: (ctx: AppContext, request: IdempotentRequest, fn: () => Promise<IdempotentAnswer>) => Promise<IdempotentAnswer & { replayed: boolean }> };
  try {
    mod = await import(/* @vite-ignore */ IDEMPOTENCY);
  } catch (error) {
    // Until the idempotency store lands, the submission's own status check is the only guard
    // (a repeated submit of a submitted filing is refused as a conflict).
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return { ...(await fn()), replayed: false };
  }
  return mod.runIdempotent(ctx, request, fn);
}
