/** Queries of applications to open an office. */
import { and, count, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { cities, provinces } from '#server/modules/geo/tables';
import { users } from '#server/modules/accounts/tables';
import { officeApplications, offices } from './tables';

export type ApplicationRecord = typeof officeApplications.$inferSelect;

const reviewer = alias(users, 'reviewer');
const decider = alias(users, 'decider');
const submitter = alias(users, 'submitter');

const applicationColumns = {
  app: officeApplications,
  provinceFa: provinces.nameFa,
  provinceEn: provinces.nameEn,
  cityFa: cities.nameFa,
  cityEn: cities.nameEn,
  reviewerFirst: reviewer.firstName,
  reviewerLast: reviewer.lastName,
  deciderFirst: decider.firstName,
  deciderLast: decider.lastName,
  officeCode: offices.code,
  submitterNationalId: submitter.nationalId,
};
export type ApplicationRow = {
  app: ApplicationRecord;
  provinceFa: string;
  provinceEn: string;
  cityFa: string;
  cityEn: string;
  reviewerFirst: string | null;
  reviewerLast: string | null;
  deciderFirst: string | null;
  deciderLast: string | null;
  officeCode: string | null;
  submitterNationalId: string | null;
};

function selectApplications(db: Executor) {
  return db
    .select(applicationColumns)
    .from(officeApplications)
    .innerJoin(provinces, eq(provinces.id, officeApplications.provinceId))
    .innerJoin(cities, eq(cities.id, officeApplications.cityId))
    .leftJoin(reviewer, eq(reviewer.id, officeApplications.reviewedBy))
    .leftJoin(decider, eq(decider.id, officeApplications.decidedBy))
    .leftJoin(offices, eq(offices.id, officeApplications.officeId))
    .leftJoin(submitter, eq(submitter.id, officeApplications.submittedBy));
}

export async function findApplication(db: Executor, id: number): Promise<ApplicationRow | null> {
  const [row] = await selectApplications(db).where(eq(officeApplications.id, id));
  return row ?? null;
}

export async function lockApplication(tx: Executor, id: number) {
  const [row] = await tx.select().from(officeApplications).where(eq(officeApplications.id, id)).for('update');
  return row ?? null;
}

/**
 * What a scope may list: a citizen their own (filed by them or naming them as founder), a province
 * its province, the nation everything.
 */
function scopeCondition(filter: ScopeFilter, ownNationalId: string | null): SQL | undefined {
  if (filter.all) return undefined;
  const parts: SQL[] = [];
  if (filter.provinceIds.length) parts.push(inArray(officeApplications.provinceId, filter.provinceIds));
  if (filter.userId != null) parts.push(eq(officeApplications.submittedBy, filter.userId));
  if (filter.userId != null && ownNationalId) parts.push(eq(officeApplications.founderNationalId, ownNationalId));
  return parts.length ? or(...parts) : eq(officeApplications.id, -1);
}

export async function searchApplications(
  db: Executor,
  filter: ScopeFilter,
  ownNationalId: string | null,
  search: { status?: string; provinceId?: number; page: number; pageSize: number },
) {
  const where = and(
    scopeCondition(filter, ownNationalId),
    search.status ? eq(officeApplications.status, search.status as ApplicationRecord['status']) : undefined,
    search.provinceId ? eq(officeApplications.provinceId, search.provinceId) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(officeApplications).where(where);
  const rows = await selectApplications(db)
    .where(where)
    .orderBy(desc(officeApplications.createdAt), desc(officeApplications.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { rows, total };
}

export async function openApplicationOf(tx: Executor, founderNationalId: string) {
  const [row] = await tx
    .select({ id: officeApplications.id })
    .from(officeApplications)
    .where(
      and(
        eq(officeApplications.founderNationalId, founderNationalId),
        inArray(officeApplications.status, ['submitted', 'recommended', 'not-recommended']),
      ),
    );
  return row ?? null;
}

export async function insertApplication(tx: Executor, values: typeof officeApplications.$inferInsert) {
  const [row] = await tx.insert(officeApplications).values(values).returning({ id: officeApplications.id });
  return row.id;
}

export async function updateApplication(
  tx: Executor,
  id: number,
  set: Partial<typeof officeApplications.$inferInsert>,
) {
  await tx.update(officeApplications).set(set).where(eq(officeApplications.id, id));
}

export async function cityOf(db: Executor, cityId: number) {
  const [row] = await db
    .select({ id: cities.id, provinceId: cities.provinceId, countyId: cities.countyId })
    .from(cities)
    .where(eq(cities.id, cityId));
  return row ?? null;
}

export async function provinceExists(db: Executor, provinceId: number) {
  const [row] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, provinceId));
  return row != null;
}

/** The founder as their own account knows them. */
export async function accountHolder(db: Executor, userId: number) {
  const [row] = await db
    .select({
      nationalId: users.nationalId,
      firstName: users.firstName,
      lastName: users.lastName,
      mobile: users.mobile,
      birthDate: users.birthDate,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Licence numbers already issued in a province's series. */
export async function codesWithPrefix(tx: Executor, prefix: string) {
  return (
    await tx
      .select({ code: offices.code })
      .from(offices)
      .where(like(offices.code, `${prefix}%`))
  ).map((r) => r.code);
}

export async function insertOffice(tx: Executor, values: typeof offices.$inferInsert) {
  const [row] = await tx.insert(offices).values(values).returning({ id: offices.id, code: offices.code });
  return row;
}
