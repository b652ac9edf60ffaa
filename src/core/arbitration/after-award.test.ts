/**
 * The annulment request and the enforcement order against their windows, with the days counted by
 * hand. Sources: Civil Procedure Code 1379 Art. 488 («هرگاه محکوم‌علیه تا بیست روز پس از ابلاغ، رأی
 * داوری را اجرا ننماید، دادگاه … به درخواست طرف ذی‌نفع … برگ اجرایی صادر کند»), Art. 490 (twenty days from
 * the notice of the award; edha.ir «مهلت اعتراض به رای داوری»: «برای اشخاص مقیم ایران ۲۰ روز … پس از
 * تاریخ ابلاغ رای داور است. عدم رعایت این مهلت‌های قانونی منجر به رد درخواست ابطال رای … خواهد شد»),
 * Arts. 444–445 for the count (the day of the notice and of the act not counted; a closed last day
 * moves to the next open day), and Art. 489's seven grounds.
 */
import { describe, expect, it } from 'vitest';
import { fridaysAnd } from '../holiday-calendar';
import { ANNULMENT_GROUNDS, annulmentInTime, enforcementOpen } from './after-award';
import { awardWindows } from './clocks';

/** 1404's holidays around the example (gardshgar.com/holiday-1404): Thursday 4 Ordibehesht (Imam Sadegh's martyrdom). */
const HOLIDAYS_1404 = new Set(['2025-04-24']);

describe('after the award is delivered (Arts. 488, 490)', () => {
  // Delivered Thursday 14 Farvardin 1404 (2025-04-03). Twenty days counted 15 Farvardin … 3 Ordibehesht; the act
  // would be in time on 4 Ordibehesht (2025-04-24), a holiday, and 5 Ordibehesht is a Friday: the last day is
  // Saturday 6 Ordibehesht (2025-04-26). Enforcement may be asked from Sunday 7 Ordibehesht (2025-04-27).
  const windows = awardWindows('2025-04-03', fridaysAnd(HOLIDAYS_1404));

  it('an annulment request on Saturday 6 Ordibehesht 1404 is in time; on Sunday 7 Ordibehesht it is late', () => {
    expect(annulmentInTime(windows, '2025-04-26')).toEqual({ ok: true });
    expect(annulmentInTime(windows, '2025-04-27')).toEqual({ ok: false, reason: 'closed' });
  });

  it('the winning party may not ask for enforcement on 6 Ordibehesht, while the loser may still comply; from 7 Ordibehesht they may', () => {
    expect(enforcementOpen(windows, '2025-04-26')).toEqual({ ok: false, reason: 'not_yet_open' });
    expect(enforcementOpen(windows, '2025-04-27')).toEqual({ ok: true });
  });

  it('before the award has reached every party no window runs: neither an annulment nor enforcement', () => {
    expect(annulmentInTime(null, '2025-04-26')).toEqual({ ok: false, reason: 'not_delivered' });
    expect(enforcementOpen(null, '2030-01-01')).toEqual({ ok: false, reason: 'not_delivered' });
  });

  it('Art. 489 has seven grounds of nullity, and an award after its term is the fourth', () => {
    expect(ANNULMENT_GROUNDS).toHaveLength(7);
    expect(ANNULMENT_GROUNDS[3]).toBe('after_term');
  });
});
