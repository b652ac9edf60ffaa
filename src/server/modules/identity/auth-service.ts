/**
 * Signing in and out: staff with username and password (or, when a stranger's guesses have locked
 * the account, a one-time code to the staff member's registered mobile), citizens with a one-time
 * code by SMS.
 */
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { maskMobile } from '#core/identifiers';
import { toPersianDigits } from '#core/persian-digits';
import type { Actor } from '#server/platform/auth/actor';
import { decoyHash, verifyPassword } from '#server/platform/auth/passwords';
import { otpChallenges } from '#server/platform/auth/tables';
import {
  ACCOUNT_CEILING,
  claimAttempt,
  clearFailures,
  countInWindow,
  isLocked,
  recordFailure,
} from '#server/platform/auth/throttle';
import { otpCode, safeEqual, sha256 } from '#server/platform/auth/tokens';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { recordAudit } from '#server/platform/audit/audit-log';
import { AppError } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import { createSession, deleteSession, resolveSession, type NewSession } from './sessions';
import { citizens, users } from '#server/modules/accounts/tables';

export const OTP_TTL_SECONDS = 180;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_ATTEMPTS = 5;
const OTP_PURPOSE_SIGN_IN = 'sign-in';

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}
export interface SignedIn {
  session: NewSession;
  actor: Actor;
}

async function startSession(ctx: AppContext, userId: number, meta: RequestMeta): Promise<SignedIn> {
  const now = ctx.clock.now();
  const session = await createSession(ctx.db, userId, ctx.config.sessionTtlHours, meta, now);
  const resolved = await resolveSession(ctx.db, session.token, now);
  if (!resolved) throw new AppError('unauthenticated');
  return { session, actor: resolved.actor };
}

/** The attempts an account's sign-in claimed: from this source, and from all sources together. */
interface Claimed {
  account: string;
  source: string;
  fromSource: number;
  fromAll: number;
}

/** Claims one attempt at the account from this source and one under the account's ceiling. */
async function claimSignIn(ctx: AppContext, account: string, meta: RequestMeta): Promise<Claimed> {
  const now = ctx.clock.now();
  const source = `${account}@${meta.ip ?? 'unknown'}`;
  const fromSource = await claimAttempt(ctx.db, source, now);
  const fromAll = await claimAttempt(ctx.db, account, now, ACCOUNT_CEILING);
  return { account, source, fromSource, fromAll };
}

async function failAndMaybeLock(
  ctx: AppContext,
  claimed: Claimed,
  code: 'invalid_credentials' | 'invalid_code',
): Promise<never> {
  const now = ctx.clock.now();
  const lockedHere = await recordFailure(ctx.db, claimed.source, claimed.fromSource, now);
  const lockedEverywhere = await recordFailure(ctx.db, claimed.account, claimed.fromAll, now, ACCOUNT_CEILING);
  throw lockedHere ?? lockedEverywhere ?? new AppError(code);
}

async function clearClaims(ctx: AppContext, claimed: Claimed): Promise<void> {
  await clearFailures(ctx.db, claimed.source);
  await clearFailures(ctx.db, claimed.account);
}

export async function signInStaff(
  ctx: AppContext,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const username = input.username.trim().toLowerCase();
  const key = `staff:${username}`;
  const claimed = await claimSignIn(ctx, key, meta);
  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.username, username), eq(users.kind, 'staff')));
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.disabled) return failAndMaybeLock(ctx, claimed, 'invalid_credentials');
  await clearClaims(ctx, claimed);
  return startSession(ctx, user.id, meta);
}

/**
 * Sends a sign-in code to a citizen's mobile. The answer is the same whether or not the number
 * belongs to an e-account, so the endpoint cannot be used to discover who is registered.
 */
