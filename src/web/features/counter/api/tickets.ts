import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type Ticket = CallResult<'counter.tickets'>['items'][number];
export type TicketStatus = Ticket['status'];
export type TicketSlip = CallResult<'counter.ticketSlip'>;

const ticketsQueryOptions = () =>
  queryOptions({
    queryKey: ['counter', 'tickets'],
    queryFn: ({ signal }) => call('counter.tickets', {}, { signal }),
    refetchInterval: 15_000,
  });
export const useTickets = () => useQuery(ticketsQueryOptions());

const ticketSlipQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['counter', 'tickets', id, 'slip'],
    queryFn: ({ signal }) => call('counter.ticketSlip', { params: { id } }, { signal }),
    retry: false,
  });
export const useTicketSlip = (id: number) => useQuery(ticketSlipQueryOptions(id));

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
  useCounterMutation((serviceCode: string | null) =>
    call('counter.issueTicket', { body: serviceCode ? { serviceCode } : {} }),
  );
export const useCallNext = () => useCounterMutation(() => call('counter.callNext'));
export const useMoveTicket = () =>
  useCounterMutation(
    ({ id, move, citizenId }: { id: number; move: 'call' | 'serve' | 'cancel'; citizenId?: number }) =>
      move === 'serve'
        ? call('counter.serveTicket', { params: { id }, body: citizenId ? { citizenId } : {} })
        : call(move === 'call' ? 'counter.callTicket' : 'counter.cancelTicket', { params: { id } }),
  );
