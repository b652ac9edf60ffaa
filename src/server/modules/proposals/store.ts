/** Queries of the proposals area: proposals, their information requests, the settings, and what a decision writes. */
import { and, asc, count, countDistinct, eq, gte, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { users } from '#server/modules/accounts/tables';
import { catalogServices } from '#server/modules/catalog/tables';
import { provinces } from '#server/modules/geo/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { qualitySurveys } from '#server/modules/quality/tables';
import { serviceRecords } from '#server/modules/records/tables';
import { proposalInfoRequests, proposalPilotReviews, proposalSettings, serviceProposals } from './tables';
import type { ProposalStatus } from './values';

export type ProposalRow = typeof serviceProposals.$inferSelect;
export type InfoRequestRow = typeof proposalInfoRequests.$inferSelect;
export type PilotReviewRow = typeof proposalPilotReviews.$inferSelect;

export async function settings(db: Executor) {
  const [row] = await db.select().from(proposalSettings).where(eq(proposalSettings.id, 1));
  return row ?? null;
}

export async function saveSettings(
  tx: Executor,
  values: { completenessDays: number; decisionDays: number; reminderDays: number },
  userId: number,
  now: Date,
) {
  await tx
    .insert(proposalSettings)
    .values({ id: 1, ...values, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: proposalSettings.id, set: { ...values, updatedBy: userId, updatedAt: now } });
}

export async function insertProposal(tx: Executor, row: typeof serviceProposals.$inferInsert): Promise<number> {
  const [r] = await tx.insert(serviceProposals).values(row).returning({ id: serviceProposals.id });
  return r.id;
}

export async function proposals(db: Executor, filter: { ids?: number[]; statuses?: readonly ProposalStatus[] }) {
  return db
    .select()
    .from(serviceProposals)
    .where(
      and(
        filter.ids ? inArray(serviceProposals.id, filter.ids) : undefined,
        filter.statuses ? inArray(serviceProposals.status, [...filter.statuses]) : undefined,
      ),
    )
    .orderBy(asc(serviceProposals.receivedOn), asc(serviceProposals.id));
}

/** The proposals that arrived within a span of Tehran days (a Jalali year). */
export async function receivedBetween(db: Executor, fromIso: string, toIso: string) {
  return db
    .select()
    .from(serviceProposals)
    .where(sql`${serviceProposals.receivedOn} between ${fromIso} and ${toIso}`)
    .orderBy(asc(serviceProposals.receivedOn));
}

export async function proposalForUpdate(tx: Executor, id: number): Promise<ProposalRow | null> {
  const [row] = await tx.select().from(serviceProposals).where(eq(serviceProposals.id, id)).for('update');
  return row ?? null;
}

export async function updateProposal(tx: Executor, id: number, set: Partial<typeof serviceProposals.$inferInsert>) {
  await tx.update(serviceProposals).set(set).where(eq(serviceProposals.id, id));
}

export async function infoRequestsOf(db: Executor, proposalIds: number[]): Promise<InfoRequestRow[]> {
  if (proposalIds.length === 0) return [];
  return db
    .select()
    .from(proposalInfoRequests)
    .where(inArray(proposalInfoRequests.proposalId, proposalIds))
    .orderBy(asc(proposalInfoRequests.askedAt), asc(proposalInfoRequests.id));
}

export async function openInfoRequest(tx: Executor, proposalId: number): Promise<InfoRequestRow | null> {
  const [row] = await tx
    .select()
    .from(proposalInfoRequests)
    .where(and(eq(proposalInfoRequests.proposalId, proposalId), isNull(proposalInfoRequests.answeredAt)));
  return row ?? null;
}

export async function insertInfoRequest(tx: Executor, row: typeof proposalInfoRequests.$inferInsert) {
  await tx.insert(proposalInfoRequests).values(row);
}

export async function answerInfoRequest(
  tx: Executor,
  id: number,
  set: { answer: string; answeredBy: number; answeredAt: Date; answeredOn: string },
) {
  await tx.update(proposalInfoRequests).set(set).where(eq(proposalInfoRequests.id, id));
}

/** People's names by user id. */
export async function names(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, first: users.firstName, last: users.lastName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, `${r.first} ${r.last}`.trim()]));
}

export async function provinceNames(db: Executor) {
  const rows = await db.select({ id: provinces.id, fa: provinces.nameFa, en: provinces.nameEn }).from(provinces);
  return new Map(rows.map((r) => [r.id, { fa: r.fa, en: r.en }]));
}

