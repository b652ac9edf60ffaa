import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallResult, call } from '#web/app/api-client.ts';

export type AuditEvent = CallResult<'platform.auditEvents'>['items'][number];

const auditEventsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['audit', 'events', page],
    queryFn: ({ signal }) => call('platform.auditEvents', { query: { page } }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(page: number) {
  return useQuery(auditEventsQueryOptions(page));
}
