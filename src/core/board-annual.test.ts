import { describe, expect, it } from 'vitest';
import { belowQualityThreshold, jalaliYearMonths, lastFinishedYear, topMovers, yearQuality } from './board-annual';

describe('the year of an annual report', () => {
  it('is Farvardin to Esfand', () => {
    const months = jalaliYearMonths(1404);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('1404-01');
    expect(months[11]).toBe('1404-12');
  });
  it('has ended from 1 Farvardin of the next year (Nowruz 1405 = 21 March 2026), not the day before', () => {
    expect(lastFinishedYear('2026-03-21')).toBe(1404);
    expect(lastFinishedYear('2026-03-20')).toBe(1403);
    expect(lastFinishedYear('2026-05-05')).toBe(1404);
  });
});

describe('the top movers of the year', () => {
  const items = [
    { key: 'a', current: 1200, previous: 800 }, // +400, +50 %
    { key: 'b', current: 30, previous: 10 }, // +20, +200 %: a tiny office's tripling moves less
    { key: 'c', current: 500, previous: 900 }, // −400
    { key: 'd', current: 70, previous: 70 }, // unchanged: in neither list
    { key: 'e', current: 40, previous: 0 }, // new: +40, no percent
    { key: 'f', current: 420, previous: 20 }, // +400 as a, but fewer this year: after a
  ];
  it('are ordered by the change in count, ties to the larger count, and leave out the unchanged', () => {
    const { rising, falling } = topMovers(items, 3);
    expect(rising.map((m) => m.key)).toEqual(['a', 'f', 'e']);
    expect(rising[0]).toMatchObject({ change: 400, changePercent: 50 });
    expect(rising[2]).toMatchObject({ change: 40, changePercent: null });
    expect(falling.map((m) => m.key)).toEqual(['c']);
    expect(falling[0]).toMatchObject({ change: -400, changePercent: -44.4 });
  });
});

describe("an office's quality over the year", () => {
  it('is the mean of the months it was scored in', () => {
    expect(yearQuality([70, null, 55.5, 61, null])).toEqual({ score: 62.2, months: 3 });
    expect(yearQuality([null, null])).toBeNull();
  });
  it('is below the threshold of 60 only when scored in at least three months', () => {
    expect(belowQualityThreshold({ score: 59.9, months: 3 })).toBe(true);
    expect(belowQualityThreshold({ score: 60, months: 12 })).toBe(false);
    expect(belowQualityThreshold({ score: 40, months: 2 })).toBe(false);
    expect(belowQualityThreshold(null)).toBe(false);
  });
});
