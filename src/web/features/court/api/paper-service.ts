import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';

/** The bailiff's report of a paper service: the day (Jalali) and the manner (Arts. 68–70). */
export type PaperServiceInput = CallInput<'notices.servePaper'>['body'];

export function useRecordPaperService(noticeId: number, partyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaperServiceInput) => call('notices.servePaper', { params: { id: noticeId, partyId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court', 'case'] }),
  });
}
