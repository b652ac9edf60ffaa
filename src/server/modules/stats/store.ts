/** Counting queries of the dashboard, restricted to provinces and offices (or nothing restricted). */
import { and, count, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { notifierOutbox } from '#server/platform/notifier/tables';
import { courts } from '#server/modules/courts/tables';
import { citizens } from '#server/modules/accounts/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';

export interface CountScope {
  all: boolean;
  provinceIds: number[];
  officeIds: number[];
}

function within(scope: CountScope, province: AnyColumn, office?: AnyColumn): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.provinceIds.length) parts.push(inArray(province, scope.provinceIds));
  if (office && scope.officeIds.length) parts.push(inArray(office, scope.officeIds));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export async function provincesOfCourts(db: Executor, courtIds: number[]): Promise<number[]> {
  if (courtIds.length === 0) return [];
  return (await db.select({ p: courts.provinceId }).from(courts).where(inArray(courts.id, courtIds))).map((r) => r.p);
}

export async function countOffices(db: Executor, scope: CountScope) {
  const [row] = await db
    .select({ n: count() })
    .from(offices)
    .where(within(scope, offices.provinceId, offices.id));
  return Number(row.n);
}

export async function countStaff(db: Executor, scope: CountScope) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${roleGrants.userId})` })
    .from(roleGrants)
    .where(and(sql`${roleGrants.role} <> 'citizen'`, within(scope, roleGrants.provinceId, roleGrants.officeId)));
  return Number(row.n);
}

/** Citizens belong to provinces, not offices: an office-only scope counts none. */
export async function countCitizens(db: Executor, scope: CountScope) {
  if (!scope.all && scope.provinceIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(citizens).where(within(scope, citizens.provinceId));
  return Number(row.n);
}

export async function countPendingMessages(db: Executor, scope: CountScope) {
  const [row] = await db
    .select({ n: count() })
    .from(notifierOutbox)
    .where(and(eq(notifierOutbox.status, 'pending'), within(scope, notifierOutbox.provinceId)));
  return Number(row.n);
}

/** A place of the dashboard's drill-down, with the province it lies in and its names. */
export interface PlaceRow {
  id: number;
  provinceId: number;
  countyId: number | null;
  nameFa: string;
  nameEn: string;
}

async function placeRows(db: Executor, query: SQL): Promise<PlaceRow[]> {
  const { rows } = await db.execute<{
    id: number;
    province_id: number;
    county_id: number | null;
    name_fa: string;
    name_en: string;
  }>(query);
  return rows.map((r) => ({
    id: Number(r.id),
    provinceId: Number(r.province_id),
    countyId: r.county_id == null ? null : Number(r.county_id),
    nameFa: r.name_fa,
    nameEn: r.name_en,
  }));
}

/** An office's county: its own, else its city's. */
const officeCounty = sql`coalesce(o.county_id, c.county_id)`;

export async function provinceById(db: Executor, id: number) {
  const [row] = await placeRows(
    db,
    sql`select id, id as province_id, null as county_id, name_fa, name_en from provinces where id = ${id}`,
  );
  return row ?? null;
}

export async function countyById(db: Executor, id: number) {
  const [row] = await placeRows(
    db,
    sql`select id, province_id, id as county_id, name_fa, name_en from counties where id = ${id}`,
  );
  return row ?? null;
}

export async function officeById(db: Executor, id: number) {
  const [row] = await placeRows(
    db,
    sql`select o.id, o.province_id, ${officeCounty} as county_id, o.name_fa, o.name_en
        from offices o left join cities c on c.id = o.city_id where o.id = ${id}`,
  );
  return row ?? null;
}

/** Every province, in their order. */
export function allProvinces(db: Executor) {
  return placeRows(
    db,
    sql`select id, id as province_id, null as county_id, name_fa, name_en from provinces order by id`,
  );
}

/** The counties of a province that have an office. */
export function countiesWithOffices(db: Executor, provinceId: number) {
  return placeRows(
    db,
    sql`select k.id, k.province_id, k.id as county_id, k.name_fa, k.name_en from counties k
        where k.province_id = ${provinceId}
          and exists (select 1 from offices o left join cities c on c.id = o.city_id where ${officeCounty} = k.id)
        order by k.id`,
  );
}

/** The offices of a county. */
export function officesOfCounty(db: Executor, countyId: number) {
  return placeRows(
    db,
    sql`select o.id, o.province_id, ${officeCounty} as county_id, o.name_fa, o.name_en
        from offices o left join cities c on c.id = o.city_id where ${officeCounty} = ${countyId} order by o.code`,
  );
}

export type Place =
  | { level: 'nation' }
  | { level: 'province'; provinceId: number }
  | { level: 'county'; provinceId: number; countyId: number }
  | { level: 'office'; officeId: number };

export interface DashboardFilter {
  /** ISO first days of the first and last month (both included). */
  fromIso: string;
  toIso: string;
  service: string | null;
  channel: 'office' | 'online' | null;
  place: Place;
}

export interface VolumeRow {
  /** ISO first day of the Jalali month. */
  month: string;
  service: string;
  channel: 'office' | 'online';
  /** The place one level down (province, county, office); null at an office and for online services below a province. */
  child: number | null;
  records: number;
  amountRials: number;
}

/**
 * Records and amount per month, service, channel and place one level down, read from the monthly
 * rollup (summing its stripes) joined to the offices for the county of each office.
 */
/**
 * The parts of a rollup query at a place: the place one level down (the province, an office's
 * county, the office), the conditions keeping to the place, period and filters, and the joins the
 * county needs. Every rollup the dashboard reads has month, province_id, office_id (0 online),
 * service_code and channel, aliased `v`.
 */
function atPlace(f: DashboardFilter, withMonths = true) {
  const p = f.place;
  const child =
    p.level === 'nation'
      ? sql`v.province_id`
      : p.level === 'province'
        ? officeCounty
        : p.level === 'county'
          ? sql`v.office_id`
          : sql`null::integer`;
  const where: SQL[] = withMonths ? [sql`v.month between ${f.fromIso}::date and ${f.toIso}::date`] : [sql`true`];
  if (f.service) where.push(sql`v.service_code = ${f.service}`);
  if (f.channel) where.push(sql`v.channel = ${f.channel}`);
  if (p.level === 'province') where.push(sql`v.province_id = ${p.provinceId}`);
  if (p.level === 'county')
    where.push(sql`v.province_id = ${p.provinceId} and v.office_id <> 0 and ${officeCounty} = ${p.countyId}`);
  if (p.level === 'office') where.push(sql`v.office_id = ${p.officeId}`);
  const joins =
    p.level === 'province' || p.level === 'county'
      ? sql`left join offices o on o.id = v.office_id left join cities c on c.id = o.city_id`
      : sql``;
  return { child, where: sql.join(where, sql` and `), joins };
}

/**
 * Where a place's volume is summed from (docs/decisions/0067): the nation from the per-province
 * sums, a province from the per-county sums (a few thousand rows a year either way), a county and
 * an office from the offices' rollup. All three have the same month, province_id, service_code,
 * channel and the same sums.
 */
function volumeAtPlace(f: DashboardFilter) {
  if (f.place.level === 'nation') return { ...atPlace(f), table: sql`service_volume_province_monthly` };
  if (f.place.level === 'province')
    return {
      ...atPlace(f),
      table: sql`service_volume_county_monthly`,
      child: sql`nullif(v.county_id, 0)`,
      joins: sql``,
    };
  return { ...atPlace(f), table: sql`service_volume_monthly` };
}

export async function dashboardVolume(db: Executor, f: DashboardFilter): Promise<VolumeRow[]> {
  const { child, where, joins, table } = volumeAtPlace(f);
  const { rows } = await db.execute<{
    month: string;
    service: string;
    channel: 'office' | 'online';
    child: number | null;
    records: string;
    amount: string;
  }>(sql`
    select v.month::text as month, v.service_code as service, v.channel, ${child} as child,
           sum(v.records)::bigint as records, sum(v.amount_rials)::bigint as amount
    from ${table} v ${joins}
    where ${where}
    group by 1, 2, 3, 4`);
  return rows.map((r) => ({
    month: r.month,
    service: r.service,
    channel: r.channel,
    child: r.child == null ? null : Number(r.child),
    records: Number(r.records),
    amountRials: Number(r.amount),
  }));
}

/** Records and amount of one channel in one month, one service or one place one level down (`by`). */
export type VolumeSummaryRow = { channel: 'office' | 'online'; records: number; amountRials: number } & (
  | { by: 'month'; month: string }
  | { by: 'service'; service: string }
  | { by: 'child'; child: number | null }
);

/**
 * What the services and KPI panels show of the volume — per channel by month, by service and by
 * place one level down — summed by the database in one statement (grouping sets), so a national
 * year comes back as a hundred-odd rows rather than every month × service × place.
 */
export async function dashboardVolumeSummary(db: Executor, f: DashboardFilter): Promise<VolumeSummaryRow[]> {
  const { child, where, joins, table } = volumeAtPlace(f);
  const { rows } = await db.execute<{
    by: 'month' | 'service' | 'child';
    month: string | null;
    service: string | null;
    channel: 'office' | 'online';
    child: number | null;
    records: string;
    amount: string;
  }>(sql`
    select case when grouping(v.month) = 0 then 'month' when grouping(v.service_code) = 0 then 'service' else 'child' end as by,
           v.month::text as month, v.service_code as service, v.channel, ${child} as child,
           sum(v.records)::bigint as records, sum(v.amount_rials)::bigint as amount
    from ${table} v ${joins}
    where ${where}
    group by grouping sets ((v.month, v.channel), (v.service_code, v.channel), (${child}, v.channel))`);
  return rows.map((r) => {
    const figures = { channel: r.channel, records: Number(r.records), amountRials: Number(r.amount) };
    if (r.by === 'month') return { ...figures, by: 'month', month: r.month! };
    if (r.by === 'service') return { ...figures, by: 'service', service: r.service! };
    return { ...figures, by: 'child', child: r.child == null ? null : Number(r.child) };
  });
}

export interface FilingRow {
  /** ISO first day of the Jalali month of submission. */
  month: string;
  child: number | null;
  submitted: number;
  accepted: number;
  returned: number;
  responseHours: number;
}

/** Filings submitted per month and place one level down, with the court's decisions on them (the filings rollup). */
export async function dashboardFilings(db: Executor, f: DashboardFilter): Promise<FilingRow[]> {
  const { child, where, joins } = atPlace(f);
  const { rows } = await db.execute<{
    month: string;
    child: number | null;
    submitted: string;
    accepted: string;
    returned: string;
    hours: string;
  }>(sql`
    select v.month::text as month, ${child} as child, sum(v.submitted)::bigint as submitted,
           sum(v.accepted)::bigint as accepted, sum(v.returned)::bigint as returned, sum(v.response_hours)::bigint as hours
    from stats_filings_monthly v ${joins}
    where ${where}
    group by 1, 2`);
  return rows.map((r) => ({
    month: r.month,
    child: r.child == null ? null : Number(r.child),
    submitted: Number(r.submitted),
    accepted: Number(r.accepted),
    returned: Number(r.returned),
    responseHours: Number(r.hours),
  }));
}

/** Filings awaiting the court at the place, by age band, as of the rollup's last refresh. */
export async function pendingFilings(db: Executor, f: DashboardFilter) {
  const { where, joins } = atPlace(f, false);
  const { rows } = await db.execute<{ band: string; filings: string; as_of: string | Date | null }>(sql`
    select v.band, sum(v.filings)::bigint as filings, max(v.as_of) as as_of
    from stats_filings_pending v ${joins}
    where ${where}
    group by 1`);
  const [asOf] = await db
    .execute<{ as_of: string | Date | null }>(sql`select max(as_of) as as_of from stats_filings_pending`)
    .then((r) => r.rows);
  return {
    asOf: asOf?.as_of == null ? null : new Date(asOf.as_of),
    bands: new Map(rows.map((r) => [r.band, Number(r.filings)])),
  };
}

/** Services per month, province, office (0 online) and channel over every service, from the monthly rollup. */
export async function openVolume(
  db: Executor,
  fromIso: string,
  toIso: string,
): Promise<{ month: string; provinceId: number; officeId: number; channel: 'office' | 'online'; records: number }[]> {
  const { rows } = await db.execute<{
    month: string;
    province_id: number;
    office_id: number;
    channel: 'office' | 'online';
    records: string;
  }>(sql`
    select v.month::text as month, v.province_id, v.office_id, v.channel, sum(v.records)::bigint as records
    from service_volume_monthly v
    where v.month between ${fromIso}::date and ${toIso}::date
    group by 1, 2, 3, 4`);
  return rows.map((r) => ({
    month: r.month,
    provinceId: Number(r.province_id),
    officeId: Number(r.office_id),
    channel: r.channel,
    records: Number(r.records),
  }));
}

/** Every office on the register with its province, code and names, in their order. */
export async function registeredOffices(
  db: Executor,
): Promise<{ id: number; provinceId: number; code: string; nameFa: string; nameEn: string }[]> {
  const rows = await db
    .select({
      id: offices.id,
      provinceId: offices.provinceId,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
    })
    .from(offices)
    .orderBy(offices.code);
  return rows.map((r) => ({ ...r, code: String(r.code) }));
}

export interface NoticeRow {
  /** ISO first day of the Jalali month of issue. */
  month: string;
  child: number | null;
  issued: number;
  openedAtOffice: number;
  openedOnline: number;
  officeDelayHours: number;
  onlineDelayHours: number;
}

/**
 * Notices issued per month and place one level down, with how many were opened at an office and
 * online and the hours it took (the notices rollup). Notices belong to no service or channel: the
 * place and period alone apply; below a province a copy counts at the office that opened it.
 */
export async function dashboardNotices(db: Executor, f: DashboardFilter): Promise<NoticeRow[]> {
  const { child, where, joins } = atPlace({ ...f, service: null, channel: null });
  const { rows } = await db.execute<{
    month: string;
    child: number | null;
    issued: string;
    at_office: string;
    online: string;
    office_hours: string;
    online_hours: string;
  }>(sql`
    select v.month::text as month, ${child} as child, sum(v.issued)::bigint as issued,
           sum(v.opened_at_office)::bigint as at_office, sum(v.opened_online)::bigint as online,
           sum(v.office_delay_hours)::bigint as office_hours, sum(v.online_delay_hours)::bigint as online_hours
    from stats_notices_monthly v ${joins}
    where ${where}
    group by 1, 2`);
  return rows.map((r) => ({
    month: r.month,
    child: r.child == null ? null : Number(r.child),
    issued: Number(r.issued),
    openedAtOffice: Number(r.at_office),
    openedOnline: Number(r.online),
    officeDelayHours: Number(r.office_hours),
    onlineDelayHours: Number(r.online_hours),
  }));
}

/** Notices per month and province (every office and none together), from the notices rollup. */
export async function openNoticeCounts(
  db: Executor,
  fromIso: string,
  toIso: string,
): Promise<(Omit<NoticeRow, 'child'> & { provinceId: number })[]> {
  const { rows } = await db.execute<{
    month: string;
    province_id: number;
    issued: string;
    at_office: string;
    online: string;
    office_hours: string;
    online_hours: string;
  }>(sql`
    select v.month::text as month, v.province_id, sum(v.issued)::bigint as issued,
           sum(v.opened_at_office)::bigint as at_office, sum(v.opened_online)::bigint as online,
           sum(v.office_delay_hours)::bigint as office_hours, sum(v.online_delay_hours)::bigint as online_hours
    from stats_notices_monthly v
    where v.month between ${fromIso}::date and ${toIso}::date
    group by 1, 2`);
  return rows.map((r) => ({
    month: r.month,
    provinceId: Number(r.province_id),
    issued: Number(r.issued),
    openedAtOffice: Number(r.at_office),
    openedOnline: Number(r.online),
    officeDelayHours: Number(r.office_hours),
    onlineDelayHours: Number(r.online_hours),
  }));
}

export interface KpiRow {
  month: string;
  service: string;
  channel: 'office' | 'online';
  child: number | null;
  filingsStarted: number;
  filingsFinished: number;
  surveysAnswered: number;
  surveysSatisfied: number;
}

/** Filings started and finished, surveys answered and satisfied, per month, service, channel and place one level down. */
export async function dashboardKpis(db: Executor, f: DashboardFilter): Promise<KpiRow[]> {
  const { child, where, joins } = atPlace(f);
  const { rows } = await db.execute<{
    month: string;
    service: string;
    channel: 'office' | 'online';
    child: number | null;
    started: string;
    finished: string;
    answered: string;
    satisfied: string;
  }>(sql`
    select v.month::text as month, v.service_code as service, v.channel, ${child} as child,
           sum(v.filings_started)::bigint as started, sum(v.filings_finished)::bigint as finished,
           sum(v.surveys_answered)::bigint as answered, sum(v.surveys_satisfied)::bigint as satisfied
    from stats_kpi_monthly v ${joins}
    where ${where}
    group by 1, 2, 3, 4`);
  return rows.map((r) => ({
    month: r.month,
    service: r.service,
    channel: r.channel,
    child: r.child == null ? null : Number(r.child),
    filingsStarted: Number(r.started),
    filingsFinished: Number(r.finished),
    surveysAnswered: Number(r.answered),
    surveysSatisfied: Number(r.satisfied),
  }));
}
