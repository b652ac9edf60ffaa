import { describe, expect, it } from 'vitest';
import {
  addJalaliMonths,
  formatJalaliMonth,
  jalaliMonthOfIso,
  jalaliMonthsBetween,
  jalaliMonthStartIso,
} from './jalali';
import { onlineSharePercent, provinceShares, sharePeriod, shareSeries } from './channel-share';

describe('Jalali months', () => {
  it('a month is keyed by the ISO date of its first day (1403/01/01 = 2024-03-20, 1402/12/01 = 2024-02-20)', () => {
    expect(jalaliMonthStartIso('1403-01')).toBe('2024-03-20');
    expect(jalaliMonthStartIso('1402-12')).toBe('2024-02-20');
    expect(jalaliMonthOfIso('2024-03-19')).toBe('1402-12');
    expect(jalaliMonthOfIso('2024-03-20')).toBe('1403-01');
  });

  it('month arithmetic crosses the new year both ways', () => {
    expect(addJalaliMonths('1403-12', 1)).toBe('1404-01');
    expect(addJalaliMonths('1403-01', -1)).toBe('1402-12');
    expect(addJalaliMonths('1403-05', -11)).toBe('1402-06');
    expect(jalaliMonthsBetween('1402-11', '1403-02')).toEqual(['1402-11', '1402-12', '1403-01', '1403-02']);
    expect(jalaliMonthsBetween('1403-02', '1403-01')).toEqual([]);
  });

  it('months read as people say them: «فروردین ۱۴۰۳», "Esfand 1402"', () => {
    expect(formatJalaliMonth('1403-01')).toBe('فروردین ۱۴۰۳');
    expect(formatJalaliMonth('1402-12', 'en')).toBe('Esfand 1402');
  });
});

describe('the period of channel statistics', () => {
  it('defaults to the last twelve months up to this one', () => {
    const p = sharePeriod({}, '1403-05');
    expect(p.ok && p.months).toEqual(jalaliMonthsBetween('1402-06', '1403-05'));
  });

  it('one end given: a year from the start (never past this month), or a year up to the end', () => {
    const fromOnly = sharePeriod({ fromMonth: '1403-01' }, '1403-05');
    expect(fromOnly.ok && fromOnly.months).toEqual(jalaliMonthsBetween('1403-01', '1403-05'));
    const toOnly = sharePeriod({ toMonth: '1402-12' }, '1403-05');
    expect(toOnly.ok && toOnly.months).toEqual(jalaliMonthsBetween('1402-01', '1402-12'));
  });

  it('an end before the start, or more than 24 months, is refused on toMonth', () => {
    expect(sharePeriod({ fromMonth: '1403-03', toMonth: '1403-02' }, '1403-05')).toEqual({
      ok: false,
      field: 'toMonth',
      problem: 'end_before_start',
    });
    expect(sharePeriod({ fromMonth: '1401-01', toMonth: '1403-01' }, '1403-05')).toEqual({
      ok: false,
      field: 'toMonth',
      problem: 'period_too_long',
    });
    const longest = sharePeriod({ fromMonth: '1401-02', toMonth: '1403-01' }, '1403-05');
    expect(longest.ok && longest.months.length).toBe(24);
  });
});

describe('channel share', () => {
  it('online share is online over all records, one decimal; no volume gives null, not 0%', () => {
    expect(onlineSharePercent(2, 1)).toBe(33.3);
    expect(onlineSharePercent(0, 5)).toBe(100);
    expect(onlineSharePercent(0, 0)).toBeNull();
  });

  it('series per service and month add office and online rows, with zeros where nothing was recorded', () => {
    const months = ['1403-01', '1403-02', '1403-03'];
    const series = shareSeries(
      months,
      ['brief', 'petition'],
      [
        { month: '1403-01', service: 'brief', channel: 'office', records: 30 },
        { month: '1403-01', service: 'brief', channel: 'online', records: 10 },
        { month: '1403-03', service: 'brief', channel: 'online', records: 5 },
        { month: '1403-02', service: 'petition', channel: 'office', records: 7 },
        { month: '1402-12', service: 'brief', channel: 'office', records: 99 }, // outside the period
        { month: '1403-01', service: 'appeal', channel: 'office', records: 99 }, // not asked for
      ],
    );
    expect(series).toEqual([
      { service: 'brief', office: [30, 0, 0], online: [10, 0, 5], onlineSharePercent: [25, null, 100] },
      { service: 'petition', office: [0, 7, 0], online: [0, 0, 0], onlineSharePercent: [null, 0, null] },
    ]);
  });

  it('province totals keep the order asked for and list provinces without volume', () => {
    expect(
      provinceShares(
        [1, 3],
        [
          { provinceId: 3, channel: 'office', records: 3 },
          { provinceId: 3, channel: 'online', records: 1 },
          { provinceId: 8, channel: 'online', records: 4 },
        ],
      ),
    ).toEqual([
      { provinceId: 1, office: 0, online: 0, onlineSharePercent: null },
      { provinceId: 3, office: 3, online: 1, onlineSharePercent: 25 },
    ]);
  });
});
