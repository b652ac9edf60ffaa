import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { CaseDetail, CaseItem, Page } from './types';

function getCases(page: number, signal?: AbortSignal): Promise<Page<CaseItem>> {
  return api('/api/v1/court/cases', { params: { page, pageSize: 25 }, signal });
}

const casesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['court', 'cases', page],
    queryFn: ({ signal }) => getCases(page, signal),
    placeholderData: keepPreviousData,
  });

export function useCases(page: number) {
  return useQuery(casesQueryOptions(page));
}

function getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return api(`/api/v1/court/cases/${encodeURIComponent(id)}`, { signal });
}

const caseQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['court', 'case', id], queryFn: ({ signal }) => getCase(id, signal) });

export function useCase(id: string) {
  return useQuery(caseQueryOptions(id));
}
