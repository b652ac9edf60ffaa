import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Filing } from './types';

function getFiling(id: number, signal?: AbortSignal): Promise<Filing> {
  return api(`/api/v1/filings/${id}`, { signal });
}

const filingQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['filings', 'one', id], queryFn: ({ signal }) => getFiling(id, signal) });

export function useFiling(id: number | null) {
  return useQuery({ ...filingQueryOptions(id ?? 0), enabled: id != null && id > 0 });
}
