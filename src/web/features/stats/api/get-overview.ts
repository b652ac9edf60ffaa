import { queryOptions, useQuery } from '@tanstack/react-query';
import { type CallResult, call } from '#web/app/api-client.ts';

export type StatsOverview = CallResult<'stats.overview'>;

const overviewQueryOptions = () =>
  queryOptions({ queryKey: ['stats', 'overview'], queryFn: ({ signal }) => call('stats.overview', {}, { signal }) });

export function useOverview() {
  return useQuery(overviewQueryOptions());
}
