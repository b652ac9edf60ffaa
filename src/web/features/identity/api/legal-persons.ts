import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface LegalPerson {
  id: number;
  nationalCompanyId: string;
  name: string;
  registrationNumber: string | null;
  provinceId: number;
  address: string | null;
  agent: { citizenId: number; name: string; nationalId: string } | null;
}
export interface LegalPersonInput {
  nationalCompanyId: string;
  name: string;
  registrationNumber: string;
  provinceId: number;
  address?: string;
  agentNationalId?: string;
}

const legalPersonsQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['legal-persons', q, page],
    queryFn: ({ signal }) =>
      api<{ items: LegalPerson[]; total: number; page: number; pageSize: number }>('/api/v1/legal-persons', {
        params: { q, page, pageSize: 10 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
export const useLegalPersons = (q: string, page: number) => useQuery(legalPersonsQueryOptions(q, page));

export function useCreateLegalPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LegalPersonInput) => api<LegalPerson>('/api/v1/legal-persons', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['legal-persons'] }),
  });
}
