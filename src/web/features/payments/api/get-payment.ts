import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Payment } from './types';

function getPayment(id: number, signal?: AbortSignal): Promise<Payment> {
  return api(`/api/v1/payments/${id}`, { signal });
}

const paymentQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['payments', 'one', id], queryFn: ({ signal }) => getPayment(id, signal) });

/** A payment; while it is pending (the bank or the reconciliation job may still settle it) it is asked again every few seconds. */
export function usePayment(id: number | null) {
  return useQuery({
    ...paymentQueryOptions(id ?? 0),
    enabled: id != null && id > 0,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 5_000 : false),
  });
}

export const receiptUrl = (id: number) => `/api/v1/payments/${id}/receipt`;
export const receiptPdfUrl = (id: number) => `/api/v1/payments/${id}/receipt.pdf`;
