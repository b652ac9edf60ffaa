/** The court-cost rule set: read by anyone, maintained by the regulator with each rule's legal source. */
import { asc, eq } from 'drizzle-orm';
import { courtCosts, type CourtCostRule, type CourtCosts } from '#core/court-costs';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { findService } from '#server/modules/catalog/store';
import { courtCostRules } from './tables';

type Row = typeof courtCostRules.$inferSelect;

function toRule(r: Row): CourtCostRule {
  return {
    id: r.id,
    serviceCode: r.serviceCode,
    titleFa: r.titleFa,
    titleEn: r.titleEn,
    basis: r.basis,
    amountRials: r.amountRials,
    percent: r.percent == null ? null : Number(r.percent),
    minRials: r.minRials,
    maxRials: r.maxRials,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    source: r.source,
  };
}

export async function listCourtCostRules(db: Executor): Promise<CourtCostRule[]> {
  return (
    await db.select().from(courtCostRules).orderBy(asc(courtCostRules.serviceCode), asc(courtCostRules.effectiveFrom))
  ).map(toRule);
}

export async function courtCostsFor(
  db: Executor,
  request: { service: string; isoDate: string; claimValueRials?: number },
): Promise<CourtCosts> {
  return courtCosts(await listCourtCostRules(db), request);
}

export interface NewCourtCostRule {
  serviceCode: string;
  titleFa: string;
  titleEn: string;
  basis: 'fixed' | 'percent-of-claim';
  amountRials?: number;
  percent?: number;
  minRials?: number;
  maxRials?: number;
  effectiveFrom: string;
  effectiveTo?: string;
  source: string;
}

export async function addCourtCostRule(ctx: AppContext, actor: Actor, input: NewCourtCostRule): Promise<CourtCostRule> {
  authorize(actor, 'tariffs.court-costs.manage', {});
  if (!(await findService(ctx.db, input.serviceCode))) throw invalidField('serviceCode', 'unknown_service');
  if (input.basis === 'fixed' && input.amountRials == null) throw invalidField('amountRials', 'required');
  if (input.basis === 'percent-of-claim' && input.percent == null) throw invalidField('percent', 'required');
  if (input.minRials != null && input.maxRials != null && input.minRials > input.maxRials)
    throw invalidField('maxRials', 'too_small');
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) throw invalidField('effectiveTo', 'too_small');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(courtCostRules)
      .values({
        serviceCode: input.serviceCode,
        titleFa: input.titleFa,
        titleEn: input.titleEn,
        basis: input.basis,
        amountRials: input.basis === 'fixed' ? input.amountRials : null,
        percent: input.basis === 'percent-of-claim' ? String(input.percent) : null,
        minRials: input.minRials ?? null,
        maxRials: input.maxRials ?? null,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
        source: input.source,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'tariffs.court-cost-rule.add',
      entityType: 'court_cost_rule',
      entityId: row.id,
      data: { ...input },
    });
    return toRule(row);
  });
}

export async function removeCourtCostRule(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'tariffs.court-costs.manage', {});
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(courtCostRules).where(eq(courtCostRules.id, id)).returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      action: 'tariffs.court-cost-rule.remove',
      entityType: 'court_cost_rule',
      entityId: id,
      data: toRule(row) as unknown as Record<string, unknown>,
    });
  });
}