export async function requestCitizenCode(
  ctx: AppContext,
  mobile: string,
): Promise<{ sentTo: string; expiresInSeconds: number; resendInSeconds: number }> {
  const now = ctx.clock.now();
  const [recent] = await ctx.db
    .select({ createdAt: otpChallenges.createdAt })
    .from(otpChallenges)
    .where(
      and(
        eq(otpChallenges.mobile, mobile),
        eq(otpChallenges.purpose, OTP_PURPOSE_SIGN_IN),
        gt(otpChallenges.createdAt, new Date(now.getTime() - OTP_RESEND_SECONDS * 1000)),
      ),
    )
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
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
  const [account] = await ctx.db
    .select({ id: users.id, provinceId: citizens.provinceId })
    .from(users)
    .leftJoin(citizens, eq(citizens.id, users.citizenId))
    .where(and(eq(users.mobile, mobile), eq(users.kind, 'citizen'), eq(users.disabled, false)))
    .limit(1);
  const code = otpCode();
  const outboxIds = await ctx.db.transaction(async (tx) => {
    await tx.insert(otpChallenges).values({
      mobile,
      purpose: OTP_PURPOSE_SIGN_IN,
      codeHash: sha256(`${mobile}:${code}`),
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    if (!account) return [];
    return [
      await enqueueMessage(
        tx,
        {
          channel: 'sms',
          recipient: mobile,
          template: 'otp.sign-in',
          provinceId: account.provinceId,
          body: `دفتر: کد ورود شما ${toPersianDigits(code)} است. این کد را به کسی ندهید. (${code})`,
        },
        now,
      ),
    ];
  });
  await dispatchMessages(ctx, outboxIds);
  return { sentTo: maskMobile(mobile), expiresInSeconds: OTP_TTL_SECONDS, resendInSeconds: OTP_RESEND_SECONDS };
}

export async function signInCitizen(
  ctx: AppContext,
  input: { mobile: string; code: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const key = `citizen:${input.mobile}`;
  const now = ctx.clock.now();
  const claimed = await claimSignIn(ctx, key, meta);
  const [challenge] = await ctx.db
    .select()
    .from(otpChallenges)
    .where(
      and(
        eq(otpChallenges.mobile, input.mobile),
        eq(otpChallenges.purpose, OTP_PURPOSE_SIGN_IN),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
      ),
    )
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  if (!challenge) return failAndMaybeLock(ctx, claimed, 'invalid_code');
  // The code's own limit, counted in the same statement that checks it.
  const [counted] = await ctx.db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, challenge.id), lt(otpChallenges.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ id: otpChallenges.id });
  if (!counted) return failAndMaybeLock(ctx, claimed, 'invalid_code');
  if (!safeEqual(challenge.codeHash, sha256(`${input.mobile}:${input.code}`)))
    return failAndMaybeLock(ctx, claimed, 'invalid_code');
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.mobile, input.mobile), eq(users.kind, 'citizen'), eq(users.disabled, false)))
    .limit(1);
  if (!user) return failAndMaybeLock(ctx, claimed, 'invalid_code');
  // Consumed only if still unconsumed, so two concurrent sign-ins cannot share one code.
  const consumed = await ctx.db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(and(eq(otpChallenges.id, challenge.id), isNull(otpChallenges.consumedAt)))
    .returning({ id: otpChallenges.id });
  if (consumed.length === 0) return failAndMaybeLock(ctx, claimed, 'invalid_code');
  await clearClaims(ctx, claimed);
  return startSession(ctx, user.id, meta);
}

// ---- Staff sign-in with a one-time code ---------------------------------------------------------

/** A staff member's sign-in codes are kept per account: two accounts on one mobile never share one. */
const staffCodePurpose = (userId: number) => `staff-sign-in:${userId}`;

async function activeStaff(ctx: AppContext, username: string) {
  const [user] = await ctx.db
    .select({ id: users.id, mobile: users.mobile })
    .from(users)
    .where(and(eq(users.username, username), eq(users.kind, 'staff'), eq(users.disabled, false)));
  return user?.mobile ? { id: user.id, mobile: user.mobile } : null;
}

/**
 * Sends a sign-in code to a staff member's registered mobile: the way in for the owner of an
 * account that strangers' guesses have locked (the lock-out's ceiling over all addresses). The
 * answer is the same for every username — known or not, with a mobile or not — and says nothing
 * about the number, so the endpoint reveals no account. One code per account a minute.
 */
