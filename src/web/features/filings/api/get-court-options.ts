import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

const courtOptionsQueryOptions = (provinceId: number) =>
  queryOptions({
    queryKey: ['filings', 'court-options', provinceId],
    queryFn: ({ signal }) => call('filings.courtOptions', { query: { provinceId } }, { signal }),
    staleTime: 10 * 60_000,
  });

export function useCourtOptions(provinceId: number | null) {
  return useQuery({ ...courtOptionsQueryOptions(provinceId ?? 0), enabled: provinceId != null });
}
