import { describe, expect, it } from 'vitest';
import { appealLimitDays, appealWindow } from './appeal';
import { fridaysAnd, HolidayCalendar } from './holiday-calendar';

/**
 * CPC Art. 336: «مهلت درخواست تجدیدنظر برای اشخاص مقیم ایران بیست روز و برای اشخاص مقیم خارج از کشور
 * دو ماه از تاریخ ابلاغ یا انقضای مدت واخواهی است» (text as on khatkesh.net).
 */
describe('the time to appeal a decision (CPC Art. 336)', () => {
  it('is twenty days for a resident of Iran and two months, sixty days, for one abroad', () => {
    expect(appealLimitDays(false)).toBe(20);
    expect(appealLimitDays(true)).toBe(60);
  });

  it('delivered on 15 Farvardin, the last day to appeal is 5 Ordibehesht (the worked example of hiu.ir)', () => {
    // hiu.ir: «اگر ۱۵ فروردین رأی به شما ابلاغ شد، مهلت شما از فردای آن روز یعنی ۱۶ فروردین شروع شده و تا
    // ۴ اردیبهشت ۲۰ روز تمام می‌شود، … شما می‌توانید ۵ اردیبهشت تقاضای تجدیدنظر خود را به دادگاه ارائه دهید».
    // In 1403: 15 Farvardin = Wednesday 3 April 2024, 5 Ordibehesht = Wednesday 24 April 2024.
    const w = appealWindow('2024-04-03', false, fridaysAnd(new Set()), '2024-04-03');
    expect(w).toEqual({ days: 20, lastDay: '2024-04-24', daysLeft: 21, open: true });
    expect(appealWindow('2024-04-03', false, fridaysAnd(new Set()), '2024-04-24')).toMatchObject({
      daysLeft: 0,
      open: true,
    });
    expect(appealWindow('2024-04-03', false, fridaysAnd(new Set()), '2024-04-25')).toMatchObject({
      daysLeft: -1,
      open: false,
    });
  });

  it('abroad, sixty days from 16 Farvardin 1403 end on 13 Khordad; 14 and 15 Khordad are holidays, so the last day is 16 Khordad', () => {
    // The official 1403 calendar (calendar.nagsh.ir): Monday 14 Khordad and Tuesday 15 Khordad are holidays.
    const calendar = new HolidayCalendar('2024-04-01', '2024-08-01');
    expect(appealWindow('2024-04-03', true, calendar, '2024-04-03')).toEqual({
      days: 60,
      lastDay: '2024-06-05',
      daysLeft: 63,
      open: true,
    });
  });
});
