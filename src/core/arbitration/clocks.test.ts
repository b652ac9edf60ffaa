/**
 * The term and the windows of an arbitration, against the Code's text and the official calendar.
 * Every expected day is counted by hand (Jalali ↔ ISO pairs written out, weekdays from the
 * calendar), never taken from the functions under test.
 *
 * Articles (Civil Procedure Code 1379): 443 (a month is 30 days), 444 (a closed last day moves to
 * the next open day), 445 (the day of the notice and of the act are not counted), 468 (the term
 * starts when the reference is notified to every arbitrator), 484 note (three months when the
 * agreement sets none, «ابتدای آن از روزی است که موضوع … به داور یا تمام داوران ابلاغ می‌شود. این مدت
 * با توافق طرفین قابل تمدید است», edalatsara.com «ماده ۴۸۴»), 488 (twenty days after notice to comply,
 * then an enforcement order on request: «هرگاه محکوم‌علیه تا بیست روز پس از ابلاغ، رأی داوری را اجرا
 * ننماید دادگاه … مکلف است به درخواست طرف ذی‌نفع … برگ اجرایی صادر کند», adlpooyan.com «نحوه اجرای رای
 * داوری»), 489 para. 4 (an award after the term is void; iranlawsite.ir «مدت داوری»: «داور یا داوران
 * باید ظرف سه ماه نسبت به صدور رای اقدام نمایند، در غیر این صورت رای صادره مشمول بند ۴ ماده ۴۸۹ … و
 * باطل می‌باشد»), 490 (twenty days from notice to seek annulment).
 */
import { describe, expect, it } from 'vitest';
import { fridaysAnd } from '../holiday-calendar';
import { awardInTime, awardWindows, countTerm, latestDelivery, termDays } from './clocks';

/** 1403's official holidays in Tir (calendar.nagsh.ir, «تعطیلات رسمی سال ۱۴۰۳»): Tuesday 5 Tir (Ghadir), Monday 25 and Tuesday 26 Tir (Tasua, Ashura). */
const HOLIDAYS_1403_TIR = new Set(['2024-06-25', '2024-07-15', '2024-07-16']);
/**
 * 1404's official holidays around the examples (gardshgar.com/holiday-1404, as in deadlines.test.ts):
 * 12–13 Farvardin, Thursday 4 Ordibehesht (Imam Sadegh), 14–16 Khordad.
 */
const HOLIDAYS_1404 = new Set([
  '2025-03-31',
  '2025-04-01',
  '2025-04-02',
  '2025-04-24',
  '2025-06-04',
  '2025-06-05',
  '2025-06-06',
]);

describe('the term of the arbitration (Arts. 468, 484 note, 443–445)', () => {
  it('no term in the agreement: three months of 30 days, from the day every arbitrator was notified', () => {
    expect(termDays(null)).toBe(90);
  });

  it('notified on 15 Farvardin 1403: the 90 days run 16 Farvardin … 12 Tir, an award is in time on 13 Tir 1403', () => {
    // 15 Farvardin 1403 = Wednesday 2024-04-03; 12 Tir 1403 = Tuesday 2024-07-02; 13 Tir = Wednesday 2024-07-03,
    // a working day (Tir 1403 closes 5, 25 and 26).
    const term = countTerm('2024-04-03', null, [], fridaysAnd(HOLIDAYS_1403_TIR));
    expect(term.firstCountedDay).toBe('2024-04-04');
    expect(term.lastCountedDay).toBe('2024-07-02');
    expect(term.lastDay).toBe('2024-07-03');
    expect(awardInTime('2024-07-03', term.lastDay)).toBe(true);
    // Art. 489 para. 4: dated 14 Tir 1403, the award is void.
    expect(awardInTime('2024-07-04', term.lastDay)).toBe(false);
  });

  it('a term ending on Tasua moves over Tasua and Ashura to Wednesday 27 Tir 1403 (Art. 444)', () => {
    // Notified Monday 27 Farvardin 1403 = 2024-04-15; +90 = 24 Tir, so the nominal last day is Monday 25 Tir
    // (2024-07-15, Tasua), then Tuesday 26 Tir (Ashura): the last day is Wednesday 27 Tir = 2024-07-17.
    const term = countTerm('2024-04-15', null, [], fridaysAnd(HOLIDAYS_1403_TIR));
    expect(term.nominalLastDay).toBe('2024-07-15');
    expect(term.lastDay).toBe('2024-07-17');
    expect(term.moved.map((c) => c.date)).toEqual(['2024-07-15', '2024-07-16']);
  });

  it('the parties extend an agreed term of two months by one more: 90 days in all', () => {
    expect(termDays({ amount: 2, unit: 'month' }, [{ amount: 1, unit: 'month' }])).toBe(90);
    expect(termDays({ amount: 45, unit: 'day' }, [{ amount: 2, unit: 'week' }])).toBe(59);
  });
});

describe('the windows from the notice of the award (Arts. 488, 490)', () => {
  it('delivered Sunday 4 Khordad 1404: comply by Sunday 25 Khordad, enforcement from 26 Khordad; the Khordad holidays inside count', () => {
    // 4 Khordad 1404 = 2025-05-25. Counted 5 … 24 Khordad (2025-05-26 … 2025-06-14) with 14–16 Khordad closed in
    // the middle; the act is in time on 25 Khordad = Sunday 2025-06-15.
    const w = awardWindows('2025-05-25', fridaysAnd(HOLIDAYS_1404));
    expect(w.complyLastDay).toBe('2025-06-15');
    expect(w.annulmentLastDay).toBe('2025-06-15');
    expect(w.enforcementFrom).toBe('2025-06-16');
  });

  it('delivered Thursday 14 Farvardin 1404: the last day, Thursday 4 Ordibehesht, is a holiday and Friday follows, so Saturday 6 Ordibehesht', () => {
    // 14 Farvardin 1404 = 2025-04-03; +21 = 4 Ordibehesht = 2025-04-24 (Imam Sadegh), 5 Ordibehesht Friday,
    // 6 Ordibehesht = Saturday 2025-04-26; the winning party may ask for enforcement from Sunday 7 Ordibehesht.
    const w = awardWindows('2025-04-03', fridaysAnd(HOLIDAYS_1404));
    expect(w.annulmentLastDay).toBe('2025-04-26');
    expect(w.complyLastDay).toBe('2025-04-26');
    expect(w.enforcementFrom).toBe('2025-04-27');
  });

  it('with two parties the windows run from the later delivery; until both are reached they have not started', () => {
    expect(latestDelivery(['2025-05-25', '2025-05-27'])).toBe('2025-05-27');
    expect(latestDelivery(['2025-05-25', null])).toBeNull();
  });
});
