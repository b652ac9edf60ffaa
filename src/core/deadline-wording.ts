/**
 * How a deadline is said to a person, in Persian and English: the last day with its weekday, and
 * — once, plainly — where it moved from: «آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد».
 * Pure, so the web, printed notices and messages say it the same way.
 */
import { isoToJalali, JALALI_MONTH_NAMES_EN, JALALI_MONTH_NAMES_FA, weekdayOfIso } from './jalali';
import { toPersianDigits } from './persian-digits';

export type WordingLang = 'fa' | 'en';

/** Indexed by `weekdayOfIso` (0 = Sunday). */
const WEEKDAY_NAMES = {
  fa: ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

/** The counting rule in one sentence, with its articles. */
export const COUNTING_RULE = {
  fa: 'مهلت از فردای ابلاغ شمرده می‌شود و روز ابلاغ و روز اقدام جزو آن نیست (ماده ۴۴۵)، ماه سی روز است (ماده ۴۴۳) و تعطیلیِ میانهٔ مهلت هم شمرده می‌شود، ولی اگر روز آخر جمعه یا تعطیل رسمی باشد نخستین روز کاری پس از آن روز آخر است (ماده ۴۴۴ قانون آیین دادرسی مدنی).',
  en: 'The limit is counted from the day after the notice, and neither the day of the notice nor the day you act is part of it (Art. 445); a month is 30 days (Art. 443) and closed days within the limit count too, but when the last day is a Friday or an official holiday the next working day becomes the last day (Art. 444, Civil Procedure Code).',
} as const;

export const weekdayName = (iso: string, lang: WordingLang) => WEEKDAY_NAMES[lang][weekdayOfIso(iso)];

const digits = (n: number | string, lang: WordingLang) => (lang === 'fa' ? toPersianDigits(n) : String(n));

/** «۵ دی» / "5 Dey". */
export function dayAndMonth(iso: string, lang: WordingLang): string {
  const { jm, jd } = isoToJalali(iso);
  return `${digits(jd, lang)} ${(lang === 'fa' ? JALALI_MONTH_NAMES_FA : JALALI_MONTH_NAMES_EN)[jm - 1]}`;
}

/** «۵ دی ۱۴۰۵» / "5 Dey 1405". */
function jalaliInWords(iso: string, lang: WordingLang): string {
  return `${dayAndMonth(iso, lang)} ${digits(isoToJalali(iso).jy, lang)}`;
}

export interface MovedDay {
  /** ISO day. */
  date: string;
  reason: 'friday' | 'holiday';
  /** The holiday's title (none for a plain Friday). */
  title?: { fa: string; en: string } | null;
}

/**
 * The closed days a last day moved over, as one phrase: «جمعه ۴ دی», «۱ تا ۴ فروردین (عید نوروز)»,
 * «۱۴ خرداد (رحلت امام خمینی)، ۱۵ خرداد (قیام ۱۵ خرداد) و جمعه ۱۶ خرداد». Consecutive days with the
 * same title read as one run.
 */
export function movedOverPhrase(moved: readonly MovedDay[], lang: WordingLang): string {
  const runs: { from: string; to: string; friday: boolean; title: string | null }[] = [];
  for (const m of moved) {
    const friday = m.reason === 'friday';
    const title = m.title ? m.title[lang] : null;
    const last = runs[runs.length - 1];
    // Only holidays join a run: «۱ تا ۴ فروردین (عید نوروز)»; a Friday is named on its own.
    if (last && !friday && !last.friday && title && last.title === title) last.to = m.date;
    else runs.push({ from: m.date, to: m.date, friday, title });
  }
  const phrases = runs.map((r) => {
    const days =
      r.from === r.to
        ? dayAndMonth(r.from, lang)
        : lang === 'fa'
          ? `${digits(isoToJalali(r.from).jd, 'fa')} تا ${dayAndMonth(r.to, 'fa')}`
          : `${isoToJalali(r.from).jd}–${dayAndMonth(r.to, 'en')}`;
    const weekday = r.friday ? `${WEEKDAY_NAMES[lang][5]} ` : '';
    return r.title ? `${weekday}${days} (${r.title})` : `${weekday}${days}`;
  });
  if (phrases.length <= 1) return phrases.join('');
  const joiner = lang === 'fa' ? ['، ', ' و '] : [', ', ' and '];
  return `${phrases.slice(0, -1).join(joiner[0])}${joiner[1]}${phrases[phrases.length - 1]}`;
}

export interface LastDayWording {
  label: string;
  weekday: string;
  date: string;
  /** Why it moved, or null when it did not. */
  moved: string | null;
}

/**
 * Where a moved last day moved from, with its weekday: «از جمعه ۴ دی منتقل شد», "moved from Friday
 * 4 Dey". Where it moved to is not repeated: the line already begins with that day (issue 15 asks for
 * "last day Saturday 5 Dey 1405 — moved from Friday 4 Dey"). The closed days are named too unless the
 * only one is a plain Friday (the weekday already says why): «به‌سبب تعطیلی ۱ تا ۴ فروردین (عید نوروز)،
 * از شنبه ۱ فروردین منتقل شد».
 */
export function movedFromPhrase(moved: readonly MovedDay[], lang: WordingLang): string {
  const from = moved[0]!.date;
  const fromWords = `${weekdayName(from, lang)} ${dayAndMonth(from, lang)}`;
  const plainFriday = moved.length === 1 && moved[0]!.reason === 'friday' && !moved[0]!.title;
  if (lang === 'fa') {
    const movedFrom = `از ${fromWords} منتقل شد`;
    return plainFriday ? movedFrom : `به‌سبب تعطیلی ${movedOverPhrase(moved, 'fa')}، ${movedFrom}`;
  }
  const movedFrom = `moved from ${fromWords}`;
  return plainFriday
    ? movedFrom
    : `${movedFrom}, as ${movedOverPhrase(moved, 'en')} ${moved.length > 1 ? 'are' : 'is'} closed`;
}

/** The pieces of «آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد», for a page to lay out. */
export function lastDayWording(lastDay: string, moved: readonly MovedDay[], lang: WordingLang): LastDayWording {
  return {
    label: lang === 'fa' ? 'آخرین مهلت' : 'Last day',
    weekday: weekdayName(lastDay, lang),
    date: jalaliInWords(lastDay, lang),
    moved: moved.length ? movedFromPhrase(moved, lang) : null,
  };
}

/** The whole line as text. */
export function lastDaySentence(lastDay: string, moved: readonly MovedDay[], lang: WordingLang): string {
  const w = lastDayWording(lastDay, moved, lang);
  return `${w.label}: ${w.weekday} ${w.date}${w.moved ? ` — ${w.moved}` : ''}`;
}
