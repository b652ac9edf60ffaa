/** Queries of the arbitration area: cases, their parties, arbitrators and timeline, and the registry of arbitrators. */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { citizens, users } from '#server/modules/accounts/tables';
import { provinces } from '#server/modules/geo/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';
import { courts } from '#server/modules/courts/tables';
import { noticeDeliveries } from '#server/modules/notices/tables';
import { payments } from '#server/modules/payments/tables';
import {
  arbitrationArbitrators,
  arbitrationCases,
  arbitrationDocuments,
  arbitrationEvents,
  arbitrationFeeScales,
  arbitrationFeeShares,
  arbitrationHearings,
  arbitrationParties,
} from './tables';

export type CaseRow = typeof arbitrationCases.$inferSelect;
export type PartyRow = typeof arbitrationParties.$inferSelect;
export type ArbitratorRow = typeof arbitrationArbitrators.$inferSelect;

export async function findOffice(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: offices.id,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
      provinceId: offices.provinceId,
      status: offices.status,
    })
    .from(offices)
    .where(eq(offices.id, id));
  return row ?? null;
}

export async function citizenByNationalId(db: Executor, nationalId: string) {
  const [row] = await db.select().from(citizens).where(eq(citizens.nationalId, nationalId));
  return row ?? null;
}

export async function citizenById(db: Executor, id: number) {
  const [row] = await db.select().from(citizens).where(eq(citizens.id, id));
  return row ?? null;
}

export async function insertCase(tx: Executor, values: typeof arbitrationCases.$inferInsert) {
  const [row] = await tx.insert(arbitrationCases).values(values).returning();
  return row;
}

export async function insertParties(tx: Executor, rows: (typeof arbitrationParties.$inferInsert)[]) {
  return tx.insert(arbitrationParties).values(rows).returning();
}

export async function insertEvent(tx: Executor, values: typeof arbitrationEvents.$inferInsert) {
  await tx.insert(arbitrationEvents).values(values);
}

export async function findCase(db: Executor, id: number, forUpdate = false) {
  const q = db.select().from(arbitrationCases).where(eq(arbitrationCases.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateCase(tx: Executor, id: number, set: Partial<typeof arbitrationCases.$inferInsert>) {
  await tx.update(arbitrationCases).set(set).where(eq(arbitrationCases.id, id));
}

export function partiesOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(arbitrationParties)
    .where(eq(arbitrationParties.caseId, caseId))
    .orderBy(asc(arbitrationParties.id));
}

export async function markConsented(tx: Executor, partyId: number, at: Date): Promise<boolean> {
  const rows = await tx
    .update(arbitrationParties)
    .set({ consentedAt: at })
    .where(and(eq(arbitrationParties.id, partyId), sql`${arbitrationParties.consentedAt} is null`))
    .returning({ id: arbitrationParties.id });
  return rows.length === 1;
}

export function arbitratorsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(arbitrationArbitrators)
    .where(eq(arbitrationArbitrators.caseId, caseId))
    .orderBy(asc(arbitrationArbitrators.id));
}

export async function insertArbitrators(tx: Executor, rows: (typeof arbitrationArbitrators.$inferInsert)[]) {
  return tx.insert(arbitrationArbitrators).values(rows).returning();
}

export async function answerArbitrator(
  tx: Executor,
  id: number,
  set: { status: 'accepted' | 'declined'; notifiedOn: string | null; answeredAt: Date; answeredBy: number },
): Promise<boolean> {
  const rows = await tx
    .update(arbitrationArbitrators)
    .set(set)
    .where(and(eq(arbitrationArbitrators.id, id), eq(arbitrationArbitrators.status, 'named')))
    .returning({ id: arbitrationArbitrators.id });
  return rows.length === 1;
}

export function eventsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(arbitrationEvents)
    .where(eq(arbitrationEvents.caseId, caseId))
    .orderBy(asc(arbitrationEvents.id));
}

