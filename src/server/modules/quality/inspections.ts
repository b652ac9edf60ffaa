/**
 * Inspections of an office by its province's association (docs/decisions/0050): recorded by an
 * inspector or the association's staff whose province holds the office (the nation's for any),
 * audited in the same transaction, and counted in the score of the month of the visit.
 */
import { tehranIsoDate } from '#core/jalali';
import {
  INSPECTION_ITEM_KEYS,
  type InspectionItem,
  type InspectionKind,
  type InspectionVerdict,
  type ItemFinding,
  inspectionResult,
} from '#core/quality/inspection';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, authorizeVisible } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import * as store from './store';

export interface InspectionInput {
  inspectedOn: { jalali: string; iso: string };
  kind?: InspectionKind;
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
  const kind = input.kind ?? 'scheduled';
  const id = await ctx.db.transaction(async (tx) => {
    const id = await store.insertInspection(tx, {
      officeId,
      provinceId: office.provinceId,
      inspectedOn: input.inspectedOn.iso,
      items,
      result,
      verdict: input.verdict,
      note,
      kind,
      inspectorUserId: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'quality.inspection.record',
      entityType: 'quality_inspection',
      entityId: id,
      provinceId: office.provinceId,
      officeId,
      data: { inspectedOn: input.inspectedOn.iso, kind, result, verdict: input.verdict, items },
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
    kind,
    answers: null,
    answeredAt: null,
  };
}

type Day = { jalali: string; iso: string };

/**
 * The office manager's answer to an inspection of their office: for every failed item a corrective
 * action and the day it will be done by (not before the visit); once, audited. An item that passed
 * takes no answer; a failed one left out is named.
 */
export async function answerInspection(
  ctx: AppContext,
  actor: Actor,
  inspectionId: number,
  input: { answers: Partial<Record<InspectionItem, { action: string; dueOn: Day }>> },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await store.findInspection(tx, inspectionId, true);
    if (!row) throw new AppError('not_found');
    const resource = { officeId: row.officeId, provinceId: row.provinceId };
    authorizeVisible(actor, 'quality.scores', resource);
    authorize(actor, 'quality.inspections.answer', resource);
    if (row.answeredAt) throw new AppError('inspection_already_answered');
    const fields = [];
    for (const k of INSPECTION_ITEM_KEYS) {
      const a = input.answers[k];
      if (row.items[k].passed && a) fields.push(fieldError(`answers.${k}`, 'inspection_item_passed'));
      else if (!row.items[k].passed && !a) fields.push(fieldError(`answers.${k}`, 'corrective_action_required'));
      else if (a && a.dueOn.iso < row.inspectedOn)
        fields.push(fieldError(`answers.${k}.dueOn`, 'date_before_inspection'));
    }
    if (fields.length) throw new AppError('validation_failed', { fields });
    const answers = Object.fromEntries(
      INSPECTION_ITEM_KEYS.filter((k) => input.answers[k]).map((k) => [
        k,
        { action: input.answers[k]!.action.trim(), dueOn: input.answers[k]!.dueOn.iso },
      ]),
    ) as Partial<Record<InspectionItem, { action: string; dueOn: string }>>;
    const now = ctx.clock.now();
    await store.saveInspectionAnswer(tx, inspectionId, { answers, at: now, by: actor.userId });
    await recordAudit(tx, actor, {
      action: 'quality.inspection.answer',
      entityType: 'quality_inspection',
      entityId: inspectionId,
      provinceId: row.provinceId,
      officeId: row.officeId,
      data: { answers },
    });
    const office = (await store.findOffice(tx, row.officeId))!;
    return {
      id: Number(row.id),
      office,
      inspectedOn: row.inspectedOn,
      items: row.items,
      result: row.result,
      verdict: row.verdict,
      note: row.note,
      kind: row.kind,
      answers,
      answeredAt: now.toISOString(),
    };
  });
}
