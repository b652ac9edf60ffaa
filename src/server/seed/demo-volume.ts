/**
 * Two years and more of synthetic service volume for the demo: every Jalali month from Farvardin
 * of the year before last to the month before the current one (25 to 36 months), for each demo
 * office and online in their provinces, so the revision simulator and the channel statistics have
 * something to show and every comparison with the year before (the dashboard's twelve months, the
 * board's annual report of the last Jalali year) compares like with like. The months before the
 * last twelve run a little below them: offices 8 % fewer services, citizens' own online services
 * rising through the year before towards where the last twelve start. History, so it is inserted in bulk (one statement
 * expanding counts with generate_series), not through recordService; the caller rebuilds the
 * monthly rollup once every loader has added its records. Deterministic: the same day gives the same data.
 *
 * Calibrated against the office cost model's defaults: under the 1403 tariff most demo offices
 * cover their costs, two (Shahr-e Rey in Tehran, Zand in Shiraz) fall a little short, so a 10%
 * revision changes how many offices are below break-even.
 */
import { sql } from 'drizzle-orm';
import { isFilingService, scheduleInForce } from '#core/fees';
import { addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, jalaliMonthsBetween } from '#core/jalali';
import { defaultOfficeCosts, monthlyCost } from '#core/office-costs';
import { priceGroup, pricesFor } from '#core/tariff-simulation';
import type { Executor } from '#server/db/transaction';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { DEMO_OFFICES, DEMO_STAFF } from './demo-data';

/**
 * An office's month, per service: filings carry an office's revenue (about 800 services, two in
 * three of them filings); the smaller services are there in proportion.
 */
export const OFFICE_MIX: Record<string, number> = {
  petition: 220,
  complaint: 110,
  appeal: 35,
  objection: 15,
  'legal-notice': 60,
  brief: 80,
  'expert-opinion': 8,
  protest: 8,
  contract: 30,
  'sana-registration': 60,
  'sana-edit': 15,
  'notice-page': 40,
  'password-delivery': 15,
  'follow-up': 60,
  'case-report': 30,
  'no-criminal-record': 25,
  'licence-renewal': 8,
};

/** Citizens' own online services per province, per office-month of volume there (grows over the year). */
export const ONLINE_MIX: Record<string, number> = {
  'legal-notice': 10,
  brief: 10,
  'sana-registration': 20,
  'notice-page': 15,
  'follow-up': 20,
  'case-report': 8,
  'no-criminal-record': 7,
};

/**
 * How far each demo office's revenue under the 1403 tariff covers its running costs: two just
 * short of break-even, the rest comfortably above.
 */
const DEMO_COVERAGE: Record<number, number> = { 1: 1.2, 2: 1.15, 3: 0.95, 4: 1.25, 5: 1.1, 6: 0.93, 7: 1.12 };

// Extras per filing the generated rows carry on average: parties 1 in 4 rows, 2 in 1 of 13 of the rest;
// pages 0, 0, 1, 1, 2 in turn (see the statement below).
const AVG_EXTRA_PARTIES = 0.25 + (2 * 0.75) / 13;
const AVG_EXTRA_PAGES = 0.8;

/** Offices' volume before the last twelve months, against theirs. */
export const EARLIER_YEAR_OFFICE = 0.92;

/**
 * The months of demo history, oldest first: from Farvardin of the year before last to the month
 * before the one `today` falls in; `fromEnd` counts back from the last (0 for the last month).
 */
export function demoVolumeMonths(today: string): { start: string; days: number; fromEnd: number }[] {
  const current = jalaliMonthOfIso(today);
  const first = `${Number(current.slice(0, 4)) - 2}-01`;
  const count = jalaliMonthsBetween(first, current).length - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = addJalaliMonths(current, i - count);
    const start = jalaliMonthStartIso(m);
    const next = jalaliMonthStartIso(addJalaliMonths(m, 1));
    return {
      start,
      days: Math.round((Date.parse(next) - Date.parse(start)) / 86_400_000),
      fromEnd: count - 1 - i,
    };
  });
}

/** Operators on record at each demo office (its staff's employment contracts). */
function demoOperators(officeId: number): number | null {
  const n = DEMO_STAFF.filter((s) => s.grant.scopeKind === 'office' && s.grant.officeId === officeId).length;
  return n > 0 ? n : null;
}

/** One row of demo volume: so many records of a service in a month, at an office or online. */
export interface VolumeCount {
  officeId: number | null;
  provinceId: number;
  service: string;
  channel: 'office' | 'online';
  start: string;
  days: number;
  n: number;
}

type Schedules = Awaited<ReturnType<typeof approvedSchedules>>;

