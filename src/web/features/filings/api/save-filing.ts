import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Filing, FilingContent } from './types';

function createFiling(
  body: FilingContent & { service: string; applicantNationalId?: string; ticketId?: number },
): Promise<Filing> {
  return api('/api/v1/filings', { method: 'POST', body });
}

function updateFiling(id: number, body: FilingContent): Promise<Filing> {
  return api(`/api/v1/filings/${id}`, { method: 'PUT', body });
}

export function useSaveFiling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: number | null;
      service: string;
      applicantNationalId?: string;
      ticketId?: number;
      content: FilingContent;
    }) =>
      input.id
        ? updateFiling(input.id, input.content)
        : createFiling({
            ...input.content,
            service: input.service,
            applicantNationalId: input.applicantNationalId,
            ticketId: input.ticketId,
          }),
    onSuccess: (filing) => queryClient.setQueryData(['filings', 'one', filing.id], filing),
  });
}
