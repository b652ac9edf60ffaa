/** Temporary lock-out after repeated failures, per account and source address, under a ceiling per account. */
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { AppError } from '#server/platform/errors/app-error';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { loginThrottle } from './tables';

const MAX_FAILURES = 5;
/**
 * Failures one account may take from all sources together in a window. The lock-out of five is per
 * source (account and address), so a stranger's guesses lock the stranger out and not the owner;
 * this ceiling still stops guesses spread over many addresses.
 */
export const ACCOUNT_CEILING = 20;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

function lockedError(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('account_locked', {
    extra: { retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

/**
 * Claims one attempt for `key` *before* its password or code is checked, in one atomic statement
 * (the row is locked by the upsert), so at most MAX_FAILURES secrets are ever evaluated per window
 * however many requests arrive at once. A claim is given back only by a success (clearFailures);
 * a failed attempt stays counted. Throws account_locked when the key is locked or its window's
 * attempts are used up; otherwise returns the attempt's number in the window (1…MAX_FAILURES).
 */
export async function claimAttempt(db: Executor, key: string, now: Date, max = MAX_FAILURES): Promise<number> {
  // A locked key is not counted further: the lock only ends with its time.
  const claimed = await countInWindow(db, key, now, WINDOW_MS, { unlessLocked: true });
  if (!claimed) throw lockedError((await lockedUntilOf(db, key)) ?? new Date(now.getTime() + LOCK_MS), now);
  if (claimed.count > max) throw await lock(db, key, now);
  return claimed.count;
}

/**
 * Counts one more event for `key` in a fixed window of `windowMs` that starts with the key's first
 * event, in one upsert (the row lock makes parallel counts exact, across processes too). With
 * `unlessLocked`, a locked key is left as it is and nothing is returned.
 */
export async function countInWindow(
  db: Executor,
  key: string,
  now: Date,
  windowMs: number,
  options: { unlessLocked?: boolean } = {},
): Promise<{ count: number; windowStartedAt: Date } | undefined> {
  const windowStart = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} <= ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} <= ${windowStart} then ${now}::timestamptz else ${loginThrottle.windowStartedAt} end`,
      },
      ...(options.unlessLocked
        ? { setWhere: sql`${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} <= ${now}` }
        : {}),
    })
    .returning({ count: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
  return row;
}

/** Counts the claimed attempt as failed: the last one the window allows locks the key. */
export async function recordFailure(
  db: Executor,
  key: string,
  attempt: number,
  now: Date,
  max = MAX_FAILURES,
): Promise<AppError | null> {
  return attempt >= max ? lock(db, key, now) : null;
}

/** Whether `key` is locked at `now` (without counting anything). */
export async function isLocked(db: Executor, key: string, now: Date): Promise<boolean> {
  const until = await lockedUntilOf(db, key);
  return until != null && until > now;
}

async function lockedUntilOf(db: Executor, key: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key));
  return row?.lockedUntil ?? null;
}

async function lock(db: Executor, key: string, now: Date): Promise<AppError> {
  const until = new Date(now.getTime() + LOCK_MS);
  const [row] = await db
    .update(loginThrottle)
    .set({ lockedUntil: until, failures: 0, windowStartedAt: now })
    .where(and(eq(loginThrottle.key, key), or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now))))
    .returning({ lockedUntil: loginThrottle.lockedUntil });
  if (row) return lockedError(until, now);
  // Another request locked it first: its time stands.
  return lockedError((await lockedUntilOf(db, key)) ?? until, now);
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Rows removed per statement by the purge, so that a flood's leftovers never make one long delete. */
const PURGE_BATCH = 5_000;

/**
 * Removes the rows that no longer count: their window is over and they are not locked. Every
 * address that ever asked for a code or tried to sign in leaves a row; without this the table only
 * grows. A removed row and a row whose window is over count the same (the next event starts a new
 * window at 1), so this changes no decision. The longest window is the lock-out's; the per-address
 * limits' windows are shorter. Returns the number of rows removed.
 */
export async function purgeExpiredThrottles(db: Executor, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const expired = and(
    lte(loginThrottle.windowStartedAt, windowStart),
    or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now)),
  );
  let removed = 0;
  for (;;) {
    const batch = db.select({ key: loginThrottle.key }).from(loginThrottle).where(expired).limit(PURGE_BATCH);
    const rows = await db
      .delete(loginThrottle)
      .where(and(inArray(loginThrottle.key, batch), expired))
      .returning({ key: loginThrottle.key });
    removed += rows.length;
    if (rows.length < PURGE_BATCH) return removed;
  }
}

/** Every ten minutes: `purgeExpiredThrottles`. */
export const THROTTLE_PURGE_JOB: ScheduledJob = {
  queue: 'auth.purge-throttles',
  cron: '*/10 * * * *',
  run: (database, clock) => purgeExpiredThrottles(database.db, clock.now()),
};
