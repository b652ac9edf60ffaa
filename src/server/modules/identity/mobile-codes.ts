/**
 * One-time codes sent by SMS for purposes other than sign-in: confirming that a mobile belongs to
 * the person registering it, and a citizen's consent to a status lookup at an office. Issued like
 * sign-in codes (one-time-codes.ts, same table and limits): a code lives three minutes, a new one
 * may be asked for after a minute unless the last one was used, and five wrong tries spend it.
 */
import { maskMobile } from '#core/identifiers';
import { toPersianDigits } from '#core/persian-digits';
import { safeEqual, sha256 } from '#server/platform/auth/tokens';
import type { Executor } from '#server/db/transaction';
import type { AppContext } from '#server/platform/context';
import type { AppError } from '#server/platform/errors/app-error';
import { issueCode, OTP_MAX_ATTEMPTS, OTP_RESEND_SECONDS, OTP_TTL_SECONDS } from './one-time-codes';
import * as store from './store';

export const OTP_PURPOSE_MOBILE_CONFIRM = 'mobile-confirm';

export interface CodeSent {
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
}

const hashOf = (mobile: string, purpose: string, code: string) => sha256(`${purpose}:${mobile}:${code}`);

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
  await issueCode(ctx, {
    mobile: input.mobile,
    purpose: input.purpose,
    hash: (code) => hashOf(input.mobile, input.purpose, code),
    message: (code) => ({
      channel: 'sms',
      recipient: input.mobile,
      template: input.template,
      provinceId: input.provinceId ?? null,
      body: `${input.text(toPersianDigits(code))} (${code})`,
    }),
  });
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