/** Cases the caller is on: as a party (citizen), as an arbitrator (user), seated at one of their offices, or lodged at their court. */
export async function listCases(
  db: Executor,
  who: { citizenId: number | null; userId: number | null; officeIds: number[]; courtIds: number[] },
  state?: CaseRow['state'],
) {
  const on: SQL[] = [];
  if (who.citizenId != null)
    on.push(
      sql`exists (select 1 from ${arbitrationParties} p where p.case_id = ${arbitrationCases.id} and p.citizen_id = ${who.citizenId})`,
    );
  if (who.userId != null)
    on.push(
      sql`exists (select 1 from ${arbitrationArbitrators} a where a.case_id = ${arbitrationCases.id} and a.user_id = ${who.userId})`,
    );
  if (who.officeIds.length) on.push(inArray(arbitrationCases.seatOfficeId, who.officeIds));
  if (who.courtIds.length) on.push(inArray(arbitrationCases.courtId, who.courtIds));
  if (!on.length) return [];
  return db
    .select({ kase: arbitrationCases, officeCode: offices.code, officeFa: offices.nameFa, officeEn: offices.nameEn })
    .from(arbitrationCases)
    .innerJoin(offices, eq(offices.id, arbitrationCases.seatOfficeId))
    .where(and(or(...on), state ? eq(arbitrationCases.state, state) : undefined))
    .orderBy(desc(arbitrationCases.id))
    .limit(200);
}

/** The registered arbitrators: accounts holding the arbitrator role, with the province of their grant. */
export function registry(db: Executor) {
  return db
    .selectDistinctOn([users.id], {
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      provinceFa: provinces.nameFa,
      provinceEn: provinces.nameEn,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(provinces, eq(provinces.id, roleGrants.provinceId))
    .where(and(eq(roleGrants.role, 'arbitrator'), eq(users.disabled, false)))
    .orderBy(asc(users.id));
}

export async function registeredArbitrator(db: Executor, userId: number) {
  const [row] = await db
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName, nationalId: users.nationalId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'arbitrator'), eq(users.id, userId), eq(users.disabled, false)))
    .limit(1);
  return row ?? null;
}

export function hearingsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(arbitrationHearings)
    .where(eq(arbitrationHearings.caseId, caseId))
    .orderBy(asc(arbitrationHearings.startsAt), asc(arbitrationHearings.id));
}

export async function insertHearing(tx: Executor, values: typeof arbitrationHearings.$inferInsert) {
  const [row] = await tx.insert(arbitrationHearings).values(values).returning();
  return row;
}

/** Clears every arbitrator's answer to the award: a rewritten draft is signed afresh. */
export async function clearSignatures(tx: Executor, caseId: number) {
  await tx
    .update(arbitrationArbitrators)
    .set({ signature: null, signedAt: null, dissent: null })
    .where(eq(arbitrationArbitrators.caseId, caseId));
}

