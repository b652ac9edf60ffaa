import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

const queueQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['court', 'queue', page],
    queryFn: ({ signal }) => call('court.queue', { query: { page, pageSize: 25 } }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useQueue(page: number) {
  return useQuery(queueQueryOptions(page));
}
