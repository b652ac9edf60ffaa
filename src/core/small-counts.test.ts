import { describe, expect, it } from 'vitest';
import { isSmallCount, suppressedCells, type SumLine } from './small-counts';

const cells = (o: Record<string, number>) => new Map(Object.entries(o));

/** Whatever is hidden, no hidden member of a published sum equals the total minus the shown parts. */
function recoverable(lines: SumLine[], hidden: Set<string>): string[] {
  return lines.flatMap((l) => {
    const members = [l.total, ...l.parts];
    const h = members.filter((k) => hidden.has(k));
    return h.length === 1 ? h : [];
  });
}

describe('small-count suppression', () => {
  it('counts from 1 to 4 are small; zero and five are published', () => {
    expect([0, 1, 4, 5, 120].map((n) => isSmallCount(n))).toEqual([false, true, true, false, false]);
  });

  it('a tiny office beside a published province total hides the next smallest office too', () => {
    // A province with three offices in a month: 3 + 40 + 57 = 100, the province's 100 is published.
    const values = cells({ P: 100, a: 3, b: 40, c: 57 });
    const lines = [{ total: 'P', parts: ['a', 'b', 'c'] }];
    const hidden = suppressedCells(values, lines);
    expect([...hidden].sort()).toEqual(['a', 'b']);
    // 100 − 57 = 43 says only that a and b make 43 together.
    expect(recoverable(lines, hidden)).toEqual([]);
  });

  it('two small offices already hide each other; nothing more is hidden', () => {
    const values = cells({ P: 100, a: 3, b: 2, c: 95 });
    const hidden = suppressedCells(values, [{ total: 'P', parts: ['a', 'b', 'c'] }]);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('a small province total with a lone office hides both, as they are the same count', () => {
    const values = cells({ P: 4, a: 4 });
    expect([...suppressedCells(values, [{ total: 'P', parts: ['a'] }])].sort()).toEqual(['P', 'a']);
  });

  it('zeros are shown and are not picked while a count above zero can be', () => {
    const values = cells({ P: 48, a: 3, z: 0, b: 45 });
    const hidden = suppressedCells(values, [{ total: 'P', parts: ['a', 'z', 'b'] }]);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('a cell hidden for one sum is carried into every other sum it belongs to', () => {
    // b is hidden to protect a in the rows; the column sum b + d = Q then needs d hidden too.
    const values = cells({ R: 50, a: 2, b: 48, Q: 60, d: 12, e: 30, f: 30, S: 60 });
    const lines: SumLine[] = [
      { total: 'R', parts: ['a', 'b'] },
      { total: 'Q', parts: ['b', 'd'] },
      { total: 'S', parts: ['e', 'f'] },
    ];
    const hidden = suppressedCells(values, lines);
    expect([...hidden].sort()).toEqual(['a', 'b', 'd']);
    expect(recoverable(lines, hidden)).toEqual([]);
  });

  it('the same figures always hide the same cells (ties go to the first key)', () => {
    const values = cells({ P: 23, a: 3, c: 10, b: 10 });
    const lines = [{ total: 'P', parts: ['a', 'c', 'b'] }];
    expect([...suppressedCells(values, lines)].sort()).toEqual(['a', 'b']);
  });

  it('on random tables no hidden cell is ever left alone in a published sum', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const values = new Map<string, number>();
      const lines: SumLine[] = [];
      for (let p = 0; p < 4; p++) {
        const parts: string[] = [];
        let sum = 0;
        for (let o = 0; o < 1 + Math.floor(rand() * 4); o++) {
          const v = rand() < 0.3 ? Math.floor(rand() * 5) : Math.floor(rand() * 60);
          values.set(`p${p}o${o}`, v);
          parts.push(`p${p}o${o}`);
          sum += v;
        }
        values.set(`p${p}`, sum);
        lines.push({ total: `p${p}`, parts });
      }
      const hidden = suppressedCells(values, lines);
      expect(recoverable(lines, hidden)).toEqual([]);
      for (const [k, v] of values) if (v > 0 && v < 5) expect(hidden.has(k)).toBe(true);
    }
  });
});
