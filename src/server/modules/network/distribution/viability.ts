/**
 * Office viability: each office's monthly demand, its revenue under the tariff schedule in force
 * today, its running cost and the volume at which it breaks even. Computed with the revision
 * simulator's own reads and pricing (the in-force schedule run against itself, no channel moves),
 * so this and the simulator never disagree on whether an office covers its costs.
 *
 * Period: the last 12 complete Jalali months (the twelve before the current one); every figure is
 * a monthly average over it. `marginal`: revenue covers the cost by less than 10 %.
 */
import { inArray, sql } from 'drizzle-orm';
import { scheduleInForce, type TariffSchedule } from '#core/fees';
import { addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, type JalaliMonth } from '#core/jalali';
import { breakEvenVolume, viabilityStatus, type ViabilityStatus } from '#core/network-figures';
import { defaultOfficeCosts, monthlyCost, type OfficeCostDefaults } from '#core/office-costs';
import { simulateTariff } from '#core/tariff-simulation';
import type { Executor } from '#server/db/transaction';
import { AppError } from '#server/platform/errors/app-error';
import { offices } from '#server/modules/offices/tables';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { costDefaultsOf, officesForSimulation, volumeOfPeriod } from '#server/modules/tariffs/simulator/store';
import { provinces } from '#server/modules/geo/tables';
import { officeCounty } from './store';

export interface OfficeViability {
  officeId: number;
  code: string;
  name: { fa: string; en: string };
  provinceId: number;
  countyId: number | null;
  lat: number | null;
  lon: number | null;
  status: string;
  /** Services a month at the office (office channel), average over the period. */
  demandMonthly: number;
  /** That volume priced with the tariff schedule in force today. */
  revenueMonthlyRials: number;
  /** The cost model: province defaults, operators on record (or the default number). */
  costMonthlyRials: number;
  revenuePerServiceRials: number;
  /** cost ÷ revenue per service, rounded up (services a month); 0 when no service is priced anywhere. */
  breakEvenVolume: number;
  viability: ViabilityStatus;
}

const VIABILITY_MONTHS = 12;

export interface ViabilityPeriod {
  fromMonth: JalaliMonth;
  toMonth: JalaliMonth;
  months: number;
  fromIso: string;
  toIso: string;
}

/** The last 12 complete Jalali months before the one `today` falls in. */
export function viabilityPeriod(today: string): ViabilityPeriod {
  const current = jalaliMonthOfIso(today);
  const fromMonth = addJalaliMonths(current, -VIABILITY_MONTHS);
  const toMonth = addJalaliMonths(current, -1);
  return {
    fromMonth,
    toMonth,
    months: VIABILITY_MONTHS,
    fromIso: jalaliMonthStartIso(fromMonth),
    toIso: jalaliMonthStartIso(toMonth),
  };
}

export interface ViabilityFilter {
  provinceIds?: number[] | null;
  officeIds?: number[] | null;
}

/** The single province a filter narrows the reads to, when there is one. */
function oneProvince(f: ViabilityFilter): number | null {
  return f.provinceIds && f.provinceIds.length === 1 ? f.provinceIds[0] : null;
}

