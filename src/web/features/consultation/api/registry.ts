/** The consultants' registry and the fee ranges (the association, the regulator). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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

export type ConsultantInput = CallInput<'consultation.register'>['body'];
type SittingsInput = CallInput<'consultation.setSittings'>['body']['sittings'];

/**
 * Saves a consultant's record and then where they sit. A new record that was written before its
 * sittings were refused is changed, not added again, on the next attempt.
 */
export const useSaveConsultant = (id: number | null) => {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<number | null>(null);
  return useMutation({
    mutationFn: async ({ consultant, sittings }: { consultant: ConsultantInput; sittings: SittingsInput }) => {
      const known = id ?? created;
      const saved =
        known != null
          ? await call('consultation.update', { params: { id: known }, body: consultant })
          : await call('consultation.register', { body: consultant });
      if (known == null) setCreated(saved.id);
      return call('consultation.setSittings', { params: { id: saved.id }, body: { sittings } });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['consultation'] }),
  });
};
