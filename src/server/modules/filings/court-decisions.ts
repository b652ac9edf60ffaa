/**
 * The court's answer to a submitted filing, applied to the filing: accepted (a case number and a
 * branch) or returned to the office with reasons. Called by the court desk (or a real court
 * gateway) inside its own transaction, after it has authorized the court actor. Each queues the
 * applicant's SMS in that transaction and returns its outbox id (null when the applicant has no
 * mobile) for the caller to dispatch after commit.
 */
import type { Tx } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { recordAudit } from '#server/platform/audit/audit-log';
import { AppError } from '#server/platform/errors/app-error';
import { queueFilingSms } from './status-sms';
import * as store from './store';

async function awaitingDecision(tx: Tx, filingId: number) {
  const f = await store.findFiling(tx, filingId, true);
  if (!f) throw new AppError('not_found');
  if (f.status !== 'submitted')
    throw new AppError('filing_not_awaiting_decision', { extra: { filingStatus: f.status } });
  return f;
}

/** The decisions are taken at `now`, by the deciding side's clock (the server's, for the embedded court desk). */
export async function acceptFiling(
  tx: Tx,
  actor: Pick<Actor, 'userId'>,
  filingId: number,
  decision: { caseNumber: string; branch: number; caseId: number },
  now: Date,
): Promise<number | null> {
  const f = await awaitingDecision(tx, filingId);
  await store.updateFiling(tx, f.id, {
    status: 'accepted',
    caseNumber: decision.caseNumber,
    branch: decision.branch,
    decidedAt: now,
    returnReasons: null,
  });
  const data = { caseNumber: decision.caseNumber, branch: decision.branch, caseId: decision.caseId };
  await store.insertEvent(tx, {
    filingId: f.id,
    actorUserId: actor.userId,
    action: 'accepted',
    fromStatus: f.status,
    toStatus: 'accepted',
    channel: 'court',
    courtId: f.courtId,
    data,
    at: now,
  });
  await recordAudit(tx, actor, {
    action: 'filings.accepted',
    entityType: 'filing',
    entityId: f.id,
    provinceId: f.provinceId,
    officeId: f.officeId,
    data: { ...data, courtId: f.courtId, trackingCode: f.trackingCode },
  });
  return queueFilingSms(tx, f, 'accepted', now);
}

export async function returnFiling(
  tx: Tx,
  actor: Pick<Actor, 'userId'>,
  filingId: number,
  decision: { reasons: string },
  now: Date,
): Promise<number | null> {
  const f = await awaitingDecision(tx, filingId);
  await store.updateFiling(tx, f.id, { status: 'returned', returnReasons: decision.reasons, decidedAt: now });
  await store.insertEvent(tx, {
    filingId: f.id,
    actorUserId: actor.userId,
    action: 'returned',
    fromStatus: f.status,
    toStatus: 'returned',
    channel: 'court',
    courtId: f.courtId,
    data: { reasons: decision.reasons },
    at: now,
  });
  await recordAudit(tx, actor, {
    action: 'filings.returned',
    entityType: 'filing',
    entityId: f.id,
    provinceId: f.provinceId,
    officeId: f.officeId,
    data: { courtId: f.courtId, trackingCode: f.trackingCode, reasons: decision.reasons },
  });
  return queueFilingSms(tx, f, 'returned', now);
}
