import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';
import type { FilingStatus } from './get-filing';

const PAGE_SIZE = 20;

/** Filings within the caller's scope by status (an office's staff, oversight), or the signed-in citizen's own. */
/** `q`: staff's search by tracking code, national ID, case number or name. */
const filingsQueryOptions = (params: { status: FilingStatus | null; q: string; page: number; mine: boolean }) =>
  queryOptions({
    queryKey: ['filings', 'list', params],
    queryFn: ({ signal }) =>
      params.mine
        ? call('filings.mine', { query: { page: params.page, pageSize: PAGE_SIZE } }, { signal })
        : call(
            'filings.list',
            {
              query: {
                status: params.status ?? undefined,
                q: params.q || undefined,
                page: params.page,
                pageSize: PAGE_SIZE,
              },
            },
            { signal },
          ),
    placeholderData: keepPreviousData,
  });

export function useFilings(params: { status?: FilingStatus | null; q?: string; page: number; mine: boolean }) {
  return useQuery(
    filingsQueryOptions({ status: params.status ?? null, q: params.q ?? '', page: params.page, mine: params.mine }),
  );
}
