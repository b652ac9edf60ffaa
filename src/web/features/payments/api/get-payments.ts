import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';
import type { PaymentStatus } from './get-payment';

export type PaymentListItem = CallResult<'payments.list'>['items'][number];

export { PAYMENT_STATUSES } from '#server/modules/payments/values';

const paymentsQueryOptions = (params: {
  status: PaymentStatus | null;
  from: string | null;
  to: string | null;
  sort?: CallInput<'payments.list'>['query']['sort'];
  page: number;
}) =>
  queryOptions({
    queryKey: ['payments', 'list', params],
    queryFn: ({ signal }) =>
      call(
        'payments.list',
        {
          query: {
            status: params.status ?? undefined,
            from: params.from ?? undefined,
            to: params.to ?? undefined,
            sort: params.sort,
            page: params.page,
            pageSize: 20,
          },
        },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

export function usePayments(params: Parameters<typeof paymentsQueryOptions>[0]) {
  return useQuery(paymentsQueryOptions(params));
}
