/** The revision simulator's API: schedules to pick, runs (new and saved), their exports, and the office cost model. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, endpointUrl, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type SimulationResult = CallResult<'tariffs.simulation'>;
export type ChannelMove = NonNullable<CallInput<'tariffs.simulate'>['body']['channelMoves']>[number];
export type ServiceResult = SimulationResult['services'][number];
export type ProvinceResult = SimulationResult['provinces'][number];
export type OfficeResult = SimulationResult['offices'][number];
export type CostDefaults = CallResult<'tariffs.costModel'>['items'][number];
export type SavedRun = CallResult<'tariffs.simulations'>['items'][number];

type SimulationBody = CallInput<'tariffs.simulate'>['body'];
/** What the form sends (a schedule is picked before running; no province or baseline is null until chosen). */
export type SimulationInput = Omit<
  SimulationBody,
  'scheduleId' | 'baselineScheduleId' | 'provinceId' | 'save' | 'channelMoves'
> & {
  scheduleId: number | null;
  baselineScheduleId?: number | null;
  provinceId?: number | null;
  channelMoves: ChannelMove[];
};

export type CostDefaultsInput = CallInput<'tariffs.updateCostModel'>['body'];

export function useSchedules() {
  return useQuery({
    queryKey: ['tariffs', 'schedules', 'all'],
    queryFn: ({ signal }) => call('tariffs.schedules', { query: { status: 'all' } }, { signal }),
  });
}

export function useRunSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SimulationInput) => {
      const body: SimulationBody = {
        scheduleId: input.scheduleId!,
        fromMonth: input.fromMonth,
        toMonth: input.toMonth,
        channelMoves: input.channelMoves,
        save: true,
      };
      if (input.baselineScheduleId != null) body.baselineScheduleId = input.baselineScheduleId;
      if (input.provinceId != null) body.provinceId = input.provinceId;
      return call('tariffs.simulate', { body });
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
    queryFn: ({ signal }) => call('tariffs.simulations', { query: { page, pageSize } }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSavedRun(id: number | null) {
  return useQuery({
    queryKey: ['simulator', 'run', id],
    queryFn: ({ signal }) => call('tariffs.simulation', { params: { id: id! } }, { signal }),
    enabled: id != null,
    staleTime: Infinity,
  });
}

/** Where a saved run's exports are. */
export const exportUrls = (id: number) => ({
  csv: (level: 'office' | 'province' | 'service') =>
    endpointUrl('tariffs.simulationCsv', { params: { id }, query: { level } }),
  report: endpointUrl('tariffs.simulationReport', { params: { id } }),
  pdf: endpointUrl('tariffs.simulationReportPdf', { params: { id } }),
});

export function useCostModel() {
  return useQuery({
    queryKey: ['simulator', 'cost-model'],
    queryFn: ({ signal }) => call('tariffs.costModel', {}, { signal }),
  });
}

export function useSaveCostDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ provinceId, ...body }: CostDefaultsInput & { provinceId: number }) =>
      call('tariffs.updateCostModel', { params: { provinceId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['simulator', 'cost-model'] }),
  });
}
