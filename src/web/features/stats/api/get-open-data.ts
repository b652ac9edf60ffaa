import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type OpenData = CallResult<'stats.openServices'>;
export type OpenDataQuery = NonNullable<CallInput<'stats.openServices'>['query']>;

const openDataQueryOptions = (query: OpenDataQuery) =>
  queryOptions({
    queryKey: ['stats', 'open', query],
    queryFn: ({ signal }) => call('stats.openServices', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useOpenData(query: OpenDataQuery) {
  return useQuery(openDataQueryOptions(query));
}

/** The address of the CSV of the same view, and of a year's bulk download (plain links: the browser saves them). */
export function openDataCsvUrl(query: OpenDataQuery): string {
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (v == null ? [] : [[k, String(v)]])),
  ).toString();
  return `/api/v1/stats/open/services.csv${search ? `?${search}` : ''}`;
}
export const openYearCsvUrl = (year: number) => `/api/v1/stats/open/years/${year}.csv`;

/** The address of the open notices data of the same province and period, as CSV. */
export function openNoticesCsvUrl(query: OpenDataQuery): string {
  return openDataCsvUrl(query).replace('/open/services.csv', '/open/notices.csv');
}