export async function requestStaffCode(
  ctx: AppContext,
  input: { username: string },
): Promise<{ expiresInSeconds: number; resendInSeconds: number }> {
  const username = input.username.trim().toLowerCase();
  const now = ctx.clock.now();
  const windowMs = OTP_RESEND_SECONDS * 1000;
  // Counted for unknown usernames too, so "too soon" is no sign that the account exists.
  const counted = await countInWindow(ctx.db, `staff-code:${username}`, now, windowMs);
  if (counted && counted.count > 1) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((counted.windowStartedAt.getTime() + windowMs - now.getTime()) / 1000),
    );
    throw new AppError('otp_too_soon', {
      extra: { retryAfterSeconds },
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
  const answer = { expiresInSeconds: OTP_TTL_SECONDS, resendInSeconds: OTP_RESEND_SECONDS };
  const user = await activeStaff(ctx, username);
  if (!user) return answer;
  const code = otpCode();
  const outboxId = await ctx.db.transaction(async (tx) => {
    await tx.insert(otpChallenges).values({
      mobile: user.mobile,
      purpose: staffCodePurpose(user.id),
      codeHash: sha256(`${user.mobile}:${code}`),
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    return enqueueMessage(
      tx,
      {
        channel: 'sms',
        recipient: user.mobile,
        template: 'otp.sign-in',
        body: `دفتر: کد ورود کارمند ${toPersianDigits(code)} است. اگر شما درخواست نکرده‌اید، به مدیر سامانه خبر دهید. (${code})`,
      },
      now,
    );
  });
  await dispatchMessages(ctx, [outboxId]);
  return answer;
}

/**
 * A staff member signs in with the code sent to their mobile. The code's own limit (five checks)
 * and the lock-out per account and address apply; the account's ceiling over all addresses does
 * not — that is what lets the owner in while strangers hold the password sign-in locked. Each such
 * sign-in is an audit event (who, from where, whether the password sign-in was locked).
 */
export async function signInStaffWithCode(
  ctx: AppContext,
  input: { username: string; code: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const username = input.username.trim().toLowerCase();
  const now = ctx.clock.now();
  const source = `staff-code:${username}@${meta.ip ?? 'unknown'}`;
  const attempt = await claimAttempt(ctx.db, source, now);
  const fail = async (): Promise<never> => {
    throw (await recordFailure(ctx.db, source, attempt, now)) ?? new AppError('invalid_code');
  };
  const user = await activeStaff(ctx, username);
  if (!user) return fail();
  const purpose = staffCodePurpose(user.id);
  const [challenge] = await ctx.db
    .select()
    .from(otpChallenges)
    .where(
      and(
        eq(otpChallenges.mobile, user.mobile),
        eq(otpChallenges.purpose, purpose),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
      ),
    )
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  if (!challenge) return fail();
  // The code's own limit, counted in the same statement that checks it.
  const [counted] = await ctx.db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, challenge.id), lt(otpChallenges.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ id: otpChallenges.id });
  if (!counted) return fail();
  if (!safeEqual(challenge.codeHash, sha256(`${user.mobile}:${input.code}`))) return fail();
  const passwordLocked = await isLocked(ctx.db, `staff:${username}`, now);
  const session = await ctx.db.transaction(async (tx) => {
    // Consumed only if still unconsumed, so two concurrent sign-ins cannot share one code.
    const consumed = await tx
      .update(otpChallenges)
      .set({ consumedAt: now })
      .where(and(eq(otpChallenges.id, challenge.id), isNull(otpChallenges.consumedAt)))
      .returning({ id: otpChallenges.id });
    if (consumed.length === 0) return null;
    const created = await createSession(tx, user.id, ctx.config.sessionTtlHours, meta, now);
    await recordAudit(
      tx,
      { userId: user.id },
      {
        action: 'auth.staff-code-sign-in',
        entityType: 'user',
        entityId: user.id,
        data: { ip: meta.ip ?? null, passwordSignInLocked: passwordLocked },
      },
    );
    return created;
  });
  if (!session) return fail();
  await clearFailures(ctx.db, source);
  const resolved = await resolveSession(ctx.db, session.token, now);
  if (!resolved) throw new AppError('unauthenticated');
  return { session, actor: resolved.actor };
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, token);
}
