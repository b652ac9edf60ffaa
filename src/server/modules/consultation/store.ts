/** Queries of the consultation area: the registry, fee ranges, sittings and bookings. */
import { and, asc, desc, eq, gte, inArray, lt, ne, or, type Placeholder, sql } from 'drizzle-orm';
import { preparedFor } from '#server/db/prepared';
import type { Executor } from '#server/db/transaction';
import { citizens, users } from '#server/modules/accounts/tables';
import { provinces } from '#server/modules/geo/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';
import { payments } from '#server/modules/payments/tables';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { consultantSittings, consultants, consultationBookings, consultationFeeRanges } from './tables';
import { SLOT_KEEPING_STATUSES } from './values';

export type ConsultantRow = typeof consultants.$inferSelect;
export type SittingRow = typeof consultantSittings.$inferSelect;
export type BookingRow = typeof consultationBookings.$inferSelect;

// ---- fee ranges ----

export async function feeRange(db: Executor, provinceId: number) {
  const [row] = await db.select().from(consultationFeeRanges).where(eq(consultationFeeRanges.provinceId, provinceId));
  return row ?? null;
}

export async function feeRanges(db: Executor, filter: ScopeFilter) {
  return db
    .select({ range: consultationFeeRanges, nameFa: provinces.nameFa, nameEn: provinces.nameEn })
    .from(consultationFeeRanges)
    .innerJoin(provinces, eq(provinces.id, consultationFeeRanges.provinceId))
    .where(
      filter.all
        ? undefined
        : inArray(consultationFeeRanges.provinceId, filter.provinceIds.length ? filter.provinceIds : [-1]),
    )
    .orderBy(asc(consultationFeeRanges.provinceId));
}

export async function provinceName(db: Executor, id: number) {
  const [row] = await db
    .select({ fa: provinces.nameFa, en: provinces.nameEn })
    .from(provinces)
    .where(eq(provinces.id, id));
  return row ?? null;
}

export async function upsertFeeRange(tx: Executor, row: typeof consultationFeeRanges.$inferInsert) {
  await tx
    .insert(consultationFeeRanges)
    .values(row)
    .onConflictDoUpdate({
      target: consultationFeeRanges.provinceId,
      set: { minRials: row.minRials, maxRials: row.maxRials, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

// ---- the registry ----

export async function findConsultant(db: Executor, id: number, lock = false) {
  const q = db.select().from(consultants).where(eq(consultants.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * A consultant and the first of their sittings at one place (their video hours, or their hours at
 * one office), in one statement: the slot list reads both on every request, so one round trip
 * instead of two. The sitting is null when they do not sit there (or no office is named).
 */
export async function consultantWithSitting(
  db: Executor,
  id: number,
  mode: 'office' | 'video',
  officeId: number | null | undefined,
): Promise<{ consultant: ConsultantRow; sitting: SittingRow | null } | null> {
  // Asked on every slot page: prepared once per form of the place (video; an office; no office named).
  const shape = mode === 'video' ? 'video' : officeId == null ? 'none' : 'office';
  const query = preparedFor(db, `consultation.consultantWithSitting.${shape}`, () => {
    const place =
      shape === 'video'
        ? eq(consultantSittings.mode, 'video')
        : shape === 'none'
          ? sql`false`
          : and(eq(consultantSittings.mode, 'office'), eq(consultantSittings.officeId, sql.placeholder('officeId')));
    return db
      .select({ consultant: consultants, sitting: consultantSittings })
      .from(consultants)
      .leftJoin(consultantSittings, and(eq(consultantSittings.consultantId, consultants.id), place))
      .where(eq(consultants.id, sql.placeholder('id')))
      .orderBy(asc(consultantSittings.id))
      .limit(1)
      .prepare('');
  });
  const [row] = await query.execute({ id, officeId });
  return row ?? null;
}

export async function consultantOfUser(db: Executor, userId: number) {
  const [row] = await db.select().from(consultants).where(eq(consultants.userId, userId));
  return row ?? null;
}

/** The staff account of this username holding a consultant grant, or null. */
export async function consultantUserId(db: Executor, username: string): Promise<number | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(users.username, username), eq(roleGrants.role, 'consultant')))
    .limit(1);
  return row?.id ?? null;
}

/** The usernames of these staff accounts. */
export async function usernamesOf(db: Executor, userIds: number[]): Promise<Map<number, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.username]));
}

