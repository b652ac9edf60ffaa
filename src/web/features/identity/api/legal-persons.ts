import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type LegalPerson = CallResult<'eaccounts.legalPersons'>['items'][number];
export type LegalPersonInput = CallInput<'eaccounts.createLegalPerson'>['body'];

const legalPersonsQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['legal-persons', q, page],
    queryFn: ({ signal }) => call('eaccounts.legalPersons', { query: { q, page, pageSize: 10 } }, { signal }),
    placeholderData: keepPreviousData,
  });
export const useLegalPersons = (q: string, page: number) => useQuery(legalPersonsQueryOptions(q, page));

export function useCreateLegalPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LegalPersonInput) => call('eaccounts.createLegalPerson', { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['legal-persons'] }),
  });
}
