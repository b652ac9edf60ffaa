/**
 * Legal time limits against worked examples from Iranian practice. Every expected date below is
 * counted by hand on the official calendar (the sources are cited next to each), never taken from
 * the functions under test. Jalali ↔ ISO pairs are written out; `jalaliToIso` is checked against
 * the platform's own Persian calendar in jalali.test.ts.
 *
 * The articles (Civil Procedure Code 1379, text as published e.g. at aftabir.com
 * "legal_shape_civil_timelimit" and aria-law.com Data-View id=7162):
 *   443 — year 12 months, month 30 days, week 7 days;
 *   444 — a last day on which offices are closed does not count, the last day is when they reopen;
 *   445 — for a limit from a notice, the day of the notice and the day of the action are not counted;
 *   446 — all limits of the Code are two months from the notice for people living abroad;
 *   447 — with several defendants, the longest limit one of them has covers the others.
 */
import { describe, expect, it } from 'vitest';
import {
  ABROAD_LIMIT,
  countFreeLimit,
  daysLeft,
  deadlineFromDelivery,
  limitInDays,
  longestDeadline,
} from './deadlines';
import { fridaysAnd, HolidayCalendar, NO_OVERRIDES } from './holiday-calendar';

const none = fridaysAnd(new Set());

/**
 * Official holidays of 1404 around the examples, from the government calendar as published
 * (gardshgar.com/holiday-1404): 1–4, 11–13 Farvardin; Thursday 4 Ordibehesht (martyrdom of Imam
 * Sadegh); Wednesday 14 and Thursday 15 Khordad; Friday 16 Khordad (Eid al-Adha).
 */
const HOLIDAYS_1404 = new Set([
  '2025-03-21',
  '2025-03-22',
  '2025-03-23',
  '2025-03-24',
  '2025-03-31',
  '2025-04-01',
  '2025-04-02', // Farvardin
  '2025-04-24', // 4 Ordibehesht
  '2025-06-04',
  '2025-06-05',
  '2025-06-06', // 14, 15, 16 Khordad
]);
/**
 * 1405 begins on Saturday 1 Farvardin = 2026-03-21 (the year turns on Friday 29 Esfand 1404 =
 * 2026-03-20); 1–4 Farvardin are Nowruz (1 and 2 Farvardin also Eid al-Fitr), 29 Esfand 1404 is the
 * oil nationalisation day (ilna.ir news 1707051, the 1405 calendar of the Council for Public Culture).
 */
