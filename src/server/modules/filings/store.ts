/** Every query of the filings area. Rows are mapped to shapes by the service, never returned raw to clients. */
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { catalogServices } from '#server/modules/catalog/tables';
import { courts } from '#server/modules/courts/tables';
import { cities } from '#server/modules/geo/tables';
import { citizens, legalPersons, representatives, users } from '#server/modules/accounts/tables';
import { offices } from '#server/modules/offices/tables';
import { mayPerformVerdictSql } from '#server/modules/operators/licences/may-perform';
import { filingAttachments, filingEvents, filingParties, filings } from './tables';

export type FilingRow = typeof filings.$inferSelect;
export type NewFiling = typeof filings.$inferInsert;
export type PartyRow = typeof filingParties.$inferSelect;
export type NewParty = Omit<typeof filingParties.$inferInsert, 'filingId'>;
export type AttachmentRow = typeof filingAttachments.$inferSelect;
export type NewEvent = typeof filingEvents.$inferInsert;

export async function findFiling(db: Executor, id: number, forUpdate = false): Promise<FilingRow | null> {
  const query = db.select().from(filings).where(eq(filings.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The filing to submit, locked, with everything the submission reads in the same statement: the
 * court costs its earlier submissions settled (`courtCostsSettled`: each submission event records
 * its share), the applicant's mobile and the
 * service's name for the SMS, and, for an operator, the licence verdict of the filing's office and
 * service on `day` ('ok' or the refusal's code; null for anyone else).
 */
export async function lockForSubmit(tx: Executor, id: number, operator: { userId: number; day: string } | null) {
  const [row] = await tx
    .select({
      filing: filings,
      courtCostsSettled: sql<number>`(select coalesce(sum((e.data->>'courtCostsRials')::bigint), 0) from filing_events e
        where e.filing_id = ${filings.id} and e.action in ('submitted', 'resubmitted'))`.mapWith(Number),
      contact: { mobile: citizens.mobile, serviceFa: catalogServices.titleFa, serviceCode: filings.serviceCode },
      licence: operator
        ? mayPerformVerdictSql({
            officeId: sql`${filings.officeId}`,
            userId: operator.userId,
            serviceCode: sql`${filings.serviceCode}`,
            day: operator.day,
          }).mapWith(String)
        : sql<string | null>`null`,
    })
    .from(filings)
    .leftJoin(citizens, eq(citizens.id, filings.applicantCitizenId))
    .leftJoin(catalogServices, eq(catalogServices.code, filings.serviceCode))
    .where(eq(filings.id, id))
    .for('update', { of: filings });
  if (!row) return null;
  const { mobile, ...service } = row.contact;
  // The applicant is a required reference: the left join only keeps the lock on the filing alone.
  return { ...row, contact: mobile == null ? null : { mobile, ...service } };
}

/** Updates the filing and inserts its event in one statement. */
export async function updateFilingWithEvent(tx: Executor, id: number, set: Partial<NewFiling>, event: NewEvent) {
  const update = tx.update(filings).set(set).where(eq(filings.id, id));
  await tx.execute(sql`with updated as (${update.getSQL()}) ${tx.insert(filingEvents).values(event).getSQL()}`);
}

/**
 * Serialises starting an appeal of one decision by one applicant for the rest of the transaction,
 * so two requests at once cannot both find no appeal and both start one.
 */
export async function lockAppealOf(tx: Executor, noticeId: number, citizenId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filings:appeal:${noticeId}:${citizenId}`}))`);
}

/**
 * The applicant's appeal of a decision still standing: any but one the court returned (a returned
 * appeal may be left for a fresh one). Oldest first, so the answer names the one started first.
 */
export async function standingAppealOf(
  db: Executor,
  noticeId: number,
  citizenId: number,
): Promise<Pick<FilingRow, 'id' | 'status'> | null> {
  const [row] = await db
    .select({ id: filings.id, status: filings.status })
    .from(filings)
    .where(
      and(
        eq(filings.appealsNoticeId, noticeId),
        eq(filings.applicantCitizenId, citizenId),
        sql`${filings.status} <> 'returned'`,
      ),
    )
    .orderBy(asc(filings.id))
    .limit(1);
  return row ?? null;
}

export async function insertFiling(tx: Executor, values: NewFiling): Promise<FilingRow> {
  const [row] = await tx.insert(filings).values(values).returning();
  return row;
}

export async function updateFiling(tx: Executor, id: number, set: Partial<NewFiling>): Promise<FilingRow> {
  const [row] = await tx.update(filings).set(set).where(eq(filings.id, id)).returning();
  return row;
}

/** Replaces the parties; representatives' `represents` are indexes into the list, resolved to ids here. */
export async function replaceParties(
  tx: Executor,
  filingId: number,
  parties: (NewParty & { representsIndex?: number | null })[],
) {
  await tx.delete(filingParties).where(eq(filingParties.filingId, filingId));
  const ids: number[] = [];
  for (const { representsIndex: _r, ...p } of parties) {
    const [row] = await tx
      .insert(filingParties)
      .values({ ...p, filingId })
      .returning({ id: filingParties.id });
    ids.push(row.id);
  }
  for (let i = 0; i < parties.length; i++) {
    const r = parties[i].representsIndex;
    if (r != null)
      await tx.update(filingParties).set({ representsPartyId: ids[r] }).where(eq(filingParties.id, ids[i]));
  }
}

export async function partiesOf(db: Executor, filingId: number): Promise<PartyRow[]> {
  return db.select().from(filingParties).where(eq(filingParties.filingId, filingId)).orderBy(asc(filingParties.id));
}

export async function citizensByNationalIds(db: Executor, nationalIds: string[]) {
  if (!nationalIds.length) return [];
  return db
    .select({
      id: citizens.id,
      nationalId: citizens.nationalId,
      firstName: citizens.firstName,
      lastName: citizens.lastName,
      address: citizens.address,
    })
    .from(citizens)
    .where(inArray(citizens.nationalId, nationalIds));
}

export async function legalPersonsByCompanyIds(db: Executor, companyIds: string[]) {
  if (!companyIds.length) return [];
  return db
    .select({
      id: legalPersons.id,
      companyId: legalPersons.nationalCompanyId,
      name: legalPersons.name,
      address: legalPersons.address,
    })
    .from(legalPersons)
    .where(inArray(legalPersons.nationalCompanyId, companyIds));
}

export async function representativesByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: representatives.id,
      citizenId: representatives.citizenId,
      kind: representatives.kind,
      licenceNumber: representatives.licenceNumber,
      nationalId: citizens.nationalId,
      firstName: citizens.firstName,
      lastName: citizens.lastName,
      address: citizens.address,
    })
    .from(representatives)
    .innerJoin(citizens, eq(citizens.id, representatives.citizenId))
    .where(inArray(representatives.id, ids));
}

