/**
 * Idempotent writes (house rule: a write a client may retry takes an `Idempotency-Key`). The key is
 * claimed first — an insert that the unique index (user, key) lets through only once — so two
 * concurrent requests with the same key never both run; the answer is stored when the work is
 * done and replayed to every retry of the same request. The same key sent with a different request
 * is refused (422 `idempotency_key_reused`). The claim, the work and the answer are one
 * transaction (runIdempotentInTransaction), so a failed or crashed attempt leaves no key behind and
 * the client may retry it.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Executor, Tx } from '#server/db/transaction';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import { idempotencyKeys } from './tables';

export interface IdempotentRequest {
  userId: number;
  key: string;
  operation: string;
  request: unknown;
}
export interface IdempotentAnswer {
  status: number;
  body: unknown;
  /**
   * The work's last step, run in the same transaction after the answer is stored: a step that
   * holds a hot lock to commit (the audit chain's head) comes here, so the lock is held for its
   * own statements and the commit only.
   */
  finally?: (tx: Tx) => Promise<unknown>;
}

/** How long a stored answer is kept (and a key stays taken). */
const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim older than this whose work never finished (the process died) may be taken over. */
const STALE_CLAIM_MS = 5 * 60_000;
/** `status` of a claimed key whose work is still running. */
const IN_PROGRESS = 0;

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(operation: string, request: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonical(request)}`)
    .digest('hex');
}

/** Checks the header's value: 1–200 visible ASCII characters. */
export function idempotencyKeyFrom(value: string | string[] | undefined, required: boolean): string | null {
  const key = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!key) {
    if (required)
      throw new AppError('idempotency_key_required', { fields: [fieldError('Idempotency-Key', 'required')] });
    return null;
  }
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
    throw new AppError('validation_failed', { fields: [fieldError('Idempotency-Key', 'invalid_format')] });
  return key;
}

async function claim(db: Executor, r: IdempotentRequest, hash: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      key: r.key,
      userId: r.userId,
      operation: r.operation,
      requestHash: hash,
      status: IN_PROGRESS,
      body: {},
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

/**
 * Claims the key, runs the work and stores its answer in ONE transaction: either all three are
 * there or none is, whatever moment the process dies at. A concurrent request with the same key
 * waits on the uncommitted claim (the unique index) and then replays the answer, or runs when the
 * first rolled back. A crash leaves no claim behind (the server rolls the transaction back when the
 * connection drops), so a retry right after a restart does the work at once instead of waiting for
 * the claim to go stale.
 */
export async function runIdempotentInTransaction(
  ctx: AppContext,
  r: IdempotentRequest,
  fn: (tx: Tx) => Promise<IdempotentAnswer>,
): Promise<IdempotentAnswer & { replayed: boolean }> {
  const hash = requestHash(r.operation, r.request);
  const now = ctx.clock.now();
  const mine = and(eq(idempotencyKeys.userId, r.userId), eq(idempotencyKeys.key, r.key));
  return ctx.db.transaction(async (tx) => {
    if (!(await claim(tx, r, hash, now))) {
      const [row] = await tx.select().from(idempotencyKeys).where(mine);
      if (row && row.requestHash !== hash)
        throw new AppError('idempotency_key_reused', { fields: [fieldError('Idempotency-Key', 'invalid')] });
      if (row && row.status !== IN_PROGRESS) return { status: row.status, body: row.body, replayed: true };
      // A committed claim with no answer was left by an earlier release's two-step path: taken over once stale.
      const taken = row && (await takeOverStale(tx, r, now));
      if (!taken) throw new AppError('idempotency_in_progress');
    }
    const { finally: last, ...answer } = await fn(tx);
    await tx
      .update(idempotencyKeys)
      .set({ status: answer.status, body: answer.body ?? {} })
      .where(mine);
    if (last) await last(tx);
    return { ...answer, replayed: false };
  });
}

/** Takes over a claim its process abandoned (older than STALE_CLAIM_MS, no answer); only one taker wins. */
async function takeOverStale(db: Executor, r: IdempotentRequest, now: Date): Promise<boolean> {
  const taken = await db
    .update(idempotencyKeys)
    .set({ createdAt: now })
    .where(
      and(
        eq(idempotencyKeys.userId, r.userId),
        eq(idempotencyKeys.key, r.key),
        eq(idempotencyKeys.status, IN_PROGRESS),
        lt(idempotencyKeys.createdAt, new Date(now.getTime() - STALE_CLAIM_MS)),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return taken.length > 0;
}

/** Forgets answers older than the retention period (run by the payments reconciliation job). */
export async function purgeIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000)))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}
