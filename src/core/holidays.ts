/**
 * Iran's official holidays as the law sets them, for any Jalali year, with no table to fill in.
 *
 * Solar holidays are fixed days of the Jalali calendar (1–4 and 12–13 Farvardin, 14–15 Khordad,
 * 22 Bahman, 29 Esfand). Religious holidays follow the lunar Hijri calendar, which in Iran depends
 * on moon sighting; we compute them with the tabular (civil) Hijri calendar, which matches Iran's
 * official dates in most years but can be a day off. A computed lunar holiday is therefore
 * *unconfirmed* until an admin confirms it or moves it to the official day (see
 * `holiday-calendar.ts`, which applies those decisions and the admin's own additions and
 * removals).
 *
 * The solar list is today's law applied to every year: a few of these days became holidays only
 * after 1357 (the calendar is meant for limits running now, not for dating history).
 */
import { addDaysIso, isoToJalali, jalaliToIso } from './jalali';

type LawHolidayOrigin = 'solar' | 'lunar';

export interface LawHoliday {
  /** ISO date (Tehran calendar day). */
  day: string;
  titleFa: string;
  titleEn: string;
  origin: LawHolidayOrigin;
  /** A lunar holiday's tabular Hijri date, `1447-01-10`: the key an admin's confirmation or move refers to. */
  hijri: string | null;
}

/** The years the law calendar is promised for (it computes any year; these are tested). */
export const LAW_CALENDAR_YEARS = { first: 1300, last: 1500 } as const;

export const SOLAR_HOLIDAYS: readonly (readonly [month: number, day: number, fa: string, en: string])[] = [
  [1, 1, 'عید نوروز', 'Nowruz'],
  [1, 2, 'عید نوروز', 'Nowruz'],
  [1, 3, 'عید نوروز', 'Nowruz'],
  [1, 4, 'عید نوروز', 'Nowruz'],
  [1, 12, 'روز جمهوری اسلامی', 'Islamic Republic Day'],
  [1, 13, 'روز طبیعت', 'Nature Day'],
  [3, 14, 'رحلت امام خمینی', 'Death of Imam Khomeini'],
  [3, 15, 'قیام ۱۵ خرداد', 'Revolt of 15 Khordad'],
  [11, 22, 'پیروزی انقلاب اسلامی', 'Victory of the Islamic Revolution'],
  [12, 29, 'ملی شدن صنعت نفت', 'Nationalisation of the oil industry'],
];

/** Lunar holidays by Hijri month and day; day 30 of a month means its last day (Iran marks Imam Reza's martyrdom on the last day of Safar, the 29th when Safar has 29 days). */
const LUNAR_HOLIDAYS: readonly (readonly [month: number, day: number, fa: string, en: string])[] = [
  [1, 9, 'تاسوعای حسینی', 'Tasua'],
  [1, 10, 'عاشورای حسینی', 'Ashura'],
  [2, 20, 'اربعین حسینی', 'Arbaeen'],
  [2, 28, 'رحلت رسول اکرم و شهادت امام حسن مجتبی', 'Death of the Prophet and martyrdom of Imam Hasan'],
  [2, 30, 'شهادت امام رضا', 'Martyrdom of Imam Reza'],
  [3, 8, 'شهادت امام حسن عسکری', 'Martyrdom of Imam Hasan al-Askari'],
  [3, 17, 'میلاد رسول اکرم و امام جعفر صادق', 'Birth of the Prophet and Imam Sadegh'],
  [6, 3, 'شهادت حضرت فاطمه زهرا', 'Martyrdom of Fatima'],
  [7, 13, 'ولادت امام علی', 'Birth of Imam Ali'],
  [7, 27, 'مبعث رسول اکرم', "Mab'ath"],
  [8, 15, 'ولادت حضرت قائم', 'Birth of Imam Mahdi'],
  [9, 21, 'شهادت امام علی', 'Martyrdom of Imam Ali'],
  [10, 1, 'عید سعید فطر', 'Eid al-Fitr'],
  [10, 2, 'تعطیل به مناسبت عید فطر', 'Eid al-Fitr holiday'],
  [10, 25, 'شهادت امام جعفر صادق', 'Martyrdom of Imam Sadegh'],
  [12, 10, 'عید سعید قربان', 'Eid al-Adha'],
  [12, 18, 'عید سعید غدیر خم', 'Eid al-Ghadir'],
];

