/** Booking, the citizen's consultations, cancelling and rating. Each write refreshes the consultation reads. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Booking = CallResult<'consultation.mine'>['items'][number];
export type BookInput = CallInput<'consultation.book'>['body'];

export const myConsultationsQueryOptions = () =>
  queryOptions({
    queryKey: ['consultation', 'mine'],
    queryFn: ({ signal }) => call('consultation.mine', {}, { signal }),
  });

function useConsultationMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultation'] }),
  });
}

/** One key per booking attempt: a retry of the same attempt is answered, not booked twice. */
export const useBook = () =>
  useConsultationMutation((body: BookInput) =>
    call('consultation.book', { body, headers: { 'idempotency-key': `consultation-${crypto.randomUUID()}` } }),
  );

export const useCancelBooking = () =>
  useConsultationMutation((id: number) => call('consultation.cancel', { params: { id } }));

export const useRateBooking = () =>
  useConsultationMutation(({ id, ...body }: CallInput<'consultation.rate'>['body'] & { id: number }) =>
    call('consultation.rate', { params: { id }, body }),
  );

/** The citizen records that the consultant did not come. */
export const useConsultantNoShow = () =>
  useConsultationMutation((id: number) =>
    call('consultation.attendance', { params: { id }, body: { outcome: 'consultant-no-show' } }),
  );
