import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

interface OutboxMessage {
  id: number | string;
  channel: 'sms';
  recipient: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OutboxFilter {
  status?: OutboxStatus | null;
  page: number;
}

function getOutbox(filter: OutboxFilter, signal?: AbortSignal): Promise<OutboxPage> {
  return api('/api/v1/notifier/outbox', { params: { ...filter }, signal });
}

const outboxQueryOptions = (filter: OutboxFilter) =>
  queryOptions({
    queryKey: ['notices', 'outbox', filter],
    queryFn: ({ signal }) => getOutbox(filter, signal),
    placeholderData: keepPreviousData,
    // New messages (e.g. sign-in codes) show up without a manual refresh.
    refetchInterval: 10_000,
  });

export function useOutbox(filter: OutboxFilter) {
  return useQuery(outboxQueryOptions(filter));
}
