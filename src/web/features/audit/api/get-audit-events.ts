import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type AuditEvent = CallResult<'platform.auditEvents'>['items'][number];
/** The log's filters as the server takes them (who, what, when, which object). */
export type AuditFilters = Omit<NonNullable<CallInput<'platform.auditEvents'>['query']>, 'page' | 'pageSize'>;

const AUDIT_PAGE_SIZE = 50;

const auditEventsQueryOptions = (filters: AuditFilters, page: number) =>
  queryOptions({
    queryKey: ['audit', 'events', filters, page],
    queryFn: ({ signal }) =>
      call('platform.auditEvents', { query: { ...filters, page, pageSize: AUDIT_PAGE_SIZE } }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(filters: AuditFilters, page: number) {
  return useQuery(auditEventsQueryOptions(filters, page));
}
