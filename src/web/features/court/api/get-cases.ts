import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type CourtCase = CallResult<'court.case'>;
export type NoticeKind = CourtCase['notices'][number]['kind'];

const casesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['court', 'cases', page],
    queryFn: ({ signal }) => call('court.cases', { query: { page, pageSize: 25 } }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useCases(page: number) {
  return useQuery(casesQueryOptions(page));
}

const caseQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['court', 'case', id],
    queryFn: ({ signal }) => call('court.case', { params: { id } }, { signal }),
  });

export function useCase(id: number) {
  return useQuery(caseQueryOptions(id));
}
