/**
 * The courts' cases as other areas see them: a case with its court and counts, and the check that
 * a case is within the actor's reach (the court desk and the notices area both start from it).
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import type { Action } from '#server/platform/auth/permissions';
import { can } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { caseParties, cases, courts } from './tables';

export type CourtRow = typeof courts.$inferSelect;
export const courtRef = (c: CourtRow) => ({
  id: c.id,
  code: c.code,
  name: { fa: c.nameFa, en: c.nameEn },
  branches: c.branches,
});

export function toCaseItem({
  kase: c,
  court,
  partyCount,
  noticeCount,
}: {
  kase: typeof cases.$inferSelect;
  court: CourtRow;
  partyCount: number;
  noticeCount: number;
}) {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    subject: c.subject,
    court: courtRef(court),
    branch: c.branch,
    provinceId: c.provinceId,
    filingId: c.filingId,
    openedAt: c.openedAt.toISOString(),
    partyCount,
    noticeCount,
  };
}

async function findCase(db: Executor, id: number) {
  const [row] = await db
    .select({
      kase: cases,
      court: courts,
      partyCount: sql<number>`(select count(*)::int from ${caseParties} where ${caseParties.caseId} = ${cases.id})`,
      noticeCount: sql<number>`(select count(*)::int from notices n where n.case_id = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(cases.id, id));
  return row ? { ...toCaseItem(row), row: row.kase } : null;
}

/** A case of the actor's court, or not found. */
export async function caseInScope(ctx: AppContext, actor: Actor, action: Action, caseId: number) {
  const found = await findCase(ctx.db, caseId);
  if (!found || !can(actor, action, { courtId: found.row.courtId, provinceId: found.row.provinceId }))
    throw new AppError('not_found');
  return found;
}
