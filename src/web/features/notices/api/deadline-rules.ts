import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export type NoticeKind = 'summons' | 'decision' | 'order' | 'notification';

export interface DeadlineRule {
  kind: NoticeKind;
  days: number | null;
  titleFa: string;
  titleEn: string;
  source: string;
}

const rulesQueryOptions = () =>
  queryOptions({
    queryKey: ['notices', 'rules'],
    queryFn: ({ signal }) => api<{ items: DeadlineRule[] }>('/api/v1/notice-deadline-rules', { signal }),
  });

export function useDeadlineRules() {
  return useQuery(rulesQueryOptions());
}

export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: { kind: NoticeKind; days: number | null; source: string }) =>
      api<DeadlineRule>(`/api/v1/notice-deadline-rules/${kind}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices', 'rules'] }),
  });
}
