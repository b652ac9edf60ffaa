import { describe, expect, it } from 'vitest';
import { binColour, binOf, classBreaks, CLASS_COLOURS, NO_DATA_COLOUR } from './choropleth';

describe('choropleth classes', () => {
  it('cuts values at quantiles and places each value in its bin', () => {
    const c = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(c!.breaks).toEqual([2, 4, 6, 8, 10]);
    expect(binOf(1, c)).toBe(0);
    expect(binOf(5, c)).toBe(2);
    expect(binOf(10, c)).toBe(4);
    expect(binOf(null, c)).toBe(-1);
  });
  it('collapses repeated values into fewer bins and spreads their colours', () => {
    const c = classBreaks([0, 0, 0, 0, 1]);
    expect(c!.breaks).toEqual([0, 1]);
    expect(binColour(0, 2)).toBe(CLASS_COLOURS[0]);
    expect(binColour(1, 2)).toBe(CLASS_COLOURS[4]);
    expect(binColour(-1, 2)).toBe(NO_DATA_COLOUR);
    expect(classBreaks([null])).toBeNull();
  });
});
