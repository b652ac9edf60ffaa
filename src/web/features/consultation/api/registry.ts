/** The consultants' registry and the fee ranges (the association, the regulator). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type RegistryEntry = CallResult<'consultation.registry'>['items'][number];
export type FeeRange = CallResult<'consultation.feeRanges'>['items'][number];

export const registryQueryOptions = () =>
  queryOptions({
    queryKey: ['consultation', 'registry'],
    queryFn: ({ signal }) => call('consultation.registry', { query: {} }, { signal }),
  });

export const feeRangesQueryOptions = () =>
  queryOptions({
    queryKey: ['consultation', 'fee-ranges'],
    queryFn: ({ signal }) => call('consultation.feeRanges', {}, { signal }),
  });

export const useSetFeeRange = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CallInput<'consultation.setFeeRange'>['body'] & { id: number }) =>
      call('consultation.setFeeRange', { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultation'] }),
  });
};
