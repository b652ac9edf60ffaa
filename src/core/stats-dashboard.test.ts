import { describe, expect, it } from 'vitest';
import { changePercent, yearBefore } from './stats-dashboard';

describe('the same period a year before', () => {
  it('shifts every month back twelve, across the turn of the year', () => {
    expect(yearBefore(['1404-11', '1404-12', '1405-01'])).toEqual(['1403-11', '1403-12', '1404-01']);
  });
});

describe('change from the year before', () => {
  it('is the rise or fall in percent with one decimal', () => {
    expect(changePercent(150, 120)).toBe(25);
    expect(changePercent(2, 3)).toBe(-33.3);
    expect(changePercent(7, 7)).toBe(0);
  });
  it('is null when there was nothing a year before', () => {
    expect(changePercent(5, 0)).toBeNull();
  });
});
