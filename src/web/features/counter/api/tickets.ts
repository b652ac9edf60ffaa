import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type Ticket = CallResult<'counter.tickets'>['items'][number];
export type TicketStatus = Ticket['status'];

const ticketsQueryOptions = () =>
  queryOptions({
    queryKey: ['counter', 'tickets'],
    queryFn: ({ signal }) => call('counter.tickets', {}, { signal }),
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

export const useIssueTicket = () => useCounterMutation(() => call('counter.issueTicket'));
export const useCallNext = () => useCounterMutation(() => call('counter.callNext'));
export const useMoveTicket = () =>
  useCounterMutation(
    ({ id, move, citizenId }: { id: number; move: 'call' | 'serve' | 'cancel'; citizenId?: number }) =>
      move === 'serve'
        ? call('counter.serveTicket', { params: { id }, body: citizenId ? { citizenId } : {} })
        : call(move === 'call' ? 'counter.callTicket' : 'counter.cancelTicket', { params: { id } }),
  );
