import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { PaymentsPage, PaymentStatus } from './types';

export interface PaymentsQuery {
  status?: PaymentStatus | null;
  from?: string | null;
  to?: string | null;
  page: number;
}

function getPayments(params: PaymentsQuery, signal?: AbortSignal): Promise<PaymentsPage> {
  return api('/api/v1/payments', {
    signal,
    params: { status: params.status, from: params.from, to: params.to, page: params.page, pageSize: 20 },
  });
}

export function usePayments(params: PaymentsQuery) {
  return useQuery({
    queryKey: ['payments', 'list', params],
    queryFn: ({ signal }) => getPayments(params, signal),
    placeholderData: keepPreviousData,
  });
}
