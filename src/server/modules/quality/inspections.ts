/**
 * Inspections of an office by its province's association (docs/decisions/0050): recorded by an
 * inspector or the association's staff whose province holds the office (the nation's for any),
 * audited in the same transaction, and counted in the score of the month of the visit.
 */
import { tehranIsoDate } from '#core/jalali';
import {
  INSPECTION_ITEM_KEYS,
  type InspectionItem,
  type InspectionVerdict,
  type ItemFinding,
  inspectionResult,
} from '#core/quality/inspection';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, authorizeVisible } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import * as store from './store';

export interface InspectionInput {
  inspectedOn: { jalali: string; iso: string };
  items: Record<InspectionItem, ItemFinding>;
  verdict: InspectionVerdict;
  note?: string | null;
}

export async function recordInspection(ctx: AppContext, actor: Actor, officeId: number, input: InspectionInput) {
  const office = await store.findOffice(ctx.db, officeId);
  if (!office) throw new AppError('not_found');
  const resource = { officeId, provinceId: office.provinceId };
  // Whoever may not see the office's quality is told it does not exist; its manager sees it but may not inspect it.
  authorizeVisible(actor, 'quality.scores', resource);
  authorize(actor, 'quality.inspections.record', resource);
  if (input.inspectedOn.iso > tehranIsoDate(ctx.clock.now())) throw invalidField('inspectedOn', 'date_in_future');
  const items = Object.fromEntries(
    INSPECTION_ITEM_KEYS.map((k) => [k, { passed: input.items[k].passed, note: input.items[k].note?.trim() || null }]),
  ) as Record<InspectionItem, { passed: boolean; note: string | null }>;
  const result = inspectionResult(items);
  const note = input.note?.trim() || null;
  const id = await ctx.db.transaction(async (tx) => {
    const id = await store.insertInspection(tx, {
      officeId,
      provinceId: office.provinceId,
      inspectedOn: input.inspectedOn.iso,
      items,
      result,
      verdict: input.verdict,
      note,
      inspectorUserId: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'quality.inspection.record',
      entityType: 'quality_inspection',
      entityId: id,
      provinceId: office.provinceId,
      officeId,
      data: { inspectedOn: input.inspectedOn.iso, result, verdict: input.verdict, items },
    });
    return id;
  });
  return {
    id,
    office,
    inspectedOn: input.inspectedOn.iso,
    items,
    result,
    verdict: input.verdict,
    note,
  };
}
