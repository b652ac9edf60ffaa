/** The steps after the draft: confirm the print, pay, submit (with an Idempotency-Key), and attachments. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Problem } from '#web/app/api-client.ts';
import type { Filing } from './types';

function useFilingMutation<T, V = void>(_id: number, fn: (v: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: ['filings'] }) });
}

export const useConfirmFiling = (id: number) => useFilingMutation(id, () => api<Filing>(`/api/v1/filings/${id}/confirm`, { method: 'POST' }));

export const usePayFiling = (id: number) =>
  useFilingMutation(id, () => api<{ paymentId: number; receiptNumber: string; redirectUrl: string; amountRials: number }>(`/api/v1/filings/${id}/payment`, { method: 'POST' }));

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

export async function submitFiling(id: number): Promise<{ id: number; status: string; trackingCode: string }> {
  const csrf = document.cookie.split(';').map((c) => c.trim().split('=')).find(([k]) => k === 'daftar_csrf')?.[1];
  const res = await fetch(`/api/v1/filings/${id}/submit`, {
    method: 'POST', credentials: 'same-origin',
    headers: { accept: 'application/json', 'idempotency-key': submissionKey(id), ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}) },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ ...(body as Problem), code: (body as Problem).code ?? 'http_error', status: res.status });
  sessionStorage.removeItem(`daftar.submit.${id}`);
  return body;
}

export const useSubmitFiling = (id: number) => useFilingMutation(id, () => submitFiling(id));

export const useRemoveAttachment = (id: number) =>
  useFilingMutation(id, (attachmentId: number) => api<void>(`/api/v1/filings/${id}/attachments/${attachmentId}`, { method: 'DELETE' }));

/** Uploads with progress (XMLHttpRequest: fetch has no upload progress). */
export function uploadAttachment(id: number, file: File, title: string, onProgress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('title', title);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/filings/${id}/attachments`);
    const csrf = document.cookie.split(';').map((c) => c.trim().split('=')).find(([k]) => k === 'daftar_csrf')?.[1];
    if (csrf) xhr.setRequestHeader('x-csrf-token', decodeURIComponent(csrf));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body: unknown = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError({ ...(body as Problem), code: (body as Problem).code ?? 'http_error', status: xhr.status }));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', message: { fa: 'ارتباط با سرور برقرار نشد.', en: 'Could not reach the server.' } }));
    xhr.send(form);
  });
}

export function useUploadAttachment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; title: string; onProgress: (f: number) => void }) => uploadAttachment(id, v.file, v.title, v.onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['filings'] }),
  });
}
