import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type OutboxStatus = NonNullable<NonNullable<CallInput<'notices.outbox'>['query']>['status']>;

/** One message as the outbox shows it (one-time codes masked). */
export type OutboxMessage = CallResult<'notices.outbox'>['items'][number];

export type OutboxFilter = Omit<NonNullable<CallInput<'notices.outbox'>['query']>, 'status'> & {
  status?: OutboxStatus | null;
};

const outboxQueryOptions = (filter: OutboxFilter) =>
  queryOptions({
    queryKey: ['notices', 'outbox', filter],
    queryFn: ({ signal }) =>
      call('notices.outbox', { query: { ...filter, status: filter.status ?? undefined } }, { signal }),
    placeholderData: keepPreviousData,
    // New messages (e.g. sign-in codes) show up without a manual refresh.
    refetchInterval: 10_000,
  });

export function useOutbox(filter: OutboxFilter) {
  return useQuery(outboxQueryOptions(filter));
}
