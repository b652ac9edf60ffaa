import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type CourtFiling = CallResult<'court.filing'>;

const courtFilingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['court', 'filing', id],
    queryFn: ({ signal }) => call('court.filing', { params: { id } }, { signal }),
  });

export function useCourtFiling(id: number) {
  return useQuery(courtFilingQueryOptions(id));
}
