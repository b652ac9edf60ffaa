import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';

/** A notice to the parties; a summons carries the hearing's Jalali date and Tehran time. */
export type IssueNoticeInput = CallInput<'notices.issue'>['body'];

export function useIssueNotice(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueNoticeInput) => call('notices.issue', { params: { id: caseId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court', 'case'] }),
  });
}