export async function licenceTaken(db: Executor, kind: string, licenceNumber: string, exceptId: number | null) {
  const [row] = await db
    .select({ id: consultants.id })
    .from(consultants)
    .where(
      and(
        eq(consultants.kind, kind as ConsultantRow['kind']),
        eq(consultants.licenceNumber, licenceNumber),
        exceptId == null ? undefined : ne(consultants.id, exceptId),
      ),
    );
  return row != null;
}

export async function insertConsultant(tx: Executor, row: typeof consultants.$inferInsert) {
  const [created] = await tx.insert(consultants).values(row).returning();
  return created;
}

export async function updateConsultant(tx: Executor, id: number, set: Partial<typeof consultants.$inferInsert>) {
  await tx.update(consultants).set(set).where(eq(consultants.id, id));
}

export interface ConsultantSearch {
  provinceIds: number[] | null;
  provinceId?: number;
  /** Only those who can be booked on this day (active, licence in date). */
  bookableOn?: string;
}

export async function searchConsultants(db: Executor, s: ConsultantSearch) {
  return db
    .select()
    .from(consultants)
    .where(
      and(
        s.provinceIds ? inArray(consultants.provinceId, s.provinceIds.length ? s.provinceIds : [-1]) : undefined,
        s.provinceId != null ? eq(consultants.provinceId, s.provinceId) : undefined,
        s.bookableOn ? and(eq(consultants.active, true), gte(consultants.licenceExpiresOn, s.bookableOn)) : undefined,
      ),
    )
    .orderBy(asc(consultants.lastName), asc(consultants.id));
}

export interface SittingWithOffice {
  sitting: SittingRow;
  office: { id: number; code: string; nameFa: string; nameEn: string; address: string; provinceId: number } | null;
}

export async function sittingsOf(db: Executor, consultantIds: number[]): Promise<SittingWithOffice[]> {
  if (consultantIds.length === 0) return [];
  const rows = await db
    .select({
      sitting: consultantSittings,
      officeId: offices.id,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
      address: offices.address,
      provinceId: offices.provinceId,
    })
    .from(consultantSittings)
    .leftJoin(offices, eq(offices.id, consultantSittings.officeId))
    .where(inArray(consultantSittings.consultantId, consultantIds))
    .orderBy(asc(consultantSittings.id));
  return rows.map((r) => ({
    sitting: r.sitting,
    office:
      r.officeId == null
        ? null
        : {
            id: r.officeId,
            code: r.code!,
            nameFa: r.nameFa!,
            nameEn: r.nameEn!,
            address: r.address!,
            provinceId: r.provinceId!,
          },
  }));
}

export async function replaceSittings(
  tx: Executor,
  consultantId: number,
  rows: (typeof consultantSittings.$inferInsert)[],
) {
  await tx.delete(consultantSittings).where(eq(consultantSittings.consultantId, consultantId));
  if (rows.length) await tx.insert(consultantSittings).values(rows);
}

export async function officesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: offices.id, status: offices.status, provinceId: offices.provinceId })
    .from(offices)
    .where(inArray(offices.id, ids));
}

// ---- bookings ----

/** A payment that will never be credited: the bank declined it, the payer cancelled, or it ran out. */
const paymentFailed = sql`exists (select 1 from ${payments} p where p.id = ${consultationBookings.paymentId} and p.status in ('failed', 'cancelled', 'expired'))`;

/** Keeps its slot: a booking in a slot-keeping state, unless it is a pending payment that has run out or failed. */
const keepsSlot = (now: Date | Placeholder) =>
  and(
    inArray(consultationBookings.status, [...SLOT_KEEPING_STATUSES]),
    or(
      ne(consultationBookings.status, 'pending-payment'),
      and(sql`${consultationBookings.holdUntil} > ${now}`, sql`not ${paymentFailed}`),
    ),
  );

/** The times taken between two instants: the consultant's own bookings, and the room's when the place is an office room. */
export async function busyPeriods(
  db: Executor,
  q: {
    consultantId: number;
    officeId: number | null;
    room: number | null;
    from: Date;
    to: Date;
    now: Date;
    exceptId?: number;
  },
) {
  const withRoom = q.officeId != null && q.room != null;
  const moving = q.exceptId != null;
  // Asked on every slot page: prepared once per form (an office room or not; a booking being moved or not).
  const query = preparedFor(db, `consultation.busyPeriods.${withRoom}.${moving}`, () => {
    const consultant = eq(consultationBookings.consultantId, sql.placeholder('consultantId'));
    const room = and(
      eq(consultationBookings.mode, 'office'),
      eq(consultationBookings.officeId, sql.placeholder('officeId')),
      eq(consultationBookings.room, sql.placeholder('room')),
    );
    return db
      .select({ startsAt: consultationBookings.startsAt, endsAt: consultationBookings.endsAt })
      .from(consultationBookings)
      .where(
        and(
          withRoom ? or(consultant, room) : consultant,
          keepsSlot(sql.placeholder('now')),
          lt(consultationBookings.startsAt, sql.placeholder('to')),
          sql`${consultationBookings.endsAt} > ${sql.placeholder('from')}`,
          moving ? ne(consultationBookings.id, sql.placeholder('exceptId')) : undefined,
        ),
      )
      .prepare('');
  });
  return query.execute(q);
}

