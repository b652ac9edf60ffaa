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
import { safeEqual, sha256 } from '#server/platform/auth/tokens';
import type { AppContext } from '#server/platform/context';
import { recordAudit } from '#server/platform/audit/audit-log';
import { AppError } from '#server/platform/errors/app-error';
import { createSession, deleteSession, resolveSession, type NewSession } from './sessions';
import type { Tx } from '#server/db/transaction';
import { citizens, users } from '#server/modules/accounts/tables';
import { issueCode, OTP_MAX_ATTEMPTS, OTP_RESEND_SECONDS, OTP_TTL_SECONDS, otpTooSoon } from './one-time-codes';
import { roleGrants } from './tables';

const OTP_PURPOSE_SIGN_IN = 'sign-in';

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}
export interface SignedIn {
  session: NewSession;
  actor: Actor;
}

/** How a person signed in, as the audit log records it. */
type SignInMethod = 'password' | 'otp' | 'staff-code';

/**
 * Where a person's sign-ins belong in the audit log, so a province's association reads those of
 * its province: a citizen's province, else the office or province of the person's first grant
 * (none for national roles).
 */
async function accountScope(
  ctx: AppContext,
  userId: number,
): Promise<{ provinceId: number | null; officeId: number | null }> {
  const [citizen] = await ctx.db
    .select({ provinceId: citizens.provinceId })
    .from(users)
    .innerJoin(citizens, eq(citizens.id, users.citizenId))
    .where(eq(users.id, userId));
  if (citizen) return { provinceId: citizen.provinceId ?? null, officeId: null };
  const [grant] = await ctx.db
    .select({ provinceId: roleGrants.provinceId, officeId: roleGrants.officeId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId))
    .orderBy(roleGrants.id)
    .limit(1);
  return { provinceId: grant?.provinceId ?? null, officeId: grant?.officeId ?? null };
}

/** What a sign-in event keeps of the request: the source address and browser, never the secret. */
function requestData(method: SignInMethod, meta: RequestMeta) {
  return { method, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 200) ?? null };
}

/** How a sign-in that passed its checks opens its session. */
interface SessionStart {
  action?: 'auth.sign-in' | 'auth.staff-code-sign-in';
  /** What the audit event keeps beside the request's source and browser. */
  data?: Record<string, unknown>;
  /** A last claim made in the session's transaction (a one-time code consumed); false opens none. */
  claim?: (tx: Tx) => Promise<boolean>;
}

/**
 * Opens a session and writes its audit event in one transaction — no session without its record —
 * filed under the account's province or office. Null when `claim` found its claim already taken.
 */
async function startSession(
  ctx: AppContext,
  userId: number,
  meta: RequestMeta,
  method: SignInMethod,
  start: SessionStart = {},
): Promise<SignedIn | null> {
  const now = ctx.clock.now();
  const scope = await accountScope(ctx, userId);
  const session = await ctx.db.transaction(async (tx) => {
    if (start.claim && !(await start.claim(tx))) return null;
    const created = await createSession(tx, userId, ctx.config.sessionTtlHours, meta, now);
    await recordAudit(
      tx,
      { userId },
      {
        action: start.action ?? 'auth.sign-in',
        entityType: 'user',
        entityId: userId,
        ...scope,
        data: { ...requestData(method, meta), ...start.data },
      },
    );
    return created;
  });
  if (!session) return null;
  const resolved = await resolveSession(ctx.db, session.token, now);
  if (!resolved) throw new AppError('unauthenticated');
  return { session, actor: resolved.actor };
}

/** A sign-in whose checks are all behind it: its session always opens. */
async function signedIn(ctx: AppContext, userId: number, meta: RequestMeta, method: SignInMethod): Promise<SignedIn> {
  return (await startSession(ctx, userId, meta, method))!;
}

/** The attempts an account's sign-in claimed: from this source, and from all sources together. */
interface Claimed {
  account: string;
  source: string;
  fromSource: number;
  fromAll: number;
}

/**
 * Claims one attempt at the account from this source and one under the account's ceiling. An
 * attempt refused because the account is locked is a failed sign-in too, and is recorded so.
 */
