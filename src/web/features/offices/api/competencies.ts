import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type GrantInput = CallInput<'offices.grantCompetencies'>['body'];
/** One province's offices that hold a service, of its active ones. */
export type ProvinceCoverage = CallResult<'offices.coverage'>['provinces'][number];

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