const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-civil', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

/** The tabular Hijri date of an ISO day. */
function hijriOf(iso: string): { hy: number; hm: number; hd: number } {
  const parts = hijri.formatToParts(new Date(`${iso}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { hy: part('year'), hm: part('month'), hd: part('day') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The fixed solar holidays of a Jalali year. */
export function solarHolidays(jy: number): LawHoliday[] {
  return SOLAR_HOLIDAYS.map(([jm, jd, fa, en]) => ({
    day: jalaliToIso({ jy, jm, jd }),
    titleFa: fa,
    titleEn: en,
    origin: 'solar' as const,
    hijri: null,
  }));
}

// A year's lunar holidays cost one Intl call per day (≈ 365): computed once per year a process asks for.
const lunarByYear = new Map<number, LawHoliday[]>();

/** The computed (tabular) lunar holidays falling in a Jalali year, by day. */
export function lunarHolidays(jy: number): LawHoliday[] {
  const known = lunarByYear.get(jy);
  if (known) return known;
  const result: LawHoliday[] = [];
  const next = jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 });
  for (let day = jalaliToIso({ jy, jm: 1, jd: 1 }); day < next; day = addDaysIso(day, 1)) {
    const { hy, hm, hd } = hijriOf(day);
    // The tabular calendar gives Safar 29 days: its last day stands for «30 Safar».
    const lastOfMonth = hd >= 29 && hijriOf(addDaysIso(day, 1)).hd === 1;
    for (const [lm, ld, fa, en] of LUNAR_HOLIDAYS) {
      if (lm === hm && (ld === hd || (ld === 30 && lastOfMonth)))
        result.push({ day, titleFa: fa, titleEn: en, origin: 'lunar', hijri: `${hy}-${pad(hm)}-${pad(hd)}` });
    }
  }
  if (lunarByYear.size > 400) lunarByYear.clear();
  lunarByYear.set(jy, result);
  return result;
}

/** Every law holiday from one ISO day to another (both included), by day; a day may hold a solar and a lunar one. */
export function lawHolidaysBetween(fromIso: string, toIso: string): LawHoliday[] {
  if (toIso < fromIso) return [];
  const out: LawHoliday[] = [];
  for (let jy = isoToJalali(fromIso).jy; jy <= isoToJalali(toIso).jy; jy++) {
    for (const h of [...solarHolidays(jy), ...lunarHolidays(jy)]) if (h.day >= fromIso && h.day <= toIso) out.push(h);
  }
  // Solar first on a shared day: its title leads.
  return out.sort((a, b) => a.day.localeCompare(b.day) || Number(a.origin === 'lunar') - Number(b.origin === 'lunar'));
}

export interface Holiday {
  day: string;
  titleFa: string;
  titleEn: string;
  lunar: boolean;
}

/** The law holidays of a Jalali year, one row per day (titles joined when a solar and a lunar one coincide). */
export function officialHolidays(jy: number): Holiday[] {
  const byDay = new Map<string, Holiday>();
  for (const h of lawHolidaysBetween(
    jalaliToIso({ jy, jm: 1, jd: 1 }),
    addDaysIso(jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 }), -1),
  )) {
    const existing = byDay.get(h.day);
    const lunar = h.origin === 'lunar';
    byDay.set(
      h.day,
      existing
        ? {
            ...existing,
            titleFa: `${existing.titleFa}؛ ${h.titleFa}`,
            titleEn: `${existing.titleEn}; ${h.titleEn}`,
            lunar: existing.lunar || lunar,
          }
        : { day: h.day, titleFa: h.titleFa, titleEn: h.titleEn, lunar },
    );
  }
  return [...byDay.values()];
}
