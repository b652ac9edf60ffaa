import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type NewCourtCostRule = CallInput<'tariffs.addCourtCostRule'>['body'];
export type CourtCostRule = CallResult<'tariffs.courtCostRules'>['items'][number];

const courtCostRulesQueryOptions = () =>
  queryOptions({
    queryKey: ['tariffs', 'court-cost-rules'],
    queryFn: ({ signal }) => call('tariffs.courtCostRules', {}, { signal }),
  });

export function useCourtCostRules() {
  return useQuery(courtCostRulesQueryOptions());
}

export function useAddCourtCostRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCourtCostRule) => call('tariffs.addCourtCostRule', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tariffs', 'court-cost-rules'] }),
  });
}

export function useRemoveCourtCostRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('tariffs.removeCourtCostRule', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tariffs', 'court-cost-rules'] }),
  });
}
