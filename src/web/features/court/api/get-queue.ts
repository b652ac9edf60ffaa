import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Page, QueueItem } from './types';

function getQueue(page: number, signal?: AbortSignal): Promise<Page<QueueItem>> {
  return api('/api/v1/court/filings', { params: { page, pageSize: 25 }, signal });
}

const queueQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['court', 'queue', page],
    queryFn: ({ signal }) => getQueue(page, signal),
    placeholderData: keepPreviousData,
  });

export function useQueue(page: number) {
  return useQuery(queueQueryOptions(page));
}
