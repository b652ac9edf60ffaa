import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface CourtCostRule {
  id: number; serviceCode: string; titleFa: string; titleEn: string; basis: 'fixed' | 'percent-of-claim';
  amountRials: number | null; percent: number | null; minRials: number | null; maxRials: number | null;
  effectiveFrom: string; effectiveTo: string | null; source: string;
}

export interface NewCourtCostRule {
  serviceCode: string; titleFa: string; titleEn: string; basis: 'fixed' | 'percent-of-claim';
  amountRials?: number; percent?: number; minRials?: number; maxRials?: number; effectiveFrom: string; source: string;
}

export const courtCostRulesQueryOptions = () =>
  queryOptions({ queryKey: ['tariffs', 'court-cost-rules'], queryFn: ({ signal }) => api<{ items: CourtCostRule[] }>('/api/v1/tariffs/court-cost-rules', { signal }) });

export function useCourtCostRules() {
  return useQuery(courtCostRulesQueryOptions());
}

export function useAddCourtCostRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCourtCostRule) => api<CourtCostRule>('/api/v1/tariffs/court-cost-rules', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tariffs', 'court-cost-rules'] }),
  });
}

export function useRemoveCourtCostRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/v1/tariffs/court-cost-rules/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tariffs', 'court-cost-rules'] }),
  });
}
