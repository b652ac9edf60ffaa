/**
 * Issuing one-time SMS codes, for every purpose (citizens' and staff sign-in, mobile confirmation,
 * consents): a code lives three minutes, five wrong tries spend it, and a new one is sent only when
 * the mobile has no unused code for the same purpose under a minute old.
 *
 * The "under a minute" check and the insert are one critical section per (mobile, purpose): the
 * transaction that inserts the code first takes a transaction-scoped advisory lock on that pair and
 * checks under it, so requests arriving at once are answered one after the other — the first sends
 * its SMS, the others see its code and are refused — on PGlite and on PostgreSQL, across processes.
 */
import type { Tx } from '#server/db/transaction';
import { otpCode } from '#server/platform/auth/tokens';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { enqueueMessage, type OutgoingMessage } from '#server/platform/notifier/notifier';
import * as store from './store';

export const OTP_TTL_SECONDS = 180;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_ATTEMPTS = 5;

/**
 * The answer to asking for a new code while the last one is under a minute old and unused, with
 * the seconds left: 1…60, also when the requests' clocks were read a few milliseconds apart.
 */
export function otpTooSoon(secondsLeft: number): AppError {
  const retryAfterSeconds = Math.min(OTP_RESEND_SECONDS, Math.max(1, Math.ceil(secondsLeft)));
  return new AppError('otp_too_soon', {
    extra: { retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

export interface IssueCode {
  mobile: string;
  purpose: string;
  /** What is stored of the code: never the code itself. */
  hash: (code: string) => string;
  /** The SMS carrying the code; none when the code is kept but not sent (a number with no account). */
  message: ((code: string) => OutgoingMessage) | null;
}

/**
 * Stores a new code for (mobile, purpose) and puts its SMS in the outbox, in one transaction under
 * the pair's lock; delivers the SMS once that transaction has committed. Throws `otp_too_soon`
 * (with the seconds left) when the pair has an unused code under a minute old — a spent code does
 * not hold the next one back.
 */
export async function issueCode(ctx: AppContext, input: IssueCode): Promise<void> {
  const code = otpCode();
  const outboxIds = await ctx.db.transaction(async (tx: Tx) => {
    await store.lockCodes(tx, input.mobile, input.purpose);
    // Read once the lock is held: a code stored by the request before is never "from the future".
    const now = ctx.clock.now();
    const recent = await store.latestUnusedCodeSince(
      tx,
      input.mobile,
      input.purpose,
      new Date(now.getTime() - OTP_RESEND_SECONDS * 1000),
    );
    if (recent) throw otpTooSoon(OTP_RESEND_SECONDS - Math.floor((now.getTime() - recent.createdAt.getTime()) / 1000));
    await store.insertCode(tx, {
      mobile: input.mobile,
      purpose: input.purpose,
      codeHash: input.hash(code),
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    return input.message ? [await enqueueMessage(tx, input.message(code), now)] : [];
  });
  await dispatchMessages(ctx, outboxIds);
}