export async function existingProvinceIds(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: provinces.id }).from(provinces).where(inArray(provinces.id, ids));
  return rows.map((r) => r.id);
}

export async function catalogService(db: Executor, code: string) {
  const [row] = await db.select().from(catalogServices).where(eq(catalogServices.code, code));
  return row ?? null;
}

/** A new catalog service, placed after the others. */
export async function insertCatalogService(tx: Executor, row: Omit<typeof catalogServices.$inferInsert, 'sortOrder'>) {
  await tx.insert(catalogServices).values({
    ...row,
    sortOrder: sql`(select coalesce(max(sort_order), 0) + 1 from catalog_services)`,
  });
}

/** A national regulator other than `except` to escalate to (the longest-serving first). */
export async function secondReviewer(db: Executor, except: number | null) {
  const [row] = await db
    .select({ id: users.id, mobile: users.mobile })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, 'regulator_admin'),
        eq(roleGrants.scopeKind, 'nation'),
        eq(users.disabled, false),
        except != null ? ne(users.id, except) : undefined,
      ),
    )
    .orderBy(asc(roleGrants.grantedAt), asc(users.id))
    .limit(1);
  return row ?? null;
}

export async function mobileOf(db: Executor, userId: number): Promise<string | null> {
  const [row] = await db.select({ mobile: users.mobile }).from(users).where(eq(users.id, userId));
  return row?.mobile ?? null;
}

// ---- the review at a pilot's end ------------------------------------------------------------

export async function pilotReviewsOf(db: Executor, proposalIds: number[]): Promise<PilotReviewRow[]> {
  if (proposalIds.length === 0) return [];
  return db
    .select()
    .from(proposalPilotReviews)
    .where(inArray(proposalPilotReviews.proposalId, proposalIds))
    .orderBy(asc(proposalPilotReviews.decidedAt), asc(proposalPilotReviews.id));
}

export async function insertPilotReview(tx: Executor, row: typeof proposalPilotReviews.$inferInsert) {
  await tx.insert(proposalPilotReviews).values(row);
}

/** Every province's id (a national adoption reaches them all). */
export async function allProvinceIds(db: Executor): Promise<number[]> {
  return (await db.select({ id: provinces.id }).from(provinces).orderBy(asc(provinces.id))).map((r) => r.id);
}

/** A service no longer offered: it leaves the catalog's active list (its records stay). */
export async function deactivateCatalogService(tx: Executor, code: string) {
  await tx.update(catalogServices).set({ active: false }).where(eq(catalogServices.code, code));
}

/** The services of one code performed at offices of some provinces since an instant, per province. */
export async function pilotServices(db: Executor, serviceCode: string, provinceIds: number[], since: Date) {
  if (provinceIds.length === 0) return [];
  return db
    .select({
      provinceId: serviceRecords.provinceId,
      services: count(),
      offices: countDistinct(serviceRecords.officeId),
      feesRials: sql<string>`coalesce(sum(${serviceRecords.amountRials}), 0)`,
    })
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.serviceCode, serviceCode),
        eq(serviceRecords.channel, 'office'),
        inArray(serviceRecords.provinceId, provinceIds),
        gte(serviceRecords.createdAt, since),
      ),
    )
    .groupBy(serviceRecords.provinceId)
    .orderBy(asc(serviceRecords.provinceId));
}

/** Citizens' answers to the survey after a service of one code at offices of some provinces since an instant. */
export async function pilotSurveys(db: Executor, serviceCode: string, provinceIds: number[], since: Date) {
  if (provinceIds.length === 0) return { answered: 0, satisfactionSum: 0, wouldReturn: 0 };
  const [row] = await db
    .select({
      answered: count(),
      satisfactionSum: sql<string>`coalesce(sum(${qualitySurveys.satisfaction}), 0)`,
      wouldReturn: sql<string>`count(*) filter (where ${qualitySurveys.wouldReturn})`,
    })
    .from(qualitySurveys)
    .where(
      and(
        eq(qualitySurveys.serviceCode, serviceCode),
        inArray(qualitySurveys.provinceId, provinceIds),
        isNotNull(qualitySurveys.answeredAt),
        gte(qualitySurveys.sentAt, since),
      ),
    );
  return {
    answered: Number(row?.answered ?? 0),
    satisfactionSum: Number(row?.satisfactionSum ?? 0),
    wouldReturn: Number(row?.wouldReturn ?? 0),
  };
}
