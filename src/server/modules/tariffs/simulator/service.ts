/**
 * The revision simulator's use cases: run a draft schedule against a period of recorded volume
 * (from the monthly rollup), keep the run for the board, list and read saved runs.
 */
import type { z } from 'zod';
import { scheduleInForce, type TariffSchedule } from '#core/fees';
import { formatJalaliMonth, jalaliMonthsBetween, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import type { OfficeCostDefaults } from '#core/office-costs';
import { simulateTariff, simulationAssumptions } from '#core/tariff-simulation';
import type { Actor } from '#server/platform/auth/actor';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import type { simulationBody, simulationListItem, simulationResultSchema } from '#server/modules/tariffs/schemas';
import { approvedSchedules } from '#server/modules/tariffs/store';
import {
  costDefaultsOf,
  insertSimulation,
  listSimulations,
  officesForSimulation,
  provinceNamesOf,
  scheduleWithLines,
  serviceTitles,
  simulationById,
  volumeOfPeriod,
} from './store';

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

export async function listSavedSimulations(
  ctx: AppContext,
  actor: Actor,
  query: { scheduleId?: number; provinceId?: number; limit: number; offset: number },
): Promise<{ items: SimulationListItem[]; total: number }> {
  const scope = scopeFilter(actor, 'tariffs.simulations.read');
  // A province outside one's scope is refused, as documented, not answered with an empty list.
  if (query.provinceId != null && !can(actor, 'tariffs.simulations.read', { provinceId: query.provinceId }))
    throw new AppError('forbidden');
  const { rows, total } = await listSimulations(ctx.db, scope, query, query.limit, query.offset);
  return {
    total,
    items: rows.map((r) => {
      const t = r.result as SimulationResult['totals'];
      const p = r.params as { fromMonth: string; toMonth: string };
      return {
        id: r.id,
        scheduleId: r.scheduleId,
        scheduleCode: r.scheduleCode ?? '',
        baselineCode: r.baselineCode ?? '',
        fromMonth: p.fromMonth,
        toMonth: p.toMonth,
        provinceId: r.provinceId,
        citizenCostChangeRials: t.citizenCostAfterRials - t.citizenCostBeforeRials,
        officeRevenueChangeRials: t.officeRevenueAfterRials - t.officeRevenueBeforeRials,
        belowBreakEvenBefore: t.belowBreakEvenBefore,
        belowBreakEvenAfter: t.belowBreakEvenAfter,
        createdAt: r.createdAt.toISOString(),
        createdBy: r.createdByName ?? '',
      };
    }),
  };
}

export type SimulationRequest = z.output<typeof simulationBody>;

/** The longest period a run covers. */
const MAX_SIMULATION_MONTHS = 24;

/**
 * The province a run is for: the one asked for (within the caller's scope), or the nation for
 * national oversight, or a province association's own province.
 */
function runScope(actor: Actor, asked: number | undefined): number | null {
  if (asked != null) {
    authorize(actor, 'tariffs.simulate', { provinceId: asked });
    return asked;
  }
  if (can(actor, 'tariffs.simulate', {})) return null;
  const roles = PERMISSIONS['tariffs.simulate'] as readonly string[];
  const own = actor.grants.find(
    (g) => roles.includes(g.role) && g.scope.kind === 'province' && g.scope.provinceId != null,
  );
  if (!own) throw new AppError('forbidden');
  return own.scope.provinceId!;
}

const summary = (s: TariffSchedule & { status: 'draft' | 'approved' }) => ({
  id: s.id,
  code: s.code,
  titleFa: s.titleFa,
  titleEn: s.titleEn,
  status: s.status,
});

/**
 * Runs a schedule against the recorded volume of a period (the monthly rollup, one grouping
 * query) and the office cost model; saves the run for the board when asked.
 */
export async function runSimulation(ctx: AppContext, actor: Actor, body: SimulationRequest): Promise<SimulationResult> {
  const provinceId = runScope(actor, body.provinceId);
  const months = jalaliMonthsBetween(body.fromMonth, body.toMonth);
  if (months.length === 0) throw invalidField('toMonth', 'end_before_start');
  if (months.length > MAX_SIMULATION_MONTHS) throw invalidField('toMonth', 'period_too_long');
  const provinceNames = await provinceNamesOf(ctx.db, provinceId != null ? [provinceId] : null);
  if (provinceId != null && provinceNames.length === 0) throw invalidField('provinceId', 'invalid_value');

  const schedule = await scheduleWithLines(ctx.db, body.scheduleId);
  if (!schedule) throw invalidField('scheduleId', 'invalid_value');
  const today = tehranIsoDate(ctx.clock.now());
  let baseline: (TariffSchedule & { status: 'draft' | 'approved' }) | null;
  if (body.baselineScheduleId != null) {
    baseline = await scheduleWithLines(ctx.db, body.baselineScheduleId);
    if (!baseline) throw invalidField('baselineScheduleId', 'invalid_value');
  } else {
    const inForce = scheduleInForce(await approvedSchedules(ctx.db), today);
    if (!inForce) throw new AppError('no_tariff_in_force', { extra: { date: today } });
    baseline = { ...inForce, status: 'approved' };
  }

  const titles = new Map((await serviceTitles(ctx.db)).map((t) => [t.code, t]));
  body.channelMoves.forEach((m, i) => {
    if (!titles.has(m.service)) throw invalidField(`channelMoves.${i}.service`, 'unknown_service');
  });

  const period = {
    fromIso: jalaliMonthStartIso(months[0]),
    toIso: jalaliMonthStartIso(months[months.length - 1]),
    provinceId,
  };
  // Independent reads: on PostgreSQL they run side by side on the pool.
  const [volumes, offices, costRows] = await Promise.all([
    volumeOfPeriod(ctx.db, period),
    officesForSimulation(ctx.db, { ...period, today }),
    costDefaultsOf(ctx.db, provinceId != null ? [provinceId] : null),
  ]);
  if (volumes.length === 0)
    throw new AppError('simulation_no_volume', { extra: { fromMonth: body.fromMonth, toMonth: body.toMonth } });
  const costs = new Map<number, OfficeCostDefaults>(costRows.map((c) => [c.provinceId, c]));

  const outcome = simulateTariff({
    volumes,
    baseline,
    schedule,
    months: months.length,
    costs,
    moves: body.channelMoves,
    offices: offices.map((o) => ({ id: o.id, provinceId: o.provinceId, operators: o.operators || null })),
  });

  const officeById = new Map(offices.map((o) => [o.id, o]));
  const names = new Map(provinceNames.map((p) => [p.id, { fa: p.nameFa, en: p.nameEn }]));
  const inScope = new Set(outcome.provinces.map((p) => p.provinceId));
  const assumptions = simulationAssumptions({
    fromMonthFa: formatJalaliMonth(months[0], 'fa'),
    toMonthFa: formatJalaliMonth(months[months.length - 1], 'fa'),
    fromMonthEn: formatJalaliMonth(months[0], 'en'),
    toMonthEn: formatJalaliMonth(months[months.length - 1], 'en'),
    months: months.length,
    costs: costRows.filter((c) => inScope.has(c.provinceId)),
    moves: body.channelMoves.map((m) => ({
      ...m,
      titleFa: titles.get(m.service)!.titleFa,
      titleEn: titles.get(m.service)!.titleEn,
    })),
    unpricedIn: outcome.unpricedIn,
  });
  const order = (code: string) => titles.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;

  const result: Omit<SimulationResult, 'id' | 'createdAt' | 'createdBy'> = {
    schedule: summary(schedule),
    baseline: summary(baseline),
    fromMonth: months[0],
    toMonth: months[months.length - 1],
    months: months.length,
    provinceId,
    channelMoves: body.channelMoves,
    totals: outcome.totals,
    services: outcome.services
      .map((s) => ({
        ...s,
        titleFa: titles.get(s.service)?.titleFa ?? s.service,
        titleEn: titles.get(s.service)?.titleEn ?? s.service,
      }))
      .sort((a, b) => order(a.service) - order(b.service) || a.service.localeCompare(b.service)),
    provinces: outcome.provinces.map((p) => ({
      ...p,
      name: names.get(p.provinceId) ?? { fa: String(p.provinceId), en: String(p.provinceId) },
    })),
    offices: outcome.offices.map((o) => ({
      ...o,
      officeNumber: officeById.get(o.officeId)?.code ?? String(o.officeId),
      name: officeById.get(o.officeId)?.nameFa ?? '',
    })),
    assumptions,
  };

  const now = ctx.clock.now();
  if (!body.save)
    return {
      ...result,
      id: null,
      createdAt: now.toISOString(),
      createdBy: { userId: actor.userId, name: actor.displayName },
    };
  const saved = await insertSimulation(ctx.db, {
    scheduleId: schedule.id,
    baselineScheduleId: baseline.id,
    provinceId,
    params: {
      ...body,
      provinceId,
      fromMonth: result.fromMonth,
      toMonth: result.toMonth,
      baselineScheduleId: baseline.id,
    },
    result,
    createdBy: actor.userId,
    createdAt: now,
  });
  return {
    ...result,
    id: saved.id,
    createdAt: saved.createdAt.toISOString(),
    createdBy: { userId: actor.userId, name: actor.displayName },
  };
}