const HOLIDAYS_1405_NOWRUZ = new Set(['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);

describe('free limits from a notice (Art. 445)', () => {
  it('a 20-day appeal from a notice of 15 Farvardin runs 16 Farvardin … 4 Ordibehesht and is in time on 5 Ordibehesht', () => {
    // hiu.ir «مهلت تجدیدنظرخواهی» (1396/05/23): «اگر 15 فروردین رأی به شما ابلاغ شد، مهلت شما از … 16 فروردین
    // شروع شده و تا 4 اردیبهشت 20 روز تمام می‌شود … شما می‌توانید 5 اردیبهشت تقاضای تجدیدنظر خود را … ارائه دهید
    // امّا … حتی 6 اردیبهشت … پذیرفته نخواهد شد». In 1403: 15 Farvardin is Wednesday 2024-04-03 and
    // 5 Ordibehesht is Wednesday 2024-04-24, a working day (the 1403 calendar, calendar.nagsh.ir, closes 22–23
    // Farvardin and 15 Ordibehesht, none of them a last day here).
    const count = countFreeLimit('2024-04-03', 20, none);
    expect(count.firstCountedDay).toBe('2024-04-04'); // 16 Farvardin 1403
    expect(count.lastCountedDay).toBe('2024-04-23'); // 4 Ordibehesht 1403
    expect(count.nominalLastDay).toBe('2024-04-24'); // 5 Ordibehesht 1403
    expect(count.lastDay).toBe('2024-04-24');
    expect(count.moved).toEqual([]);
  });

  it('in 1404 the same example ends on a Friday: 5 Ordibehesht 1404 is Friday 2025-04-25, so the last day is Saturday 6 Ordibehesht (Art. 444)', () => {
    // The official 1404 calendar (gardshgar.com/holiday-1404) shows Thursday 4 Ordibehesht, so Friday 5 and Saturday 6.
    const count = countFreeLimit('2025-04-04', 20, fridaysAnd(HOLIDAYS_1404)); // 15 Farvardin 1404
    expect(count.nominalLastDay).toBe('2025-04-25');
    expect(count.lastDay).toBe('2025-04-26');
    expect(count.moved.map((c) => [c.date, c.reason])).toEqual([['2025-04-25', 'friday']]);
  });

  it('closed days in the middle of the limit count like any other (only the last day moves)', () => {
    // mizanonline.ir news 4832467 (6 Ordibehesht 1404), the Judiciary's news agency: only a last day that is a
    // holiday does not count. Between 16 Farvardin and 4 Ordibehesht 1404 there are Fridays and Thursday
    // 4 Ordibehesht (Imam Sadegh): the 20 days still end on 4 Ordibehesht.
    const count = countFreeLimit('2025-04-04', 20, fridaysAnd(HOLIDAYS_1404));
    expect(count.lastCountedDay).toBe('2025-04-24');
    expect(count.closedWithin.map((c) => c.date)).toEqual(['2025-04-11', '2025-04-18', '2025-04-24']);
  });

  it('a last day on Nowruz moves past all four days of Nowruz', () => {
    // A 20-day limit from a notice of Saturday 9 Esfand 1404 (2026-02-28): counted 10–29 Esfand (29 Esfand, a
    // Friday and a holiday, is counted), act on 1 Farvardin 1405 — Nowruz, closed 1–4 Farvardin — so the last
    // day is Wednesday 5 Farvardin 1405 (2026-03-25), an ordinary working day in the 1405 calendar.
    const count = countFreeLimit('2026-02-28', 20, fridaysAnd(HOLIDAYS_1405_NOWRUZ));
    expect(count.lastCountedDay).toBe('2026-03-20');
    expect(count.nominalLastDay).toBe('2026-03-21');
    expect(count.lastDay).toBe('2026-03-25');
    expect(count.moved.map((c) => c.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
  });

  it('a Friday followed by holidays moves to the first open day after all of them', () => {
    // A 10-day limit from Saturday 3 Khordad 1404 (2025-05-24): counted 4–13 Khordad, act on Wednesday 14 Khordad
    // (Imam Khomeini) — closed, as are Thursday 15 Khordad and Friday 16 Khordad (Eid al-Adha) in the official
    // 1404 calendar (gardshgar.com/holiday-1404) — so the last day is Saturday 17 Khordad 1404 = 2025-06-07.
    const count = countFreeLimit('2025-05-24', 10, fridaysAnd(HOLIDAYS_1404));
    expect(count.nominalLastDay).toBe('2025-06-04');
    expect(count.lastDay).toBe('2025-06-07');
    expect(count.moved.map((c) => [c.date, c.reason])).toEqual([
      ['2025-06-04', 'holiday'],
      ['2025-06-05', 'holiday'],
      ['2025-06-06', 'friday'],
    ]);
  });

  it('keeps the simple form for callers that hold only holiday days', () => {
    expect(deadlineFromDelivery('2025-04-04', 20, HOLIDAYS_1404)).toEqual({
      lastDay: '2025-04-26',
      movedFrom: '2025-04-25',
    });
    expect(deadlineFromDelivery('2024-04-03', 20, new Set())).toEqual({ lastDay: '2024-04-24', movedFrom: null });
  });

  it('refuses a limit that is not a whole positive number of days', () => {
    expect(() => countFreeLimit('2025-04-04', 0, none)).toThrow(RangeError);
    expect(() => countFreeLimit('2025-04-04', 2.5, none)).toThrow(RangeError);
  });
});

describe('months, weeks and years (Art. 443)', () => {
  it('a month is thirty days, not a calendar month: one month from 10 Farvardin 1404 is in time on 10 Ordibehesht, not 11', () => {
    // yarahmadian.ir/?p=1490 (a Tehran bar lawyer): «در محاسبات قانونی، ماه را، سی روز محسوب می کنند … در شش ماهه
    // اول سال، هر ماه تقویمی، 31 روز، یعنی یک ماه و یک روز قانونی». Farvardin has 31 days: from 10 Farvardin
    // 1404 (2025-03-30) thirty days are 11 Farvardin … 9 Ordibehesht, and the act is in time on Wednesday
    // 10 Ordibehesht 1404 (2025-04-30). A calendar month would have ended a day later.
    expect(limitInDays(1, 'month')).toBe(30);
    const count = countFreeLimit('2025-03-30', limitInDays(1, 'month'), fridaysAnd(HOLIDAYS_1404));
    expect(count.lastCountedDay).toBe('2025-04-29');
    expect(count.lastDay).toBe('2025-04-30');
  });

  it('six months are 180 days, a week 7 days and a year 12 months of 30 days', () => {
    // The same source: «موعد شش ماهه برای برگشت زدن چک، مقصود 180 روز است».
    expect(limitInDays(6, 'month')).toBe(180);
    expect(limitInDays(2, 'week')).toBe(14);
    expect(limitInDays(1, 'year')).toBe(360);
  });
});

describe('people abroad and several defendants (Arts. 446–447)', () => {
  it('abroad the limit is two months = 60 days: an appeal from a notice of 15 Farvardin 1404 runs to 13 Khordad, and the act moves past 14–16 Khordad to Saturday 17 Khordad', () => {
    // Art. 336 (khatkesh.net rule 140293: «بیست روز و برای اشخاص مقیم خارج از کشور دو ماه از تاریخ ابلاغ») and
    // Art. 446; two months are 60 days by Art. 443. Counted 16 Farvardin … 13 Khordad 1404 (16 + 31 + 13 days);
    // 14 Khordad (Wednesday, Imam Khomeini), 15 Khordad (Thursday) and Friday 16 Khordad (Eid al-Adha) are
    // closed in the official 1404 calendar, so the last day is Saturday 17 Khordad 1404 = 2025-06-07.
    expect(limitInDays(ABROAD_LIMIT.amount, ABROAD_LIMIT.unit)).toBe(60);
    const count = countFreeLimit('2025-04-04', 60, fridaysAnd(HOLIDAYS_1404));
    expect(count.lastCountedDay).toBe('2025-06-03');
    expect(count.nominalLastDay).toBe('2025-06-04');
    expect(count.lastDay).toBe('2025-06-07');
  });

  it('with two defendants, one in Iran and one abroad, both have the longer limit (Art. 447)', () => {
    // Art. 447: «طولانی‌ترین موعدی که در مورد یک نفر از آنان رعایت می‌شود شامل دیگران نیز خواهد شد».
    // Both served on 15 Farvardin 1404: the one in Iran has until 6 Ordibehesht, the one abroad until 17 Khordad.
    const inIran = { party: 'resident', ...deadlineFromDelivery('2025-04-04', 20, HOLIDAYS_1404) };
    const abroad = { party: 'abroad', ...deadlineFromDelivery('2025-04-04', 60, HOLIDAYS_1404) };
    expect(inIran.lastDay).toBe('2025-04-26');
    expect(longestDeadline([inIran, abroad])).toMatchObject({ party: 'abroad', lastDay: '2025-06-07' });
    expect(longestDeadline([])).toBeNull();
  });
});

describe('days left', () => {
  it('is zero on the last day and negative once it has passed', () => {
    expect(daysLeft('2025-04-26', '2025-04-26')).toBe(0);
    expect(daysLeft('2025-04-21', '2025-04-26')).toBe(5);
    expect(daysLeft('2025-04-27', '2025-04-26')).toBe(-1);
  });
});

describe('holidays not yet confirmed', () => {
  // Eid al-Adha 1446 by the tabular calendar: Saturday 17 Khordad 1404 (2025-06-07); officially Friday 16 Khordad.
  const calendar = (confirmed: boolean) =>
    new HolidayCalendar('2025-05-20', '2025-08-30', {
      ...NO_OVERRIDES,
      lunarDecisions: confirmed ? [{ hijri: '1446-12-10', day: '2025-06-06' }] : [],
    });

  it('reports an unconfirmed lunar holiday the last day moved over because of it alone', () => {
    // 10 days from Saturday 3 Khordad: act on 14 Khordad; 14–15 Khordad solar, Friday 16, then the computed Eid on 17.
    const count = countFreeLimit('2025-05-24', 10, calendar(false));
    expect(count.lastDay).toBe('2025-06-08');
    expect(count.unconfirmedHolidays.map((h) => [h.day, h.titleEn, h.hijri])).toEqual([
      ['2025-06-07', 'Eid al-Adha', '1446-12-10'],
    ]);
  });

  it('once an admin moves it to its official day the count no longer relies on it', () => {
    const count = countFreeLimit('2025-05-24', 10, calendar(true));
    expect(count.lastDay).toBe('2025-06-07');
    expect(count.unconfirmedHolidays).toEqual([]);
  });
});
