/** The steps after the draft: confirm the print, pay, submit (with an Idempotency-Key), and attachments. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

function useFilingMutation<T, V = void>(_id: number, fn: (v: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: ['filings'] }) });
}

export const useConfirmFiling = (id: number) =>
  useFilingMutation(id, () => call('filings.confirm', { params: { id } }));

export const usePayFiling = (id: number) => useFilingMutation(id, () => call('filings.pay', { params: { id } }));

/** One key per submission attempt of this filing, kept for retries of the same attempt. */
function submissionKey(id: number): string {
  const name = `daftar.submit.${id}`;
  let key = sessionStorage.getItem(name);
  if (!key) {
    key = `filing-${id}-${crypto.randomUUID()}`;
    sessionStorage.setItem(name, key);
  }
  return key;
}

async function submitFiling(id: number): Promise<CallResult<'filings.submit'>> {
  const answer = await call('filings.submit', { params: { id }, headers: { 'idempotency-key': submissionKey(id) } });
  sessionStorage.removeItem(`daftar.submit.${id}`);
  return answer;
}

export const useSubmitFiling = (id: number) => useFilingMutation(id, () => submitFiling(id));

export const useRemoveAttachment = (id: number) =>
  useFilingMutation(id, (attachmentId: number) => call('filings.removeAttachment', { params: { id, attachmentId } }));

/** Uploads with progress (call() reports it for uploads). */
function uploadAttachment(
  id: number,
  file: File,
  title: string,
  onProgress: (fraction: number) => void,
): Promise<CallResult<'filings.uploadAttachment'>> {
  const form = new FormData();
  form.append('title', title);
  form.append('file', file);
  return call('filings.uploadAttachment', { params: { id }, form }, { onUploadProgress: onProgress });
}

export function useUploadAttachment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; title: string; onProgress: (f: number) => void }) =>
      uploadAttachment(id, v.file, v.title, v.onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['filings'] }),
  });
}
