/** The hearings area's queries: hearings, their participants and attendance. */
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { citizens, users } from '#server/modules/accounts/tables';
import { cases, courts } from '#server/modules/courts/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';
import { hearingAttendance, hearingParticipants, hearings } from './tables';

export type HearingRow = typeof hearings.$inferSelect;
export type ParticipantRow = typeof hearingParticipants.$inferSelect;

export function citizensByNationalId(db: Executor, nationalIds: string[]) {
  return db
    .select({
      id: citizens.id,
      nationalId: citizens.nationalId,
      firstName: citizens.firstName,
      lastName: citizens.lastName,
      mobile: citizens.mobile,
      provinceId: citizens.provinceId,
    })
    .from(citizens)
    .where(inArray(citizens.nationalId, nationalIds));
}

/** The judge's name when the user holds the judge's role at the court, else null. */
export async function judgeOfCourt(db: Executor, userId: number, courtId: number) {
  const [row] = await db
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, 'judge'),
        eq(roleGrants.scopeKind, 'court'),
        eq(roleGrants.courtId, courtId),
        eq(users.disabled, false),
      ),
    );
  return row ? `${row.firstName} ${row.lastName}` : null;
}

export async function existingOfficeIds(db: Executor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: offices.id }).from(offices).where(inArray(offices.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function insertHearing(tx: Executor, values: typeof hearings.$inferInsert) {
  const [row] = await tx.insert(hearings).values(values).returning();
  return row;
}

export function insertParticipants(tx: Executor, rows: (typeof hearingParticipants.$inferInsert)[]) {
  return tx.insert(hearingParticipants).values(rows).returning();
}

export async function updateParticipant(
  tx: Executor,
  id: number,
  values: Partial<typeof hearingParticipants.$inferInsert>,
) {
  const [row] = await tx.update(hearingParticipants).set(values).where(eq(hearingParticipants.id, id)).returning();
  return row;
}

export async function findHearing(db: Executor, id: number, forUpdate = false) {
  const q = db
    .select({ hearing: hearings, kase: cases, court: courts })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .innerJoin(courts, eq(courts.id, hearings.courtId))
    .where(eq(hearings.id, id));
  const [row] = forUpdate ? await q.for('update', { of: hearings }) : await q;
  return row ?? null;
}

export type HearingWithCase = NonNullable<Awaited<ReturnType<typeof findHearing>>>;

export async function updateHearing(tx: Executor, id: number, values: Partial<typeof hearings.$inferInsert>) {
  const [row] = await tx.update(hearings).set(values).where(eq(hearings.id, id)).returning();
  return row;
}

export function participantsOf(db: Executor, hearingId: number) {
  return db
    .select()
    .from(hearingParticipants)
    .where(eq(hearingParticipants.hearingId, hearingId))
    .orderBy(asc(hearingParticipants.id));
}

export async function userName(db: Executor, userId: number) {
  const [row] = await db
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(eq(users.id, userId));
  return row ? `${row.firstName} ${row.lastName}` : '';
}

export function attendanceOf(db: Executor, hearingId: number) {
  return db
    .select({
      a: hearingAttendance,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(hearingAttendance)
    .innerJoin(users, eq(users.id, hearingAttendance.userId))
    .where(eq(hearingAttendance.hearingId, hearingId))
    .orderBy(asc(hearingAttendance.joinedAt), asc(hearingAttendance.id));
}

export async function recordJoin(
  tx: Executor,
  values: { hearingId: number; userId: number; participantId: number | null; joinedAt: Date },
) {
  const [row] = await tx.insert(hearingAttendance).values(values).returning({ id: hearingAttendance.id });
  return row.id;
}

export async function recordLeave(tx: Executor, attendanceId: number, leftAt: Date) {
  await tx
    .update(hearingAttendance)
    .set({ leftAt })
    .where(and(eq(hearingAttendance.id, attendanceId), isNull(hearingAttendance.leftAt)));
}

/** Everyone still in the room when the hearing ends leaves with it. */
export async function closeAttendance(tx: Executor, hearingId: number, at: Date) {
  await tx
    .update(hearingAttendance)
    .set({ leftAt: at })
    .where(and(eq(hearingAttendance.hearingId, hearingId), isNull(hearingAttendance.leftAt)));
}

/** Hearings within the scope (a court's) or of the citizen called to them, soonest first. */
export async function listHearings(
  db: Executor,
  scope: { filter: ScopeFilter; citizenId: number | null },
  state?: HearingRow['state'],
) {
  const who: SQL[] = [];
  if (scope.filter.all) who.push(sql`true`);
  if (scope.filter.courtIds.length) who.push(inArray(hearings.courtId, scope.filter.courtIds));
  if (scope.filter.provinceIds.length) who.push(inArray(hearings.provinceId, scope.filter.provinceIds));
  if (scope.citizenId != null)
    who.push(
      sql`exists (select 1 from ${hearingParticipants} p where p.hearing_id = ${hearings.id} and p.citizen_id = ${scope.citizenId})`,
    );
  if (!who.length) return [];
  return db
    .select({
      hearing: hearings,
      caseNumber: cases.caseNumber,
      courtNameFa: courts.nameFa,
      courtNameEn: courts.nameEn,
      participantCount: sql<number>`(select count(*)::int from ${hearingParticipants} p where p.hearing_id = ${hearings.id})`,
    })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .innerJoin(courts, eq(courts.id, hearings.courtId))
    .where(and(or(...who), state ? eq(hearings.state, state) : undefined))
    .orderBy(asc(hearings.startsAt), asc(hearings.id))
    .limit(200);
}

/** The participants' e-accounts, for the notices that reach them. */
export function participantContacts(db: Executor, hearingId: number) {
  return db
    .selectDistinctOn([citizens.id], {
      citizenId: citizens.id,
      mobile: citizens.mobile,
      provinceId: citizens.provinceId,
    })
    .from(hearingParticipants)
    .innerJoin(citizens, eq(citizens.id, hearingParticipants.citizenId))
    .where(eq(hearingParticipants.hearingId, hearingId))
    .orderBy(citizens.id);
}
