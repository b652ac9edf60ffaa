/**
 * One-time codes sent by SMS for purposes other than sign-in: confirming that a mobile belongs to
 * the person registering it, and a citizen's consent to a status lookup at an office. The same
 * table, hashing and limits as sign-in codes (auth-service.ts): a code lives three
 * minutes, a new one may be asked for after a minute, and five wrong tries spend it.
 */
import { maskMobile } from '#core/identifiers';
import { toPersianDigits } from '#core/persian-digits';
import { OTP_MAX_ATTEMPTS, OTP_RESEND_SECONDS, OTP_TTL_SECONDS } from './auth-service';
import { otpCode, safeEqual, sha256 } from '#server/platform/auth/tokens';
import type { Executor } from '#server/db/transaction';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import * as store from './store';

export const OTP_PURPOSE_MOBILE_CONFIRM = 'mobile-confirm';

export interface CodeSent {
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
}

const hashOf = (mobile: string, purpose: string, code: string) => sha256(`${purpose}:${mobile}:${code}`);

/** Refuses a new code while the previous one for the same mobile and purpose is under a minute old. */
async function assertResendAllowed(db: Executor, mobile: string, purpose: string, now: Date) {
  const recent = await store.latestCodeSince(db, mobile, purpose, new Date(now.getTime() - OTP_RESEND_SECONDS * 1000));
  if (recent) {
    const retryAfterSeconds = Math.max(
      1,
      OTP_RESEND_SECONDS - Math.floor((now.getTime() - recent.createdAt.getTime()) / 1000),
    );
    throw new AppError('otp_too_soon', {
      extra: { retryAfterSeconds },
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}

/** Sends a code to `mobile` for `purpose`; the SMS text is built from the code (Persian digits, Latin in brackets). */
export async function sendCode(
  ctx: AppContext,
  input: {
    mobile: string;
    purpose: string;
    template: string;
    provinceId?: number | null;
    text: (persianCode: string) => string;
  },
): Promise<CodeSent> {
  const now = ctx.clock.now();
  await assertResendAllowed(ctx.db, input.mobile, input.purpose, now);
  const code = otpCode();
  const outboxId = await ctx.db.transaction(async (tx) => {
    await store.insertCode(tx, {
      mobile: input.mobile,
      purpose: input.purpose,
      codeHash: hashOf(input.mobile, input.purpose, code),
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    return enqueueMessage(
      tx,
      {
        channel: 'sms',
        recipient: input.mobile,
        template: input.template,
        provinceId: input.provinceId ?? null,
        body: `${input.text(toPersianDigits(code))} (${code})`,
      },
      now,
    );
  });
  await dispatchMessages(ctx, [outboxId]);
  return { sentTo: maskMobile(input.mobile), expiresInSeconds: OTP_TTL_SECONDS, resendInSeconds: OTP_RESEND_SECONDS };
}

/**
 * Checks a code outside any transaction (so a wrong try is counted even when the caller's
 * transaction rolls back) and returns the challenge id, to be spent with `spendCode` inside the
 * caller's transaction. Throws `error` when wrong, expired, spent or tried too often.
 */
export async function checkCode(
  db: Executor,
  input: { mobile: string; purpose: string; code: string },
  error: () => AppError,
  now: Date,
): Promise<number> {
  const challenge = await store.liveCode(db, input.mobile, input.purpose, now);
  if (!challenge || !(await store.countCodeAttempt(db, challenge.id, OTP_MAX_ATTEMPTS))) throw error();
  if (!safeEqual(challenge.codeHash, hashOf(input.mobile, input.purpose, input.code))) throw error();
  return challenge.id;
}

/** Spends a checked code in the caller's transaction; a code spent concurrently by someone else fails. */
export async function spendCode(tx: Executor, challengeId: number, error: () => AppError, now: Date): Promise<void> {
  if (!(await store.consumeCode(tx, challengeId, now))) throw error();
}
