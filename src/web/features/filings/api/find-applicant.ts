/** Who a new filing is for: at the counter, the e-account holder behind a national ID; online, the signed-in citizen. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

/** `nationalId` null: the signed-in citizen themself. */
const applicantQueryOptions = (nationalId: string | null) =>
  queryOptions({
    queryKey: ['filings', 'applicant', nationalId],
    queryFn: ({ signal }) => call('filings.applicant', { query: nationalId ? { nationalId } : {} }, { signal }),
    retry: false,
    staleTime: 60_000,
  });

/** Runs only while `enabled`. */
export function useApplicant(nationalId: string | null, enabled: boolean) {
  return useQuery({ ...applicantQueryOptions(nationalId), enabled });
}
