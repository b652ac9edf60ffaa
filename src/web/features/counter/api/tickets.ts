import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export type TicketStatus = 'waiting' | 'serving' | 'done' | 'cancelled';
export interface Ticket {
  id: number;
  officeId: number;
  day: string;
  dayJalali: string;
  number: number;
  status: TicketStatus;
  citizenId: number | null;
  servedBy: number | null;
  createdAt: string;
  calledAt: string | null;
  doneAt: string | null;
}

const ticketsQueryOptions = () =>
  queryOptions({
    queryKey: ['counter', 'tickets'],
    queryFn: ({ signal }) =>
      api<{ day: string; dayJalali: string; items: Ticket[] }>('/api/v1/counter/tickets', { signal }),
    refetchInterval: 15_000,
  });
export const useTickets = () => useQuery(ticketsQueryOptions());

function useCounterMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['counter'] });
    },
  });
}

export const useIssueTicket = () =>
  useCounterMutation(() => api<{ ticket: Ticket }>('/api/v1/counter/tickets', { method: 'POST' }));
export const useCallNext = () =>
  useCounterMutation(() => api<{ ticket: Ticket | null }>('/api/v1/counter/tickets/next', { method: 'POST' }));
export const useMoveTicket = () =>
  useCounterMutation(({ id, move, citizenId }: { id: number; move: 'call' | 'serve' | 'cancel'; citizenId?: number }) =>
    api<{ ticket: Ticket }>(`/api/v1/counter/tickets/${id}/${move}`, {
      method: 'POST',
      body: move === 'serve' && citizenId ? { citizenId } : {},
    }),
  );
