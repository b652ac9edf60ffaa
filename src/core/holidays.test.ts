import { describe, expect, it } from 'vitest';
import { officialHolidays } from './holidays';

describe('official holidays', () => {
  it('puts Nowruz on 1–4 Farvardin and 22 Bahman where they belong', () => {
    const days = officialHolidays(1404).map((h) => h.day);
    expect(days).toContain('2025-03-21');
    expect(days).toContain('2025-03-24');
    expect(days).toContain('2026-02-11'); // 22 Bahman 1404
  });
  it('finds the lunar holidays of the year (Ashura 1404 fell on 2025-07-06)', () => {
    const ashura = officialHolidays(1404).find((h) => h.titleEn === 'Ashura');
    expect(ashura?.day).toBe('2025-07-06');
    expect(ashura?.lunar).toBe(true);
  });
  it('keeps one row per day when holidays coincide, and about 26 days a year', () => {
    const list = officialHolidays(1405);
    expect(new Set(list.map((h) => h.day)).size).toBe(list.length);
    expect(list.length).toBeGreaterThanOrEqual(24);
    expect(list.length).toBeLessThanOrEqual(28);
  });
});
