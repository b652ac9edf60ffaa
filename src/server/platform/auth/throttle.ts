/** Temporary lock-out after repeated failures, per username or mobile number. */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/transaction';
import { AppError } from '../errors/app-error';
import { loginThrottle } from './tables';

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

function lockedError(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('account_locked', { extra: { retryAfterSeconds }, headers: { 'retry-after': String(retryAfterSeconds) } });
}

export async function assertNotLocked(db: Executor, key: string): Promise<void> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) throw lockedError(row.lockedUntil);
}

/** Counts a failure; returns the lock-out error when this failure reaches the limit. */
export async function recordFailure(db: Executor, key: string): Promise<AppError | null> {
  const windowStart = new Date(Date.now() - WINDOW_MS);
  const [row] = await db.insert(loginThrottle).values({ key, failures: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then now() else ${loginThrottle.windowStartedAt} end`,
      },
    }).returning();
  if (row.failures >= MAX_FAILURES) {
    const until = new Date(Date.now() + LOCK_MS);
    await db.update(loginThrottle).set({ lockedUntil: until, failures: 0, windowStartedAt: new Date() }).where(eq(loginThrottle.key, key));
    return lockedError(until);
  }
  return null;
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
