import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { auditEvents } from '#server/platform/audit/tables';
import { users } from '#server/modules/accounts/tables';

export async function auditPage(db: Executor, page: number, pageSize: number) {
  const [{ total }] = await db.select({ total: count() }).from(auditEvents);
  const rows = await db
    .select({ e: auditEvents, firstName: users.firstName, lastName: users.lastName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .orderBy(desc(auditEvents.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    total,
    items: rows.map(({ e, firstName, lastName }) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      hash: e.hash,
      actor:
        e.actorUserId == null
          ? null
          : { id: e.actorUserId, displayName: `${firstName ?? ''} ${lastName ?? ''}`.trim() },
    })),
  };
}

export async function databaseIsUp(db: Executor): Promise<boolean> {
  return db.execute('select 1').then(
    () => true,
    () => false,
  );
}
