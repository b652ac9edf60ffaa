/**
 * Jalali (Solar Hijri) dates: parsing what people type, converting to and from ISO dates, and
 * display. Arithmetic uses jalaali-js; display uses the platform's ICU calendar.
 */
import * as jalaali from 'jalaali-js';
import { toLatinDigits, toPersianDigits } from './persian-digits';

export interface JalaliDate {
  jy: number;
  jm: number;
  jd: number;
}

export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

/** Parses `1403-05-01`, `1403/5/1`, `۱۴۰۳/۰۵/۰۱`; null when malformed or not a real day. */
export function parseJalaliDate(input: string): JalaliDate | null {
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/.exec(toLatinDigits(input));
  if (!m) return null;
  const [jy, jm, jd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (jy < 1200 || jy > 1600 || !jalaali.isValidJalaaliDate(jy, jm, jd)) return null;
  return { jy, jm, jd };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatJalaliIso({ jy, jm, jd }: JalaliDate): string {
  return `${jy}-${pad(jm)}-${pad(jd)}`;
}

/** Jalali → ISO Gregorian date (`YYYY-MM-DD`). */
export function jalaliToIso(date: JalaliDate): string {
  const g = jalaali.toGregorian(date.jy, date.jm, date.jd);
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** ISO Gregorian date (`YYYY-MM-DD`) → Jalali. */
export function isoToJalali(iso: string): JalaliDate {
  const [gy, gm, gd] = iso.slice(0, 10).split('-').map(Number);
  const j = jalaali.toJalaali(gy, gm, gd);
  return { jy: j.jy, jm: j.jm, jd: j.jd };
}

// Building an Intl formatter costs far more than using one; lists of dates (a citizen's notices) call this often.
const TEHRAN_ISO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TEHRAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Tehran as ISO `YYYY-MM-DD` (the legal day, whatever the server's zone). */
export function tehranIsoDate(at: Date = new Date()): string {
  return TEHRAN_ISO_DAY.format(at);
}

export type DisplayLocale = 'fa' | 'en';

/** A date (or instant) as a person reads it: Jalali with Persian digits in fa, Jalali in Latin in en. */
export function formatJalali(value: Date | string, locale: DisplayLocale = 'fa', withTime = false): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  const tag = locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US-u-ca-persian';
  return new Intl.DateTimeFormat(tag, {
    timeZone: TEHRAN_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}

/** Adds calendar days to an ISO date (UTC arithmetic: calendar days have no time zone). */
export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 5 = Friday, the weekly day offices are closed. */
export function weekdayOfIso(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

// ---- months: the monthly service volume is keyed by a month's first day (ISO) ------------------

/** A Jalali month as `YYYY-MM` (e.g. `1403-01`). */
export type JalaliMonth = string;

export const JALALI_MONTH_NAMES_FA = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;
export const JALALI_MONTH_NAMES_EN = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
] as const;

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
  const a = parts(from),
    b = parts(to);
  const count = b.jy * 12 + b.jm - (a.jy * 12 + a.jm) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addJalaliMonths(from, i));
}

/** «فروردین ۱۴۰۳» in fa, "Farvardin 1403" in en. */
export function formatJalaliMonth(month: JalaliMonth, lang: 'fa' | 'en' = 'fa'): string {
  const { jy, jm } = parts(month);
  return lang === 'fa'
    ? `${JALALI_MONTH_NAMES_FA[jm - 1]} ${toPersianDigits(jy)}`
    : `${JALALI_MONTH_NAMES_EN[jm - 1]} ${jy}`;
}
