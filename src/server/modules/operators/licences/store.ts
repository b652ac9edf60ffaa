/** Queries of activity licences and their events. */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { orderClause } from '#server/db/order';
import type { LicenceListQuery } from './schemas';

export interface LicenceRow {
  id: number;
  number: string;
  userId: number;
  officeId: number;
  provinceId: number;
  serviceCodes: string[];
  status: 'active' | 'suspended' | 'revoked';
  issuedOn: string;
  expiresOn: string;
  statusReason: string | null;
  suspendedUntil: string | null;
  firstName: string;
  lastName: string;
  nationalId: string | null;
  username: string | null;
  mobile: string | null;
  officeCode: string;
  officeNameFa: string;
  officeNameEn: string;
}

const dayText = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

const SELECT_LICENCE = sql`
  select a.id::int as id, a.number, a.user_id::int as "userId", a.office_id as "officeId", a.province_id as "provinceId",
    a.service_codes as "serviceCodes", a.status, ${dayText('a.issued_on')} as "issuedOn", ${dayText('a.expires_on')} as "expiresOn",
    a.status_reason as "statusReason", ${dayText('a.suspended_until')} as "suspendedUntil",
    u.first_name as "firstName", u.last_name as "lastName", u.national_id as "nationalId", u.username, u.mobile,
    o.code as "officeCode", o.name_fa as "officeNameFa", o.name_en as "officeNameEn"
  from activity_licences a join users u on u.id = a.user_id join offices o on o.id = a.office_id`;

/** The effective status on the day, in SQL: the same rule as `effectiveStatus` in core/licensing. */
function effectiveStatusSql(day: string): SQL {
  return sql`(case when a.status = 'revoked' then 'revoked'
    when a.status = 'suspended' and (a.suspended_until is null or a.suspended_until >= ${day}::date) then 'suspended'
    when a.expires_on < ${day}::date then 'expired'
    when a.expires_on <= ${day}::date + 30 then 'expiring'
    else 'active' end)`;
}

