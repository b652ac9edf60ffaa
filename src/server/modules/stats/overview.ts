/** Dashboard counts within the caller's scope: the nation, a province, an office or a court's province. */
import { and, count, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { scopeFilter } from '../../platform/auth/policy';
import type { AppContext } from '../../platform/context';
import { notifierOutbox } from '../../platform/notifier/tables';
import { courts } from '../court/tables';
import { citizens, roleGrants } from '../identity/tables';
import { offices } from '../offices/tables';

export async function overview(ctx: AppContext, actor: Actor) {
  const f = scopeFilter(actor, 'stats.overview');
  const db = ctx.db;
  // A court's staff read their court's province; an office's staff their office.
  const courtProvinces = f.courtIds.length
    ? (await db.select({ p: courts.provinceId }).from(courts).where(inArray(courts.id, f.courtIds))).map((r) => r.p) : [];
  const provinceIds = [...f.provinceIds, ...courtProvinces];
  const within = (province: AnyColumn, office?: AnyColumn): SQL | undefined => {
    if (f.all) return undefined;
    const parts: SQL[] = [];
    if (provinceIds.length) parts.push(inArray(province, provinceIds));
    if (office && f.officeIds.length) parts.push(inArray(office, f.officeIds));
    return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
  };
  const [[o], [s], [c], [q]] = await Promise.all([
    db.select({ n: count() }).from(offices).where(within(offices.provinceId, offices.id)),
    db.select({ n: sql<number>`count(distinct ${roleGrants.userId})` }).from(roleGrants)
      .where(and(sql`${roleGrants.role} <> 'citizen'`, within(roleGrants.provinceId, roleGrants.officeId))),
    f.officeIds.length && !f.all && !provinceIds.length
      ? Promise.resolve([{ n: 0 }])
      : db.select({ n: count() }).from(citizens).where(within(citizens.provinceId)),
    db.select({ n: count() }).from(notifierOutbox).where(and(eq(notifierOutbox.status, 'pending'), within(notifierOutbox.provinceId))),
  ]);
  return {
    offices: Number(o.n), staff: Number(s.n), citizens: Number(c.n), outboxPending: Number(q.n),
    scopeLabel: f.all ? { fa: 'کل کشور', en: 'Nationwide' }
      : provinceIds.length ? { fa: 'استان', en: 'Province' } : { fa: 'دفتر', en: 'Office' },
  };
}
