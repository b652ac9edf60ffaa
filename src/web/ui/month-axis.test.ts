import { describe, expect, it } from 'vitest';
import { monthAxisLabels, monthLabelRotation } from './month-axis';

describe("the month charts' axis", () => {
  it('names each month, with the year on the first month and where the year turns', () => {
    expect(monthAxisLabels(['1404-11', '1404-12', '1405-01', '1405-02'], 'fa')).toEqual([
      'بهمن ۱۴۰۴',
      'اسفند',
      'فروردین ۱۴۰۵',
      'اردیبهشت',
    ]);
    expect(monthAxisLabels(['1404-11', '1405-01'], 'en')).toEqual(['Bah 1404', 'Far 1405']);
  });
  it('turns the labels as the room per month shrinks: flat, slanted, standing', () => {
    // Twelve months on a desk's full width, a half-width card, a 360 px phone.
    expect(monthLabelRotation(1000, 12)).toBe(0);
    expect(monthLabelRotation(420, 12)).toBe(45);
    expect(monthLabelRotation(230, 12)).toBe(90);
    expect(monthLabelRotation(230, 2)).toBe(0);
  });
});