function scopeCondition(filter: ScopeFilter): SQL {
  if (filter.all) return sql`true`;
  const parts: SQL[] = [];
  if (filter.provinceIds.length)
    parts.push(
      sql`a.province_id in (${sql.join(
        filter.provinceIds.map((p) => sql`${p}`),
        sql`, `,
      )})`,
    );
  if (filter.officeIds.length)
    parts.push(
      sql`a.office_id in (${sql.join(
        filter.officeIds.map((o) => sql`${o}`),
        sql`, `,
      )})`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export async function searchLicences(
  db: Executor,
  filter: ScopeFilter,
  q: LicenceListQuery,
  day: string,
): Promise<{ rows: LicenceRow[]; total: number }> {
  const where: SQL[] = [scopeCondition(filter)];
  if (q.officeId) where.push(sql`a.office_id = ${q.officeId}`);
  if (q.provinceId) where.push(sql`a.province_id = ${q.provinceId}`);
  if (q.status) where.push(sql`${effectiveStatusSql(day)} = ${q.status}`);
  if (q.expiringWithinDays != null) {
    where.push(
      sql`a.status <> 'revoked' and a.expires_on >= ${day}::date and a.expires_on <= ${day}::date + ${q.expiringWithinDays}::int`,
    );
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(a.number ilike ${like} or u.national_id = ${q.q} or u.username ilike ${like}
      or (u.first_name || ' ' || u.last_name) ilike ${like})`);
  }
  const condition = sql.join(where, sql` and `);
  const [rows, total] = await Promise.all([
    db.execute(
      sql`${SELECT_LICENCE} where ${condition} order by ${orderClause(
        q.sort,
        {
          number: sql`a.number`,
          holder: [sql`u.last_name`, sql`u.first_name`],
          office: sql`o.name_fa`,
          services: sql`jsonb_array_length(a.service_codes)`,
          status: effectiveStatusSql(day),
          expires: sql`a.expires_on`,
        },
        sql`a.id`,
        [sql`a.expires_on`, sql`a.id`],
      )} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    db.execute(
      sql`select count(*)::int as n from activity_licences a join users u on u.id = a.user_id where ${condition}`,
    ),
  ]);
  return { rows: rows.rows as unknown as LicenceRow[], total: (total.rows[0] as { n: number }).n };
}

export async function findLicence(db: Executor, id: number, forUpdate = false): Promise<LicenceRow | null> {
  const rows = await db.execute(sql`${SELECT_LICENCE} where a.id = ${id}${forUpdate ? sql` for update of a` : sql``}`);
  return (rows.rows[0] as unknown as LicenceRow | undefined) ?? null;
}

/** Every licence a person holds, at any office, the newest first. */
export async function licencesOfUser(db: Executor, userId: number): Promise<LicenceRow[]> {
  const rows = await db.execute(
    sql`${SELECT_LICENCE} where a.user_id = ${userId} order by a.issued_on desc, a.id desc`,
  );
  return rows.rows as unknown as LicenceRow[];
}

export interface EventRow {
  id: number;
  kind: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  actorId: number | null;
  actorName: string | null;
  at: Date | string;
}

export async function eventsOf(db: Executor, licenceId: number): Promise<EventRow[]> {
  const rows = await db.execute(sql`
    select e.id::int as id, e.kind, e.reason, e.data, e.actor_user_id::int as "actorId",
      case when u.id is null then null else u.first_name || ' ' || u.last_name end as "actorName", e.created_at as at
    from licence_events e left join users u on u.id = e.actor_user_id
    where e.licence_id = ${licenceId} order by e.created_at desc, e.id desc`);
  return rows.rows as unknown as EventRow[];
}

export async function insertEvent(
  tx: Executor,
  e: {
    licenceId: number;
    kind: string;
    reason?: string | null;
    data?: Record<string, unknown>;
    actorUserId: number | null;
    at: Date;
  },
) {
  await tx.execute(sql`insert into licence_events (licence_id, kind, reason, data, actor_user_id, created_at)
    values (${e.licenceId}, ${e.kind}, ${e.reason ?? null}, ${e.data ? JSON.stringify(e.data) : null}::jsonb, ${e.actorUserId}, ${e.at})`);
}

export interface OfficeRef {
  id: number;
  code: string;
  nameFa: string;
  nameEn: string;
  provinceId: number;
}

export async function findOffice(db: Executor, id: number): Promise<OfficeRef | null> {
  const rows = await db.execute(
    sql`select id, code, name_fa as "nameFa", name_en as "nameEn", province_id as "provinceId" from offices where id = ${id}`,
  );
  return (rows.rows[0] as unknown as OfficeRef | undefined) ?? null;
}

export interface PersonRef {
  id: number;
  firstName: string;
  lastName: string;
  nationalId: string | null;
  username: string | null;
  mobile: string | null;
}

export async function findStaff(db: Executor, id: number): Promise<PersonRef | null> {
  const rows =
    await db.execute(sql`select id::int as id, first_name as "firstName", last_name as "lastName", national_id as "nationalId", username, mobile
    from users where id = ${id} and kind = 'staff'`);
  return (rows.rows[0] as unknown as PersonRef | undefined) ?? null;
}

/** Does the person hold a role that performs services (operator, office manager) at the office? */
export async function worksAtOffice(db: Executor, userId: number, officeId: number): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from role_grants where user_id = ${userId} and office_id = ${officeId}
    and role in ('operator', 'office_manager') limit 1`);
  return rows.rows.length > 0;
}

/** Services the office holds an active competency for on the day. */
export async function competentServiceCodes(db: Executor, officeId: number, day: string): Promise<string[]> {
  const rows = await db.execute(sql`select service_code as code from office_competencies
    where office_id = ${officeId} and status = 'active' and valid_from <= ${day}::date and (valid_until is null or valid_until >= ${day}::date)
    order by service_code`);
  return (rows.rows as { code: string }[]).map((r) => r.code);
}

export async function serviceNames(db: Executor): Promise<Map<string, { nameFa: string; nameEn: string }>> {
  const rows = await db.execute(sql`select code, title_fa as "nameFa", title_en as "nameEn" from catalog_services`);
  return new Map(
    (rows.rows as { code: string; nameFa: string; nameEn: string }[]).map((r) => [
      r.code,
      { nameFa: r.nameFa, nameEn: r.nameEn },
    ]),
  );
}

/** A licence of the person at the office that is neither revoked nor expired on the day. */
export async function currentLicenceAt(
  db: Executor,
  userId: number,
  officeId: number,
  day: string,
): Promise<LicenceRow | null> {
  const rows = await db.execute(sql`${SELECT_LICENCE} where a.user_id = ${userId} and a.office_id = ${officeId}
    and a.status <> 'revoked' and a.expires_on >= ${day}::date order by a.expires_on desc limit 1`);
  return (rows.rows[0] as unknown as LicenceRow | undefined) ?? null;
}

/** Serialises licence issues at one office: the number sequence and the one-current-licence rule. */
export async function lockOfficeLicences(tx: Executor, officeId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7401, ${officeId}::int)`);
}

