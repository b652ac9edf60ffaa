import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { id: number | string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

function getAuditEvents(page: number, signal?: AbortSignal): Promise<AuditPage> {
  return api('/api/v1/audit/events', { params: { page }, signal });
}

const auditEventsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['audit', 'events', page],
    queryFn: ({ signal }) => getAuditEvents(page, signal),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(page: number) {
  return useQuery(auditEventsQueryOptions(page));
}
