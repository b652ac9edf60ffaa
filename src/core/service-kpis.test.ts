/**
 * The service standard's KPIs: percent with one decimal and the CDDO "great" thresholds (take-up
 * > 79 %, completion > 80 %, satisfaction > 78 %, as the issue quotes them).
 */
import { describe, expect, it } from 'vitest';
import { KPI_TARGETS, kpiPercent, meetsTarget } from './service-kpis';

describe('service KPIs', () => {
  it('a percent of one decimal, none of nothing', () => {
    expect(kpiPercent(2, 3)).toBe(66.7);
    expect(kpiPercent(4, 5)).toBe(80);
    expect(kpiPercent(0, 0)).toBeNull();
  });

  it('the great thresholds, strictly above; cost per transaction has none', () => {
    expect(KPI_TARGETS).toEqual({
      digitalTakeUp: 79,
      completionRate: 80,
      costPerTransaction: null,
      userSatisfaction: 78,
    });
    expect(meetsTarget('digitalTakeUp', 79)).toBe(false);
    expect(meetsTarget('digitalTakeUp', 79.1)).toBe(true);
    expect(meetsTarget('completionRate', 80)).toBe(false);
    expect(meetsTarget('userSatisfaction', 78.5)).toBe(true);
    expect(meetsTarget('userSatisfaction', null)).toBeNull();
    expect(meetsTarget('costPerTransaction', 50)).toBeNull();
  });
});
