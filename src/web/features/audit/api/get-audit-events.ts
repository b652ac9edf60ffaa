import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

const auditEventsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['audit', 'events', page],
    queryFn: ({ signal }) => call('platform.auditEvents', { query: { page } }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(page: number) {
  return useQuery(auditEventsQueryOptions(page));
}
