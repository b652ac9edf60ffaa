import { describe, expect, it } from 'vitest';
import {
  LAW_CALENDAR_YEARS,
  lawHolidaysBetween,
  lunarHolidays,
  officialHolidays,
  solarHolidays,
  SOLAR_HOLIDAYS,
} from './holidays';

const persian = new Intl.DateTimeFormat('en-u-ca-persian', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const jalaliOf = (iso: string) =>
  persian
    .formatToParts(new Date(`${iso}T12:00:00Z`))
    .filter((p) => p.type !== 'literal' && p.type !== 'era')
    .map((p) => Number(p.value));

describe("the law's holidays", () => {
  it("knows the fixed solar holidays of every Jalali year 1300–1500, each on its Jalali day (checked with Intl's Persian calendar)", () => {
    const wrong: string[] = [];
    for (let jy = LAW_CALENDAR_YEARS.first; jy <= LAW_CALENDAR_YEARS.last; jy++) {
      const list = solarHolidays(jy);
      if (list.length !== 10) wrong.push(`${jy}: ${list.length} solar holidays`);
      list.forEach((h, i) => {
        const [m, d, y] = jalaliOf(h.day);
        const [jm, jd] = SOLAR_HOLIDAYS[i];
        if (y !== jy || m !== jm || d !== jd) wrong.push(`${jy}-${jm}-${jd} placed on ${h.day} (${y}-${m}-${d})`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('puts Nowruz 1404 on 2025-03-21…24 and 22 Bahman 1404 on 2026-02-11 (the official 1404 calendar)', () => {
    const days = solarHolidays(1404).map((h) => h.day);
    expect(days.slice(0, 4)).toEqual(['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24']);
    expect(days).toContain('2026-02-11');
  });

  it('computes the lunar holidays of any year with their Hijri date: Ashura 1404 fell on 15 Tir = 2025-07-06', () => {
    // gardshgar.com/holiday-1404: «یکشنبه، ۱۵ تیر: عاشورای حسینی».
    const ashura = lunarHolidays(1404).find((h) => h.titleEn === 'Ashura');
    expect(ashura).toMatchObject({ day: '2025-07-06', origin: 'lunar', hijri: '1447-01-10' });
    for (const jy of [LAW_CALENDAR_YEARS.first, 1350, LAW_CALENDAR_YEARS.last]) {
      // 17 lunar holidays a lunar year; a solar year holds 17 or 18 of them.
      expect(lunarHolidays(jy).length).toBeGreaterThanOrEqual(17);
      expect(lunarHolidays(jy).length).toBeLessThanOrEqual(19);
    }
  });

  it('lists holidays across the turn of a year, solar first on a shared day', () => {
    const list = lawHolidaysBetween('2026-03-19', '2026-03-25');
    expect(list.filter((h) => h.origin === 'solar').map((h) => h.day)).toEqual([
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
    ]);
    const sorted = [...list].sort((a, b) => a.day.localeCompare(b.day));
    expect(list.map((h) => h.day)).toEqual(sorted.map((h) => h.day));
    expect(lawHolidaysBetween('2026-03-25', '2026-03-19')).toEqual([]);
  });

  it('keeps one row per day when holidays coincide, about 26 days a year', () => {
    const list = officialHolidays(1405);
    expect(new Set(list.map((h) => h.day)).size).toBe(list.length);
    expect(list.length).toBeGreaterThanOrEqual(24);
    expect(list.length).toBeLessThanOrEqual(28);
    expect(list.find((h) => h.day === '2026-03-21')?.titleFa).toMatch(/^عید نوروز/);
  });
});
