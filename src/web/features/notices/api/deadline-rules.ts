import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type DeadlineRule = CallResult<'notices.deadlineRules'>['items'][number];

const rulesKey = ['notices', 'rules'] as const;

const rulesQueryOptions = () =>
  queryOptions({
    queryKey: rulesKey,
    queryFn: ({ signal }) => call('notices.deadlineRules', {}, { signal }),
  });

export function useDeadlineRules() {
  return useQuery(rulesQueryOptions());
}

export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      kind,
      ...body
    }: CallInput<'notices.updateDeadlineRule'>['params'] & CallInput<'notices.updateDeadlineRule'>['body']) =>
      call('notices.updateDeadlineRule', { params: { kind }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}
