import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type NoticesDashboard = CallResult<'stats.notices'>;
type NoticesQuery = NonNullable<CallInput<'stats.notices'>['query']>;

const noticesQueryOptions = (query: NoticesQuery) =>
  queryOptions({
    queryKey: ['stats', 'notices', query],
    queryFn: ({ signal }) => call('stats.notices', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useNoticesDashboard(query: NoticesQuery) {
  return useQuery(noticesQueryOptions(query));
}
