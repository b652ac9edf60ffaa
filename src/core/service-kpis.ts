/**
 * The four service KPIs of the UK government service standard's mandatory set (digital take-up,
 * completion rate, cost per transaction, user satisfaction) and the thresholds the Central Digital
 * and Data Office calls "great": take-up above 79 %, completion above 80 %, satisfaction above 78 %.
 */
export const SERVICE_KPIS = ['digitalTakeUp', 'completionRate', 'costPerTransaction', 'userSatisfaction'] as const;
export type ServiceKpi = (typeof SERVICE_KPIS)[number];

/** The "great" thresholds, percent: a figure above the line meets it. Cost per transaction has none. */
export const KPI_TARGETS: Record<ServiceKpi, number | null> = {
  digitalTakeUp: 79,
  completionRate: 80,
  costPerTransaction: null,
  userSatisfaction: 78,
};

/** A part of a whole as a percent with one decimal; null when the whole is nothing. */
export function kpiPercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Whether a figure meets its "great" threshold (strictly above it); null when either is missing. */
export function meetsTarget(kpi: ServiceKpi, percent: number | null): boolean | null {
  const target = KPI_TARGETS[kpi];
  if (target == null || percent == null) return null;
  return percent > target;
}
