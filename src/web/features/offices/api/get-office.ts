import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

type OfficeHistory = CallResult<'offices.history'>;
export type Competency = OfficeHistory['competencies'][number];
export type StatusEvent = OfficeHistory['statusEvents'][number];

const officeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['offices', 'one', id],
    queryFn: ({ signal }) => call('offices.get', { params: { id } }, { signal }),
  });

export function useOffice(id: string) {
  return useQuery(officeQueryOptions(id));
}

const officeHistoryQueryOptions = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: ['offices', 'history', id],
    queryFn: ({ signal }) => call('offices.history', { params: { id } }, { signal }),
    enabled,
  });

export function useOfficeHistory(id: string, enabled: boolean) {
  return useQuery(officeHistoryQueryOptions(id, enabled));
}
