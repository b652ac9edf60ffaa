/**
 * Appending to and verifying the audit chain. `recordAudit` must be called with the transaction
 * of the change it records, so the event exists exactly when the change does.
 */
import { asc, eq, gt, sql } from 'drizzle-orm';
import { namedQuery } from '#server/db/named';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import type { AuditAction, AuditEntityType } from './actions';
import { eventHash, GENESIS_HASH, hashedTextBeforeSeq, type ChainedEvent } from './chain';
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

/**
 * The append in one statement, under the head's lock for that statement and the commit only: lock
 * the head (a waiting transaction gets the head its predecessor wrote), insert the event numbered
 * after it with its hash — SHA-256 over the previous hash and the canonical text, whose only part
 * the database supplies is the number — and move the head. No row when there is no head yet.
 */
const AUDIT_APPEND_SQL = `
  with head as (select seq, hash from audit_chain_head where id = 1 for update),
  event as (
    insert into audit_events (seq, at, actor_user_id, action, entity_type, entity_id, province_id, office_id, data, prev_hash, hash)
    select head.seq + 1, $1::timestamptz, $2, $3, $4, $5, $6, $7, $8::jsonb, head.hash,
           encode(sha256(convert_to(head.hash || $9::text || (head.seq + 1)::text || '}', 'UTF8')), 'hex')
      from head
    returning seq, hash)
  update audit_chain_head set seq = event.seq, hash = event.hash from event where audit_chain_head.id = 1
  returning event.seq`;
const APPEND_STATEMENT = { name: 'audit-append', text: AUDIT_APPEND_SQL };

function eventOf(actor: Pick<Actor, 'userId'> | null, input: AuditInput): Omit<ChainedEvent, 'seq'> {
  return {
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
}

function appendValues(event: Omit<ChainedEvent, 'seq'>): unknown[] {
  return [
    event.at,
    event.actorUserId,
    event.action,
    event.entityType,
    event.entityId,
    event.provinceId,
    event.officeId,
    JSON.stringify(event.data),
    hashedTextBeforeSeq(event),
  ];
}

export async function recordAudit(
  tx: Executor,
  actor: Pick<Actor, 'userId'> | null,
  input: AuditInput,
): Promise<number> {
  const event = eventOf(actor, input);
  const [appended] = await namedQuery<{ seq: number }>(tx, APPEND_STATEMENT, appendValues(event));
  if (appended) return Number(appended.seq);
  return appendFirst(tx, event);
}

/**
 * The append of AUDIT_APPEND_SQL as a statement that fails when the chain has no head yet (a
 * division by the number of heads moved, zero): sent in one round trip with the commit behind it
 * (db/pipeline.ts), a missing head aborts the transaction instead of letting it commit without its
 * event. Only for a database whose chain is known to have a head (the first event is appended by
 * `recordAudit`).
 */
export const AUDIT_APPEND_WITH_HEAD_SQL = `
  with head as (select seq, hash from audit_chain_head where id = 1 for update),
  event as (
    insert into audit_events (seq, at, actor_user_id, action, entity_type, entity_id, province_id, office_id, data, prev_hash, hash)
    select head.seq + 1, $1::timestamptz, $2, $3, $4, $5, $6, $7, $8::jsonb, head.hash,
           encode(sha256(convert_to(head.hash || $9::text || (head.seq + 1)::text || '}', 'UTF8')), 'hex')
      from head
    returning seq, hash),
  moved as (
    update audit_chain_head set seq = event.seq, hash = event.hash from event where audit_chain_head.id = 1
    returning event.seq)
  select (select seq from moved) as seq, 1 / (select count(*)::int from moved) as head_moved`;

export function auditAppendStatement(
  actor: Pick<Actor, 'userId'> | null,
  input: AuditInput,
): { name: string; text: string; values: unknown[] } {
  return {
    name: 'audit-append-with-head',
    text: AUDIT_APPEND_WITH_HEAD_SQL,
    values: appendValues(eventOf(actor, input)),
  };
}

/**
 * The first event, when there is no head row to lock yet: a transaction-scoped advisory lock
 * orders the first appenders, and whoever comes second reads the head the first one wrote.
 */
async function appendFirst(tx: Executor, partial: Omit<ChainedEvent, 'seq'>): Promise<number> {
  await tx.execute(`select pg_advisory_xact_lock(${FIRST_EVENT_LOCK})`);
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  const event: ChainedEvent = { ...partial, seq: (head?.seq ?? 0) + 1 };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = eventHash(prevHash, event);
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
