import { describe, expect, it } from 'vitest';
import { keepTotal, keptTotal, LARGE_TOTAL } from './large-totals';

describe('large staff-search totals', () => {
  it('keeps a large total for a few seconds, then forgets it', () => {
    keepTotal('nation', 13_764, 1_000);
    expect(keptTotal('nation', 1_000 + 14_000)).toBe(13_764);
    expect(keptTotal('nation', 1_000 + 16_000)).toBeNull();
    expect(keptTotal('nation', 1_000 + 14_000)).toBeNull();
  });

  it('never keeps a small total: those are always counted afresh', () => {
    keepTotal('office 1', LARGE_TOTAL - 1, 1_000);
    expect(keptTotal('office 1', 1_001)).toBeNull();
    keepTotal('province 1', LARGE_TOTAL, 1_000);
    expect(keptTotal('province 1', 1_001)).toBe(LARGE_TOTAL);
  });
});
