import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isValidNationalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

type Representative = CallResult<'eaccounts.createRepresentative'>;
export type RepresentativeKind = Representative['kind'];
export type RepresentativeRow = CallResult<'eaccounts.representatives'>['items'][number];
export type RepresentativeInput = CallInput<'eaccounts.createRepresentative'>['body'];

const representativesQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['representatives', q, page],
    queryFn: ({ signal }) =>
      call(
        'eaccounts.representatives',
        {
          query: {
            ...(isValidNationalId(toLatinDigits(q)) ? { nationalId: toLatinDigits(q) } : { q }),
            page,
            pageSize: 10,
          },
        },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
export const useRepresentatives = (q: string, page: number) => useQuery(representativesQueryOptions(q, page));

export function useCreateRepresentative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RepresentativeInput) => call('eaccounts.createRepresentative', { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['representatives'] }),
  });
}
