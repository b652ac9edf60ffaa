/** The hearings area's queries: hearings, their participants and attendance. */
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { citizens, users } from '#server/modules/accounts/tables';
import { cases, courts } from '#server/modules/courts/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';
import { hearingAttendance, hearingBoothChecks, hearingParticipants, hearings } from './tables';

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

/** The judges of a court (users holding the judge's role there, not disabled), by name. */
export function judgesOfCourt(db: Executor, courtId: number) {
  return db
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, 'judge'),
        eq(roleGrants.scopeKind, 'court'),
        eq(roleGrants.courtId, courtId),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.lastName), asc(users.id));
}

const officeColumns = {
  id: offices.id,
  code: offices.code,
  nameFa: offices.nameFa,
  nameEn: offices.nameEn,
  address: offices.address,
  status: offices.status,
  provinceId: offices.provinceId,
  lat: offices.lat,
  lon: offices.lon,
  hearingBooths: offices.hearingBooths,
};
export type BoothOfficeRow = { [K in keyof typeof officeColumns]: (typeof offices.$inferSelect)[K] };

export function officesByIds(db: Executor, ids: number[]): Promise<BoothOfficeRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.select(officeColumns).from(offices).where(inArray(offices.id, ids));
}

/** Active offices with at least one hearing booth. */
export function boothOffices(db: Executor): Promise<BoothOfficeRow[]> {
  return db
    .select(officeColumns)
    .from(offices)
    .where(and(eq(offices.status, 'active'), sql`${offices.hearingBooths} > 0`))
    .orderBy(asc(offices.id));
}

/**
 * The office's row, locked: every booking at an office is made under this lock, so two requests
 * for its last booth are decided one after the other.
 */
export async function lockOffice(tx: Executor, officeId: number): Promise<BoothOfficeRow | null> {
  const [row] = await tx.select(officeColumns).from(offices).where(eq(offices.id, officeId)).for('update');
  return row ?? null;
}

const endsAt = sql<Date>`${hearings.startsAt} + make_interval(mins => ${hearings.durationMinutes}::int)`;

/** Booths booked at the offices for hearings not ended that overlap [from, to), the given participant's own left out. */
export async function boothBookings(tx: Executor, officeIds: number[], from: Date, to: Date, exceptParticipant = 0) {
  if (!officeIds.length) return [];
  const rows = await tx
    .select({
      officeId: hearingParticipants.officeId,
      boothNo: hearingParticipants.boothNo,
      startsAt: hearings.startsAt,
      endsAt: sql<string>`(${endsAt})::text`,
    })
    .from(hearingParticipants)
    .innerJoin(hearings, eq(hearings.id, hearingParticipants.hearingId))
    .where(
      and(
        inArray(hearingParticipants.officeId, officeIds),
        sql`${hearingParticipants.boothNo} is not null`,
        sql`${hearingParticipants.id} <> ${exceptParticipant}`,
        sql`${hearings.state} not in ('adjourned', 'closed')`,
        sql`${hearings.startsAt} < ${to.toISOString()}::timestamptz`,
        sql`${endsAt} > ${from.toISOString()}::timestamptz`,
      ),
    );
  return rows.map((r) => ({
    officeId: r.officeId!,
    boothNo: r.boothNo!,
    startsAt: r.startsAt,
    endsAt: new Date(r.endsAt),
  }));
}

