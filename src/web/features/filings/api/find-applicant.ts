/** Who a new filing is for: at the counter, the e-account holder behind a national ID; online, the signed-in citizen. */
import { useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface Applicant {
  nationalId: string;
  name: string;
}

function findApplicant(nationalId?: string): Promise<Applicant> {
  return api('/api/v1/filings/applicant', { params: nationalId ? { nationalId } : undefined });
}

/** `nationalId` null: the signed-in citizen themself. Runs only while `enabled`. */
export function useApplicant(nationalId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['filings', 'applicant', nationalId],
    queryFn: () => findApplicant(nationalId ?? undefined),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
