import { describe, expect, it } from 'vitest';
import { calendarHolidays, HolidayCalendar, NO_OVERRIDES } from './holiday-calendar';

// Eid al-Adha 1446: the tabular calendar gives Saturday 2025-06-07 (17 Khordad 1404); Iran's official
// calendar had it on Friday 16 Khordad 1404 = 2025-06-06 (gardshgar.com/holiday-1404).
const KHORDAD_1404 = { fromIso: '2025-06-01', toIso: '2025-06-10' };
const eidAlAdha = (list: ReturnType<typeof calendarHolidays>) => list.find((h) => h.titleEn === 'Eid al-Adha');

describe("the holiday calendar with the admins' decisions", () => {
  it('holds computed lunar holidays as unconfirmed and solar ones as confirmed', () => {
    const list = calendarHolidays(KHORDAD_1404.fromIso, KHORDAD_1404.toIso, NO_OVERRIDES);
    expect(eidAlAdha(list)).toMatchObject({
      day: '2025-06-07',
      origin: 'lunar',
      confirmed: false,
      hijri: '1446-12-10',
      computedDay: null,
    });
    expect(list.find((h) => h.day === '2025-06-04')).toMatchObject({
      titleEn: 'Death of Imam Khomeini',
      origin: 'solar',
      confirmed: true,
    });
  });

  it('a confirmed lunar holiday stays on its day, confirmed', () => {
    const list = calendarHolidays(KHORDAD_1404.fromIso, KHORDAD_1404.toIso, {
      ...NO_OVERRIDES,
      lunarDecisions: [{ hijri: '1446-12-10', day: '2025-06-07' }],
    });
    expect(eidAlAdha(list)).toMatchObject({ day: '2025-06-07', confirmed: true, computedDay: null });
  });

  it('a moved lunar holiday closes its official day instead of the computed one', () => {
    const calendar = new HolidayCalendar(KHORDAD_1404.fromIso, KHORDAD_1404.toIso, {
      ...NO_OVERRIDES,
      lunarDecisions: [{ hijri: '1446-12-10', day: '2025-06-06' }],
    });
    expect(eidAlAdha(calendar.holidays())).toMatchObject({
      day: '2025-06-06',
      confirmed: true,
      computedDay: '2025-06-07',
    });
    expect(calendar.closure('2025-06-07')).toBeNull(); // an ordinary Saturday again
    // Friday 2025-06-06: closed as a Friday, with the holiday named.
    expect(calendar.closure('2025-06-06')).toMatchObject({ reason: 'friday', holidays: [{ titleEn: 'Eid al-Adha' }] });
  });

  it('finds a lunar holiday moved into the span from a day just outside it', () => {
    const list = calendarHolidays('2025-06-01', '2025-06-06', {
      ...NO_OVERRIDES,
      lunarDecisions: [{ hijri: '1446-12-10', day: '2025-06-06' }],
    });
    expect(eidAlAdha(list)?.day).toBe('2025-06-06');
  });

  it('a removed day is no longer closed; an added day is, with its title', () => {
    const calendar = new HolidayCalendar(KHORDAD_1404.fromIso, KHORDAD_1404.toIso, {
      added: [{ day: '2025-06-09', titleFa: 'تعطیلی اضطراری', titleEn: 'Emergency closure' }],
      removed: ['2025-06-04'],
      lunarDecisions: [],
    });
    expect(calendar.closure('2025-06-04')).toBeNull();
    expect(calendar.closure('2025-06-09')).toMatchObject({
      reason: 'holiday',
      holidays: [{ origin: 'added', confirmed: true, titleEn: 'Emergency closure' }],
    });
  });

  it('refuses a day outside the span it was loaded for rather than guess', () => {
    const calendar = new HolidayCalendar(KHORDAD_1404.fromIso, KHORDAD_1404.toIso);
    expect(() => calendar.closure('2025-06-11')).toThrow(RangeError);
  });
});
