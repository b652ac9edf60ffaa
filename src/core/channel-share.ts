/**
 * Channel share: how much of a service's volume is done at offices and how much online by
 * citizens themselves, per Jalali month and per province. Also the Jalali month arithmetic the
 * monthly service volume is keyed by (a month is stored as the ISO date of its first day).
 * Pure, so the server's statistics and the web's labels agree.
 */
import { isoToJalali, jalaliToIso } from './jalali';
import { toPersianDigits } from './persian-digits';

/** A Jalali month as `YYYY-MM` (e.g. `1403-01`). */
export type JalaliMonth = string;

export const JALALI_MONTH_NAMES_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'] as const;
export const JALALI_MONTH_NAMES_EN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'] as const;

function parts(month: JalaliMonth): { jy: number; jm: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a Jalali month: ${month}`);
  const jm = Number(m[2]);
  if (jm < 1 || jm > 12) throw new RangeError(`not a Jalali month: ${month}`);
  return { jy: Number(m[1]), jm };
}

const label = (jy: number, jm: number): JalaliMonth => `${jy}-${String(jm).padStart(2, '0')}`;

/** The month an ISO day falls in. */
export function jalaliMonthOfIso(iso: string): JalaliMonth {
  const { jy, jm } = isoToJalali(iso);
  return label(jy, jm);
}

/** ISO date of the month's first day: the key of `service_volume_monthly`. */
export function jalaliMonthStartIso(month: JalaliMonth): string {
  const { jy, jm } = parts(month);
  return jalaliToIso({ jy, jm, jd: 1 });
}

/** The month `n` months after (or before, when negative) this one. */
export function addJalaliMonths(month: JalaliMonth, n: number): JalaliMonth {
  const { jy, jm } = parts(month);
  const index = jy * 12 + (jm - 1) + n;
  return label(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from `from` to `to`, both included, oldest first (empty when `to` comes first). */
export function jalaliMonthsBetween(from: JalaliMonth, to: JalaliMonth): JalaliMonth[] {
  const a = parts(from), b = parts(to);
  const count = (b.jy * 12 + b.jm) - (a.jy * 12 + a.jm) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addJalaliMonths(from, i));
}

/** «فروردین ۱۴۰۳» in fa, "Farvardin 1403" in en. */
export function formatJalaliMonth(month: JalaliMonth, lang: 'fa' | 'en' = 'fa'): string {
  const { jy, jm } = parts(month);
  return lang === 'fa' ? `${JALALI_MONTH_NAMES_FA[jm - 1]} ${toPersianDigits(jy)}` : `${JALALI_MONTH_NAMES_EN[jm - 1]} ${jy}`;
}

/** Online share in percent with one decimal; null when there was no volume at all. */
export function onlineSharePercent(office: number, online: number): number | null {
  const total = office + online;
  if (total <= 0) return null;
  return Math.round((online / total) * 1000) / 10;
}

export type PeriodProblem = 'end_before_start' | 'period_too_long';

/** The longest period channel statistics are asked for at once. */
export const MAX_SHARE_MONTHS = 24;

/**
 * The period asked for: both ends given, one end (the other a year away), or none (the last
 * twelve months up to this one).
 */
export function sharePeriod(input: { fromMonth?: JalaliMonth; toMonth?: JalaliMonth }, thisMonth: JalaliMonth):
  { ok: true; months: JalaliMonth[] } | { ok: false; field: 'toMonth'; problem: PeriodProblem } {
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

export interface VolumeByServiceMonth { month: JalaliMonth; service: string; channel: 'office' | 'online'; records: number }
export interface VolumeByProvince { provinceId: number; channel: 'office' | 'online'; records: number }

export interface ShareSeries { service: string; office: number[]; online: number[]; onlineSharePercent: (number | null)[] }
export interface ProvinceShare { provinceId: number; office: number; online: number; onlineSharePercent: number | null }

/** One series per service asked for (in the order given), zeros for months without volume. */
export function shareSeries(months: readonly JalaliMonth[], services: readonly string[], rows: readonly VolumeByServiceMonth[]): ShareSeries[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const byService = new Map(services.map((s) => [s, { service: s, office: months.map(() => 0), online: months.map(() => 0) }]));
  for (const r of rows) {
    const i = index.get(r.month);
    const series = byService.get(r.service);
    if (i === undefined || !series) continue;
    series[r.channel][i] += r.records;
  }
  return [...byService.values()].map((s) => ({ ...s, onlineSharePercent: s.office.map((o, i) => onlineSharePercent(o, s.online[i])) }));
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
