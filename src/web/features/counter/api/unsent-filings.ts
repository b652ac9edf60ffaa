/** The office's paid filings not yet sent to court, and whether its day is in its last hours. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

const unsentFilingsQueryOptions = () =>
  queryOptions({
    queryKey: ['filings', 'unsent'],
    queryFn: ({ signal }) => call('filings.unsent', { query: {} }, { signal }),
    refetchInterval: 60_000,
  });

export const useUnsentFilings = () => useQuery(unsentFilingsQueryOptions());
