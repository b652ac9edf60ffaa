/** Queries of the identity area: users, their role grants (with readable scope labels), citizens. */
import { and, count, desc, eq, gt, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { orderByColumn } from '#server/db/order';
import type { Executor, Tx } from '#server/db/transaction';
import type { SortOrder } from '#server/platform/http/fields';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { courts } from '#server/modules/courts/tables';
import { cities, provinces } from '#server/modules/geo/tables';
import { offices } from '#server/modules/offices/tables';
import { otpChallenges } from '#server/platform/auth/tables';
import { citizens, legalPersons, representatives, sessions, users } from '#server/modules/accounts/tables';
import type { STAFF_LIST_SORTS } from './schemas';
import { roleGrants } from './tables';

const NATION_LABEL = { fa: 'کل کشور', en: 'Nationwide' };
const OWN_LABEL = { fa: 'پروندهٔ شخصی', en: 'Own records' };

export interface GrantRow {
  userId: number;
  role: (typeof roleGrants.$inferSelect)['role'];
  scope: {
    kind: (typeof roleGrants.$inferSelect)['scopeKind'];
    provinceId: number | null;
    officeId: number | null;
    courtId: number | null;
    label: { fa: string; en: string };
  };
}

export async function grantsOf(db: Executor, userIds: number[]): Promise<Map<number, GrantRow[]>> {
  const result = new Map<number, GrantRow[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      kind: roleGrants.scopeKind,
      provinceId: roleGrants.provinceId,
      officeId: roleGrants.officeId,
      courtId: roleGrants.courtId,
      provinceFa: provinces.nameFa,
      provinceEn: provinces.nameEn,
      officeFa: offices.nameFa,
      officeEn: offices.nameEn,
      courtFa: courts.nameFa,
      courtEn: courts.nameEn,
    })
    .from(roleGrants)
    .leftJoin(provinces, eq(provinces.id, roleGrants.provinceId))
    .leftJoin(offices, eq(offices.id, roleGrants.officeId))
    .leftJoin(courts, eq(courts.id, roleGrants.courtId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.id);
  for (const r of rows) {
    const label =
      r.kind === 'nation'
        ? NATION_LABEL
        : r.kind === 'own'
          ? OWN_LABEL
          : r.kind === 'office'
            ? { fa: r.officeFa ?? '', en: r.officeEn ?? '' }
            : r.kind === 'court'
              ? { fa: r.courtFa ?? '', en: r.courtEn ?? '' }
              : { fa: `استان ${r.provinceFa ?? ''}`, en: `${r.provinceEn ?? ''} province` };
    const list = result.get(r.userId) ?? [];
    list.push({
      userId: r.userId,
      role: r.role,
      scope: { kind: r.kind, provinceId: r.provinceId, officeId: r.officeId, courtId: r.courtId, label },
    });
    result.set(r.userId, list);
  }
  return result;
}

export async function findUser(db: Executor, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findCitizen(db: Executor, id: number) {
  const [row] = await db
    .select({ citizen: citizens, provinceFa: provinces.nameFa, provinceEn: provinces.nameEn })
    .from(citizens)
    .innerJoin(provinces, eq(provinces.id, citizens.provinceId))
    .where(eq(citizens.id, id));
  return row ?? null;
}

/**
 * Staff visible through a scope filter: someone is visible when any of their grants lies inside
 * the filter (an office the caller manages, a province the caller oversees, ...).
 */
function visibleGrant(filter: ScopeFilter): SQL | undefined {
  if (filter.all) return undefined;
  const parts: SQL[] = [];
  if (filter.officeIds.length) parts.push(inArray(roleGrants.officeId, filter.officeIds));
  if (filter.provinceIds.length) parts.push(inArray(roleGrants.provinceId, filter.provinceIds));
  if (filter.courtIds.length) parts.push(inArray(roleGrants.courtId, filter.courtIds));
  return parts.length ? or(...parts) : sql`false`;
}

export interface StaffSearch {
  q?: string;
  role?: GrantRow['role'];
  officeId?: number;
  provinceId?: number;
  sort?: SortOrder<(typeof STAFF_LIST_SORTS)[number]>;
  page: number;
  pageSize: number;
}

export async function searchStaff(db: Executor, filter: ScopeFilter, search: StaffSearch) {
  const grantConditions = and(
    visibleGrant(filter),
    search.role ? eq(roleGrants.role, search.role) : undefined,
    search.officeId ? eq(roleGrants.officeId, search.officeId) : undefined,
    search.provinceId ? eq(roleGrants.provinceId, search.provinceId) : undefined,
  );
  const q = search.q?.trim();
  const where = and(
    eq(users.kind, 'staff'),
    sql`exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${users.id} ${grantConditions ? sql`and ${grantConditions}` : sql``})`,
    q
      ? or(
          ilike(users.username, `${q}%`),
          ilike(users.lastName, `${q}%`),
          ilike(users.firstName, `${q}%`),
          eq(users.nationalId, q),
        )
      : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(
      ...orderByColumn(
        search.sort,
        {
          name: [users.lastName, users.firstName],
          username: users.username,
          nationalId: users.nationalId,
          status: users.disabled,
          createdAt: users.createdAt,
        },
        users.id,
        [desc(users.id)],
      ),
    )
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { rows, total };
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return !!row;
}

export async function officeLocation(db: Executor, officeId: number) {
  const [row] = await db
    .select({ id: offices.id, provinceId: offices.provinceId })
    .from(offices)
    .where(eq(offices.id, officeId));
  return row ?? null;
}

export async function courtLocation(db: Executor, courtId: number) {
  const [row] = await db
    .select({ id: courts.id, provinceId: courts.provinceId })
    .from(courts)
    .where(eq(courts.id, courtId));
  return row ?? null;
}

export async function provinceExists(db: Executor, provinceId: number): Promise<boolean> {
  const [row] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, provinceId));
  return !!row;
}

export async function insertStaff(
  db: Executor,
  values: typeof users.$inferInsert,
  grant: Omit<typeof roleGrants.$inferInsert, 'userId'>,
) {
  const [user] = await db.insert(users).values(values).returning();
  await db.insert(roleGrants).values({ ...grant, userId: user.id });
  return user;
}

export async function setPasswordHash(db: Executor, userId: number, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function endSessions(db: Executor, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// ---- One-time codes (sign-in, mobile confirmation, consents) ----

/**
 * Takes the transaction-scoped advisory lock of one (mobile, purpose) pair: whoever holds it may
 * check the pair's codes and add one; it is released when the transaction ends. The key is a
 * 64-bit hash of the pair (`hashtextextended`, the same on PGlite and PostgreSQL).
 */
export async function lockCodes(tx: Tx, mobile: string, purpose: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`otp:${purpose}:${mobile}`}, 0))`);
}

/** The newest code of a mobile for a purpose created after `since` and not yet used. */
export async function latestUnusedCodeSince(db: Executor, mobile: string, purpose: string, since: Date) {
  const [row] = await db
    .select({ createdAt: otpChallenges.createdAt })
    .from(otpChallenges)
    .where(
      and(
        eq(otpChallenges.mobile, mobile),
        eq(otpChallenges.purpose, purpose),
        gt(otpChallenges.createdAt, since),
        isNull(otpChallenges.consumedAt),
      ),
    )
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertCode(db: Executor, values: typeof otpChallenges.$inferInsert): Promise<number> {
  const [row] = await db.insert(otpChallenges).values(values).returning({ id: otpChallenges.id });
  return row.id;
}

/** The newest live (unconsumed, unexpired at `now`) code of a mobile for a purpose. */
export async function liveCode(db: Executor, mobile: string, purpose: string, now: Date) {
  const [row] = await db
    .select()
    .from(otpChallenges)
    .where(
      and(
        eq(otpChallenges.mobile, mobile),
        eq(otpChallenges.purpose, purpose),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
      ),
    )
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Counts one try of a code, in the same statement that checks its limit: false when the code has
 * already had `maxAttempts` tries (so guesses sent at once cannot all slip under the limit).
 */
export async function countCodeAttempt(db: Executor, id: number, maxAttempts: number): Promise<boolean> {
  const rows = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, id), lt(otpChallenges.attempts, maxAttempts)))
    .returning({ id: otpChallenges.id });
  return rows.length > 0;
}

/** Marks a code used; false when someone else used it first. */
export async function consumeCode(db: Executor, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(and(eq(otpChallenges.id, id), isNull(otpChallenges.consumedAt)))
    .returning({ id: otpChallenges.id });
  return rows.length > 0;
}

// ---- E-accounts ----

export async function citizenByNationalId(db: Executor, nationalId: string) {
  const [row] = await db.select().from(citizens).where(eq(citizens.nationalId, nationalId));
  return row ?? null;
}

export async function citizenAccountWithMobile(db: Executor, mobile: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.mobile, mobile), eq(users.kind, 'citizen')))
    .limit(1);
  return row ?? null;
}

export async function insertCitizen(db: Executor, values: typeof citizens.$inferInsert) {
  const [row] = await db.insert(citizens).values(values).returning();
  return row;
}

export async function setJudicialId(db: Executor, citizenId: number, judicialId: string) {
  await db.update(citizens).set({ judicialId }).where(eq(citizens.id, citizenId));
}

export async function insertCitizenUser(db: Executor, values: typeof users.$inferInsert, provinceId: number) {
  const [user] = await db.insert(users).values(values).returning({ id: users.id });
  await db.insert(roleGrants).values({ userId: user.id, role: 'citizen', scopeKind: 'own', provinceId });
  return user.id;
}

export async function cityInProvince(db: Executor, cityId: number, provinceId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: cities.id })
    .from(cities)
    .where(and(eq(cities.id, cityId), eq(cities.provinceId, provinceId)));
  return !!row;
}

// ---- Legal persons and representatives ----

export async function legalPersonByCompanyId(db: Executor, nationalCompanyId: string) {
  const [row] = await db.select().from(legalPersons).where(eq(legalPersons.nationalCompanyId, nationalCompanyId));
  return row ?? null;
}

export async function insertLegalPerson(db: Executor, values: typeof legalPersons.$inferInsert) {
  const [row] = await db.insert(legalPersons).values(values).returning();
  return row;
}

export async function searchLegalPersons(db: Executor, q: string, page: number, pageSize: number) {
  const where = q
    ? or(
        eq(legalPersons.nationalCompanyId, q),
        ilike(legalPersons.name, `%${q}%`),
        eq(legalPersons.registrationNumber, q),
      )
    : undefined;
  const [{ total }] = await db.select({ total: count() }).from(legalPersons).where(where);
  const rows = await db
    .select({
      lp: legalPersons,
      agentFirst: citizens.firstName,
      agentLast: citizens.lastName,
      agentNationalId: citizens.nationalId,
    })
    .from(legalPersons)
    .leftJoin(citizens, eq(citizens.id, legalPersons.agentCitizenId))
    .where(where)
    .orderBy(desc(legalPersons.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total };
}

export async function representativeByLicence(
  db: Executor,
  citizenId: number,
  kind: string,
  licenceNumber: string | null,
) {
  const [row] = await db
    .select({ id: representatives.id })
    .from(representatives)
    .where(
      and(
        eq(representatives.citizenId, citizenId),
        eq(representatives.kind, kind as 'lawyer'),
        licenceNumber == null
          ? isNull(representatives.licenceNumber)
          : eq(representatives.licenceNumber, licenceNumber),
      ),
    );
  return row ?? null;
}

export async function insertRepresentative(db: Executor, values: typeof representatives.$inferInsert) {
  const [row] = await db.insert(representatives).values(values).returning();
  return row;
}

export async function searchRepresentatives(
  db: Executor,
  search: { q?: string; nationalId?: string; kind?: string },
  page: number,
  pageSize: number,
) {
  const q = search.q?.trim();
  const where = and(
    search.nationalId ? eq(citizens.nationalId, search.nationalId) : undefined,
    search.kind ? eq(representatives.kind, search.kind as 'lawyer') : undefined,
    q
      ? or(eq(representatives.licenceNumber, q), ilike(citizens.lastName, `${q}%`), ilike(citizens.firstName, `${q}%`))
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(representatives)
    .innerJoin(citizens, eq(citizens.id, representatives.citizenId))
    .where(where);
  const rows = await db
    .select({
      rep: representatives,
      firstName: citizens.firstName,
      lastName: citizens.lastName,
      nationalId: citizens.nationalId,
    })
    .from(representatives)
    .innerJoin(citizens, eq(citizens.id, representatives.citizenId))
    .where(where)
    .orderBy(desc(representatives.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total };
}