async function officeDetails(db: Executor, ids: number[]) {
  const rows = await db
    .select({
      id: offices.id,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
      provinceId: offices.provinceId,
      countyId: officeCounty,
      lat: offices.lat,
      lon: offices.lon,
      status: offices.status,
    })
    .from(offices)
    .where(inArray(offices.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Viability of the offices the filter selects (null or absent: no restriction; an empty list:
 * none): the active ones and any other with volume in the period, as the simulator covers them.
 * Ordered by province, then office code.
 */
export async function officeViabilities(
  db: Executor,
  filter: ViabilityFilter,
  today: string,
): Promise<OfficeViability[]> {
  if (filter.provinceIds?.length === 0 || filter.officeIds?.length === 0) return [];
  const period = viabilityPeriod(today);
  const provinceId = oneProvince(filter);
  const [schedules, volumes, simOffices, costRows] = await Promise.all([
    approvedSchedules(db),
    volumeOfPeriod(db, { ...period, provinceId }),
    officesForSimulation(db, { ...period, provinceId, today }),
    costDefaultsOf(db, provinceId != null ? [provinceId] : null),
  ]);
  const inForce = scheduleInForce(schedules, today);
  if (!inForce) throw new AppError('no_tariff_in_force', { extra: { date: today } });

  const wanted = (o: { id: number; provinceId: number }) =>
    (!filter.provinceIds || filter.provinceIds.includes(o.provinceId)) &&
    (!filter.officeIds || filter.officeIds.includes(o.id));
  const selected = simOffices.filter(wanted);
  if (selected.length === 0) return [];

  // A province without figures on record is costed with the shipped defaults rather than as free.
  const costs = new Map<number, OfficeCostDefaults>(costRows.map((c) => [c.provinceId, c]));
  for (const o of simOffices) if (!costs.has(o.provinceId)) costs.set(o.provinceId, defaultOfficeCosts(o.provinceId));

  const outcome = simulateTariff({
    volumes,
    baseline: inForce,
    schedule: inForce,
    months: period.months,
    costs,
    offices: simOffices.map((o) => ({ id: o.id, provinceId: o.provinceId, operators: o.operators || null })),
  });
  const byId = new Map(outcome.offices.map((o) => [o.officeId, o]));

  // Revenue per service for offices with no volume of their own: their province's, else the nation's (of what was read).
  const sums = new Map<number, { revenue: number; records: number }>();
  const nation = { revenue: 0, records: 0 };
  for (const o of outcome.offices) {
    const s = sums.get(o.provinceId) ?? { revenue: 0, records: 0 };
    s.revenue += o.revenueBeforeRials;
    s.records += o.records;
    sums.set(o.provinceId, s);
    nation.revenue += o.revenueBeforeRials;
    nation.records += o.records;
  }
  let nationalRate = nation.records > 0 ? nation.revenue / nation.records : null;
  if (nationalRate == null && provinceId != null) nationalRate = await nationalRevenuePerService(db, period, inForce);
  const fallbackRate = (p: number) => {
    const s = sums.get(p);
    return s && s.records > 0 ? s.revenue / s.records : (nationalRate ?? 0);
  };

  const details = await officeDetails(
    db,
    selected.map((o) => o.id),
  );
  const m = period.months;
  return selected
    .map((o): OfficeViability => {
      const d = details.get(o.id)!;
      const r = byId.get(o.id);
      const records = r?.records ?? 0;
      const revenue = r?.revenueBeforeRials ?? 0;
      const costMonthly = r ? Math.round(r.costRials / m) : monthlyCost(costs.get(o.provinceId)!, o.operators);
      const rate = records > 0 ? revenue / records : fallbackRate(o.provinceId);
      const revenueMonthly = Math.round(revenue / m);
      return {
        officeId: o.id,
        code: d.code,
        name: { fa: d.nameFa, en: d.nameEn },
        provinceId: d.provinceId,
        countyId: d.countyId,
        lat: d.lat,
        lon: d.lon,
        status: d.status,
        demandMonthly: Math.round((records / m) * 10) / 10,
        revenueMonthlyRials: revenueMonthly,
        costMonthlyRials: costMonthly,
        revenuePerServiceRials: Math.round(rate),
        breakEvenVolume: breakEvenVolume(costMonthly, rate) ?? 0,
        // Judged on the period's totals, as the simulator judges it (not on the rounded monthly figures).
        viability: viabilityStatus(revenue, r ? r.costRials : costMonthly * m),
      };
    })
    .sort((a, b) => a.provinceId - b.provinceId || a.code.localeCompare(b.code));
}

/** Office revenue per office service across the nation over the period (for a province with no volume at all). */
async function nationalRevenuePerService(
  db: Executor,
  period: ViabilityPeriod,
  inForce: TariffSchedule,
): Promise<number | null> {
  const volumes = await volumeOfPeriod(db, { ...period, provinceId: null });
  const outcome = simulateTariff({
    volumes,
    baseline: inForce,
    schedule: inForce,
    months: period.months,
    costs: new Map(),
    offices: [],
  });
  const records = outcome.offices.reduce((a, o) => a + o.records, 0);
  return records > 0 ? outcome.offices.reduce((a, o) => a + o.revenueBeforeRials, 0) / records : null;
}

/**
 * Office-channel services a month per person, per province, over the viability period: the
 * province's office volume ÷ its population. A province with no office volume (no office yet)
 * gets the national rate of the provinces that have some, so a site there is not worth nothing.
 * Provinces without a population figure are left out.
 */
export async function provinceDemandRates(db: Executor, today: string): Promise<Map<number, number>> {
  const period = viabilityPeriod(today);
  const rows = await db.execute(sql`
    select p.id, p.population, coalesce(v.records, 0)::bigint as records
    from ${provinces} p
    left join (
      select province_id, sum(records) as records from service_volume_monthly
      where channel = 'office' and office_id <> 0 and month >= ${period.fromIso}::date and month <= ${period.toIso}::date
      group by province_id
    ) v on v.province_id = p.id
    where p.population > 0
    order by p.id`);
  const list = (rows.rows as { id: number; population: number; records: string | number }[]).map((r) => ({
    id: Number(r.id),
    population: Number(r.population),
    records: Number(r.records),
  }));
  const served = list.filter((r) => r.records > 0);
  const servedPeople = served.reduce((a, r) => a + r.population, 0);
  const national = servedPeople > 0 ? served.reduce((a, r) => a + r.records, 0) / period.months / servedPeople : 0;
  return new Map(list.map((r) => [r.id, r.records > 0 ? r.records / period.months / r.population : national]));
}
