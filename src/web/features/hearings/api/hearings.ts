import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type HearingItem = CallResult<'hearings.list'>['items'][number];
export type HearingTransition = CallInput<'hearings.transition'>['body']['transition'];

const hearingsQueryOptions = () =>
  queryOptions({
    queryKey: ['hearings', 'list'],
    queryFn: ({ signal }) => call('hearings.list', { query: {} }, { signal }),
  });

export function useHearings() {
  return useQuery(hearingsQueryOptions());
}

const hearingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['hearings', 'one', id],
    queryFn: ({ signal }) => call('hearings.get', { params: { id } }, { signal }),
  });

export function useHearing(id: number) {
  return useQuery(hearingQueryOptions(id));
}

export function useTransition(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transition: HearingTransition) =>
      call('hearings.transition', { params: { id }, body: { transition } }),
    onSuccess: (h) => queryClient.setQueryData(['hearings', 'one', id], h),
  });
}

export function useSaveMinutes(id: number) {
  return useMutation({
    mutationFn: (text: string) => call('hearings.minutes', { params: { id }, body: { text } }),
  });
}
