/** Use cases behind the platform's own routes: health, and the audit log's reader. */
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import * as store from './store';

export async function listAuditEvents(ctx: AppContext, actor: Actor, page: number, pageSize: number) {
  authorize(actor, 'audit.read', {});
  return { ...(await store.auditPage(ctx.db, page, pageSize)), page, pageSize };
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
