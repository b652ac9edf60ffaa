import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { NoticeKind } from './get-cases';

export interface IssueNoticeInput {
  kind: NoticeKind;
  title: string;
  body: string;
  /** Jalali `YYYY-MM-DD` and Tehran `HH:mm`, for a summons. */
  hearingDate?: string;
  hearingTime?: string;
}

export interface IssuedNotice {
  id: number;
  caseId: number;
  kind: NoticeKind;
  title: string;
  hearingAt: string | null;
  issuedAt: string;
  recipients: number;
  smsQueued: number;
}

function issueNotice(caseId: number, input: IssueNoticeInput): Promise<IssuedNotice> {
  return api(`/api/v1/court/cases/${caseId}/notices`, { method: 'POST', body: input });
}

export function useIssueNotice(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IssueNoticeInput) => issueNotice(caseId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court', 'case'] }),
  });
}