export async function findCitizen(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: citizens.id,
      nationalId: citizens.nationalId,
      firstName: citizens.firstName,
      lastName: citizens.lastName,
      provinceId: citizens.provinceId,
    })
    .from(citizens)
    .where(eq(citizens.id, id));
  return row ?? null;
}

export async function findCitizenByNationalId(db: Executor, nationalId: string) {
  const [row] = await db
    .select({
      id: citizens.id,
      nationalId: citizens.nationalId,
      firstName: citizens.firstName,
      lastName: citizens.lastName,
      provinceId: citizens.provinceId,
    })
    .from(citizens)
    .where(eq(citizens.nationalId, nationalId));
  return row ?? null;
}

export async function officeLocation(db: Executor, officeId: number) {
  const [row] = await db
    .select({
      id: offices.id,
      provinceId: offices.provinceId,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
      address: offices.address,
      openingHours: offices.openingHours,
    })
    .from(offices)
    .where(eq(offices.id, officeId));
  return row ?? null;
}

export async function findCourt(db: Executor, id: number) {
  const [row] = await db.select().from(courts).where(eq(courts.id, id));
  return row ?? null;
}

export async function findService(db: Executor, code: string) {
  const [row] = await db.select().from(catalogServices).where(eq(catalogServices.code, code));
  return row ?? null;
}

export async function attachmentsOf(db: Executor, filingId: number): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(filingAttachments)
    .where(eq(filingAttachments.filingId, filingId))
    .orderBy(asc(filingAttachments.id));
}

export async function findAttachment(
  db: Executor,
  filingId: number,
  attachmentId: number,
): Promise<AttachmentRow | null> {
  const [row] = await db
    .select()
    .from(filingAttachments)
    .where(and(eq(filingAttachments.filingId, filingId), eq(filingAttachments.id, attachmentId)));
  return row ?? null;
}

export async function insertAttachment(
  tx: Executor,
  values: typeof filingAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const [row] = await tx.insert(filingAttachments).values(values).returning();
  return row;
}

export async function deleteAttachment(tx: Executor, id: number) {
  await tx.delete(filingAttachments).where(eq(filingAttachments.id, id));
}

export async function pagesOf(db: Executor, filingId: number): Promise<number> {
  const [row] = await db
    .select({ pages: sql<number>`coalesce(sum(${filingAttachments.pages}), 0)::int` })
    .from(filingAttachments)
    .where(eq(filingAttachments.filingId, filingId));
  return row.pages;
}

export async function insertEvent(tx: Executor, event: NewEvent) {
  await tx.insert(filingEvents).values(event);
}

export async function eventsOf(db: Executor, filingId: number) {
  return db
    .select({ event: filingEvents, firstName: users.firstName, lastName: users.lastName })
    .from(filingEvents)
    .leftJoin(users, eq(users.id, filingEvents.actorUserId))
    .where(eq(filingEvents.filingId, filingId))
    .orderBy(asc(filingEvents.id));
}

