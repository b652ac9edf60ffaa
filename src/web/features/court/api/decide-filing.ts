import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

function acceptFiling(id: number, branch: number): Promise<{ caseId: number; caseNumber: string; branch: number }> {
  return api(`/api/v1/court/filings/${id}/accept`, { method: 'POST', body: { branch } });
}

function returnFiling(id: number, reasons: string): Promise<{ filingId: number; status: 'returned'; reasons: string }> {
  return api(`/api/v1/court/filings/${id}/return`, { method: 'POST', body: { reasons } });
}

export function useAcceptFiling(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (branch: number) => acceptFiling(id, branch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court'] }),
  });
}

export function useReturnFiling(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reasons: string) => returnFiling(id, reasons),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court'] }),
  });
}
