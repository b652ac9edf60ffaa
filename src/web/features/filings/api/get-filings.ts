import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { FilingStatus, FilingSummary } from './types';

export interface FilingsPage {
  items: FilingSummary[];
  total: number;
  page: number;
  pageSize: number;
}

function getFilings(
  params: { status?: FilingStatus | null; page: number; mine: boolean },
  signal?: AbortSignal,
): Promise<FilingsPage> {
  return api(params.mine ? '/api/v1/filings/mine' : '/api/v1/filings', {
    signal,
    params: { status: params.mine ? undefined : params.status, page: params.page, pageSize: 20 },
  });
}

export function useFilings(params: { status?: FilingStatus | null; page: number; mine: boolean }) {
  return useQuery({
    queryKey: ['filings', 'list', params],
    queryFn: ({ signal }) => getFilings(params, signal),
    placeholderData: keepPreviousData,
  });
}
