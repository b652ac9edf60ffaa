import { useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { CourtOption } from './types';

export function useCourtOptions(provinceId: number | null) {
  return useQuery({
    queryKey: ['filings', 'court-options', provinceId],
    queryFn: ({ signal }) =>
      api<{ items: CourtOption[] }>('/api/v1/filings/court-options', { signal, params: { provinceId } }),
    enabled: provinceId != null,
    staleTime: 10 * 60_000,
  });
}
