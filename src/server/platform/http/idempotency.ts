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
import { drizzle, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient } from 'pg';
import { pipelined, type PipelinedStatement } from '#server/db/pipeline';
import type { Executor, Tx } from '#server/db/transaction';
import { auditAppendStatement, recordAudit, type AuditInput } from '#server/platform/audit/audit-log';
import type { Actor } from '#server/platform/auth/actor';
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
   * The audit event of the work, appended last, after the answer is stored: the chain's head is
   * locked by the append and released by the commit, and on PostgreSQL the answer, the append and
   * the commit go out in one round trip, so the one lock every audited write waits for is held
   * only for the time PostgreSQL takes to run the append and the commit.
   */
  audit?: { actor: Pick<Actor, 'userId'> | null; input: AuditInput };
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

/** The claim: an insert the unique index (user, key) lets through once; a row back when it did. */
function claimStatement(r: IdempotentRequest, hash: string, now: Date): PipelinedStatement {
  return {
    name: 'idempotency-claim',
    text: `insert into idempotency_keys (key, user_id, operation, request_hash, status, body, created_at)
      values ($1, $2, $3, $4, ${IN_PROGRESS}, '{}', $5) on conflict do nothing returning key`,
    values: [r.key, r.userId, r.operation, hash, now],
  };
}

function answerStatement(r: IdempotentRequest, answer: { status: number; body: unknown }): PipelinedStatement {
  return {
    name: 'idempotency-answer',
    text: 'update idempotency_keys set status = $1, body = $2 where user_id = $3 and key = $4',
    values: [answer.status, JSON.stringify(answer.body ?? {}), r.userId, r.key],
  };
}

/** A drizzle transaction handle over a connection the caller has opened a transaction on (one per connection). */
const handles = new WeakMap<PoolClient, Tx>();
function transactionOn(client: PoolClient): Tx {
  let tx = handles.get(client);
  if (!tx) {
    const db = drizzle(client) as unknown as { dialect: never; session: never };
    tx = new NodePgTransaction(db.dialect, db.session, undefined) as unknown as Tx;
    handles.set(client, tx);
  }
  return tx;
}

/**
 * Databases (their pools) whose audit chain is known to have a head: once an append has found or
 * made it, it is never removed, and an append may go out with the commit (see `audit` above).
 */
const chainsWithHead = new WeakSet<Pool>();

/**
 * Claims the key, runs the work and stores its answer in ONE transaction: either all three are
 * there or none is, whatever moment the process dies at. A concurrent request with the same key
 * waits on the uncommitted claim (the unique index) and then replays the answer, or runs when the
 * first rolled back. A crash leaves no claim behind (the server rolls the transaction back when the
 * connection drops), so a retry right after a restart does the work at once instead of waiting for
 * the claim to go stale.
 *
 * On PostgreSQL the transaction's begin goes out with the claim, and the stored answer, the audit
 * event (`audit`) and the commit go out together (db/pipeline.ts): two round trips fewer than one
 * statement at a time, and none while the audit chain's head is locked.
 */
export async function runIdempotentInTransaction(
  ctx: AppContext,
  r: IdempotentRequest,
  fn: (tx: Tx) => Promise<IdempotentAnswer>,
): Promise<Omit<IdempotentAnswer, 'audit'> & { replayed: boolean }> {
  const hash = requestHash(r.operation, r.request);
  const now = ctx.clock.now();
  const pool = ctx.database.pool;
  const together = ctx.database.kind === 'postgres';
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const tx = transactionOn(client);
    const [, claimed] = await pipelined(client, [{ text: 'begin' }, claimStatement(r, hash, now)], together);
    if (claimed.rowCount !== 1) {
      const mine = and(eq(idempotencyKeys.userId, r.userId), eq(idempotencyKeys.key, r.key));
      const [row] = await tx.select().from(idempotencyKeys).where(mine);
      if (row && row.requestHash !== hash)
        throw new AppError('idempotency_key_reused', { fields: [fieldError('Idempotency-Key', 'invalid')] });
      // A committed claim with no answer was left by an earlier release's two-step path: taken over once stale.
      if (!row || row.status === IN_PROGRESS) {
        const taken = row && (await takeOverStale(tx, r, now));
        if (!taken) throw new AppError('idempotency_in_progress');
      } else {
        await client.query('commit');
        return { status: row.status, body: row.body, replayed: true };
      }
    }
    const { audit, ...answer } = await fn(tx);
    if (audit && !(together && chainsWithHead.has(pool))) {
      // Not known to have a head yet (or PGlite): one statement at a time, the first event included.
      await client.query(answerStatement(r, answer));
      await recordAudit(tx, audit.actor, audit.input);
      await client.query('commit');
      chainsWithHead.add(pool);
    } else {
      const append = audit ? [auditAppendStatement(audit.actor, audit.input)] : [];
      try {
        await pipelined(client, [answerStatement(r, answer), ...append, { text: 'commit' }], together);
      } catch (error) {
        // A head that vanished (a chain emptied under a running process): the next append looks again.
        if (append.length) chainsWithHead.delete(pool);
        throw error;
      }
    }
    return { ...answer, replayed: false };
  } catch (error) {
    try {
      await client.query('rollback');
    } catch (rollbackFailed) {
      broken = rollbackFailed as Error;
    }
    throw error;
  } finally {
    // A connection that could not even roll back is closed rather than handed to the next caller.
    client.release(broken);
  }
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
