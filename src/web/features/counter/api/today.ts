import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface Today {
  officeId: number;
  day: string;
  dayJalali: string;
  tickets: { waiting: number; serving: number; done: number; cancelled: number };
  services: { code: string; title: LocalizedText; count: number; amountRials: number }[];
  servicesTotalRials: number;
  filings: { status: string; count: number }[];
  revenueRials: number;
  paidPayments: number;
}

const todayQueryOptions = () =>
  queryOptions({
    queryKey: ['counter', 'today'],
    queryFn: ({ signal }) => api<Today>('/api/v1/counter/today', { signal }),
    refetchInterval: 30_000,
  });
export const useToday = () => useQuery(todayQueryOptions());
