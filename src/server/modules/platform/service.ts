/** Use cases behind the platform's own routes: health, and the audit log's reader. */
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { writeCheckpoint } from '#server/platform/audit/anchor';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import type { AuditEventsQuery } from './schemas';
import * as store from './store';

/**
 * The audit log, newest first, filtered. National oversight reads all of it; a province's
 * association reads the events of its province (and of the offices in it) and its own actions.
 */
export async function listAuditEvents(ctx: AppContext, actor: Actor, query: AuditEventsQuery) {
  const filter = scopeFilter(actor, 'audit.read');
  if (query.from && query.to && query.to.iso < query.from.iso) throw invalidField('to', 'end_before_start');
  const scope: store.AuditScope = filter.all ? 'all' : { provinceIds: filter.provinceIds, userId: actor.userId };
  return { ...(await store.auditPage(ctx.db, scope, query)), page: query.page, pageSize: query.pageSize };
}

/** Whether the database answers (the health check). */
export function databaseIsUp(ctx: AppContext): Promise<boolean> {
  return store.databaseIsUp(ctx.db);
}

/** Walks the audit hash chain and reports the first broken link. */
export function verifyAudit(ctx: AppContext, actor: Actor) {
  authorize(actor, 'audit.verify', {});
  return verifyAuditChain(ctx.db);
}

/** Signs the chain's head now and publishes it (the file, the regulator's notifier); the caller downloads it. */
export async function createAuditCheckpoint(ctx: AppContext, actor: Actor) {
  authorize(actor, 'audit.checkpoint', {});
  let written: Awaited<ReturnType<typeof writeCheckpoint>>;
  try {
    written = await writeCheckpoint(ctx.db, ctx.config.audit, ctx.clock.now());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // The key or the file, not the database: the operator has to fix the machine.
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM')
      throw new AppError('audit_anchor_unavailable');
    throw error;
  }
  if (written.outboxId != null) await dispatchMessages(ctx, [written.outboxId]);
  return written.checkpoint;
}
