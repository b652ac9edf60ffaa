/**
 * What pulled an office's month down, as the reasons its score page names (docs/decisions/0076).
 *
 * Components below the province's mean by a clear margin (`pulledDown` of the score) are one kind
 * of reason, but they cannot name a failed inspection: an office is visited once or twice a year,
 * so one visit is one observation against the province's prior of up to hundreds, and when it is
 * the province's only visit that month it *is* the province's mean. A failed inspection is a signed
 * finding, not a sample, so it is named by itself, as a fact of the month, before the components.
 */
import { INSPECTION_ITEM_KEYS, type InspectionItem, type InspectionVerdict, type ItemFinding } from './inspection';
import type { ScoreComponent } from './score';

/** An inspection passing less than this share of the checklist's weight (0–100) failed. */
const INSPECTION_PASS_MARK = 60;

/** An inspection as the month recorded it. */
export interface InspectionFact {
  id: number;
  inspectedOn: string;
  result: number;
  verdict: InspectionVerdict;
  items: Record<InspectionItem, ItemFinding>;
}

/** One reason the score is lower than it could be. */
export type ScoreReason =
  | {
      kind: 'inspectionFailed';
      inspectionId: number;
      inspectedOn: string;
      result: number;
      /** The checklist's items the office failed, in the checklist's order. */
      failedItems: InspectionItem[];
    }
  | { kind: 'component'; component: ScoreComponent; points: number };

/**
 * Did the office fail this visit: below the pass mark, or judged unsatisfactory by the inspector
 * (whose verdict the score does not count, but which is a finding the office must read).
 */
export function inspectionFailed(i: Pick<InspectionFact, 'result' | 'verdict'>): boolean {
  return i.result < INSPECTION_PASS_MARK || i.verdict === 'unsatisfactory';
}

/**
 * The month's reasons, most serious first: each failed inspection (the latest visit first), then
 * each component that pulled the score down (most points first, as the score orders them).
 */
export function scoreReasons(
  pulledDown: readonly { component: ScoreComponent; points: number }[],
  inspections: readonly InspectionFact[],
): ScoreReason[] {
  const failed = inspections
    .filter(inspectionFailed)
    .sort((a, b) => (a.inspectedOn === b.inspectedOn ? b.id - a.id : a.inspectedOn < b.inspectedOn ? 1 : -1))
    .map(
      (i): ScoreReason => ({
        kind: 'inspectionFailed',
        inspectionId: i.id,
        inspectedOn: i.inspectedOn,
        result: i.result,
        failedItems: INSPECTION_ITEM_KEYS.filter((k) => !i.items[k].passed),
      }),
    );
  const components = [...pulledDown]
    .sort((a, b) => a.points - b.points)
    .map((c): ScoreReason => ({ kind: 'component', component: c.component, points: c.points }));
  return [...failed, ...components];
}
