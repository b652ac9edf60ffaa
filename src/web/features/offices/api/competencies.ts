import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput } from '#web/app/api-client.ts';

export type GrantInput = CallInput<'offices.grantCompetencies'>['body'];

const coverageQueryOptions = (serviceCode: string | null) =>
  queryOptions({
    queryKey: ['competencies', 'coverage', serviceCode],
    queryFn: ({ signal }) => call('offices.coverage', { query: { serviceCode: serviceCode! } }, { signal }),
    enabled: !!serviceCode,
    placeholderData: keepPreviousData,
  });

export const useCoverage = (serviceCode: string | null) => useQuery(coverageQueryOptions(serviceCode));

export function useGrantCompetencies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantInput) => call('offices.grantCompetencies', { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['competencies'] }),
        queryClient.invalidateQueries({ queryKey: ['offices'] }),
      ]),
  });
}