/**
 * Frees the slots held by payments that did not go through: a booking still pending whose hold
 * has run out, or whose payment failed or was cancelled, expires.
 */
export async function releaseStaleHolds(tx: Executor, consultantId: number, now: Date) {
  await tx
    .update(consultationBookings)
    .set({ status: 'expired' })
    .where(
      and(
        eq(consultationBookings.consultantId, consultantId),
        eq(consultationBookings.status, 'pending-payment'),
        or(sql`${consultationBookings.holdUntil} <= ${now}`, paymentFailed),
      ),
    );
}

export async function insertBooking(tx: Executor, row: typeof consultationBookings.$inferInsert) {
  const [created] = await tx.insert(consultationBookings).values(row).returning();
  return created;
}

export async function updateBooking(tx: Executor, id: number, set: Partial<typeof consultationBookings.$inferInsert>) {
  await tx.update(consultationBookings).set(set).where(eq(consultationBookings.id, id));
}

export async function findBooking(db: Executor, id: number, lock = false) {
  const q = db.select().from(consultationBookings).where(eq(consultationBookings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function bookingOfPayment(db: Executor, paymentId: number) {
  const [row] = await db
    .select()
    .from(consultationBookings)
    .where(eq(consultationBookings.paymentId, paymentId))
    .for('update');
  return row ?? null;
}

export async function bookingsOfCitizen(db: Executor, citizenId: number) {
  return db
    .select()
    .from(consultationBookings)
    .where(and(eq(consultationBookings.citizenId, citizenId), ne(consultationBookings.status, 'expired')))
    .orderBy(desc(consultationBookings.startsAt));
}

export async function bookingsOfConsultant(db: Executor, consultantId: number, from: Date, to: Date) {
  return db
    .select()
    .from(consultationBookings)
    .where(
      and(
        eq(consultationBookings.consultantId, consultantId),
        gte(consultationBookings.startsAt, from),
        lt(consultationBookings.startsAt, to),
        inArray(consultationBookings.status, ['confirmed', 'held', 'citizen-no-show', 'consultant-no-show']),
      ),
    )
    .orderBy(asc(consultationBookings.startsAt));
}

/** Names and places for a set of bookings: the consultants, the citizens (with their mobiles) and the offices. */
export async function bookingParties(db: Executor, rows: BookingRow[]) {
  const consultantIds = [...new Set(rows.map((r) => r.consultantId))];
  const citizenIds = [...new Set(rows.map((r) => r.citizenId))];
  const officeIds = [...new Set(rows.map((r) => r.officeId).filter((x): x is number => x != null))];
  // One after the other: `db` may be a transaction, whose one connection takes one statement at a time.
  const cs = consultantIds.length
    ? await db.select().from(consultants).where(inArray(consultants.id, consultantIds))
    : [];
  const ps = citizenIds.length
    ? await db
        .select({
          id: citizens.id,
          firstName: citizens.firstName,
          lastName: citizens.lastName,
          mobile: citizens.mobile,
        })
        .from(citizens)
        .where(inArray(citizens.id, citizenIds))
    : [];
  const os = officeIds.length
    ? await db
        .select({
          id: offices.id,
          code: offices.code,
          nameFa: offices.nameFa,
          nameEn: offices.nameEn,
          address: offices.address,
        })
        .from(offices)
        .where(inArray(offices.id, officeIds))
    : [];
  return {
    consultants: new Map(cs.map((c) => [c.id, c])),
    citizens: new Map(ps.map((p) => [p.id, p])),
    offices: new Map(os.map((o) => [o.id, o])),
  };
}

export async function citizenExists(db: Executor, id: number) {
  const [row] = await db.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, id));
  return row != null;
}

export async function paymentExpiry(db: Executor, paymentId: number): Promise<Date> {
  const [row] = await db.select({ expiresAt: payments.expiresAt }).from(payments).where(eq(payments.id, paymentId));
  return row.expiresAt;
}
