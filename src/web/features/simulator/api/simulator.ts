/** The revision simulator's API: schedules to pick, runs (new and saved), their exports, and the office cost model. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '#web/app/api-client.ts';
import type { channelMoveSchema, costDefaultSchema, scheduleSummarySchema, simulationListItem, simulationResultSchema } from '#server/modules/tariffs/schemas';

/** The wire types, from the server's own schemas (types only: nothing of zod reaches the bundle). */
export type ScheduleSummary = Pick<z.infer<typeof scheduleSummarySchema>, 'id' | 'code' | 'titleFa' | 'titleEn' | 'status' | 'effectiveFrom' | 'effectiveFromJalali' | 'effectiveTo' | 'state'>;
export type ChannelMove = z.infer<typeof channelMoveSchema>;
export type SimulationResult = z.infer<typeof simulationResultSchema>;
export type ServiceResult = SimulationResult['services'][number];
export type ProvinceResult = SimulationResult['provinces'][number];
export type OfficeResult = SimulationResult['offices'][number];
export type SimulationListItem = z.infer<typeof simulationListItem>;
export type CostDefaults = z.infer<typeof costDefaultSchema>;

/** What the form sends (a schedule is picked before running). */
export interface SimulationInput {
  scheduleId: number | null;
  baselineScheduleId?: number | null;
  fromMonth: string;
  toMonth: string;
  provinceId?: number | null;
  channelMoves: ChannelMove[];
}

export type CostDefaultsInput = Pick<CostDefaults, 'operatorWageRials' | 'insurancePercent' | 'operatorsPerOffice' | 'rentRials' | 'otherRials'>;

export function useSchedules() {
  return useQuery({
    queryKey: ['tariffs', 'schedules', 'all'],
    queryFn: ({ signal }) => api<{ items: ScheduleSummary[] }>('/api/v1/tariffs/schedules', { params: { status: 'all' }, signal }),
  });
}

export function useRunSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SimulationInput) => {
      const body: Record<string, unknown> = {
        scheduleId: input.scheduleId,
        fromMonth: input.fromMonth,
        toMonth: input.toMonth,
        channelMoves: input.channelMoves,
        save: true,
      };
      if (input.baselineScheduleId != null) body.baselineScheduleId = input.baselineScheduleId;
      if (input.provinceId != null) body.provinceId = input.provinceId;
      return api<SimulationResult>('/api/v1/tariffs/simulations', { method: 'POST', body });
    },
    onSuccess: (result) => {
      if (result.id != null) queryClient.setQueryData(['simulator', 'run', result.id], result);
      void queryClient.invalidateQueries({ queryKey: ['simulator', 'runs'] });
    },
  });
}

export function useSavedRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['simulator', 'runs', page, pageSize],
    queryFn: ({ signal }) => api<{ items: SimulationListItem[]; total: number; page: number; pageSize: number }>('/api/v1/tariffs/simulations', { params: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSavedRun(id: number | null) {
  return useQuery({
    queryKey: ['simulator', 'run', id],
    queryFn: ({ signal }) => api<SimulationResult>(`/api/v1/tariffs/simulations/${id}`, { signal }),
    enabled: id != null,
    staleTime: Infinity,
  });
}

/** Where a saved run's exports are. */
export const exportUrls = (id: number) => ({
  csv: (level: 'office' | 'province' | 'service') => `/api/v1/tariffs/simulations/${id}/export.csv?level=${level}`,
  report: `/api/v1/tariffs/simulations/${id}/report`,
  pdf: `/api/v1/tariffs/simulations/${id}/report.pdf`,
});

export function useCostModel() {
  return useQuery({
    queryKey: ['simulator', 'cost-model'],
    queryFn: ({ signal }) => api<{ items: CostDefaults[] }>('/api/v1/tariffs/cost-model', { signal }),
  });
}

export function useSaveCostDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ provinceId, ...body }: CostDefaultsInput & { provinceId: number }) =>
      api<CostDefaults>(`/api/v1/tariffs/cost-model/${provinceId}`, { method: 'PUT', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['simulator', 'cost-model'] }),
  });
}
