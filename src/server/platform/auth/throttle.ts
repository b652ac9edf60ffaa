/** Temporary lock-out after repeated failures, per username or mobile number. */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/transaction';
import { AppError } from '../errors/app-error';
import { loginThrottle } from './tables';

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

function lockedError(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('account_locked', { extra: { retryAfterSeconds }, headers: { 'retry-after': String(retryAfterSeconds) } });
}

export async function assertNotLocked(db: Executor, key: string, now: Date): Promise<void> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) throw lockedError(row.lockedUntil, now);
}

/** Counts a failure at `now`; returns the lock-out error when this failure reaches the limit. */
export async function recordFailure(db: Executor, key: string, now: Date): Promise<AppError | null> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const [row] = await db.insert(loginThrottle).values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now}::timestamptz else ${loginThrottle.windowStartedAt} end`,
      },
    }).returning();
  if (row.failures >= MAX_FAILURES) {
    const until = new Date(now.getTime() + LOCK_MS);
    await db.update(loginThrottle).set({ lockedUntil: until, failures: 0, windowStartedAt: now }).where(eq(loginThrottle.key, key));
    return lockedError(until, now);
  }
  return null;
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
