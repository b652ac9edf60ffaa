import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult, endpointUrl } from '#web/app/api-client.ts';

type Payment = CallResult<'payments.get'>;
export type PaymentStatus = Payment['status'];

const paymentQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['payments', 'one', id],
    queryFn: ({ signal }) => call('payments.get', { params: { id } }, { signal }),
  });

/** A payment; while it is pending (the bank or the reconciliation job may still settle it) it is asked again every few seconds. */
export function usePayment(id: number | null) {
  return useQuery({
    ...paymentQueryOptions(id ?? 0),
    enabled: id != null && id > 0,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 5_000 : false),
  });
}

export const receiptUrl = (id: number) => endpointUrl('payments.receipt', { params: { id } });
export const receiptPdfUrl = (id: number) => endpointUrl('payments.receiptPdf', { params: { id } });