export async function signArbitrator(
  tx: Executor,
  id: number,
  set: { signature: 'signed' | 'refused'; signedAt: Date; dissent: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(arbitrationArbitrators)
    .set(set)
    .where(and(eq(arbitrationArbitrators.id, id), sql`${arbitrationArbitrators.signature} is null`))
    .returning({ id: arbitrationArbitrators.id });
  return rows.length === 1;
}

/** The court that receives an award for the parties (Art. 485): the first general court of the seat's province. */
export async function registryCourt(db: Executor, provinceId: number) {
  const [row] = await db
    .select({ id: courts.id, code: courts.code, provinceId: courts.provinceId, nameFa: courts.nameFa })
    .from(courts)
    .where(and(eq(courts.provinceId, provinceId), eq(courts.kind, 'general')))
    .orderBy(asc(courts.id))
    .limit(1);
  return row ?? null;
}

export async function findCourt(db: Executor, id: number) {
  const [row] = await db
    .select({ id: courts.id, nameFa: courts.nameFa, nameEn: courts.nameEn })
    .from(courts)
    .where(eq(courts.id, id));
  return row ?? null;
}

/** Each party's copy of the award's e-notice: when it was opened (delivery). */
export function deliveriesOf(db: Executor, noticeId: number) {
  return db
    .select({ citizenId: noticeDeliveries.citizenId, deliveredAt: noticeDeliveries.deliveredAt })
    .from(noticeDeliveries)
    .where(eq(noticeDeliveries.noticeId, noticeId));
}

/** Writes a hearing's minutes once: false when they were already written (or the hearing is not the case's). */
export async function recordMinutes(
  tx: Executor,
  caseId: number,
  hearingId: number,
  set: { minutes: string; minutesPresent: number[]; minutesBy: number; minutesAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(arbitrationHearings)
    .set(set)
    .where(
      and(
        eq(arbitrationHearings.id, hearingId),
        eq(arbitrationHearings.caseId, caseId),
        sql`${arbitrationHearings.minutes} is null`,
      ),
    )
    .returning({ id: arbitrationHearings.id });
  return rows.length === 1;
}

export function documentsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(arbitrationDocuments)
    .where(eq(arbitrationDocuments.caseId, caseId))
    .orderBy(asc(arbitrationDocuments.id));
}

export async function insertDocument(tx: Executor, values: typeof arbitrationDocuments.$inferInsert) {
  const [row] = await tx.insert(arbitrationDocuments).values(values).returning();
  return row;
}

export async function findDocument(db: Executor, caseId: number, id: number) {
  const [row] = await db
    .select()
    .from(arbitrationDocuments)
    .where(and(eq(arbitrationDocuments.caseId, caseId), eq(arbitrationDocuments.id, id)));
  return row ?? null;
}

// ---- The arbitrators' fee: the official scales and each party's share ----

export type FeeScaleRow = typeof arbitrationFeeScales.$inferSelect;
export type FeeShareRow = typeof arbitrationFeeShares.$inferSelect;

export function feeScales(db: Executor): Promise<FeeScaleRow[]> {
  return db.select().from(arbitrationFeeScales).orderBy(desc(arbitrationFeeScales.validFrom));
}

export async function findFeeScale(db: Executor, id: number) {
  const [row] = await db.select().from(arbitrationFeeScales).where(eq(arbitrationFeeScales.id, id));
  return row ?? null;
}

/** A scale locked for a change of its own (its withdrawal): a second change waits for the first, then sees it. */
export async function lockFeeScale(tx: Executor, id: number) {
  const [row] = await tx.select().from(arbitrationFeeScales).where(eq(arbitrationFeeScales.id, id)).for('update');
  return row ?? null;
}

export async function updateFeeScale(
  tx: Executor,
  id: number,
  values: Pick<typeof arbitrationFeeScales.$inferInsert, 'withdrawnAt' | 'withdrawnBy' | 'withdrawalReason'>,
) {
  const [row] = await tx.update(arbitrationFeeScales).set(values).where(eq(arbitrationFeeScales.id, id)).returning();
  return row;
}

/** Inserts a scale; null when one not withdrawn already starts that day (the unique key), so nothing is replaced. */
export async function insertFeeScale(tx: Executor, values: typeof arbitrationFeeScales.$inferInsert) {
  const [row] = await tx.insert(arbitrationFeeScales).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertFeeShares(tx: Executor, rows: (typeof arbitrationFeeShares.$inferInsert)[]) {
  if (rows.length) await tx.insert(arbitrationFeeShares).values(rows);
}

export function feeSharesOf(db: Executor, caseId: number): Promise<FeeShareRow[]> {
  return db
    .select()
    .from(arbitrationFeeShares)
    .where(eq(arbitrationFeeShares.caseId, caseId))
    .orderBy(asc(arbitrationFeeShares.id));
}

export async function findFeeShare(db: Executor, caseId: number, partyId: number, forUpdate = false) {
  const q = db
    .select()
    .from(arbitrationFeeShares)
    .where(and(eq(arbitrationFeeShares.caseId, caseId), eq(arbitrationFeeShares.partyId, partyId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function feeShareOfPayment(tx: Executor, paymentId: number) {
  const [row] = await tx
    .select()
    .from(arbitrationFeeShares)
    .where(eq(arbitrationFeeShares.paymentId, paymentId))
    .for('update');
  return row ?? null;
}

export async function updateFeeShare(tx: Executor, id: number, set: Partial<typeof arbitrationFeeShares.$inferInsert>) {
  await tx.update(arbitrationFeeShares).set(set).where(eq(arbitrationFeeShares.id, id));
}

/** The payments started for fee shares: their state and receipt number, by id. */
export async function paymentsByIds(db: Executor, ids: number[]) {
  if (!ids.length) return new Map<number, { status: string; receiptNumber: string; expiresAt: Date }>();
  const rows = await db
    .select({
      id: payments.id,
      status: payments.status,
      receiptNumber: payments.receiptNumber,
      expiresAt: payments.expiresAt,
    })
    .from(payments)
    .where(inArray(payments.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