async function claimSignIn(
  ctx: AppContext,
  account: string,
  meta: RequestMeta,
  attempt: { method: SignInMethod; asked: string },
): Promise<Claimed> {
  const now = ctx.clock.now();
  const source = `${account}@${meta.ip ?? 'unknown'}`;
  try {
    const fromSource = await claimAttempt(ctx.db, source, now);
    const fromAll = await claimAttempt(ctx.db, account, now, ACCOUNT_CEILING);
    return { account, source, fromSource, fromAll };
  } catch (error) {
    if (error instanceof AppError) await recordRefusal(ctx, { ...attempt, meta, userId: null }, error);
    throw error;
  }
}

/** A refused sign-in: the account asked for (a known person's id, else the name or mobile typed), never the password or code. */
interface Refused {
  method: SignInMethod;
  meta: RequestMeta;
  /** The account's user, when the name or mobile belongs to one. */
  userId: number | null;
  /** The username or mobile as asked for. */
  asked: string;
}

async function failAndMaybeLock(
  ctx: AppContext,
  claimed: Claimed,
  code: 'invalid_credentials' | 'invalid_code',
  refused: Refused,
): Promise<never> {
  const now = ctx.clock.now();
  const lockedHere = await recordFailure(ctx.db, claimed.source, claimed.fromSource, now);
  const lockedEverywhere = await recordFailure(ctx.db, claimed.account, claimed.fromAll, now, ACCOUNT_CEILING);
  const error = lockedHere ?? lockedEverywhere ?? new AppError(code);
  await recordRefusal(ctx, refused, error);
  throw error;
}

/** Writes a refused sign-in to the audit log, in the province of the account when it is known. */
async function recordRefusal(ctx: AppContext, refused: Refused, error: AppError): Promise<void> {
  const scope = refused.userId == null ? { provinceId: null, officeId: null } : await accountScope(ctx, refused.userId);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, null, {
      action: 'auth.sign-in-failed',
      entityType: refused.userId == null ? 'sign-in' : 'user',
      entityId: refused.userId ?? refused.asked,
      ...scope,
      data: { ...requestData(refused.method, refused.meta), account: refused.asked, refusal: error.code },
    }),
  );
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
  const claimed = await claimSignIn(ctx, key, meta, { method: 'password', asked: username });
  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.username, username), eq(users.kind, 'staff')));
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.disabled)
    return failAndMaybeLock(ctx, claimed, 'invalid_credentials', {
      method: 'password',
      meta,
      userId: user?.id ?? null,
      asked: username,
    });
  await clearClaims(ctx, claimed);
  return signedIn(ctx, user.id, meta, 'password');
}

/**
 * Sends a sign-in code to a citizen's mobile. The answer is the same whether or not the number
 * belongs to an e-account, so the endpoint cannot be used to discover who is registered.
 */
export async function requestCitizenCode(
  ctx: AppContext,
  mobile: string,
): Promise<{ sentTo: string; expiresInSeconds: number; resendInSeconds: number }> {
  const [account] = await ctx.db
    .select({ id: users.id, provinceId: citizens.provinceId })
    .from(users)
    .leftJoin(citizens, eq(citizens.id, users.citizenId))
    .where(and(eq(users.mobile, mobile), eq(users.kind, 'citizen'), eq(users.disabled, false)))
    .limit(1);
  // A code is kept for a number with no account too (and sent nowhere), so "too soon" answers alike.
  await issueCode(ctx, {
    mobile,
    purpose: OTP_PURPOSE_SIGN_IN,
    hash: (code) => sha256(`${mobile}:${code}`),
    message: account
      ? (code) => ({
          channel: 'sms',
          recipient: mobile,
          template: 'otp.sign-in',
          provinceId: account.provinceId,
          body: `دفتر: کد ورود شما ${toPersianDigits(code)} است. این کد را به کسی ندهید. (${code})`,
        })
      : null,
  });
  return { sentTo: maskMobile(mobile), expiresInSeconds: OTP_TTL_SECONDS, resendInSeconds: OTP_RESEND_SECONDS };
}

