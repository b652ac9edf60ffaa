import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

const todayQueryOptions = () =>
  queryOptions({
    queryKey: ['counter', 'today'],
    queryFn: ({ signal }) => call('counter.today', {}, { signal }),
    refetchInterval: 30_000,
  });
export const useToday = () => useQuery(todayQueryOptions());
