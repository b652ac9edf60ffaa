import { describe, expect, it } from 'vitest';
import { latestSureStars } from './stars';

describe("the finder's stars", () => {
  it('come from the latest month when it has enough data', () => {
    expect(
      latestSureStars([
        { month: '1405-02', stars: 3.5, ratings: 12 },
        { month: '1405-01', stars: 4.5, ratings: 30 },
      ]),
    ).toEqual({ month: '1405-02', stars: 3.5, ratings: 12 });
  });

  it('skip a sparse latest month for the latest one with enough data, with that month’s ratings', () => {
    expect(
      latestSureStars([
        { month: '1405-03', stars: null, ratings: 1 },
        { month: '1405-02', stars: null, ratings: 0 },
        { month: '1405-01', stars: 4, ratings: 25 },
        { month: '1404-12', stars: 2, ratings: 40 },
      ]),
    ).toEqual({ month: '1405-01', stars: 4, ratings: 25 });
  });

  it('say "not enough data" for the latest month when no month in the window has enough', () => {
    expect(
      latestSureStars([
        { month: '1405-03', stars: null, ratings: 2 },
        { month: '1405-02', stars: null, ratings: 1 },
      ]),
    ).toEqual({ month: '1405-03', stars: null, ratings: 2 });
    expect(latestSureStars([])).toBeNull();
  });
});
