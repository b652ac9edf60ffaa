import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

/** Attaches the signed decision (a PDF) to a decision notice, once. */
export function useAttachDecision(noticeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      call('notices.attachDocument', { params: { id: noticeId }, file, mediaType: 'application/pdf' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court', 'case'] }),
  });
}
