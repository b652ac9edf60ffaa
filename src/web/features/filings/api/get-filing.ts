import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type Filing = CallResult<'filings.get'>;
export type FilingStatus = Filing['status'];

export const filingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['filings', 'one', id],
    queryFn: ({ signal }) => call('filings.get', { params: { id } }, { signal }),
  });

export function useFiling(id: number | null) {
  return useQuery({ ...filingQueryOptions(id ?? 0), enabled: id != null && id > 0 });
}
