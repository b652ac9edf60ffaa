import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type FilingsDashboard = CallResult<'stats.filings'>;
type FilingsQuery = NonNullable<CallInput<'stats.filings'>['query']>;

const filingsQueryOptions = (query: FilingsQuery) =>
  queryOptions({
    queryKey: ['stats', 'filings', query],
    queryFn: ({ signal }) => call('stats.filings', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useFilingsDashboard(query: FilingsQuery) {
  return useQuery(filingsQueryOptions(query));
}
