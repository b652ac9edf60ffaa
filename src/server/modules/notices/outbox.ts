/** Reading the notifier outbox: regulator admins see all of it, association admins their province. */
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { notifierOutbox } from '#server/platform/notifier/tables';

/**
 * One-time codes (sign-in, consent, mobile confirmation) are secrets: their digits are hidden from
 * every reader of the outbox, whatever the environment. The row keeps the code, because the SMS
 * transport sends it; only the development console echoes it (DAFTAR_NOTIFIER_CONSOLE).
 */
function visibleBody(body: string, template: string): string {
  return template.startsWith('otp.') ? body.replace(/[0-9۰-۹٠-٩]/g, '•') : body;
}

export async function listOutbox(
  ctx: AppContext,
  actor: Actor,
  query: { status?: 'pending' | 'sent' | 'failed'; page: number; pageSize: number },
) {
  const filter = scopeFilter(actor, 'outbox.read');
  const scopeCondition: SQL | undefined = filter.all
    ? undefined
    : filter.provinceIds.length
      ? inArray(notifierOutbox.provinceId, filter.provinceIds)
      : sql`false`;
  const where = and(scopeCondition, query.status ? eq(notifierOutbox.status, query.status) : undefined);
  const [{ total }] = await ctx.db.select({ total: count() }).from(notifierOutbox).where(where);
  const rows = await ctx.db
    .select()
    .from(notifierOutbox)
    .where(where)
    .orderBy(desc(notifierOutbox.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      template: m.template,
      body: visibleBody(m.body, m.template),
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
