/**
 * Channel share: how much of a service's volume is done at offices and how much online by
 * citizens themselves, per Jalali month and per province. Pure, so the server's statistics and
 * the web's labels agree.
 */
import { addJalaliMonths, jalaliMonthsBetween, type JalaliMonth } from './jalali';

/** Online share in percent with one decimal; null when there was no volume at all. */
export function onlineSharePercent(office: number, online: number): number | null {
  const total = office + online;
  if (total <= 0) return null;
  return Math.round((online / total) * 1000) / 10;
}

export type PeriodProblem = 'end_before_start' | 'period_too_long';

/** The longest period channel statistics are asked for at once. */
const MAX_SHARE_MONTHS = 24;

/**
 * The period asked for: both ends given, one end (the other a year away), or none (the last
 * twelve months up to this one).
 */
export function sharePeriod(
  input: { fromMonth?: JalaliMonth; toMonth?: JalaliMonth },
  thisMonth: JalaliMonth,
): { ok: true; months: JalaliMonth[] } | { ok: false; field: 'toMonth'; problem: PeriodProblem } {
  const to = input.toMonth ?? (input.fromMonth ? minMonth(addJalaliMonths(input.fromMonth, 11), thisMonth) : thisMonth);
  const from = input.fromMonth ?? addJalaliMonths(to, -11);
  const months = jalaliMonthsBetween(from, to);
  if (months.length === 0) return { ok: false, field: 'toMonth', problem: 'end_before_start' };
  if (months.length > MAX_SHARE_MONTHS) return { ok: false, field: 'toMonth', problem: 'period_too_long' };
  return { ok: true, months };
}

function minMonth(a: JalaliMonth, b: JalaliMonth): JalaliMonth {
  // `YYYY-MM` sorts as text; never end before the start even when the start is in the future.
  return a < b ? a : b;
}

export interface VolumeByServiceMonth {
  month: JalaliMonth;
  service: string;
  channel: 'office' | 'online';
  records: number;
}
export interface VolumeByProvince {
  provinceId: number;
  channel: 'office' | 'online';
  records: number;
}

export interface ShareSeries {
  service: string;
  office: number[];
  online: number[];
  onlineSharePercent: (number | null)[];
}
export interface ProvinceShare {
  provinceId: number;
  office: number;
  online: number;
  onlineSharePercent: number | null;
}

/** One series per service asked for (in the order given), zeros for months without volume. */
export function shareSeries(
  months: readonly JalaliMonth[],
  services: readonly string[],
  rows: readonly VolumeByServiceMonth[],
): ShareSeries[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const byService = new Map(
    services.map((s) => [s, { service: s, office: months.map(() => 0), online: months.map(() => 0) }]),
  );
  for (const r of rows) {
    const i = index.get(r.month);
    const series = byService.get(r.service);
    if (i === undefined || !series) continue;
    series[r.channel][i] += r.records;
  }
  return [...byService.values()].map((s) => ({
    ...s,
    onlineSharePercent: s.office.map((o, i) => onlineSharePercent(o, s.online[i])),
  }));
}

/** Totals per province asked for (in the order given), zeros for provinces without volume. */
export function provinceShares(provinceIds: readonly number[], rows: readonly VolumeByProvince[]): ProvinceShare[] {
  const byProvince = new Map(provinceIds.map((id) => [id, { provinceId: id, office: 0, online: 0 }]));
  for (const r of rows) {
    const p = byProvince.get(r.provinceId);
    if (p) p[r.channel] += r.records;
  }
  return [...byProvince.values()].map((p) => ({ ...p, onlineSharePercent: onlineSharePercent(p.office, p.online) }));
}
