import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';
import type { OpenDataQuery } from './get-open-data';

const openNoticesQueryOptions = (query: OpenDataQuery) =>
  queryOptions({
    queryKey: ['stats', 'open-notices', query],
    queryFn: ({ signal }) => call('stats.openNotices', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

/** The open notices aggregates of the same province and period as the services table. */
export function useOpenNotices(query: OpenDataQuery) {
  return useQuery(openNoticesQueryOptions(query));
}
