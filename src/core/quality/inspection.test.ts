import { describe, expect, it } from 'vitest';
import { INSPECTION_ITEM_KEYS, INSPECTION_ITEMS, type InspectionItem, inspectionResult } from './inspection';

const all = (passed: boolean) =>
  Object.fromEntries(INSPECTION_ITEM_KEYS.map((k) => [k, { passed }])) as Record<InspectionItem, { passed: boolean }>;

describe('an inspection’s result', () => {
  it('weighs the checklist to exactly 100', () => {
    expect(Object.values(INSPECTION_ITEMS).reduce((s, w) => s + w, 0)).toBe(100);
  });

  it('is the weight of the items passed', () => {
    expect(inspectionResult(all(true))).toBe(100);
    expect(inspectionResult(all(false))).toBe(0);
    // An operator without a valid licence (20) and a broken camera (10): 100 − 20 − 10 = 70.
    expect(
      inspectionResult({ ...all(true), staffLicences: { passed: false }, videoEquipment: { passed: false } }),
    ).toBe(70);
  });
});