/** The counts priced under the schedule in force at each month's start, as rows of the bulk statement (counts it cannot price are left out). */
function pricedTuples(
  schedules: Schedules,
  counts: VolumeCount[],
): { rows: ReturnType<typeof sql>[]; records: number } {
  const rows: ReturnType<typeof sql>[] = [];
  let records = 0;
  for (const { officeId, provinceId, service, channel, start, days, n } of counts) {
    const schedule = scheduleInForce(schedules, start);
    if (!schedule || n <= 0 || !schedule.lines.some((l) => l.code === service)) continue;
    // The fees a record is billed with are those the simulator reprices with (extras only on filings).
    const { prices } = pricesFor(schedule, schedule, service);
    const fee = channel === 'online' ? prices.online : prices.office;
    rows.push(
      sql`(${officeId}::int, ${provinceId}::smallint, ${service}, ${channel}, ${start}::date, ${days}::int, ${n}::int, ${fee}::bigint, ${prices.party}::bigint, ${prices.page}::bigint, ${isFilingService(service)}::boolean, ${schedule.id}::int)`,
    );
    records += n;
  }
  return { rows, records };
}

/** Rows per statement: twelve parameters each stay well under the protocol's 65,535. */
const ROWS_PER_STATEMENT = 4000;

/**
 * Inserts the counts as service records, set-based: each count expanded with generate_series,
 * spread over its month's days and office hours, filings carrying extra parties and pages in a
 * fixed pattern. Returns how many records were written.
 */
export async function insertDemoVolume(tx: Executor, schedules: Schedules, counts: VolumeCount[]): Promise<number> {
  const { rows, records } = pricedTuples(schedules, counts);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.execute(sql`
      insert into service_records (service_code, channel, office_id, province_id, schedule_id, amount_rials, extra_parties, extra_pages, created_at)
      select g.service, g.channel, g.office_id, g.province_id, g.schedule_id,
             g.fee + x.parties * g.party_fee + x.pages * g.page_fee, x.parties, x.pages,
             ((g.start + ((i * 37) % g.days))::timestamp + make_interval(mins => 480 + (i * 613) % 540)) at time zone 'Asia/Tehran'
      from (values ${sql.join(rows.slice(i, i + ROWS_PER_STATEMENT), sql`, `)}) as g(office_id, province_id, service, channel, start, days, n, fee, party_fee, page_fee, filing, schedule_id)
      cross join lateral generate_series(1, g.n) as i
      cross join lateral (select
        case when not g.filing then 0 when i % 4 = 0 then 1 when i % 13 = 0 then 2 else 0 end as parties,
        case when not g.filing then 0 else ((i * 7) % 5) / 2 end as pages) as x`);
  }
  return records;
}

export async function seedDemoVolume(tx: Executor, today: string): Promise<{ records: number }> {
  const months = demoVolumeMonths(today);
  const schedules = await approvedSchedules(tx);
  const counts: VolumeCount[] = [];
  const push = (
    officeId: number | null,
    provinceId: number,
    service: string,
    channel: 'office' | 'online',
    start: string,
    days: number,
    n: number,
  ) => counts.push({ officeId, provinceId, service, channel, start, days, n });

  // Revenue of one office-month of OFFICE_MIX under the schedule in force at the start of the last twelve months.
  const base = scheduleInForce(schedules, months[months.length - 12].start);
  if (!base) return { records: 0 };
  const mixRevenue = Object.entries(OFFICE_MIX).reduce(
    (sum, [code, n]) =>
      sum +
      priceGroup(pricesFor(base, base, code).prices, {
        channel: 'office',
        records: n,
        extraParties: n * AVG_EXTRA_PARTIES,
        extraPages: n * AVG_EXTRA_PAGES,
      }),
    0,
  );

  const provinceScale = new Map<number, number>();
  for (const o of DEMO_OFFICES) {
    const cost = monthlyCost(defaultOfficeCosts(o.provinceId), demoOperators(o.id));
    const scale = ((DEMO_COVERAGE[o.id] ?? 1.1) * cost) / mixRevenue;
    provinceScale.set(o.provinceId, (provinceScale.get(o.provinceId) ?? 0) + scale);
    months.forEach((m) => {
      // A little seasonal wiggle that sums to nothing over the year.
      const season = 1 + 0.05 * Math.sin(((11 - m.fromEnd + o.id) / 12) * 2 * Math.PI);
      const year = m.fromEnd >= 12 ? EARLIER_YEAR_OFFICE : 1;
      for (const [service, n] of Object.entries(OFFICE_MIX))
        push(o.id, o.provinceId, service, 'office', m.start, m.days, Math.round(n * scale * season * year));
    });
  }
  for (const [provinceId, scale] of provinceScale) {
    months.forEach((m) => {
      // Self-service grows through the last twelve months: the channel share chart has a trend to
      // show. The twelve before rise from 0.55 to 0.7 of the last twelve's mean, where those start;
      // any month before those stays at 0.55.
      const k = 11 - m.fromEnd;
      const growth = k >= 0 ? 0.7 + (0.6 * k) / 11 : 0.55 + (0.15 * Math.max(0, k + 12)) / 11;
      for (const [service, n] of Object.entries(ONLINE_MIX))
        push(null, provinceId, service, 'online', m.start, m.days, Math.round(n * scale * growth));
    });
  }
  return { records: await insertDemoVolume(tx, schedules, counts) };
}