/** An office's booth bookings of hearings starting in [from, to), by time and booth. */
export function boothCalendar(db: Executor, officeId: number, from: Date, to: Date) {
  return db
    .select({
      participant: hearingParticipants,
      hearingId: hearings.id,
      hearingState: hearings.state,
      startsAt: hearings.startsAt,
      durationMinutes: hearings.durationMinutes,
      caseNumber: cases.caseNumber,
    })
    .from(hearingParticipants)
    .innerJoin(hearings, eq(hearings.id, hearingParticipants.hearingId))
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .where(
      and(
        eq(hearingParticipants.officeId, officeId),
        sql`${hearingParticipants.boothNo} is not null`,
        sql`${hearings.startsAt} >= ${from.toISOString()}::timestamptz`,
        sql`${hearings.startsAt} < ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(hearings.startsAt), asc(hearingParticipants.boothNo));
}

export async function userNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}

export async function citizenNationalId(db: Executor, citizenId: number) {
  const [row] = await db.select({ nationalId: citizens.nationalId }).from(citizens).where(eq(citizens.id, citizenId));
  return row?.nationalId ?? null;
}

/** Participants of hearings not ended whose reminders may be due: hearings starting in (now, now + 24 h]. */
export function participantsToRemind(db: Executor, now: Date) {
  return db
    .select({
      participantId: hearingParticipants.id,
      hearingId: hearings.id,
      startsAt: hearings.startsAt,
      scheduledAt: hearings.scheduledAt,
      remindedDayAt: hearingParticipants.remindedDayAt,
      remindedHourAt: hearingParticipants.remindedHourAt,
    })
    .from(hearingParticipants)
    .innerJoin(hearings, eq(hearings.id, hearingParticipants.hearingId))
    .where(
      and(
        inArray(hearings.state, ['scheduled', 'waiting']),
        sql`${hearings.startsAt} > ${now.toISOString()}::timestamptz`,
        sql`${hearings.startsAt} <= ${new Date(now.getTime() + 24 * 3_600_000).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(hearings.startsAt), asc(hearingParticipants.id));
}

/** Marks a reminder sent unless it already was (a concurrent run's): true when this run claimed it. */
export async function claimReminder(tx: Executor, participantId: number, which: 'day' | 'hour', at: Date) {
  const column = which === 'day' ? hearingParticipants.remindedDayAt : hearingParticipants.remindedHourAt;
  const rows = await tx
    .update(hearingParticipants)
    .set(which === 'day' ? { remindedDayAt: at } : { remindedHourAt: at })
    .where(and(eq(hearingParticipants.id, participantId), isNull(column)))
    .returning({ id: hearingParticipants.id });
  return rows.length > 0;
}

/** What a reminder says and to whom. */
export async function reminderOf(db: Executor, participantId: number) {
  const [row] = await db
    .select({
      mobile: citizens.mobile,
      provinceId: citizens.provinceId,
      mode: hearingParticipants.mode,
      checkInCode: hearingParticipants.checkInCode,
      boothNo: hearingParticipants.boothNo,
      officeNameFa: offices.nameFa,
      officeAddress: offices.address,
      caseNumber: cases.caseNumber,
      startsAt: hearings.startsAt,
    })
    .from(hearingParticipants)
    .innerJoin(hearings, eq(hearings.id, hearingParticipants.hearingId))
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .innerJoin(citizens, eq(citizens.id, hearingParticipants.citizenId))
    .leftJoin(offices, eq(offices.id, hearingParticipants.officeId))
    .where(eq(hearingParticipants.id, participantId));
  return row ?? null;
}

export type BoothCheckRow = typeof hearingBoothChecks.$inferSelect;

export async function insertBoothCheck(tx: Executor, values: typeof hearingBoothChecks.$inferInsert) {
  const [row] = await tx.insert(hearingBoothChecks).values(values).returning();
  return row;
}

/** The booth checks of some offices made on some days (ISO, Tehran), newest first. */
export function boothChecks(db: Executor, officeIds: number[], days: string[]) {
  if (!officeIds.length || !days.length) return Promise.resolve([] as BoothCheckRow[]);
  return db
    .select()
    .from(hearingBoothChecks)
    .where(and(inArray(hearingBoothChecks.officeId, officeIds), inArray(hearingBoothChecks.day, days)))
    .orderBy(desc(hearingBoothChecks.checkedAt), desc(hearingBoothChecks.id));
}
