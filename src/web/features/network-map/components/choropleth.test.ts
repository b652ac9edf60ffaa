import { describe, expect, it } from 'vitest';
import { binColour, binOf, classBreaks, CLASS_COLOURS, legendLabels, NO_DATA_COLOUR } from './choropleth';

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

describe('legend labels', () => {
  const twoDecimals = (v: number) => v.toFixed(2);

  it("one province's value reads as one number, not a range from it to itself", () => {
    expect(legendLabels({ breaks: [0.0234], min: 0.0234, max: 0.0234 }, twoDecimals)).toEqual(['0.02']);
  });

  it('bins whose ends read the same at the shown precision read as one number; the others as ranges', () => {
    expect(legendLabels({ breaks: [0.021, 0.024, 0.5], min: 0.018, max: 0.5 }, twoDecimals)).toEqual([
      '0.02',
      '0.02',
      '0.02 – 0.50',
    ]);
  });

  it('no classes, no labels', () => {
    expect(legendLabels(null, twoDecimals)).toEqual([]);
  });
});
