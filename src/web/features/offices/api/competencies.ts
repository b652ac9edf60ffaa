import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface Coverage {
  service: { code: string; title: LocalizedText; channels: string };
  provinces: { province: { id: number; name: LocalizedText }; activeOffices: number; competentOffices: number; pilotOffices: number }[];
  totals: { activeOffices: number; competentOffices: number };
}

export const coverageQueryOptions = (serviceCode: string | null) =>
  queryOptions({
    queryKey: ['competencies', 'coverage', serviceCode],
    queryFn: ({ signal }) => api<Coverage>('/api/v1/competencies/coverage', { params: { serviceCode }, signal }),
    enabled: !!serviceCode,
    placeholderData: keepPreviousData,
  });

export const useCoverage = (serviceCode: string | null) => useQuery(coverageQueryOptions(serviceCode));

export interface GrantInput {
  serviceCode: string;
  officeIds?: number[];
  provinceIds?: number[];
  validFrom: string;
  validUntil?: string;
  pilot: boolean;
  reason?: string;
}
export interface GrantResult { serviceCode: string; granted: number; reactivated: number; alreadyHeld: number; officeIds: number[] }

export function useGrantCompetencies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantInput) => api<GrantResult>('/api/v1/competencies/grants', { method: 'POST', body: input }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['competencies'] }), queryClient.invalidateQueries({ queryKey: ['offices'] })]),
  });
}
