/**
 * The office cost model: each province's running-cost estimates behind break-even. Read by
 * oversight within its scope; a province's association edits its own province, national
 * oversight any; every edit is audited.
 */
import type { z } from 'zod';
import { monthlyCost, type OfficeCostDefaults } from '#core/office-costs';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import type { costDefaultSchema } from '#server/modules/tariffs/schemas';
import { costDefaultsForUpdate, costDefaultsOf, saveCostDefaults } from './store';

export type CostDefaultsView = z.infer<typeof costDefaultSchema>;

type Row = Awaited<ReturnType<typeof costDefaultsOf>>[number];

function toView(r: Row): CostDefaultsView {
  const d: OfficeCostDefaults = {
    operatorWageRials: r.operatorWageRials,
    insurancePercent: r.insurancePercent,
    operatorsPerOffice: r.operatorsPerOffice,
    rentRials: r.rentRials,
    otherRials: r.otherRials,
  };
  return {
    provinceId: r.provinceId,
    name: { fa: r.nameFa, en: r.nameEn },
    ...d,
    monthlyCostRials: monthlyCost(d),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  };
}

/** The provinces in the caller's scope, by id. */
export async function listCostModel(ctx: AppContext, actor: Actor): Promise<CostDefaultsView[]> {
  const scope = scopeFilter(actor, 'tariffs.cost-model.read');
  return (await costDefaultsOf(ctx.db, scope.all ? null : scope.provinceIds)).map(toView);
}

export async function updateCostModel(
  ctx: AppContext,
  actor: Actor,
  provinceId: number,
  values: OfficeCostDefaults,
): Promise<CostDefaultsView> {
  authorize(actor, 'tariffs.cost-model.manage', { provinceId });
  await ctx.db.transaction(async (tx) => {
    const before = await costDefaultsForUpdate(tx, provinceId);
    if (!before) throw new AppError('not_found');
    await saveCostDefaults(tx, provinceId, values, actor.userId, ctx.clock.now());
    await recordAudit(tx, actor, {
      action: 'tariffs.cost-model.update',
      entityType: 'office_cost_defaults',
      entityId: provinceId,
      provinceId,
      data: {
        before: {
          operatorWageRials: before.operatorWageRials,
          insurancePercent: Number(before.insurancePercent),
          operatorsPerOffice: before.operatorsPerOffice,
          rentRials: before.rentRials,
          otherRials: before.otherRials,
        },
        after: { ...values },
      },
    });
  });
  const [row] = await costDefaultsOf(ctx.db, [provinceId]);
  return toView(row);
}