export async function numbersAtOffice(db: Executor, officeCode: string): Promise<string[]> {
  const rows = await db.execute(sql`select number from activity_licences where number like ${`${officeCode}-%`}`);
  return (rows.rows as { number: string }[]).map((r) => r.number);
}

export async function insertLicence(
  tx: Executor,
  l: {
    number: string;
    userId: number;
    officeId: number;
    provinceId: number;
    serviceCodes: string[];
    issuedOn: string;
    expiresOn: string;
    issuedBy: number;
  },
): Promise<number> {
  const rows =
    await tx.execute(sql`insert into activity_licences (number, user_id, office_id, province_id, service_codes, status, issued_on, expires_on, issued_by)
    values (${l.number}, ${l.userId}, ${l.officeId}, ${l.provinceId}, ${JSON.stringify(l.serviceCodes)}::jsonb, 'active', ${l.issuedOn}::date, ${l.expiresOn}::date, ${l.issuedBy})
    returning id::int as id`);
  return (rows.rows[0] as { id: number }).id;
}

export async function updateStanding(
  tx: Executor,
  id: number,
  s: { status: 'active' | 'suspended' | 'revoked'; statusReason: string | null; suspendedUntil: string | null },
) {
  await tx.execute(
    sql`update activity_licences set status = ${s.status}, status_reason = ${s.statusReason}, suspended_until = ${s.suspendedUntil}::date where id = ${id}`,
  );
}

export async function updateServices(tx: Executor, id: number, serviceCodes: string[]) {
  await tx.execute(
    sql`update activity_licences set service_codes = ${JSON.stringify(serviceCodes)}::jsonb where id = ${id}`,
  );
}

export async function updateExpiry(tx: Executor, id: number, expiresOn: string) {
  await tx.execute(sql`update activity_licences set expires_on = ${expiresOn}::date where id = ${id}`);
}

/** The day the licence was last issued or renewed: continuing-education hours count from there. */
export async function lastIssueOrRenewalDay(
  db: Executor,
  licence: Pick<LicenceRow, 'id' | 'issuedOn'>,
): Promise<string> {
  const rows = await db.execute(
    sql`select max(data->>'renewedOn') as day from licence_events where licence_id = ${licence.id} and kind = 'renewed'`,
  );
  return (rows.rows[0] as { day: string | null }).day ?? licence.issuedOn;
}

/** The managers of an office (they hear of their staff's expiring licences). */
export async function officeManagerMobiles(db: Executor, officeId: number, exceptUserId: number): Promise<string[]> {
  const rows = await db.execute(sql`select distinct u.mobile from role_grants g join users u on u.id = g.user_id
    where g.office_id = ${officeId} and g.role = 'office_manager' and u.id <> ${exceptUserId} and u.mobile is not null and not u.disabled`);
  return (rows.rows as { mobile: string }[]).map((r) => r.mobile);
}

/** Active, or suspended with the suspension's end date passed (lifted): the licences whose holder can still work. */
function inForceOn(day: string): SQL {
  return sql`(status = 'active' or (status = 'suspended' and suspended_until < ${day}::date))`;
}

/** Licences in force expiring between the day and `untilDay` whose reminder for the current expiry is not yet sent. */
export async function licencesDueReminder(db: Executor, day: string, untilDay: string): Promise<number[]> {
  const rows = await db.execute(sql`select id::int as id from activity_licences
    where ${inForceOn(day)} and expires_on >= ${day}::date and expires_on <= ${untilDay}::date
      and reminder_sent_for is distinct from expires_on order by expires_on, id`);
  return (rows.rows as { id: number }[]).map((r) => r.id);
}

/** Claims the reminder for the licence's current expiry; false when another run already sent it. */
export async function claimReminder(tx: Executor, id: number): Promise<boolean> {
  const rows = await tx.execute(sql`update activity_licences set reminder_sent_for = expires_on
    where id = ${id} and status <> 'revoked' and reminder_sent_for is distinct from expires_on returning id`);
  return rows.rows.length > 0;
}
