/**
 * The revision simulator's use cases: run a draft schedule against a period of recorded volume
 * (from the monthly rollup), keep the run for the board, list and read saved runs.
 */
import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor';
import { authorize, scopeFilter } from '../../../platform/auth/policy';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors/app-error';
import type { simulationListItem, simulationResultSchema } from '../schemas';
import { listSimulations, simulationById } from './store';

export type SimulationResult = z.infer<typeof simulationResultSchema>;
export type SimulationListItem = z.infer<typeof simulationListItem>;

/** A saved run as it was computed, for a reader whose scope covers its province (national runs: national scopes). */
export async function getSimulation(ctx: AppContext, actor: Actor, id: number): Promise<SimulationResult> {
  scopeFilter(actor, 'tariffs.simulations.read');
  const row = await simulationById(ctx.db, id);
  if (!row) throw new AppError('not_found');
  authorize(actor, 'tariffs.simulations.read', { provinceId: row.provinceId });
  const result = row.result as Omit<SimulationResult, 'id' | 'createdAt' | 'createdBy'>;
  return {
    ...result,
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdBy: { userId: row.createdBy, name: row.createdByName ?? '' },
  };
}

export async function listSavedSimulations(ctx: AppContext, actor: Actor, query: { scheduleId?: number; provinceId?: number; limit: number; offset: number }): Promise<{ items: SimulationListItem[]; total: number }> {
  const scope = scopeFilter(actor, 'tariffs.simulations.read');
  const { rows, total } = await listSimulations(ctx.db, scope, query, query.limit, query.offset);
  return {
    total,
    items: rows.map((r) => {
      const t = r.result as SimulationResult['totals'];
      const p = r.params as { fromMonth: string; toMonth: string };
      return {
        id: r.id, scheduleId: r.scheduleId, scheduleCode: r.scheduleCode ?? '', baselineCode: r.baselineCode ?? '',
        fromMonth: p.fromMonth, toMonth: p.toMonth, provinceId: r.provinceId,
        citizenCostChangeRials: t.citizenCostAfterRials - t.citizenCostBeforeRials,
        officeRevenueChangeRials: t.officeRevenueAfterRials - t.officeRevenueBeforeRials,
        belowBreakEvenBefore: t.belowBreakEvenBefore, belowBreakEvenAfter: t.belowBreakEvenAfter,
        createdAt: r.createdAt.toISOString(), createdBy: r.createdByName ?? '',
      };
    }),
  };
}
