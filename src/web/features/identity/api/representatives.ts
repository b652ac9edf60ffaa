import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isValidNationalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { api } from '#web/app/api-client.ts';

export type RepresentativeKind = 'lawyer' | 'guardian' | 'legal-adviser';
export interface Representative {
  id: number;
  citizenId: number;
  name: string;
  nationalId: string;
  kind: RepresentativeKind;
  licenceNumber: string | null;
  issuer: string | null;
  /** Jalali YYYY-MM-DD. */
  validUntil: string | null;
}
export interface RepresentativeInput {
  nationalId: string;
  kind: RepresentativeKind;
  licenceNumber?: string;
  issuer?: string;
  validUntil?: string;
}

const representativesQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['representatives', q, page],
    queryFn: ({ signal }) =>
      api<{ items: Representative[]; total: number; page: number; pageSize: number }>('/api/v1/representatives', {
        params: {
          ...(isValidNationalId(toLatinDigits(q)) ? { nationalId: toLatinDigits(q) } : { q }),
          page,
          pageSize: 10,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
export const useRepresentatives = (q: string, page: number) => useQuery(representativesQueryOptions(q, page));

export function useCreateRepresentative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepresentativeInput) =>
      api<Representative>('/api/v1/representatives', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['representatives'] }),
  });
}
