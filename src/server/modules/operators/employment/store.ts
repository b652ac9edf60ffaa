/** Queries of employment: contracts, insurance periods, the alerts and the statistics' raw rows. */
import { sql, type SQL } from 'drizzle-orm';
import { addDaysIso } from '#core/jalali';
import { ALERT_HORIZON_DAYS, TURNOVER_WINDOW_DAYS, type AlertKind, type ContractType } from '#core/employment';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';

/**
 * Serializes employment writes about one person for the rest of the transaction, keyed by the
 * national ID (so two accounts of one person queue too), else by the account.
 */
export async function lockPerson(tx: Executor, userId: number, nationalId: string | null): Promise<void> {
  const key = nationalId ? `employment:nid:${nationalId}` : `employment:user:${userId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

export interface ContractTermsRow {
  id: number;
  userId: number;
  officeId: number;
  provinceId: number;
  fullTime: boolean;
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
}

const contractColumns = sql`c.id::int as id, c.user_id::int as "userId", c.office_id as "officeId", c.province_id as "provinceId", c.full_time as "fullTime",
  c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.terminated_on::text as "terminatedOn"`;

/** Every contract of the person, under this account or any other account with the same national ID. */
export async function contractsOfPerson(
  tx: Executor,
  userId: number,
  nationalId: string | null,
): Promise<ContractTermsRow[]> {
  const sameNationalId = nationalId
    ? sql` or c.user_id in (select u.id from users u where u.national_id = ${nationalId})`
    : sql``;
  const res = await tx.execute(
    sql`select ${contractColumns} from employment_contracts c where c.user_id = ${userId}${sameNationalId}`,
  );
  return res.rows as unknown as ContractTermsRow[];
}

export async function insertContract(
  tx: Executor,
  values: {
    userId: number;
    officeId: number;
    provinceId: number;
    type: ContractType;
    fullTime: boolean;
    weeklyHours: number;
    monthlyWageRials: number;
    startsOn: string;
    endsOn: string | null;
    createdBy: number;
  },
): Promise<number> {
  const res =
    await tx.execute(sql`insert into employment_contracts (user_id, office_id, province_id, type, full_time, weekly_hours, monthly_wage_rials, starts_on, ends_on, created_by)
    values (${values.userId}, ${values.officeId}, ${values.provinceId}, ${values.type}, ${values.fullTime}, ${values.weeklyHours}, ${values.monthlyWageRials},
      ${values.startsOn}::date, ${values.endsOn}::date, ${values.createdBy}) returning id::int as id`);
  return (res.rows[0] as { id: number }).id;
}

export async function findContract(tx: Executor, id: number): Promise<ContractTermsRow | null> {
  const res = await tx.execute(sql`select ${contractColumns} from employment_contracts c where c.id = ${id}`);
  return (res.rows[0] as unknown as ContractTermsRow | undefined) ?? null;
}

export async function terminateContract(tx: Executor, id: number, on: string, reason: string): Promise<void> {
  await tx.execute(
    sql`update employment_contracts set terminated_on = ${on}::date, termination_reason = ${reason} where id = ${id}`,
  );
}

export interface InsuranceTermsRow {
  id: number;
  userId: number;
  officeId: number;
  provinceId: number;
  startsOn: string;
  endsOn: string | null;
}
const insuranceColumns = sql`i.id::int as id, i.user_id::int as "userId", i.office_id as "officeId", i.province_id as "provinceId", i.starts_on::text as "startsOn", i.ends_on::text as "endsOn"`;

export async function insuranceAt(tx: Executor, userId: number, officeId: number): Promise<InsuranceTermsRow[]> {
  const res = await tx.execute(
    sql`select ${insuranceColumns} from insurance_periods i where i.user_id = ${userId} and i.office_id = ${officeId}`,
  );
  return res.rows as unknown as InsuranceTermsRow[];
}

export async function findInsurance(tx: Executor, id: number): Promise<InsuranceTermsRow | null> {
  const res = await tx.execute(sql`select ${insuranceColumns} from insurance_periods i where i.id = ${id}`);
  return (res.rows[0] as unknown as InsuranceTermsRow | undefined) ?? null;
}

export async function insertInsurance(
  tx: Executor,
  v: {
    userId: number;
    officeId: number;
    provinceId: number;
    insuranceNumber: string;
    startsOn: string;
    endsOn: string | null;
    createdBy: number;
  },
): Promise<number> {
  const res =
    await tx.execute(sql`insert into insurance_periods (user_id, office_id, province_id, insurance_number, starts_on, ends_on, created_by)
    values (${v.userId}, ${v.officeId}, ${v.provinceId}, ${v.insuranceNumber}, ${v.startsOn}::date, ${v.endsOn}::date, ${v.createdBy}) returning id::int as id`);
  return (res.rows[0] as { id: number }).id;
}

export async function endInsurance(tx: Executor, id: number, endsOn: string): Promise<void> {
  await tx.execute(sql`update insurance_periods set ends_on = ${endsOn}::date where id = ${id}`);
}

/** Rows (alias `alias`) whose office lies in the scope, and in the asked office or province. */
function inScope(alias: string, filter: ScopeFilter, ask: { officeId?: number; provinceId?: number }): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (!filter.all) {
    const any: SQL[] = [];
    if (filter.provinceIds.length)
      any.push(
        sql`${a}.province_id in (${sql.join(
          filter.provinceIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    if (filter.officeIds.length)
      any.push(
        sql`${a}.office_id in (${sql.join(
          filter.officeIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    parts.push(any.length ? sql`(${sql.join(any, sql` or `)})` : sql`false`);
  }
  if (ask.officeId) parts.push(sql`${a}.office_id = ${ask.officeId}`);
  if (ask.provinceId) parts.push(sql`${a}.province_id = ${ask.provinceId}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export interface AlertRow {
  kind: AlertKind;
  userId: number;
  firstName: string;
  lastName: string;
  officeId: number;
  officeCode: string;
  officeNameFa: string;
  officeNameEn: string;
  provinceId: number;
  dueOn: string | null;
  contractId: number | null;
  licenceId: number | null;
}

const contractEndSql = sql`coalesce(c.terminated_on, c.ends_on)`;

/** The alerts of the day within the scope, oldest due first. */
export async function alerts(
  db: Executor,
  filter: ScopeFilter,
  ask: { officeId?: number; provinceId?: number },
  day: string,
): Promise<AlertRow[]> {
  const horizon = addDaysIso(day, ALERT_HORIZON_DAYS);
  const inForce = sql`c.starts_on <= ${day}::date and (${contractEndSql} is null or ${contractEndSql} >= ${day}::date)`;
  const res = await db.execute(sql`
    with found as (
      select 'insurance-lapsed' as kind, c.user_id, c.office_id, c.province_id, null::date as due_on, c.id as contract_id, null::bigint as licence_id
      from employment_contracts c
      where ${inScope('c', filter, ask)} and ${inForce}
        and not exists (select 1 from insurance_periods i where i.user_id = c.user_id and i.office_id = c.office_id
          and i.starts_on <= ${day}::date and (i.ends_on is null or i.ends_on >= ${day}::date))
      union all
      select 'contract-ending', c.user_id, c.office_id, c.province_id, ${contractEndSql}, c.id, null
      from employment_contracts c
      where ${inScope('c', filter, ask)} and ${inForce} and ${contractEndSql} <= ${horizon}::date
        and not exists (select 1 from employment_contracts n where n.user_id = c.user_id and n.office_id = c.office_id and n.id <> c.id
          and n.starts_on > ${contractEndSql})
      union all
      select * from (
        select distinct on (c.user_id, c.office_id) 'contract-ended-role-held', c.user_id, c.office_id, c.province_id, ${contractEndSql}, c.id, null::bigint
        from employment_contracts c
        where ${inScope('c', filter, ask)} and ${contractEndSql} < ${day}::date
          and exists (select 1 from role_grants g where g.user_id = c.user_id and g.office_id = c.office_id
            and g.role in ('operator', 'office_manager', 'consultant'))
          and not exists (select 1 from employment_contracts n where n.user_id = c.user_id and n.office_id = c.office_id
            and (coalesce(n.terminated_on, n.ends_on) is null or coalesce(n.terminated_on, n.ends_on) >= ${day}::date))
        order by c.user_id, c.office_id, ${contractEndSql} desc
      ) ended
      union all
      select 'licence-expiring', l.user_id, l.office_id, l.province_id, l.expires_on, null, l.id
      from activity_licences l
      where ${inScope('l', filter, ask)} and l.status = 'active' and l.expires_on >= ${day}::date and l.expires_on <= ${horizon}::date
    )
    select f.kind, f.user_id::int as "userId", u.first_name as "firstName", u.last_name as "lastName",
      f.office_id as "officeId", o.code as "officeCode", o.name_fa as "officeNameFa", o.name_en as "officeNameEn", f.province_id as "provinceId",
      f.due_on::text as "dueOn", f.contract_id::int as "contractId", f.licence_id::int as "licenceId"
    from found f join users u on u.id = f.user_id join offices o on o.id = f.office_id
    order by f.due_on nulls first, o.code, u.last_name, u.first_name, f.kind`);
  return res.rows as unknown as AlertRow[];
}

export interface StatsContractRow {
  userId: number;
  officeId: number;
  provinceId: number;
  type: ContractType;
  fullTime: boolean;
  monthlyWageRials: number;
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
}

/** Contracts that bear on the statistics of the day: any not ended before the turnover window. */
export async function statsContracts(
  db: Executor,
  filter: ScopeFilter,
  ask: { officeId?: number; provinceId?: number },
  day: string,
): Promise<StatsContractRow[]> {
  const res = await db.execute(sql`
    select c.user_id::int as "userId", c.office_id as "officeId", c.province_id as "provinceId", c.type, c.full_time as "fullTime",
      c.monthly_wage_rials::float8 as "monthlyWageRials", c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.terminated_on::text as "terminatedOn"
    from employment_contracts c
    where ${inScope('c', filter, ask)} and c.starts_on <= ${day}::date
      and (${contractEndSql} is null or ${contractEndSql} >= ${addDaysIso(day, -TURNOVER_WINDOW_DAYS)}::date)`);
  return res.rows as unknown as StatsContractRow[];
}

export async function statsInsurance(
  db: Executor,
  filter: ScopeFilter,
  ask: { officeId?: number; provinceId?: number },
  day: string,
) {
  const res = await db.execute(sql`
    select i.user_id::int as "userId", i.office_id as "officeId", i.starts_on::text as "startsOn", i.ends_on::text as "endsOn"
    from insurance_periods i where ${inScope('i', filter, ask)} and i.starts_on <= ${day}::date and (i.ends_on is null or i.ends_on >= ${day}::date)`);
  return res.rows as unknown as { userId: number; officeId: number; startsOn: string; endsOn: string | null }[];
}

export async function officesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const res =
    await db.execute(sql`select id, code, name_fa as "nameFa", name_en as "nameEn", province_id as "provinceId" from offices
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) order by code`);
  return res.rows as unknown as { id: number; code: string; nameFa: string; nameEn: string; provinceId: number }[];
}

export async function provincesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const res = await db.execute(sql`select id, name_fa as "nameFa", name_en as "nameEn" from provinces
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) order by id`);
  return res.rows as unknown as { id: number; nameFa: string; nameEn: string }[];
}

/** Managers' mobiles per office (office-scoped office_manager grants of enabled accounts). */
export async function managerMobiles(db: Executor, officeIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (officeIds.length === 0) return out;
  const res =
    await db.execute(sql`select g.office_id as "officeId", u.mobile from role_grants g join users u on u.id = g.user_id
    where g.role = 'office_manager' and g.office_id in (${sql.join(
      officeIds.map((id) => sql`${id}`),
      sql`, `,
    )}) and not u.disabled and u.mobile is not null`);
  for (const r of res.rows as { officeId: number; mobile: string }[])
    out.set(r.officeId, [...(out.get(r.officeId) ?? []), r.mobile]);
  return out;
}

/** Claims an alert notice: true the first time the key is seen, false after. */
export async function claimAlertNotice(tx: Executor, key: string, officeId: number, now: Date): Promise<boolean> {
  const res = await tx.execute(
    sql`insert into employment_alert_notices (key, office_id, sent_at) values (${key}, ${officeId}, ${now}) on conflict (key) do nothing returning key`,
  );
  return res.rows.length > 0;
}
