/**
 * Queries of the staff registry. The list is one statement for the page (the person's most
 * relevant licence, contract in force and insurance read by lateral subqueries on indexed
 * columns, only for the page's rows) and one count; office staff are found through the partial
 * index over their grants, never by scanning citizens.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDaysIso } from '#core/jalali';
import { EXPIRY_WARNING_DAYS } from '#core/licensing';
import type { Executor } from '#server/db/transaction';
import type { SortOrder } from '#server/platform/http/fields';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { keepTotal, keptTotal } from './large-totals';

export const STAFF_ROLES = ['operator', 'office_manager', 'consultant'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];
export const LICENCE_FILTERS = ['valid', 'expiring', 'expired', 'suspended', 'revoked', 'none'] as const;
type LicenceFilter = (typeof LICENCE_FILTERS)[number];

/** Written out (not as parameters) so the planner matches the partial index `role_grants_office_staff_idx`. */
const STAFF_GRANT = sql.raw(`g.role in ('operator', 'office_manager', 'consultant') and g.scope_kind = 'office'`);

/** The columns the staff registry sorts by (the others are worked out per page, for the rows shown). */
export const STAFF_REGISTRY_SORTS = ['name', 'nationalId'] as const;

export interface StaffSearch {
  q?: string;
  provinceId?: number;
  officeId?: number;
  role?: StaffRole;
  licence?: LicenceFilter;
  insured?: boolean;
  /** By last name, first name unless another order is chosen. */
  sort?: SortOrder<(typeof STAFF_REGISTRY_SORTS)[number]>;
  page: number;
  pageSize: number;
}

/** The page's order over the staff account's columns (alias `u` or `p`), the id last so pages never overlap. */
function staffOrder(alias: 'u' | 'p', sort: StaffSearch['sort']): SQL {
  const dir = sort?.dir === 'desc' ? ' desc' : '';
  const columns = sort?.column === 'nationalId' ? ['national_id'] : ['last_name', 'first_name'];
  return sql.raw([...columns, 'id'].map((c) => `${alias}.${c}${dir}`).join(', '));
}

