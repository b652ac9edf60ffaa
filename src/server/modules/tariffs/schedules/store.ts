/** Queries of tariff schedules: the list with who drafted and approved each, lines, and the draft's writes. */
import { and, asc, desc, eq, gt, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '#server/db/transaction';
import { catalogServices } from '#server/modules/catalog/tables';
import { users } from '#server/modules/accounts/tables';
import { tariffLines, tariffSchedules } from '#server/modules/tariffs/tables';

export type ScheduleRow = typeof tariffSchedules.$inferSelect;
export type LineRow = {
  code: string;
  titleFa: string;
  titleEn: string;
  amountRials: number;
  onlineAmountRials: number | null;
};
export type ScheduleWithPeople = ScheduleRow & { createdByName: string | null; approvedByName: string | null };

const creator = alias(users, 'creator');
const approver = alias(users, 'approver');
const fullName = (u: { firstName: AnyColumn; lastName: AnyColumn }) =>
  sql<string | null>`nullif(trim(${u.firstName} || ' ' || ${u.lastName}), '')`;

/** Schedules of the given statuses, latest start first, with the names of who drafted and approved them. */
export async function listSchedules(
  db: Executor,
  statuses: ('draft' | 'approved')[],
  id?: number,
): Promise<ScheduleWithPeople[]> {
  const rows = await db
    .select({ s: tariffSchedules, createdByName: fullName(creator), approvedByName: fullName(approver) })
    .from(tariffSchedules)
    .leftJoin(creator, eq(creator.id, tariffSchedules.createdBy))
    .leftJoin(approver, eq(approver.id, tariffSchedules.approvedBy))
    .where(and(inArray(tariffSchedules.status, statuses), id != null ? eq(tariffSchedules.id, id) : undefined))
    .orderBy(desc(tariffSchedules.effectiveFrom), desc(tariffSchedules.id));
  return rows.map((r) => ({ ...r.s, createdByName: r.createdByName, approvedByName: r.approvedByName }));
}

export async function scheduleById(db: Executor, id: number): Promise<ScheduleWithPeople | null> {
  return (await listSchedules(db, ['draft', 'approved'], id))[0] ?? null;
}

/** The schedule's row, locked until the transaction ends: edits, deletion and approval apply one after the other. */
export async function scheduleForUpdate(tx: Executor, id: number): Promise<ScheduleRow | null> {
  const [row] = await tx.select().from(tariffSchedules).where(eq(tariffSchedules.id, id)).for('update');
  return row ?? null;
}

export async function linesOf(db: Executor, scheduleId: number): Promise<LineRow[]> {
  return (
    db
      .select({
        code: tariffLines.code,
        titleFa: tariffLines.titleFa,
        titleEn: tariffLines.titleEn,
        amountRials: tariffLines.amountRials,
        onlineAmountRials: tariffLines.onlineAmountRials,
      })
      .from(tariffLines)
      .leftJoin(catalogServices, eq(catalogServices.code, tariffLines.code))
      .where(eq(tariffLines.scheduleId, scheduleId))
      // Catalog order, then the lines that are not services (extra party, extra page…).
      .orderBy(sql`${catalogServices.sortOrder} asc nulls last`, asc(tariffLines.code))
  );
}

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tariffSchedules.id })
    .from(tariffSchedules)
    .where(sql`lower(${tariffSchedules.code}) = lower(${code})`);
  return row != null;
}

/** Every catalog service's code and titles (active or not: a line may price a retired service). */
export async function catalogTitles(db: Executor) {
  return db
    .select({ code: catalogServices.code, titleFa: catalogServices.titleFa, titleEn: catalogServices.titleEn })
    .from(catalogServices);
}

export async function insertSchedule(tx: Executor, row: typeof tariffSchedules.$inferInsert): Promise<number> {
  const [created] = await tx.insert(tariffSchedules).values(row).returning({ id: tariffSchedules.id });
  return created.id;
}

export async function updateSchedule(tx: Executor, id: number, set: Partial<typeof tariffSchedules.$inferInsert>) {
  if (Object.keys(set).length === 0) return;
  await tx.update(tariffSchedules).set(set).where(eq(tariffSchedules.id, id));
}

/** Inserts or replaces lines by code. */
export async function upsertLines(tx: Executor, scheduleId: number, lines: LineRow[]) {
  if (lines.length === 0) return;
  await tx
    .insert(tariffLines)
    .values(lines.map((l) => ({ ...l, scheduleId })))
    .onConflictDoUpdate({
      target: [tariffLines.scheduleId, tariffLines.code],
      set: {
        titleFa: sql`excluded.title_fa`,
        titleEn: sql`excluded.title_en`,
        amountRials: sql`excluded.amount_rials`,
        onlineAmountRials: sql`excluded.online_amount_rials`,
      },
    });
}

export async function deleteLines(tx: Executor, scheduleId: number, codes: string[]) {
  if (codes.length === 0) return;
  await tx.delete(tariffLines).where(and(eq(tariffLines.scheduleId, scheduleId), inArray(tariffLines.code, codes)));
}

export async function deleteSchedule(tx: Executor, id: number) {
  await tx.delete(tariffLines).where(eq(tariffLines.scheduleId, id));
  await tx.delete(tariffSchedules).where(eq(tariffSchedules.id, id));
}

export async function approve(tx: Executor, id: number, userId: number, now: Date) {
  await tx
    .update(tariffSchedules)
    .set({ status: 'approved', approvedBy: userId, approvedAt: now })
    .where(eq(tariffSchedules.id, id));
}

// Approvals run one at a time (a transaction-scoped advisory lock, released at commit), so two
// drafts whose dates overlap cannot both pass the overlap check.
const APPROVAL_LOCK = 7_240_051;
export async function lockApprovals(tx: Executor) {
  await tx.execute(`select pg_advisory_xact_lock(${APPROVAL_LOCK})`);
}

/** The mobile of whoever drafted a schedule, to tell them of its approval. */
export async function mobileOfUser(db: Executor, userId: number): Promise<string | null> {
  const [row] = await db.select({ mobile: users.mobile }).from(users).where(eq(users.id, userId));
  return row?.mobile ?? null;
}

/** The next draft schedule (the earliest starting after `today`), locked until the transaction ends. */
export async function nextDraftForUpdate(tx: Executor, today: string): Promise<ScheduleRow | null> {
  const [row] = await tx
    .select()
    .from(tariffSchedules)
    .where(and(eq(tariffSchedules.status, 'draft'), gt(tariffSchedules.effectiveFrom, today)))
    .orderBy(asc(tariffSchedules.effectiveFrom), asc(tariffSchedules.id))
    .limit(1)
    .for('update');
  return row ?? null;
}
