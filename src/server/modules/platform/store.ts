import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { auditEvents } from '#server/platform/audit/tables';
import { users } from '#server/modules/accounts/tables';
import { offices } from '#server/modules/offices/tables';
import type { AuditEventsQuery } from './schemas';

/** Which events a reader may see: all, or those of some provinces (their offices too) and the reader's own. */
export type AuditScope = 'all' | { provinceIds: number[]; userId: number };

const tehranDayStart = (iso: string) => sql`(${iso}::date)::timestamp at time zone 'Asia/Tehran'`;

function scopeCondition(scope: AuditScope): SQL | undefined {
  if (scope === 'all') return undefined;
  const parts: SQL[] = [eq(auditEvents.actorUserId, scope.userId)];
  if (scope.provinceIds.length) {
    parts.push(inArray(auditEvents.provinceId, scope.provinceIds));
    parts.push(
      inArray(
        auditEvents.officeId,
        sql`(select ${offices.id} from ${offices} where ${inArray(offices.provinceId, scope.provinceIds)})`,
      ),
    );
  }
  return or(...parts);
}

/** `%`, `_` and `\` typed by a person match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function auditPage(db: Executor, scope: AuditScope, q: AuditEventsQuery) {
  const who = q.who ? likePattern(q.who) : null;
  const where = and(
    scopeCondition(scope),
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.from ? gte(auditEvents.at, tehranDayStart(q.from.iso)) : undefined,
    q.to ? lt(auditEvents.at, sql`${tehranDayStart(q.to.iso)} + interval '1 day'`) : undefined,
    who
      ? or(
          ilike(users.username, who),
          ilike(sql`coalesce(${users.firstName}, '') || ' ' || coalesce(${users.lastName}, '')`, who),
        )
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where);
  const rows = await db
    .select({ e: auditEvents, firstName: users.firstName, lastName: users.lastName, username: users.username })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total,
    items: rows.map(({ e, firstName, lastName, username }) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      provinceId: e.provinceId,
      officeId: e.officeId,
      source: sourceOf(e.data),
      hash: e.hash,
      actor:
        e.actorUserId == null
          ? null
          : { id: e.actorUserId, displayName: `${firstName ?? ''} ${lastName ?? ''}`.trim(), username },
    })),
  };
}

/** The source address a sign-in event keeps in its data. */
function sourceOf(data: unknown): string | null {
  const ip = (data as { ip?: unknown } | null)?.ip;
  return typeof ip === 'string' ? ip : null;
}

export async function databaseIsUp(db: Executor): Promise<boolean> {
  return db.execute('select 1').then(
    () => true,
    () => false,
  );
}