/** The grants (alias g) a scope filter lets the caller see. */
function grantInScope(filter: ScopeFilter): SQL {
  if (filter.all) return sql`true`;
  const parts: SQL[] = [];
  if (filter.provinceIds.length)
    parts.push(
      sql`g.province_id in (${sql.join(
        filter.provinceIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  if (filter.officeIds.length)
    parts.push(
      sql`g.office_id in (${sql.join(
        filter.officeIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * The licence that says most about the person today (alias l, for user `userRef`): one in force
 * first, then a suspended one, then an expired one, a revoked one last; the latest expiry within each.
 */
function relevantLicence(userRef: SQL, day: string): SQL {
  return sql`select l.id, l.number, l.status, l.expires_on, l.suspended_until, ${effectiveStatusSql(day)} as effective
    from activity_licences l where l.user_id = ${userRef}
    order by case when l.status = 'active' and l.expires_on >= ${day}::date then 0 when l.status = 'suspended' then 1 when l.status = 'active' then 2 else 3 end,
      l.expires_on desc, l.id desc limit 1`;
}

/** `effectiveStatus` of #core/licensing, in SQL over alias l. */
function effectiveStatusSql(day: string): SQL {
  return sql`case when l.status = 'revoked' then 'revoked'
    when l.status = 'suspended' and (l.suspended_until is null or l.suspended_until >= ${day}::date) then 'suspended'
    when l.expires_on < ${day}::date then 'expired'
    when l.expires_on <= ${addDaysIso(day, EXPIRY_WARNING_DAYS)}::date then 'expiring'
    else 'active' end`;
}

const insuredToday = (userRef: SQL, day: string) =>
  sql`exists (select 1 from insurance_periods i where i.user_id = ${userRef} and i.starts_on <= ${day}::date and (i.ends_on is null or i.ends_on >= ${day}::date))`;

/** Persian-keyboard variants of the same letters (Arabic yeh and kaf) are one letter to a searcher. */
function normalizeSearch(q: string): string {
  return q
    .trim()
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))
    .replace(/\s+/g, ' ');
}

const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The conditions on the grants (alias g) of the people a search may return. */
function grantConditions(filter: ScopeFilter, s: StaffSearch): SQL[] {
  const grant: SQL[] = [STAFF_GRANT, grantInScope(filter)];
  if (s.role) grant.push(sql`g.role = ${s.role}`);
  if (s.officeId) grant.push(sql`g.office_id = ${s.officeId}`);
  if (s.provinceId) grant.push(sql`g.province_id = ${s.provinceId}`);
  return grant;
}

function searchWhere(filter: ScopeFilter, s: StaffSearch, day: string): SQL {
  const grant = grantConditions(filter, s);
  const where: SQL[] = [sql`u.id in (select g.user_id from role_grants g where ${sql.join(grant, sql` and `)})`];
  const q = s.q ? normalizeSearch(s.q) : '';
  if (q) {
    if (/^\d{10}$/.test(q)) where.push(sql`u.national_id = ${q}`);
    else {
      const prefix = likePrefix(q);
      where.push(
        sql`(u.last_name like ${prefix} or u.first_name like ${prefix} or (u.first_name || ' ' || u.last_name) like ${prefix} or u.username like ${likePrefix(q.toLowerCase())})`,
      );
    }
  }
  if (s.licence === 'none') where.push(sql`not exists (select 1 from activity_licences l where l.user_id = u.id)`);
  else if (s.licence === 'valid') where.push(sql`(${relevantLicenceStatus(day)}) in ('active', 'expiring')`);
  else if (s.licence) {
    // Only people holding a licence that could be the one named narrow the search first (through the
    // expiry index), so the relevant-licence subquery runs for a few hundred people, not for everyone.
    const candidates = {
      expiring: sql`l.status in ('active', 'suspended') and l.expires_on between ${day}::date and ${addDaysIso(day, EXPIRY_WARNING_DAYS)}::date`,
      expired: sql`l.status in ('active', 'suspended') and l.expires_on < ${day}::date`,
      suspended: sql`l.status = 'suspended'`,
      revoked: sql`l.status = 'revoked'`,
    }[s.licence];
    where.push(sql`u.id in (select l.user_id from activity_licences l where ${candidates})`);
    where.push(sql`(${relevantLicenceStatus(day)}) = ${s.licence}`);
  }
  if (s.insured !== undefined)
    where.push(s.insured ? insuredToday(sql`u.id`, day) : sql`not ${insuredToday(sql`u.id`, day)}`);
  return sql.join(where, sql` and `);
}

const relevantLicenceStatus = (day: string) => sql`select r.effective from (${relevantLicence(sql`u.id`, day)}) r`;

export interface StaffListRow {
  id: number;
  username: string | null;
  firstName: string;
  lastName: string;
  nationalId: string | null;
  educationLevel: string | null;
  roles: GrantRow[];
  licenceId: number | null;
  licenceNumber: string | null;
  licenceStatus: string | null;
  licenceExpiresOn: string | null;
  contractType: string | null;
  contractFullTime: boolean | null;
  contractEndsOn: string | null;
  insured: boolean;
}

export interface GrantRow {
  role: StaffRole;
  officeId: number;
  officeCode: string;
  officeNameFa: string;
  officeNameEn: string;
  provinceId: number;
  grantedAt: string;
}

const rolesOf = (userRef: SQL) => sql`(select coalesce(json_agg(json_build_object(
    'role', g.role, 'officeId', o.id, 'officeCode', o.code, 'officeNameFa', o.name_fa, 'officeNameEn', o.name_en,
    'provinceId', g.province_id, 'grantedAt', g.granted_at) order by g.id), '[]'::json)
  from role_grants g join offices o on o.id = g.office_id where g.user_id = ${userRef} and ${STAFF_GRANT})`;

/** Dates as ISO days whatever the driver makes of them. */
const isoDay = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export async function searchStaff(
  db: Executor,
  filter: ScopeFilter,
  s: StaffSearch,
  day: string,
): Promise<{ rows: StaffListRow[]; total: number }> {
  const where = searchWhere(filter, s, day);
  const page = await db.execute(sql`
    with page as (
      select u.id, u.username, u.first_name, u.last_name, u.national_id from users u
      where u.kind = 'staff' and ${where}
      order by ${staffOrder('u', s.sort)} limit ${s.pageSize} offset ${(s.page - 1) * s.pageSize}
    )
    select p.id::int as id, p.username, p.first_name as "firstName", p.last_name as "lastName", p.national_id as "nationalId",
      pr.education_level as "educationLevel", ${rolesOf(sql`p.id`)} as roles,
      lic.id::int as "licenceId", lic.number as "licenceNumber", lic.effective as "licenceStatus", lic.expires_on::text as "licenceExpiresOn",
      c.type as "contractType", c.full_time as "contractFullTime", c.ends::text as "contractEndsOn",
      ${insuredToday(sql`p.id`, day)} as insured
    from page p
    left join operator_profiles pr on pr.user_id = p.id
    left join lateral (${relevantLicence(sql`p.id`, day)}) lic on true
    left join lateral (
      select ec.type, ec.full_time, coalesce(ec.terminated_on, ec.ends_on) as ends from employment_contracts ec
      where ec.user_id = p.id and ec.starts_on <= ${day}::date
        and (coalesce(ec.terminated_on, ec.ends_on) is null or coalesce(ec.terminated_on, ec.ends_on) >= ${day}::date)
      order by ec.full_time desc, ec.starts_on desc limit 1) c on true
    order by ${staffOrder('p', s.sort)}`);
  const rows = (page.rows as unknown as StaffListRow[]).map((r) => ({
    ...r,
    licenceExpiresOn: isoDay(r.licenceExpiresOn),
    contractEndsOn: isoDay(r.contractEndsOn),
  }));
  return {
    rows,
    total: await totalOf(
      db,
      where,
      filter,
      s,
      rows.length,
      JSON.stringify([filter, { ...s, page: 0, sort: undefined }, day]),
    ),
  };
}

/**
 * The search's total: known from the page itself when it is the last one (not full), else counted —
 * or, for large totals, taken from a count made in the last few seconds (see large-totals.ts).
 */
async function totalOf(
  db: Executor,
  where: SQL,
  filter: ScopeFilter,
  s: StaffSearch,
  pageRows: number,
  key: string,
): Promise<number> {
  const offset = (s.page - 1) * s.pageSize;
  if (pageRows > 0 && pageRows < s.pageSize) return offset + pageRows;
  if (pageRows === 0 && s.page === 1) return 0;
  const kept = keptTotal(key);
  if (kept !== null) return kept;
  // Without a filter on the person, the grants alone answer (every office-staff grant is a staff
  // account's): counted from their partial index instead of over every staff account.
  const byGrantsOnly = !s.q && !s.licence && s.insured === undefined;
  const count = byGrantsOnly
    ? sql`select count(distinct g.user_id)::int as total from role_grants g where ${sql.join(grantConditions(filter, s), sql` and `)}`
    : sql`select count(*)::int as total from users u where u.kind = 'staff' and ${where}`;
  const [{ total }] = (await db.execute(count)).rows as { total: number }[];
  keepTotal(key, total);
  return total;
}

export interface PersonRow {
  id: number;
  username: string | null;
  firstName: string;
  lastName: string;
  nationalId: string | null;
  mobile: string | null;
  kind: string;
  educationLevel: string | null;
  educationField: string | null;
  insuranceNumber: string | null;
  photoKey: string | null;
  photoType: string | null;
  roles: GrantRow[];
}

/** A person of the registry (someone with an office-staff grant), or null. */
export async function findPerson(db: Executor, id: number): Promise<PersonRow | null> {
  const res = await db.execute(sql`
    select u.id::int as id, u.username, u.first_name as "firstName", u.last_name as "lastName", u.national_id as "nationalId", u.mobile, u.kind,
      pr.education_level as "educationLevel", pr.education_field as "educationField", pr.insurance_number as "insuranceNumber",
      pr.photo_key as "photoKey", pr.photo_type as "photoType", ${rolesOf(sql`u.id`)} as roles
    from users u left join operator_profiles pr on pr.user_id = u.id where u.id = ${id} and u.kind = 'staff'`);
  const row = res.rows[0] as unknown as PersonRow | undefined;
  if (!row || row.roles.length === 0) return null;
  return row;
}

export interface ContractRow {
  id: number;
  userId: number;
  officeId: number;
  officeCode: string;
  officeNameFa: string;
  officeNameEn: string;
  provinceId: number;
  type: string;
  fullTime: boolean;
  weeklyHours: number;
  monthlyWageRials: number;
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  createdAt: string;
}

export async function contractsOf(db: Executor, userId: number): Promise<ContractRow[]> {
  const res = await db.execute(sql`
    select c.id::int as id, c.user_id::int as "userId", c.office_id as "officeId", o.code as "officeCode", o.name_fa as "officeNameFa", o.name_en as "officeNameEn",
      c.province_id as "provinceId", c.type, c.full_time as "fullTime", c.weekly_hours as "weeklyHours", c.monthly_wage_rials::float8 as "monthlyWageRials",
      c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.terminated_on::text as "terminatedOn", c.termination_reason as "terminationReason", c.created_at as "createdAt"
    from employment_contracts c join offices o on o.id = c.office_id where c.user_id = ${userId} order by c.starts_on desc, c.id desc`);
  return res.rows as unknown as ContractRow[];
}

export interface InsuranceRow {
  id: number;
  officeId: number;
  officeCode: string;
  officeNameFa: string;
  officeNameEn: string;
  provinceId: number;
  insuranceNumber: string;
  startsOn: string;
  endsOn: string | null;
  createdAt: string;
}

export async function insuranceOf(db: Executor, userId: number): Promise<InsuranceRow[]> {
  const res = await db.execute(sql`
    select i.id::int as id, i.office_id as "officeId", o.code as "officeCode", o.name_fa as "officeNameFa", o.name_en as "officeNameEn", i.province_id as "provinceId",
      i.insurance_number as "insuranceNumber", i.starts_on::text as "startsOn", i.ends_on::text as "endsOn", i.created_at as "createdAt"
    from insurance_periods i join offices o on o.id = i.office_id where i.user_id = ${userId} order by i.starts_on desc, i.id desc`);
  return res.rows as unknown as InsuranceRow[];
}

export interface LicenceRow {
  id: number;
  number: string;
  officeId: number;
  officeCode: string;
  serviceCodes: string[];
  status: string;
  effective: string;
  issuedOn: string;
  expiresOn: string;
  statusReason: string | null;
  suspendedUntil: string | null;
}

export async function licencesOf(db: Executor, userId: number, day: string): Promise<LicenceRow[]> {
  const res = await db.execute(sql`
    select l.id::int as id, l.number, l.office_id as "officeId", o.code as "officeCode", l.service_codes as "serviceCodes", l.status,
      ${effectiveStatusSql(day)} as effective, l.issued_on::text as "issuedOn", l.expires_on::text as "expiresOn",
      l.status_reason as "statusReason", l.suspended_until::text as "suspendedUntil"
    from activity_licences l join offices o on o.id = l.office_id where l.user_id = ${userId} order by l.issued_on desc, l.id desc`);
  return res.rows as unknown as LicenceRow[];
}

export interface LicenceEventRow {
  licenceId: number;
  number: string;
  kind: string;
  reason: string | null;
  createdAt: string;
}

export async function licenceEventsOf(db: Executor, userId: number): Promise<LicenceEventRow[]> {
  const res = await db.execute(sql`
    select e.licence_id::int as "licenceId", l.number, e.kind, e.reason, e.created_at as "createdAt"
    from licence_events e join activity_licences l on l.id = e.licence_id where l.user_id = ${userId} order by e.created_at, e.id`);
  return res.rows as unknown as LicenceEventRow[];
}

export async function officeLocation(
  db: Executor,
  officeId: number,
): Promise<{ id: number; provinceId: number } | null> {
  const res = await db.execute(sql`select id, province_id as "provinceId" from offices where id = ${officeId}`);
  return (res.rows[0] as { id: number; provinceId: number } | undefined) ?? null;
}

export async function upsertProfile(
  db: Executor,
  userId: number,
  set: {
    educationLevel?: string | null;
    educationField?: string | null;
    insuranceNumber?: string | null;
    photoKey?: string;
    photoType?: string;
  },
  now: Date,
) {
  const cols = {
    education_level: set.educationLevel,
    education_field: set.educationField,
    insurance_number: set.insuranceNumber,
    photo_key: set.photoKey,
    photo_type: set.photoType,
  };
  const given = Object.entries(cols).filter(([, v]) => v !== undefined) as [string, string | null][];
  const names = given.map(([k]) => sql.raw(k));
  const values = given.map(([, v]) => sql`${v}`);
  const updates = given.map(([k]) => sql.raw(`${k} = excluded.${k}`));
  await db.execute(sql`insert into operator_profiles (user_id, updated_at${given.length ? sql`, ` : sql``}${sql.join(names, sql`, `)})
    values (${userId}, ${now}${given.length ? sql`, ` : sql``}${sql.join(values, sql`, `)})
    on conflict (user_id) do update set ${sql.join([...updates, sql.raw('updated_at = excluded.updated_at')], sql`, `)}`);
}
