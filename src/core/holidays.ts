/**
 * Iran's official holidays for a Jalali year, to seed the holiday calendar that admins maintain.
 * Solar holidays are fixed in the Jalali calendar. Religious holidays follow the lunar Hijri
 * calendar, which in Iran depends on moon sighting; we compute them with the tabular (civil)
 * Hijri calendar, which matches Iran's official dates in most years but can be a day off — the
 * seeded rows say so, and admins correct them from the official calendar.
 */
import { addDaysIso, jalaliToIso } from './jalali';

export interface Holiday { day: string; titleFa: string; titleEn: string; lunar: boolean }

const SOLAR: [month: number, day: number, fa: string, en: string][] = [
  [1, 1, 'عید نوروز', 'Nowruz'], [1, 2, 'عید نوروز', 'Nowruz'], [1, 3, 'عید نوروز', 'Nowruz'], [1, 4, 'عید نوروز', 'Nowruz'],
  [1, 12, 'روز جمهوری اسلامی', 'Islamic Republic Day'], [1, 13, 'روز طبیعت', 'Nature Day'],
  [3, 14, 'رحلت امام خمینی', 'Death of Imam Khomeini'], [3, 15, 'قیام ۱۵ خرداد', 'Revolt of 15 Khordad'],
  [11, 22, 'پیروزی انقلاب اسلامی', 'Victory of the Islamic Revolution'], [12, 29, 'ملی شدن صنعت نفت', 'Nationalisation of the oil industry'],
];

const LUNAR: [month: number, day: number, fa: string, en: string][] = [
  [1, 9, 'تاسوعای حسینی', 'Tasua'], [1, 10, 'عاشورای حسینی', 'Ashura'],
  [2, 20, 'اربعین حسینی', 'Arbaeen'], [2, 28, 'رحلت رسول اکرم و شهادت امام حسن مجتبی', 'Death of the Prophet and martyrdom of Imam Hasan'],
  [2, 30, 'شهادت امام رضا', 'Martyrdom of Imam Reza'], [3, 8, 'شهادت امام حسن عسکری', 'Martyrdom of Imam Hasan al-Askari'],
  [3, 17, 'میلاد رسول اکرم و امام جعفر صادق', 'Birth of the Prophet and Imam Sadegh'], [6, 3, 'شهادت حضرت فاطمه زهرا', 'Martyrdom of Fatima'],
  [7, 13, 'ولادت امام علی', 'Birth of Imam Ali'], [7, 27, 'مبعث رسول اکرم', 'Mab\'ath'], [8, 15, 'ولادت حضرت قائم', 'Birth of Imam Mahdi'],
  [9, 21, 'شهادت امام علی', 'Martyrdom of Imam Ali'], [10, 1, 'عید سعید فطر', 'Eid al-Fitr'], [10, 2, 'تعطیل به مناسبت عید فطر', 'Eid al-Fitr holiday'],
  [10, 25, 'شهادت امام جعفر صادق', 'Martyrdom of Imam Sadegh'], [12, 10, 'عید سعید قربان', 'Eid al-Adha'], [12, 18, 'عید سعید غدیر خم', 'Eid al-Ghadir'],
];

const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-civil', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

function hijriMonthDay(iso: string): [number, number] {
  const parts = hijri.formatToParts(new Date(`${iso}T12:00:00Z`));
  return [Number(parts.find((p) => p.type === 'month')!.value), Number(parts.find((p) => p.type === 'day')!.value)];
}

/** Official holidays falling in the Jalali year `jy`, sorted by day. */
export function officialHolidays(jy: number): Holiday[] {
  const result: Holiday[] = SOLAR.map(([m, d, fa, en]) => ({ day: jalaliToIso({ jy, jm: m, jd: d }), titleFa: fa, titleEn: en, lunar: false }));
  const first = jalaliToIso({ jy, jm: 1, jd: 1 });
  const next = jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 });
  for (let day = first; day < next; day = addDaysIso(day, 1)) {
    const [m, d] = hijriMonthDay(day);
    for (const [lm, ld, fa, en] of LUNAR) if (lm === m && ld === d) result.push({ day, titleFa: fa, titleEn: en, lunar: true });
  }
  // A lunar and a solar holiday can fall on the same day: keep one row per day.
  const byDay = new Map<string, Holiday>();
  for (const h of result.sort((a, b) => a.day.localeCompare(b.day))) {
    const existing = byDay.get(h.day);
    byDay.set(h.day, existing
      ? { ...existing, titleFa: `${existing.titleFa}؛ ${h.titleFa}`, titleEn: `${existing.titleEn}; ${h.titleEn}`, lunar: existing.lunar || h.lunar }
      : h);
  }
  return [...byDay.values()];
}