export async function signInCitizen(
  ctx: AppContext,
  input: { mobile: string; code: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const key = `citizen:${input.mobile}`;
  const now = ctx.clock.now();
  const claimed = await claimSignIn(ctx, key, meta, { method: 'otp', asked: input.mobile });
  const refuse = async (): Promise<never> => {
    const [known] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.mobile, input.mobile), eq(users.kind, 'citizen')))
      .limit(1);
    return failAndMaybeLock(ctx, claimed, 'invalid_code', {
      method: 'otp',
      meta,
      userId: known?.id ?? null,
      asked: input.mobile,
    });
  };
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
  if (!challenge) return refuse();
  // The code's own limit, counted in the same statement that checks it.
  const [counted] = await ctx.db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, challenge.id), lt(otpChallenges.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ id: otpChallenges.id });
  if (!counted) return refuse();
  if (!safeEqual(challenge.codeHash, sha256(`${input.mobile}:${input.code}`))) return refuse();
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.mobile, input.mobile), eq(users.kind, 'citizen'), eq(users.disabled, false)))
    .limit(1);
  if (!user) return refuse();
  // Consumed only if still unconsumed, so two concurrent sign-ins cannot share one code.
  const consumed = await ctx.db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(and(eq(otpChallenges.id, challenge.id), isNull(otpChallenges.consumedAt)))
    .returning({ id: otpChallenges.id });
  if (consumed.length === 0) return refuse();
  await clearClaims(ctx, claimed);
  return signedIn(ctx, user.id, meta, 'otp');
}

// ---- Staff sign-in with a one-time code ---------------------------------------------------------

/** A staff member's sign-in codes are kept per account: two accounts on one mobile never share one. */
const staffCodePurpose = (userId: number) => `staff-sign-in:${userId}`;
/** The counter of code requests for a username (known or not). */
const staffCodeRequests = (username: string) => `staff-code:${username}`;

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
 * about the number, so the endpoint reveals no account. One code per account a minute — counted
 * per username, so unknown ones answer alike — unless the last code was used to sign in.
 */
export async function requestStaffCode(
  ctx: AppContext,
  input: { username: string },
): Promise<{ expiresInSeconds: number; resendInSeconds: number }> {
  const username = input.username.trim().toLowerCase();
  const now = ctx.clock.now();
  const windowMs = OTP_RESEND_SECONDS * 1000;
  // Counted for unknown usernames too, so "too soon" is no sign that the account exists.
  const counted = await countInWindow(ctx.db, staffCodeRequests(username), now, windowMs);
  if (counted && counted.count > 1)
    throw otpTooSoon((counted.windowStartedAt.getTime() + windowMs - now.getTime()) / 1000);
  const answer = { expiresInSeconds: OTP_TTL_SECONDS, resendInSeconds: OTP_RESEND_SECONDS };
  const user = await activeStaff(ctx, username);
  if (!user) return answer;
  await issueCode(ctx, {
    mobile: user.mobile,
    purpose: staffCodePurpose(user.id),
    hash: (code) => sha256(`${user.mobile}:${code}`),
    message: (code) => ({
      channel: 'sms',
      recipient: user.mobile,
      template: 'otp.sign-in',
      body: `دفتر: کد ورود کارمند ${toPersianDigits(code)} است. اگر شما درخواست نکرده‌اید، به مدیر سامانه خبر دهید. (${code})`,
    }),
  });
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
  const signed = await startSession(ctx, user.id, meta, 'staff-code', {
    action: 'auth.staff-code-sign-in',
    data: { passwordSignInLocked: await isLocked(ctx.db, `staff:${username}`, now) },
    // Consumed only if still unconsumed, so two concurrent sign-ins cannot share one code.
    claim: async (tx) => {
      const consumed = await tx
        .update(otpChallenges)
        .set({ consumedAt: now })
        .where(and(eq(otpChallenges.id, challenge.id), isNull(otpChallenges.consumedAt)))
        .returning({ id: otpChallenges.id });
      return consumed.length > 0;
    },
  });
  if (!signed) return fail();
  await clearFailures(ctx.db, source);
  // The code is spent: its owner may ask for the next one at once.
  await clearFailures(ctx.db, staffCodeRequests(username));
  return signed;
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, token);
}
