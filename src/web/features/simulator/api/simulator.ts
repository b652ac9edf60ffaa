/** The revision simulator's API: schedules to pick, runs (new and saved), their exports, and the office cost model. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface ScheduleRef { id: number; code: string; titleFa: string; titleEn: string; status: 'draft' | 'approved' }
export interface ScheduleSummary extends ScheduleRef {
  effectiveFrom: string;
  effectiveFromJalali: string;
  effectiveTo: string | null;
  state: 'draft' | 'upcoming' | 'in-force' | 'superseded';
}

export interface ChannelMove { service: string; to: 'online' | 'office'; sharePercent: number; lostPercent: number }

export interface SimulationInput {
  scheduleId: number | null;
  baselineScheduleId?: number | null;
  fromMonth: string;
  toMonth: string;
  provinceId?: number | null;
  channelMoves: ChannelMove[];
}

export interface ServiceResult {
  service: string; titleFa: string; titleEn: string;
  records: number; officeRecords: number; onlineRecords: number;
  citizenCostBeforeRials: number; citizenCostAfterRials: number; citizenCostChangeRials: number; changePercent: number | null;
  unitBeforeRials: number | null; unitAfterRials: number | null;
}
export interface ProvinceResult {
  provinceId: number; name: LocalizedText; offices: number; records: number;
  citizenCostBeforeRials: number; citizenCostAfterRials: number;
  officeRevenueBeforeRials: number; officeRevenueAfterRials: number;
  belowBreakEvenBefore: number; belowBreakEvenAfter: number;
}
export interface OfficeResult {
  officeId: number; officeNumber: string; name: string; provinceId: number; records: number;
  revenueBeforeRials: number; revenueAfterRials: number; revenueChangeRials: number;
  costRials: number; operators: number; viableBefore: boolean; viableAfter: boolean;
}
export interface SimulationResult {
  id: number | null;
  schedule: ScheduleRef;
  baseline: ScheduleRef;
  fromMonth: string; toMonth: string; months: number;
  provinceId: number | null;
  channelMoves: ChannelMove[];
  totals: {
    records: number; offices: number;
    citizenCostBeforeRials: number; citizenCostAfterRials: number;
    officeRevenueBeforeRials: number; officeRevenueAfterRials: number;
    belowBreakEvenBefore: number; belowBreakEvenAfter: number;
  };
  services: ServiceResult[];
  provinces: ProvinceResult[];
  offices: OfficeResult[];
  assumptions: { key: string; fa: string; en: string }[];
  createdAt: string;
  createdBy: { userId: number; name: string } | null;
}

export interface SimulationListItem {
  id: number; scheduleId: number; scheduleCode: string; baselineCode: string;
  fromMonth: string; toMonth: string; provinceId: number | null;
  citizenCostChangeRials: number; officeRevenueChangeRials: number;
  belowBreakEvenBefore: number; belowBreakEvenAfter: number;
  createdAt: string; createdBy: string;
}

export interface CostDefaults {
  provinceId: number; name: LocalizedText;
  operatorWageRials: number; insurancePercent: number; operatorsPerOffice: number;
  rentRials: number; otherRials: number; monthlyCostRials: number;
  updatedAt: string; updatedBy: string | null;
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
