/**
 * Appending to and verifying the audit chain. `recordAudit` must be called with the transaction
 * of the change it records, so the event exists exactly when the change does.
 */
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import type { AuditAction, AuditEntityType } from './actions';
import { eventHash, GENESIS_HASH, type ChainedEvent } from './chain';
import { auditChainHead, auditEvents } from './tables';

/**
 * One chain, appended in order: the head row's lock (`for update`, held to commit) orders appends,
 * and a waiting transaction reads the head its predecessor wrote. Before the first event there is
 * no head row to lock, so that case alone takes a transaction-scoped advisory lock and reads again.
 */
const FIRST_EVENT_LOCK = 7_240_002;

export interface AuditInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | number;
  provinceId?: number | null;
  officeId?: number | null;
  data?: Record<string, unknown>;
}

export async function recordAudit(
  tx: Executor,
  actor: Pick<Actor, 'userId'> | null,
  input: AuditInput,
): Promise<number> {
  const lockedHead = () => tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  let [head] = await lockedHead();
  if (!head) {
    await tx.execute(`select pg_advisory_xact_lock(${FIRST_EVENT_LOCK})`);
    [head] = await lockedHead();
  }
  const event: ChainedEvent = {
    seq: (head?.seq ?? 0) + 1,
    // The real time of the append, not the server's business clock (ctx.clock): the chain says when
    // it was written, whatever day a demo or a test has set that clock to.
    at: new Date().toISOString(),
    actorUserId: actor?.userId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    provinceId: input.provinceId ?? null,
    officeId: input.officeId ?? null,
    data: input.data ?? {},
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = eventHash(prevHash, event);
  // The event and the new head in one statement: one round trip less while the head is locked.
  const insertEvent = tx
    .insert(auditEvents)
    .values({ ...event, at: new Date(event.at), data: event.data as object, prevHash, hash });
  const advanceHead = tx
    .insert(auditChainHead)
    .values({ id: 1, seq: event.seq, hash })
    .onConflictDoUpdate({ target: auditChainHead.id, set: { seq: event.seq, hash } });
  await tx.execute(sql`with event as (${insertEvent.getSQL()}) ${advanceHead.getSQL()}`);
  return event.seq;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'missing_event' | 'head_mismatch' };
}

/** Walks the chain in order, in batches, and reports the first broken link. */
export async function verifyAuditChain(db: Executor, batchSize = 5_000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'missing_event' } };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      const recomputed = eventHash(prevHash, {
        seq: row.seq,
        at: row.at.toISOString(),
        actorUserId: row.actorUserId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        provinceId: row.provinceId,
        officeId: row.officeId,
        data: row.data,
      });
      if (recomputed !== row.hash)
        return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      firstBroken: { seq: checked + 1, reason: headSeq > checked ? 'missing_event' : 'head_mismatch' },
    };
  }
  return { ok: true, checked };
}
