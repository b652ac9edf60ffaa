/**
 * An inspection of an office by its province's association (docs/decisions/0050): a fixed
 * checklist, each item passed or failed with a note, and the share of the checklist's weight the
 * office passed, 0–100, which is what the score's `inspection` component counts. The inspector's
 * overall verdict is recorded beside it as their judgement; the score does not read it, so two
 * inspectors who saw the same failures give the office the same figure.
 */

/**
 * The items, in the order the form shows them, and each one's weight (summing to 100). What the
 * public and the citizen's rights depend on weighs more than the equipment: an unlicensed operator
 * or a counter where others overhear a case is worse than a missing camera.
 */
export const INSPECTION_ITEMS = {
  /** The office's sign and its licence from the judiciary displayed where a visitor sees them. */
  signageAndLicence: 15,
  /** The approved tariff of services posted for visitors. */
  tariffPosted: 15,
  /** Tickets issued and called in order; the waiting screen works. */
  queueTicketing: 10,
  /** A counter where a citizen's case is not overheard or overseen by others. */
  counterPrivacy: 15,
  /** Every operator at the counter holds a valid licence (registry and training). */
  staffLicences: 20,
  /** Camera, microphone and link for video hearings and consultations in working order. */
  videoEquipment: 10,
  /** Access for people with disabilities and the elderly; a seat while waiting. */
  accessibility: 15,
} as const;

export type InspectionItem = keyof typeof INSPECTION_ITEMS;
export const INSPECTION_ITEM_KEYS = Object.keys(INSPECTION_ITEMS) as InspectionItem[];

/**
 * How the visit was made: scheduled (the office told beforehand), unannounced, or by a mystery
 * shopper who is served as a citizen and says who they are only after (docs/decisions/0063).
 */
export const INSPECTION_KINDS = ['scheduled', 'unannounced', 'mystery_shopper'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** The inspector's overall verdict. */
export const INSPECTION_VERDICTS = ['satisfactory', 'needs_improvement', 'unsatisfactory'] as const;
export type InspectionVerdict = (typeof INSPECTION_VERDICTS)[number];

export interface ItemFinding {
  passed: boolean;
  note?: string | null;
}

/** The share of the checklist's weight the office passed, 0–100 (whole numbers: the weights are). */
export function inspectionResult(items: Record<InspectionItem, ItemFinding>): number {
  return INSPECTION_ITEM_KEYS.reduce((s, k) => s + (items[k].passed ? INSPECTION_ITEMS[k] : 0), 0);
}