const summaryColumns = {
  filing: filings,
  serviceFa: catalogServices.titleFa,
  serviceEn: catalogServices.titleEn,
  applicantFirst: citizens.firstName,
  applicantLast: citizens.lastName,
  applicantNationalId: citizens.nationalId,
};

export type SummaryRow = {
  filing: FilingRow;
  serviceFa: string | null;
  serviceEn: string | null;
  applicantFirst: string;
  applicantLast: string;
  applicantNationalId: string;
};

export async function findSummary(db: Executor, id: number): Promise<SummaryRow | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(filings)
    .innerJoin(citizens, eq(citizens.id, filings.applicantCitizenId))
    .leftJoin(catalogServices, eq(catalogServices.code, filings.serviceCode))
    .where(eq(filings.id, id));
  return row ?? null;
}

function scopeCondition(filter: ScopeFilter): SQL | undefined {
  if (filter.all) return undefined;
  const parts: SQL[] = [];
  if (filter.officeIds.length) parts.push(inArray(filings.officeId, filter.officeIds));
  if (filter.provinceIds.length) parts.push(inArray(filings.provinceId, filter.provinceIds));
  if (filter.citizenId != null) parts.push(eq(filings.applicantCitizenId, filter.citizenId));
  if (!parts.length) return sql`false`;
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
}

export interface FilingSearch {
  officeId?: number;
  status?: FilingRow['status'];
  fromIso?: string;
  toIso?: string;
  citizenId?: number;
  /** Oldest first (what has waited longest), instead of newest first. */
  oldestFirst?: boolean;
  /** A tracking code, a national ID (whole), a case number or part of the applicant's name. */
  text?: string;
  page: number;
  pageSize: number;
}

/** The words of a search: a whole tracking code or national ID, or part of a case number or the applicant's name. */
function textCondition(text: string): SQL {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${filings.trackingCode} = ${text} or ${citizens.nationalId} = ${text}
    or ${filings.caseNumber} ilike ${like} or (${citizens.firstName} || ' ' || ${citizens.lastName}) ilike ${like})`;
}

/** Tehran calendar days as [start, end) instants. */
const tehranDayStart = (iso: string) => sql`(${iso}::date)::timestamp at time zone 'Asia/Tehran'`;

export async function searchFilings(
  db: Executor,
  filter: ScopeFilter,
  q: FilingSearch,
): Promise<{ rows: SummaryRow[]; total: number }> {
  const where = and(
    scopeCondition(filter),
    q.officeId ? eq(filings.officeId, q.officeId) : undefined,
    q.citizenId ? eq(filings.applicantCitizenId, q.citizenId) : undefined,
    q.status ? eq(filings.status, q.status) : undefined,
    q.fromIso ? gte(filings.createdAt, tehranDayStart(q.fromIso)) : undefined,
    q.toIso ? lt(filings.createdAt, sql`${tehranDayStart(q.toIso)} + interval '1 day'`) : undefined,
    q.text ? textCondition(q.text) : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(filings)
    .innerJoin(citizens, eq(citizens.id, filings.applicantCitizenId))
    .where(where);
  const rows = await db
    .select(summaryColumns)
    .from(filings)
    .innerJoin(citizens, eq(citizens.id, filings.applicantCitizenId))
    .leftJoin(catalogServices, eq(catalogServices.code, filings.serviceCode))
    .where(where)
    .orderBy(
      ...(q.oldestFirst ? [asc(filings.createdAt), asc(filings.id)] : [desc(filings.createdAt), desc(filings.id)]),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows, total };
}

/** Courts of a province with their cities, for the filing form's province → city → court → branch choice. */
export async function courtOptions(db: Executor, provinceId: number) {
  const rows = await db
    .select({ court: courts, cityFa: cities.nameFa, cityEn: cities.nameEn })
    .from(courts)
    .innerJoin(cities, eq(cities.id, courts.cityId))
    .where(eq(courts.provinceId, provinceId))
    .orderBy(asc(cities.nameFa), asc(courts.nameFa))
    .limit(2000);
  return rows.map(({ court: c, cityFa, cityEn }) => ({
    id: c.id,
    name: { fa: c.nameFa, en: c.nameEn },
    kind: c.kind,
    branches: c.branches,
    city: { id: c.cityId, name: { fa: cityFa, en: cityEn } },
  }));
}

/** Where a filing's status SMS goes: the applicant's mobile, and the service's Persian title it names. */
export async function applicantContact(db: Executor, filingId: number) {
  const [row] = await db
    .select({ mobile: citizens.mobile, serviceFa: catalogServices.titleFa, serviceCode: filings.serviceCode })
    .from(filings)
    .innerJoin(citizens, eq(citizens.id, filings.applicantCitizenId))
    .leftJoin(catalogServices, eq(catalogServices.code, filings.serviceCode))
    .where(eq(filings.id, filingId));
  return row ?? null;
}
