/** A priced office service at the counter: its fee quoted for the office's province, then charged. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

/** The fee of a service today in this province (a pilot's service is priced only in its provinces). */
export const useServiceQuote = (service: string | null, provinceId: number | null) =>
  useQuery({
    queryKey: ['counter', 'quote', service, provinceId],
    queryFn: ({ signal }) =>
      call('tariffs.quote', { body: { service: service!, ...(provinceId ? { provinceId } : {}) } }, { signal }),
    enabled: !!service,
    retry: false,
  });

export function useChargeService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; serviceCode: string; citizenId: number; ticketId?: number }) =>
      call('payments.create', { body, headers: { 'idempotency-key': key } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['counter', 'today'] }),
  });
}
