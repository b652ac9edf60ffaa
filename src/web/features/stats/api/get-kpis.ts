import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type KpisDashboard = CallResult<'stats.kpis'>;
type KpisQuery = NonNullable<CallInput<'stats.kpis'>['query']>;

const kpisQueryOptions = (query: KpisQuery) =>
  queryOptions({
    queryKey: ['stats', 'kpis', query],
    queryFn: ({ signal }) => call('stats.kpis', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useKpisDashboard(query: KpisQuery) {
  return useQuery(kpisQueryOptions(query));
}
