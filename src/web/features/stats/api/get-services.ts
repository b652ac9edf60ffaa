import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type ServicesDashboard = CallResult<'stats.services'>;
export type ServicesQuery = NonNullable<CallInput<'stats.services'>['query']>;

const servicesQueryOptions = (query: ServicesQuery) =>
  queryOptions({
    queryKey: ['stats', 'services', query],
    queryFn: ({ signal }) => call('stats.services', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useServicesDashboard(query: ServicesQuery) {
  return useQuery(servicesQueryOptions(query));
}
